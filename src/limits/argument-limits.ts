import {
  GraphQLError,
  GraphQLID,
  GraphQLString,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { HeaderMap } from '@apollo/server';

/** The shape every `ID` value must have: the backends' keys (a comma is not an id). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** How a maximum length is declared in a `String` argument's or input field's SDL description. */
const DECLARED_MAX = /\b(?:at most|to) (\d+) characters\b/;

/**
 * The maximum length, in characters, of every `String` argument and input field of a schema, by
 * coordinate (`Query.search(text:)`, `ProductFilter.text`), read from its description ("at most
 * 100 characters", "1 to 60 characters"), so the documentation clients read is the rule enforced.
 */
export function declaredMaxLengths(schema: GraphQLSchema): Map<string, number> {
  const limits = new Map<string, number>();
  const declare = (coordinate: string, type: GraphQLInputType, description: string | null | undefined): void => {
    if (getNamedType(type) !== GraphQLString) return;
    const max = DECLARED_MAX.exec(description ?? '')?.[1];
    if (max !== undefined) limits.set(coordinate, Number(max));
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) declare(`${type.name}.${field.name}(${arg.name}:)`, arg.type, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) declare(`${type.name}.${field.name}`, field.type, field.description);
    }
  }
  return limits;
}

/** `String` arguments and input fields that declare no maximum length (a schema test keeps this empty). */
export function undeclaredStringInputs(schema: GraphQLSchema): string[] {
  const limits = declaredMaxLengths(schema);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const check = (coordinate: string, inputType: GraphQLInputType): void => {
      if (getNamedType(inputType) === GraphQLString && !limits.has(coordinate)) missing.push(coordinate);
    };
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.type);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.type);
  }
  return missing;
}

/** A BAD_USER_INPUT refusal of the whole request (HTTP 400) naming the argument, e.g. `filter.text`. */
function refusal(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400, headers: new HeaderMap() } } });
}

/** A field of an operation that takes arguments, with its definition and the name of its parent type. */
interface ArgumentSite {
  field: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  parent: string;
}

/** Argument sites by schema and operation: Apollo keeps one parsed document per query, so the walk is done once. */
const sitesByOperation = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, readonly ArgumentSite[]>>();

/**
 * The fields of an operation that take arguments, in document order, into fragments (each once),
 * found by one typed walk per schema and operation and kept while the parsed operation lives.
 */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly ArgumentSite[] {
  let bySchema = sitesByOperation.get(schema);
  if (!bySchema) sitesByOperation.set(schema, (bySchema = new WeakMap()));
  const known = bySchema.get(operation);
  if (known) return known;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const typeInfo = new TypeInfo(schema);
  const visited = new Set<string>();
  const sites: ArgumentSite[] = [];
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const definition = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!definition || !parent || definition.args.length === 0) return;
          sites.push({ field, definition, parent: parent.name });
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !visited.has(fragment.name.value)) {
            visited.add(fragment.name.value);
            walk(fragment);
          }
        },
      }),
    );
  };
  walk(operation);
  bySchema.set(operation, sites);
  return sites;
}

/**
 * Checks every argument value the operation passes (inline or by variable, through fragments and
 * into input objects and lists) before anything runs: `ID` values must match {@link ID_PATTERN},
 * `String` values must not exceed their declared maximum length. Returns the first refusal, or
 * undefined. Values that do not coerce are left to execution, which reports them.
 */
export function argumentViolation(
  schema: GraphQLSchema,
  limits: ReadonlyMap<string, number>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  let violation: GraphQLError | undefined;

  const checkValue = (value: unknown, type: GraphQLInputType, coordinate: string, argument: string): void => {
    if (violation || value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) value.forEach((item, index) => checkValue(item, nullable.ofType as GraphQLInputType, coordinate, `${argument}[${index}]`));
      return;
    }
    if (isInputObjectType(nullable)) {
      for (const field of Object.values(nullable.getFields())) {
        checkValue((value as Record<string, unknown>)[field.name], field.type, `${nullable.name}.${field.name}`, `${argument}.${field.name}`);
      }
      return;
    }
    if (typeof value !== 'string') return;
    if (nullable === GraphQLID && !ID_PATTERN.test(value)) violation = refusal(argument, 'must be an id: 1 to 64 letters, digits, _ or -');
    const max = limits.get(coordinate);
    if (max !== undefined && [...value].length > max) violation = refusal(argument, `must be at most ${max} characters`);
  };

  for (const site of argumentSites(schema, document, operation)) {
    if (violation) break;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(site.definition, site.field, coerced.coerced);
    } catch {
      continue;
    }
    for (const arg of site.definition.args) checkValue(values[arg.name], arg.type, `${site.parent}.${site.definition.name}(${arg.name}:)`, arg.name);
  }
  return violation;
}
