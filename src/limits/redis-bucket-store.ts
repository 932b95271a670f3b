import { createHash } from 'node:crypto';
import type { RedisGuard } from '../redis.ts';
import type { BucketResult, BucketSpec, BucketStore } from './bucket.ts';

// One atomic step per request: refill by Redis's own clock (replicas' clocks never matter), then
// take. Runs as a script so two replicas can never both spend the same points.
const TAKE = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local allowed = 0
if cost <= tokens then tokens = math.min(capacity, tokens - cost); allowed = 1 end
if cost ~= 0 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
end
return {allowed, tostring(tokens)}
`;
const TAKE_SHA = createHash('sha1').update(TAKE).digest('hex');

/** Budgets in Redis, shared by every replica; each command goes through the connection's guard (bounded wait, breaker). */
export class RedisBucketStore implements BucketStore {
  readonly #guard: RedisGuard;
  readonly #prefix: string;

  constructor(guard: RedisGuard, options: { keyPrefix: string }) {
    this.#guard = guard;
    this.#prefix = options.keyPrefix;
  }

  /** Whether Redis may be asked now (while it is down or its breaker open, callers fall back at once). */
  get ready(): boolean {
    return this.#guard.available;
  }

  async take(key: string, cost: number, spec: BucketSpec): Promise<BucketResult> {
    const options = { keys: [this.#prefix + key], arguments: [String(spec.capacity), String(spec.restoreRate), String(cost)] };
    let reply: unknown;
    try {
      reply = await this.#guard.run(() => this.#guard.client.evalSha(TAKE_SHA, options));
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      reply = await this.#guard.run(() => this.#guard.client.eval(TAKE, options));
    }
    const [allowed, available] = reply as [number, string];
    return { allowed: allowed === 1, available: Number(available) };
  }
}
