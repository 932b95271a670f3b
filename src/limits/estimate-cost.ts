import {
  getArgumentValues,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostModel, FieldCost } from './cost-model.ts';
import { DEFAULT_LIST_SIZE } from './list-bounds.ts';

/** The children a parent's slicing argument sizes (a connection's `nodes`), and by how much. */
export interface SizedChildren {
  fields: readonly string[];
  size: number;
}

/**
 * The static cost of an operation, following the GraphQL cost directive specification, once the
 * variables are known (so `first: $n` costs what `first: 1000` costs): each field costs its
 * weight (`@cost`, else 1 for objects and 0 for scalars and enums) plus its children, times the
 * list size for lists (the slicing argument's value, else the assumed size or known bound).
 * Every branch of every fragment and `@skip`/`@include` is counted, so the estimate is an upper
 * bound of what execution resolves. Introspection and `__typename` cost nothing.
 */
export function estimateCost(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(model.schema, operation.variableDefinitions ?? [], variables ?? {});
  // Variables that do not coerce fail execution before any resolver runs; price with the defaults.
  const variableValues = 'coerced' in coerced && coerced.coerced ? coerced.coerced : {};
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const fieldCost = (node: FieldNode, cost: FieldCost, sized: SizedChildren | undefined): number => {
    let args: Record<string, unknown> | undefined;
    const argsOf = (): Record<string, unknown> => {
      if (!args) {
        try {
          args = getArgumentValues(cost.definition, node, variableValues);
        } catch {
          args = {};
        }
      }
      return args;
    };
    let argumentCost = 0;
    if (cost.argumentWeights.size > 0) {
      for (const argument of node.arguments ?? []) argumentCost += cost.argumentWeights.get(argument.name.value) ?? 0;
    }
    const { size, childSized } = listSizing(node, cost, sized, argsOf);
    const children = node.selectionSet ? selectionCost(node.selectionSet, cost.type, childSized) : 0;
    return argumentCost + size * (cost.weight + children);
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType, sized: SizedChildren | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const cost = model.field(parent.name, selection.name.value);
        if (cost) total += fieldCost(selection, cost, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? model.schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += selectionCost(selection.selectionSet, type, sized);
      } else {
        total += fragmentCost(selection.name.value, sized);
      }
    }
    return total;
  };

  const fragmentCost = (name: string, sized: SizedChildren | undefined): number => {
    const key = sized ? `${name}|${sized.size}|${sized.fields.join(',')}` : name;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const type = fragment ? model.schema.getType(fragment.typeCondition.name.value) : undefined;
    if (!fragment || !type || inProgress.has(key)) return 0;
    inProgress.add(key);
    const value = selectionCost(fragment.selectionSet, type, sized);
    inProgress.delete(key);
    memo.set(key, value);
    return value;
  };

  const root = operation.operation === 'mutation' ? model.schema.getMutationType() : operation.operation === 'subscription' ? model.schema.getSubscriptionType() : model.schema.getQueryType();
  return root ? selectionCost(operation.selectionSet, root, undefined) : 0;
}

/**
 * How many values a field yields per parent value (`size`: its list size, 1 for a single value),
 * and which of its children its slicing argument sizes (a connection's `nodes`). `sized` is what
 * the parent passed down; `argsOf` gives the field's coerced arguments (read only when needed).
 */
export function listSizing(
  node: FieldNode,
  cost: FieldCost,
  sized: SizedChildren | undefined,
  argsOf: () => Record<string, unknown>,
): { size: number; childSized: SizedChildren | undefined } {
  if (sized && cost.isList && sized.fields.includes(node.name.value)) return { size: sized.size, childSized: undefined };
  if (cost.sizing) {
    const sliced = slicedSize(cost, argsOf());
    if (cost.sizing.sizedFields.length > 0) return { size: 1, childSized: { fields: cost.sizing.sizedFields, size: sliced } };
    return { size: cost.isList ? sliced : 1, childSized: undefined };
  }
  return { size: cost.isList ? DEFAULT_LIST_SIZE : 1, childSized: undefined };
}

/** The size a slicing argument asks for: the largest given (an explicit null means the default), else the fallback. */
function slicedSize(cost: FieldCost, args: Record<string, unknown>): number {
  const sizing = cost.sizing;
  if (!sizing) return 1;
  let size: number | undefined;
  for (const name of sizing.slicingArguments) {
    let value = args[name];
    if (value === null || value === undefined) value = cost.definition.args.find((a) => a.name === name)?.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value, 0);
  }
  return size ?? sizing.fallbackSize;
}
