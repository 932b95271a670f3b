import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { CostModel } from './cost-model.ts';
import { estimateCost } from './estimate-cost.ts';

/** Estimates kept per document (Apollo reuses the parsed document of a known query). */
const PER_DOCUMENT = 64;

/**
 * {@link estimateCost} with a cache per document and variables: a known query with the same
 * variables is priced without walking it again.
 */
export function cachedEstimator(model: CostModel): (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) => number {
  const cache = new WeakMap<DocumentNode, Map<string, number>>();
  return (document, operation, variables) => {
    const key = `${operation.name?.value ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
    let estimates = cache.get(document);
    const known = estimates?.get(key);
    if (known !== undefined) return known;
    const estimate = estimateCost(model, document, operation, variables);
    if (!estimates) cache.set(document, (estimates = new Map()));
    if (estimates.size >= PER_DOCUMENT) estimates.clear();
    estimates.set(key, estimate);
    return estimate;
  };
}
