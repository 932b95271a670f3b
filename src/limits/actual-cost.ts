import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type GraphQLNamedType, type SelectionSetNode } from 'graphql';
import type { CostModel } from './cost-model.ts';

type ResultObject = Record<string, unknown>;

/** One response key of a selection, with what it costs when resolved and what is selected below it. */
interface PricedField {
  key: string;
  weight: number;
  explicitWeight: boolean;
  /** `@cost` of the arguments given. */
  argumentWeight: number;
  /** Below the field; empty for a leaf. */
  children: PricedField[];
}

/** Each operation's priced selections, per cost model (a model belongs to one schema). */
const plans = new WeakMap<CostModel, WeakMap<OperationDefinitionNode, PricedField[]>>();

/** The operation's selections merged by response key as execution merges them, priced by the model, once. */
function planOf(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode): PricedField[] {
  let byOperation = plans.get(model);
  if (!byOperation) plans.set(model, (byOperation = new WeakMap()));
  const known = byOperation.get(operation);
  if (known) return known;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const collect = (sets: readonly SelectionSetNode[], into: Map<string, FieldNode[]>, visited: Set<string>): void => {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const list = into.get(key);
          if (list) list.push(selection);
          else into.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect([selection.selectionSet], into, visited);
        } else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect([fragment.selectionSet], into, visited);
        }
      }
    }
  };
  const price = (sets: readonly SelectionSetNode[], type: GraphQLNamedType): PricedField[] => {
    const fields = new Map<string, FieldNode[]>();
    collect(sets, fields, new Set());
    const priced: PricedField[] = [];
    for (const [key, nodes] of fields) {
      const first = nodes[0] as FieldNode;
      if (first.name.value.startsWith('__')) continue;
      const cost = model.field(type.name, first.name.value);
      if (!cost) continue;
      let argumentWeight = 0;
      for (const argument of first.arguments ?? []) argumentWeight += cost.argumentWeights.get(argument.name.value) ?? 0;
      const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      priced.push({ key, weight: cost.weight, explicitWeight: cost.explicitWeight, argumentWeight, children: childSets.length > 0 ? price(childSets, cost.type) : [] });
    }
    return priced;
  };
  const root = operation.operation === 'mutation' ? model.schema.getMutationType() : model.schema.getQueryType();
  const plan = root ? price([operation.selectionSet], root) : [];
  byOperation.set(operation, plan);
  return plan;
}

function objectCost(fields: readonly PricedField[], value: ResultObject): number {
  let total = 0;
  for (const field of fields) {
    const resolved = value[field.key];
    // Absent (graphql-js) or undefined (graphql-jit): left out by @skip/@include, never resolved.
    if (resolved === undefined) continue;
    total += field.argumentWeight;
    if (resolved === null) {
      if (field.explicitWeight) total += field.weight;
      continue;
    }
    const items = Array.isArray(resolved) ? resolved : [resolved];
    for (const item of items) {
      if (item === null || item === undefined) continue;
      total += field.weight;
      if (field.children.length > 0 && typeof item === 'object') total += objectCost(field.children, item as ResultObject);
    }
  }
  return total;
}

/**
 * The cost of what execution actually resolved, in the estimate's units, read from the result:
 * fields are merged by response key as execution merges them, each resolved object costs its
 * weight, lists cost their real length, and a field with its own `@cost` costs it even when it
 * returned null (its resolver ran). Never more than {@link estimateCost} for the same operation.
 * The operation's selections are merged and priced once and kept while the operation is.
 */
export function actualCost(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, data: ResultObject | null | undefined): number {
  if (!data) return 0;
  return objectCost(planOf(model, document, operation), data);
}
