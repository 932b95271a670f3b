import { randomUUID } from 'node:crypto';
import type { Backends } from '../../backends/start.ts';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { startTestGateway, type TestGateway } from './gateway.ts';
import { REDIS_SERVER_URL } from './redis-server.ts';

/** The Redis database the limits tests use (keys carry a unique prefix per test too). */
export const LIMITS_REDIS_URL = `${REDIS_SERVER_URL}/8`;

/** A key prefix of its own for one test's budgets. */
export function uniqueThrottlePrefix(): string {
  return `test:throttle:${randomUUID().slice(0, 8)}:`;
}

/** A gateway for the limits tests: see {@link startTestGateway} (its own Redis connection when `REDIS_URL` is set). */
export const startLimitsGateway = (backends: Backends, env: Record<string, string> = {}, waitForRedisMs = 5_000): Promise<TestGateway> =>
  startTestGateway(backends, env, { waitForRedisMs });

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
