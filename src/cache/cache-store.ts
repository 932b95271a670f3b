import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RedisGuard } from '../redis.ts';

/** One value to write, with its time to live in milliseconds. */
export interface CacheWrite {
  key: string;
  value: unknown;
  ttlMs: number;
}

/**
 * The field cache's storage. Never throws: when the store fails or is slower than its bound,
 * reads miss and writes are dropped, logged and counted, and requests go to the backends.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: CacheWrite[]): Promise<void>;
  deleteMany(keys: string[]): Promise<void>;
  /** Called with the operation's name when the store failed. */
  onFailure?: (operation: 'get' | 'set' | 'delete') => void;
}

/** Options of {@link createCacheStore}. */
export interface CacheStoreOptions {
  /** Shared Redis connection behind its guard (bounded wait, breaker); absent: a bounded in-process LRU. */
  redis?: RedisGuard | undefined;
  /** Most bytes of serialized values kept in memory (LRU), in megabytes. */
  maxMegabytes: number;
  logger: Logger;
}

const FAILURE_LOG_INTERVAL_MS = 10_000;

/**
 * The Map-shaped store keyv wants, least-recently-used and bounded by size (keyv stores
 * serialized strings; a character is counted as two bytes, an upper bound), so the cache can
 * never take more heap than configured. keyv keeps each entry's expiry inside the stored value,
 * so the time-to-live keyv passes as a third argument only lets the LRU free expired entries early.
 */
function boundedMap(maxMegabytes: number) {
  const lru = new LRUCache<string, object | string>({
    maxSize: maxMegabytes * 1_048_576,
    sizeCalculation: (value, key) => 2 * (key.length + (typeof value === 'string' ? value.length : JSON.stringify(value).length)),
  });
  return {
    get: (key: string) => lru.get(key),
    set: (key: string, value: object | string, ttl?: number) => lru.set(key, value, ttl ? { ttl } : {}),
    delete: (key: string) => lru.delete(key),
    clear: () => lru.clear(),
    has: (key: string) => lru.has(key),
  };
}

/**
 * keyv over Redis when a connection is given (its adapter loaded only then), else keyv over a
 * bounded least-recently-used map.
 */
export async function createCacheStore(options: CacheStoreOptions): Promise<CacheStore> {
  const store = options.redis
    ? new (await import('@keyv/redis')).default(options.redis.client, { throwOnErrors: true, throwOnConnectError: true })
    : boundedMap(options.maxMegabytes);
  const keyv = new Keyv({ store, useKeyPrefix: false, throwOnErrors: true });
  const guard = options.redis;
  // One request's reads arrive batched (one getMany per tick, see RequestCache): one command each.
  const run = <T>(command: () => Promise<T>): Promise<T> => (guard ? guard.run(command) : command());
  let lastLogged = 0;
  const cache: CacheStore = {
    kind: options.redis ? 'redis' : 'memory',
    async getMany(keys) {
      if (keys.length === 0) return [];
      try {
        return await run(() => keyv.getMany(keys));
      } catch (error) {
        fail('get', error);
        return keys.map(() => undefined);
      }
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      try {
        await run(() => keyv.setMany(entries.map((e) => ({ key: e.key, value: e.value, ttl: e.ttlMs }))));
      } catch (error) {
        fail('set', error);
      }
    },
    async deleteMany(keys) {
      if (keys.length === 0) return;
      try {
        await run(() => keyv.deleteMany(keys));
      } catch (error) {
        fail('delete', error);
      }
    },
  };
  // keyv also emits errors it handled itself; they are counted where the call fails.
  keyv.on('error', () => undefined);
  function fail(operation: 'get' | 'set' | 'delete', error: unknown): void {
    cache.onFailure?.(operation);
    const now = Date.now();
    if (now - lastLogged < FAILURE_LOG_INTERVAL_MS) return;
    lastLogged = now;
    options.logger.warn({ err: error, operation, store: cache.kind }, 'field cache unavailable: serving from the backends');
  }
  return cache;
}
