import { LRUCache } from 'lru-cache';
import type { BucketResult, BucketSpec, BucketStore } from './bucket.ts';

interface Bucket {
  tokens: number;
  /** Monotonic time of the last update, in milliseconds. */
  at: number;
}

/** Options of {@link MemoryBucketStore}. */
export interface MemoryBucketStoreOptions {
  /** Most budgets kept; the least recently used go (a dropped budget starts full). Default 100,000. */
  maxKeys?: number;
  /** Clock in milliseconds (monotonic). Default `performance.now`. */
  now?: () => number;
}

/** Budgets in this process's memory: exact for one process, not shared between replicas. */
export class MemoryBucketStore implements BucketStore {
  readonly #buckets: LRUCache<string, Bucket>;
  readonly #now: () => number;

  constructor(options: MemoryBucketStoreOptions = {}) {
    this.#buckets = new LRUCache({ max: options.maxKeys ?? 100_000 });
    this.#now = options.now ?? (() => performance.now());
  }

  /** Synchronous {@link BucketStore.take}. */
  takeNow(key: string, cost: number, spec: BucketSpec): BucketResult {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: spec.capacity, at: now };
    const tokens = Math.min(spec.capacity, bucket.tokens + (Math.max(0, now - bucket.at) * spec.restoreRate) / 1000);
    const allowed = cost <= tokens;
    const left = Math.min(spec.capacity, allowed ? tokens - cost : tokens);
    if (cost !== 0) this.#buckets.set(key, { tokens: left, at: now });
    return { allowed, available: left };
  }

  async take(key: string, cost: number, spec: BucketSpec): Promise<BucketResult> {
    return this.takeNow(key, cost, spec);
  }
}
