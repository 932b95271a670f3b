import type { BucketResult, BucketSpec } from './bucket.ts';
import type { MemoryBucketStore } from './memory-bucket-store.ts';
import type { RedisBucketStore } from './redis-bucket-store.ts';

/** Where a charge was made, so that its refund goes to the same place. */
export type BucketSource = 'shared' | 'local';

/** A charge's result and where it was made. */
export interface SourcedResult extends BucketResult {
  source: BucketSource;
}

/**
 * Shared budgets in Redis with a declared fallback: when Redis is down, slow (past its command
 * timeout) or failing, each process enforces the same budget in its own memory, so a client gets
 * at most one budget per replica until Redis answers again. Never an error to the client.
 */
export class FallbackBucketStore {
  readonly #shared: RedisBucketStore | undefined;
  readonly #local: MemoryBucketStore;
  readonly #onFallback: (error: unknown) => void;

  /** `onFallback` is called for every charge made locally because Redis could not answer. */
  constructor(shared: RedisBucketStore | undefined, local: MemoryBucketStore, onFallback: (error: unknown) => void) {
    this.#shared = shared;
    this.#local = local;
    this.#onFallback = onFallback;
  }

  /** Takes `cost` points (see `BucketStore.take`) from the shared budget, else the local one. */
  async take(key: string, cost: number, spec: BucketSpec, source: BucketSource = 'shared'): Promise<SourcedResult> {
    if (this.#shared && source === 'shared') {
      if (this.#shared.ready) {
        try {
          return { ...(await this.#shared.take(key, cost, spec)), source: 'shared' };
        } catch (error) {
          this.#onFallback(error);
        }
      } else {
        this.#onFallback(new Error('redis not connected'));
      }
    }
    return { ...this.#local.takeNow(key, cost, spec), source: 'local' };
  }
}
