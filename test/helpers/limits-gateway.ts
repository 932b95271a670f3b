import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import type { Backends } from '../../backends/start.ts';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import { closeClients, createClients } from '../../src/clients.ts';
import { closeRedis, connectRedis } from '../../src/redis.ts';
import { backendEnv, type TestGateway } from './gateway.ts';

/** The Redis database the limits tests use (keys carry a unique prefix per test too). */
export const LIMITS_REDIS_URL = 'redis://127.0.0.1:6379/8';

/** A key prefix of its own for one test's budgets. */
export function uniqueThrottlePrefix(): string {
  return `test:throttle:${randomUUID().slice(0, 8)}:`;
}

/**
 * Starts a gateway (silent logs) on a free port. With `REDIS_URL` in `env` it opens its own Redis
 * connection, as `src/main.ts` does (a separate replica), waiting up to `waitForRedisMs` for it.
 */
export async function startLimitsGateway(backends: Backends, env: Record<string, string> = {}, waitForRedisMs = 5_000): Promise<TestGateway> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...backendEnv(backends), ...env });
  const logger = pino({ level: 'silent' });
  const clients = createClients(config);
  const redis = config.redis.url ? await connectRedis(config.redis.url, config.redis.timeoutMs, logger) : undefined;
  for (let waited = 0; redis && !redis.isReady && waited < waitForRedisMs; waited += 20) await sleep(20);
  const { app } = await buildApp({ config, logger, clients, redis });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    async close() {
      await app.close();
      closeClients(clients);
      if (redis) await closeRedis(redis);
    },
  };
}

/** Total backend calls across the four services since the last reset. */
export function backendCalls(backends: Backends): number {
  return SERVICES.reduce((sum, service) => sum + backends.control.stats(service).calls, 0);
}

/** The `extensions.cost` of a response body. */
export interface CostExtension {
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

/** Reads `extensions.cost` from a response body (undefined when absent). */
export function costOf(body: object): CostExtension | undefined {
  return (body as { extensions?: { cost?: CostExtension } }).extensions?.cost;
}
