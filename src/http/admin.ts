import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayMetrics } from '../observability/metrics.ts';

/** Whether the process can take traffic now, and if not, why. */
export type Readiness = { ready: true } | { ready: false; reason: 'starting' | 'draining' | 'saturated' };

/** What the admin listener reads. */
export interface AdminSources {
  logger: Logger;
  metrics: GatewayMetrics;
  readiness(): Readiness;
  /** The dependencies' state (backends, Redis), for people and dashboards: never for probes. */
  status(): Promise<Record<string, unknown>>;
}

/**
 * The admin listener's app (`ADMIN_HOST:ADMIN_PORT`, never on the public Service):
 * `/healthz` alive; `/readyz` 200 when this process can serve (started, not draining, not
 * saturated), else 503 with the reason: dependency outages the gateway absorbs never pull it
 * out of rotation; `/status` the dependencies' state as JSON; `/metrics` Prometheus.
 */
export function buildAdmin(sources: AdminSources): FastifyInstance {
  const admin = Fastify({
    loggerInstance: sources.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  admin.get('/healthz', async () => ({ status: 'ok' }));
  admin.get('/readyz', async (_request, reply) => {
    const readiness = sources.readiness();
    return readiness.ready ? { status: 'ready' } : reply.code(503).send({ status: 'not-ready', reason: readiness.reason });
  });
  admin.get('/status', async () => ({ readiness: sources.readiness(), ...(await sources.status()) }));
  admin.get('/metrics', async (_request, reply) => reply.type(sources.metrics.registry.contentType).send(await sources.metrics.registry.metrics()));
  return admin;
}
