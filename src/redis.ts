import type { RedisClientType } from '@redis/client';
import type { Logger } from 'pino';

/** The process's one Redis connection, shared by the field cache and the throttle. */
export type RedisConnection = RedisClientType;

const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Connects to Redis in the background: the gateway starts and serves even when Redis is down
 * (callers fall back), and reconnects with backoff. Commands fail at once while disconnected
 * (no offline queue), so a Redis outage costs no request more than `timeoutMs`. The client
 * library is loaded only here, so a gateway without Redis never pays for it.
 */
export async function connectRedis(url: string, timeoutMs: number, logger: Logger): Promise<RedisConnection> {
  const { createClient } = await import('@redis/client');
  const client: RedisConnection = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: Math.max(timeoutMs, 1_000), reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = now;
    logger.warn({ err: error }, 'redis unavailable: falling back until it answers');
  });
  client.on('ready', () => logger.info('redis connected'));
  client.connect().catch(() => undefined);
  return client;
}

/** A Redis breaker's state: `open` fails every command at once; `halfOpen` lets one probe through. */
export type RedisBreakerState = 'closed' | 'open' | 'halfOpen';

/** Thrown instead of asking Redis while it is disconnected or its breaker is open. */
export class RedisUnavailableError extends Error {
  constructor(reason: string) {
    super(`redis unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

/** Thrown when Redis did not answer within the bound. */
export class RedisTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`redis did not answer within ${timeoutMs} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * Every command the gateway sends to Redis goes through this guard: a bounded wait
 * (`timeoutMs`), and a breaker. A command that times out opens it: for `resetMs` every command
 * fails at once (callers fall back), then one probe goes through, and its answer closes the
 * breaker again (a timeout reopens it). So a Redis that accepts connections but never answers
 * costs a request at most one timeout, and then none until it answers. A disconnected Redis
 * fails at once too (no offline queue).
 */
export class RedisGuard {
  readonly client: RedisConnection;
  readonly #timeoutMs: number;
  readonly #resetMs: number;
  #openedAt: number | undefined;
  #probing = false;
  /** Called with every command that timed out. */
  onTimeout: (() => void) | undefined;

  constructor(client: RedisConnection, options: { timeoutMs: number; resetMs: number }) {
    this.client = client;
    this.#timeoutMs = options.timeoutMs;
    this.#resetMs = options.resetMs;
  }

  get state(): RedisBreakerState {
    if (this.#openedAt === undefined) return 'closed';
    return performance.now() - this.#openedAt < this.#resetMs ? 'open' : 'halfOpen';
  }

  /** Whether a command may be sent now (connected, breaker not open, no probe already out). */
  get available(): boolean {
    const state = this.state;
    return this.client.isReady && (state === 'closed' || (state === 'halfOpen' && !this.#probing));
  }

  /** Sends `command` unless Redis is unavailable; rejects past `timeoutMs`. */
  async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) throw new RedisUnavailableError('not connected');
    const state = this.state;
    if (state === 'open' || (state === 'halfOpen' && this.#probing)) throw new RedisUnavailableError('breaker open after a timeout');
    const probe = state === 'halfOpen';
    if (probe) this.#probing = true;
    try {
      const result = await withTimeout(command(), this.#timeoutMs);
      this.#openedAt = undefined;
      return result;
    } catch (error) {
      if (error instanceof RedisTimeoutError) {
        this.#openedAt = performance.now();
        this.onTimeout?.();
      }
      throw error;
    } finally {
      if (probe) this.#probing = false;
    }
  }
}

/** Runs one Redis command with a bounded wait; rejects when Redis is down or slower than `timeoutMs`. */
export async function withTimeout<T>(command: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([command, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the connection without waiting for a Redis that does not answer. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  // A client still reconnecting (isOpen but not ready) would wait for Redis forever in close().
  if (client.isReady) await client.close().catch(() => client.destroy());
  else if (client.isOpen) client.destroy();
}
