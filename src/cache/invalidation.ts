import { randomUUID } from 'node:crypto';
import { generationKey, productGenerationKey } from './cache-keys.ts';
import type { CacheStore } from './cache-store.ts';

/** What mutations evict. */
export interface CacheInvalidator {
  /** The viewer changed their own data (orders, profile): retires all their PRIVATE entries on every surface. */
  viewerChanged(viewerId: string): Promise<void>;
  /** Stock of these products changed: retires their stock fields on every surface (one generation bump per product). */
  stockChanged(productIds: readonly string[]): Promise<void>;
}

/** Generations outlive every entry they guard (the longest max age is an hour). */
const GENERATION_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Evicts by generation: a viewer's (one write retires every PRIVATE entry of the viewer, whatever
 * its arguments) and a product's (its stock fields), on all surfaces, including those served by
 * other processes, since they share the store. Entries are keyed by the generation read before
 * their value was resolved, so a resolution still in flight when the generation changes writes
 * under the old one, where nobody reads: a stale value never lands after an eviction.
 */
export function createInvalidator(store: CacheStore): CacheInvalidator {
  return {
    async viewerChanged(viewerId) {
      await store.setMany([{ key: generationKey(viewerId), value: randomUUID(), ttlMs: GENERATION_TTL_MS }]);
    },
    async stockChanged(productIds) {
      await store.setMany(productIds.map((id) => ({ key: productGenerationKey(id), value: randomUUID(), ttlMs: GENERATION_TTL_MS })));
    },
  };
}
