import {
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { DEFAULT_LIST_SIZE, LIST_BOUNDS } from './list-bounds.ts';

/** How a list field is sized (`@listSize`), with the bound that keeps the estimate an upper bound. */
export interface ListSizing {
  /** Arguments whose value is the list's size (e.g. `first`). */
  slicingArguments: readonly string[];
  /** Child fields the slicing argument sizes (a connection's `nodes`); empty when the field itself is the list. */
  sizedFields: readonly string[];
  /** Size used when no slicing argument has a value: max(assumedSize, known bound), else {@link DEFAULT_LIST_SIZE}. */
  fallbackSize: number;
}

/** What the cost of one field depends on. */
export interface FieldCost {
  readonly definition: GraphQLField<unknown, unknown>;
  /** The named return type. */
  readonly type: GraphQLNamedType;
  /** Whether the return type is a list. */
  readonly isList: boolean;
  /** Cost per resolved value: `@cost` on the field, else on its type, else 1 for composite types, 0 for scalars and enums. */
  readonly weight: number;
  /** Whether `weight` comes from `@cost` on the field: its resolver costs that much even when it returns null. */
  readonly explicitWeight: boolean;
  /** `@cost` weights of arguments, counted when the argument is given. */
  readonly argumentWeights: ReadonlyMap<string, number>;
  readonly sizing: ListSizing | undefined;
}

/** The cost directives of a schema, read once: field costs by `Type.field`. */
export interface CostModel {
  readonly schema: GraphQLSchema;
  field(typeName: string, fieldName: string): FieldCost | undefined;
}

/** Reads `@cost` and `@listSize` (GraphQL cost directive specification) from every field of the schema. */
export function buildCostModel(schema: GraphQLSchema): CostModel {
  const costDirective = schema.getDirective('cost');
  const listSizeDirective = schema.getDirective('listSize');
  const weightOf = (node: Parameters<typeof getDirectiveValues>[1] | null | undefined): number | undefined => {
    if (!costDirective || !node) return undefined;
    const weight = getDirectiveValues(costDirective, node)?.weight;
    const parsed = typeof weight === 'string' ? Number(weight) : NaN;
    return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
  };
  const fields = new Map<string, FieldCost>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const definition of Object.values(type.getFields())) {
      const named = getNamedType(definition.type);
      const fieldWeight = weightOf(definition.astNode);
      const typeWeight = weightOf(named.astNode) ?? (isCompositeType(named) ? 1 : 0);
      const argumentWeights = new Map<string, number>();
      for (const argument of definition.args) {
        const weight = weightOf(argument.astNode);
        if (weight !== undefined) argumentWeights.set(argument.name, weight);
      }
      const coordinate = `${type.name}.${definition.name}`;
      fields.set(coordinate, {
        definition,
        type: named,
        isList: returnsList(definition.type),
        weight: fieldWeight ?? typeWeight,
        explicitWeight: fieldWeight !== undefined,
        argumentWeights,
        sizing: sizingOf(listSizeDirective, definition, coordinate),
      });
    }
  }
  return { schema, field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) };
}

function returnsList(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

function sizingOf(directive: GraphQLDirective | null | undefined, definition: GraphQLField<unknown, unknown>, coordinate: string): ListSizing | undefined {
  const values = directive && definition.astNode ? getDirectiveValues(directive, definition.astNode) : undefined;
  const bound = LIST_BOUNDS[coordinate];
  if (!values && bound === undefined) return undefined;
  const assumed = typeof values?.assumedSize === 'number' ? values.assumedSize : undefined;
  const candidates = [assumed, bound].filter((n): n is number => n !== undefined);
  return {
    slicingArguments: Array.isArray(values?.slicingArguments) ? (values.slicingArguments as string[]) : [],
    sizedFields: Array.isArray(values?.sizedFields) ? (values.sizedFields as string[]) : [],
    fallbackSize: candidates.length > 0 ? Math.max(...candidates) : DEFAULT_LIST_SIZE,
  };
}
