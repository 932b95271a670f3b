import type { Logger } from 'pino';
import type { SurfaceName } from '../surface-names.ts';
import type { RedisGuard } from '../redis.ts';
import { FallbackBucketStore } from './fallback-bucket-store.ts';
import type { SurfaceLimits, ThrottleSettings } from './limits-config.ts';
import { MemoryBucketStore } from './memory-bucket-store.ts';
import { RedisBucketStore } from './redis-bucket-store.ts';
import { Throttle } from './throttle.ts';

/** What a surface's throttle is built from. */
export interface ThrottleDependencies {
  surface: SurfaceName;
  limits: SurfaceLimits;
  settings: ThrottleSettings;
  /** Shared budgets when given (Redis behind its guard); budgets in memory otherwise. */
  redis: RedisGuard | undefined;
  logger: Logger;
  /** Called for every charge made in memory because Redis could not answer. */
  onFallback(): void;
}

const FALLBACK_LOG_INTERVAL_MS = 10_000;

/** A surface's budgets (undefined when throttling is off): in Redis with the in-memory fallback, or in memory. */
export function createThrottle(deps: ThrottleDependencies): Throttle | undefined {
  if (!deps.settings.enabled) return undefined;
  const shared = deps.redis ? new RedisBucketStore(deps.redis, { keyPrefix: deps.settings.keyPrefix }) : undefined;
  let lastLogged = -Infinity;
  const store = new FallbackBucketStore(shared, new MemoryBucketStore(), (error) => {
    deps.onFallback();
    const now = performance.now();
    if (now - lastLogged < FALLBACK_LOG_INTERVAL_MS) return;
    lastLogged = now;
    deps.logger.warn({ err: error, surface: deps.surface }, 'throttle: redis unavailable, budgets enforced per process');
  });
  return new Throttle(store, deps.limits.throttle);
}
