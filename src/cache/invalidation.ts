import { randomUUID } from 'node:crypto';
import { entryKey, generationKey } from './cache-keys.ts';
import type { CacheStore } from './cache-store.ts';

/** A surface's cache namespace and the coordinates whose values depend on stock. */
export interface SurfaceCacheLayout {
  namespace: string;
  /** `Type.field` coordinates keyed by product id without arguments, e.g. `Product.stock`. */
  stockFields: readonly string[];
}

/** What mutations evict. */
export interface CacheInvalidator {
  /** The viewer changed their own data (orders, profile): retires all their PRIVATE entries on every surface. */
  viewerChanged(viewerId: string): Promise<void>;
  /** Stock of these products changed: deletes their stock fields on every surface. */
  stockChanged(productIds: readonly string[]): Promise<void>;
}

/** Generations outlive every entry they guard (the longest max age is an hour). */
const GENERATION_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Evicts by viewer generation (one write retires every PRIVATE entry of the viewer, whatever its
 * arguments) and by exact keys for stock fields, on all surfaces, including those served by
 * other processes, since they share the store.
 */
export function createInvalidator(store: CacheStore, surfaces: readonly SurfaceCacheLayout[]): CacheInvalidator {
  return {
    async viewerChanged(viewerId) {
      await store.setMany([{ key: generationKey(viewerId), value: randomUUID(), ttlMs: GENERATION_TTL_MS }]);
    },
    async stockChanged(productIds) {
      const keys = surfaces.flatMap(({ namespace, stockFields }) =>
        stockFields.flatMap((coordinate) => productIds.map((parentId) => entryKey({ namespace, coordinate, parentId, args: {} }))),
      );
      await store.deleteMany(keys);
    },
  };
}
