import { getArgumentValues, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ServiceName } from '../../clients/errors.ts';
import type { CostModel } from './cost-model.ts';
import { listSizing, type SizedChildren } from './estimate-cost.ts';

/** A backend call a field's resolver makes. */
export interface CallSource {
  service: ServiceName;
  /** The backend's name for the call, as its control plane counts it (`GET /products`, `ListOrdersByUser`). */
  method: string;
  /** Keys go through a DataLoader, batched up to the service's batch limit; otherwise one call per parent value. */
  batched: boolean;
  /** The key is the signed-in viewer's id: every such call of the operation is one key, planned where it first appears. */
  viewerKey?: boolean;
}

/** The calls each field's resolver makes, by schema coordinate (`Type.field`); fields not listed call nothing. */
export type CallSources = Readonly<Record<string, readonly CallSource[]>>;

/** The calls of one method of one service at one resolver level. */
export interface PlannedCalls {
  /** Resolver level: 1 for root fields, 2 for their children, and so on. */
  level: number;
  service: ServiceName;
  method: string;
  /** Keys asked for at most (values reaching the resolvers; duplicates collapse at run time). */
  keys: number;
  /** Calls at most: one per batch of up to the batch limit, or one per key when not batched. */
  calls: number;
  /** Keys per call of a batched method, largest first. */
  batchSizes: number[];
}

/** Sizes of the batches `count` keys split into under `limit` keys per call, largest first. */
export function batchSizes(count: number, limit: number): number[] {
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= limit) sizes.push(Math.min(left, limit));
  return sizes;
}

/**
 * The backend call plan of an operation before it runs: for each resolver level, the calls each
 * service gets, from the fields' {@link CallSources} and how many values reach each field (list
 * sizes as the cost estimate counts them: slicing arguments, `@listSize`, known bounds). Keys of
 * one method asked by sibling fields of the same values are one set (a DataLoader deduplicates
 * them: `price` and `stock` of the same products); batched keys are split by `batchLimits`. Like
 * the estimate, every branch counts, so the figures are upper bounds.
 */
export function planCalls(
  model: CostModel,
  sources: CallSources,
  batchLimits: Readonly<Record<ServiceName, number>>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): PlannedCalls[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(model.schema, operation.variableDefinitions ?? [], variables ?? {});
  const variableValues = 'coerced' in coerced && coerced.coerced ? coerced.coerced : {};
  // keys per (level, service, method), then per parent path: siblings on the same values share their keys.
  const keys = new Map<string, Map<string, number>>();
  const viewerReads = new Set<string>();
  const add = (level: number, source: CallSource, parentPath: string, count: number) => {
    if (source.viewerKey) {
      if (viewerReads.has(`${source.service}|${source.method}`)) return;
      viewerReads.add(`${source.service}|${source.method}`);
      count = 1;
    }
    const methodKey = `${level}|${source.service}|${source.method}|${source.batched ? 'batched' : 'single'}`;
    const byParent = keys.get(methodKey) ?? new Map<string, number>();
    byParent.set(parentPath, Math.max(byParent.get(parentPath) ?? 0, count));
    keys.set(methodKey, byParent);
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, values: number, sized: SizedChildren | undefined, level: number, path: string, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const cost = model.field(parent.name, selection.name.value);
        if (!cost) continue;
        const coordinate = `${parent.name}.${selection.name.value}`;
        for (const source of sources[coordinate] ?? []) add(level, source, path, values);
        if (!selection.selectionSet) continue;
        const argsOf = () => {
          try {
            return getArgumentValues(cost.definition, selection, variableValues);
          } catch {
            return {};
          }
        };
        const { size, childSized } = listSizing(selection, cost, sized, argsOf);
        walk(selection.selectionSet, cost.type, values * size, childSized, level + 1, `${path}/${selection.alias?.value ?? selection.name.value}`, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? model.schema.getType(selection.typeCondition.name.value) : parent;
        if (type) walk(selection.selectionSet, type, values, sized, level, path, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment ? model.schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && type && !seen.has(fragment.name.value)) walk(fragment.selectionSet, type, values, sized, level, path, new Set([...seen, fragment.name.value]));
      }
    }
  };

  const root = operation.operation === 'mutation' ? model.schema.getMutationType() : model.schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, undefined, 1, '', new Set());
  return [...keys].map(([methodKey, byParent]) => {
    const [level = '0', service = '', method = '', mode] = methodKey.split('|');
    const total = [...byParent.values()].reduce((sum, n) => sum + n, 0);
    const batches = mode === 'batched' ? batchSizes(total, batchLimits[service as ServiceName]) : [];
    return { level: Number(level), service: service as ServiceName, method, keys: total, calls: mode === 'batched' ? batches.length : total, batchSizes: batches };
  });
}
