import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { CostModel } from './cost-model.ts';

type ResultObject = Record<string, unknown>;

/**
 * The cost of what execution actually resolved, in the estimate's units, read from the result:
 * fields are merged by response key as execution merges them, each resolved object costs its
 * weight, lists cost their real length, and a field with its own `@cost` costs it even when it
 * returned null (its resolver ran). Never more than {@link estimateCost} for the same operation.
 */
export function actualCost(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, data: ResultObject | null | undefined): number {
  if (!data) return 0;
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

  // Every item of a list shares its selection sets: merge them once per list, not once per item.
  const merged = new WeakMap<readonly SelectionSetNode[], Map<string, FieldNode[]>>();
  const fieldsOf = (sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> => {
    let fields = merged.get(sets);
    if (!fields) {
      fields = new Map();
      collect(sets, fields, new Set());
      merged.set(sets, fields);
    }
    return fields;
  };

  const children = new WeakMap<FieldNode[], SelectionSetNode[]>();
  const childSetsOf = (nodes: FieldNode[]): SelectionSetNode[] => {
    let sets = children.get(nodes);
    if (!sets) {
      sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      children.set(nodes, sets);
    }
    return sets;
  };

  const objectCost = (sets: readonly SelectionSetNode[], type: GraphQLNamedType, value: ResultObject): number => {
    const fields = fieldsOf(sets);
    let total = 0;
    for (const [key, nodes] of fields) {
      const first = nodes[0] as FieldNode;
      if (first.name.value.startsWith('__') || value[key] === undefined) continue;
      const cost = model.field(type.name, first.name.value);
      if (!cost) continue;
      for (const argument of first.arguments ?? []) total += cost.argumentWeights.get(argument.name.value) ?? 0;
      const childSets = childSetsOf(nodes);
      const resolved = value[key];
      const items = Array.isArray(resolved) ? resolved : [resolved];
      if (resolved === null || resolved === undefined) {
        if (cost.explicitWeight) total += cost.weight;
        continue;
      }
      for (const item of items) {
        if (item === null || item === undefined) continue;
        total += cost.weight;
        if (childSets.length > 0 && typeof item === 'object') total += objectCost(childSets, cost.type, item as ResultObject);
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? model.schema.getMutationType() : model.schema.getQueryType();
  return root ? objectCost([operation.selectionSet], root, data) : 0;
}
