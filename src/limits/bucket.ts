/** A budget's shape: a token bucket of `capacity` points refilled at `restoreRate` points per second. */
export interface BucketSpec {
  capacity: number;
  restoreRate: number;
}

/** What a charge found. */
export interface BucketResult {
  /** Whether the points were taken (always true for a peek or a refund). */
  allowed: boolean;
  /** Points left after the operation. */
  available: number;
}

/**
 * Where budgets live. `take` is atomic per key: it refills by elapsed time, then takes `cost`
 * points only if that many are available. A negative cost gives points back (capped at the
 * capacity); zero only reads.
 */
export interface BucketStore {
  take(key: string, cost: number, spec: BucketSpec): Promise<BucketResult>;
}

/** Whole seconds until `cost` points are available again (at least 1), for `Retry-After`. */
export function retryAfterSeconds(cost: number, available: number, spec: BucketSpec): number {
  return Math.max(1, Math.ceil((cost - available) / spec.restoreRate));
}
