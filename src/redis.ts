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

/** Runs one Redis command with a bounded wait; rejects when Redis is down or slower than `timeoutMs`. */
export async function withTimeout<T>(command: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms`)), timeoutMs);
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
