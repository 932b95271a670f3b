import { retryAfterSeconds, type BucketSpec } from './bucket.ts';
import type { BucketSource, FallbackBucketStore } from './fallback-bucket-store.ts';

/** A budget as clients see it in `extensions.cost.throttleStatus` (Shopify's shape). */
export interface ThrottleStatus {
  /** The bucket's capacity, in cost points. */
  maximumAvailable: number;
  /** Points left now (whole points). */
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

/** The outcome of charging an operation's estimate. */
export interface Charge {
  allowed: boolean;
  status: ThrottleStatus;
  /** Whole seconds until the estimate fits (0 when allowed). */
  retryAfterSeconds: number;
  /** Where the points were taken, for the refund. */
  source: BucketSource;
}

/** One surface's per-client budgets: charge the estimate, refund what execution did not use. */
export class Throttle {
  readonly #store: FallbackBucketStore;
  readonly #spec: BucketSpec;

  constructor(store: FallbackBucketStore, spec: BucketSpec) {
    this.#store = store;
    this.#spec = spec;
  }

  /** Takes `cost` points from the client's budget if it holds that many. */
  async charge(key: string, cost: number): Promise<Charge> {
    const result = await this.#store.take(key, cost, this.#spec);
    return {
      allowed: result.allowed,
      status: this.#status(result.available),
      retryAfterSeconds: result.allowed ? 0 : retryAfterSeconds(cost, result.available, this.#spec),
      source: result.source,
    };
  }

  /** Gives back `points` to the budget a charge was taken from. */
  async refund(key: string, points: number, charge: Charge): Promise<ThrottleStatus> {
    const result = await this.#store.take(key, -points, this.#spec, charge.source);
    return this.#status(result.available);
  }

  /** The client's budget, unchanged. */
  async peek(key: string): Promise<ThrottleStatus> {
    const result = await this.#store.take(key, 0, this.#spec);
    return this.#status(result.available);
  }

  #status(available: number): ThrottleStatus {
    return { maximumAvailable: this.#spec.capacity, currentlyAvailable: Math.floor(available), restoreRate: this.#spec.restoreRate };
  }
}
