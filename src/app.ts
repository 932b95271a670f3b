import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { guardsOf, poolsOf, unreachableServices, type Clients } from './clients.ts';
import { GatewayMetrics } from './observability/metrics.ts';
import { RedisGuard, withTimeout, type RedisConnection } from './redis.ts';
import { type Config } from './config.ts';
import { SURFACE_NAMES } from './surface-names.ts';
import { createCacheStore } from './cache/cache-store.ts';
import { createInvalidator } from './cache/invalidation.ts';
import { createAdmission } from './http/admission.ts';
import { buildAdmin, type Readiness } from './http/admin.ts';
import { registerSurface } from './surfaces/register-surface.ts';
import { surfaceDefinition } from './surfaces/index.ts';
import { refuse } from './surfaces/refusal.ts';
import { clientErrorHandler } from './surfaces/client-error-handler.ts';
import { registerExplorerAssets } from './explorer/explorer.ts';

/** What the HTTP app is built from. */
export interface AppDependencies {
  config: Readonly<Config>;
  logger: Logger;
  clients: Clients;
  /** Shared state for replicas; absent when `REDIS_URL` is unset. */
  redis?: RedisConnection | undefined;
}

/** The gateway's HTTP apps and its lifecycle switch. */
export interface GatewayApp {
  /** The public listener: the surfaces and `/healthz`. */
  app: FastifyInstance;
  /** The admin listener: `/readyz`, `/status`, `/metrics`, `/healthz` (see `buildAdmin`). */
  admin: FastifyInstance;
  /** Turns `/readyz` not-ready and asks clients not to reuse connections: called as soon as shutdown begins. */
  beginShutdown(): void;
}

const STATUS_PING_TIMEOUT_MS = 1_000;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP app: one encapsulated child per configured surface, plus the ops routes. */
export async function buildApp(deps: AppDependencies): Promise<GatewayApp> {
  const { config, logger, clients } = deps;
  let shuttingDown = false;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One log line per request is written by the gateway itself, with GraphQL details.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    // A slow or idle client is cut once its headers or whole request take too long (408).
    requestTimeout: config.http.bodyTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      // Node checks those timeouts on this period (30 s by default): keep it well under them.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(config.http.headersTimeoutMs / 4))),
    },
    forceCloseConnections: 'idle',
    clientErrorHandler,
    return503OnClosing: true,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // A keep-alive connection busy when shutdown began is not idle-closed by Fastify; without this
  // it would hold the process open until the drain timer force-closes it.
  app.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });

  const metrics = new GatewayMetrics();
  metrics.watchCircuits(guardsOf(clients));
  metrics.watchInstances(poolsOf(clients));
  // One guard for the one connection: a Redis that stops answering trips it for the cache and the budgets alike.
  const redisGuard = deps.redis ? new RedisGuard(deps.redis, { timeoutMs: config.redis.timeoutMs, resetMs: config.redis.breakerResetMs }) : undefined;
  if (redisGuard) metrics.watchRedis(redisGuard);
  const cacheStore = await createCacheStore({ redis: redisGuard, maxMegabytes: config.cache.maxMegabytes, logger });
  cacheStore.onFailure = (operation) => metrics.cacheFailures.inc({ operation });
  const definitions = SURFACE_NAMES.map(surfaceDefinition);
  // Generations, not keys, are evicted: they hold for every surface, served here or by other replicas.
  const invalidator = createInvalidator(cacheStore);
  app.get('/healthz', async () => ({ status: 'ok' }));
  if (config.graphql.sandbox) registerExplorerAssets(app);
  app.setNotFoundHandler((request, reply) => refuse(reply, { status: 404, code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` }));

  // One line for the whole process: the cap is about this process's memory, whatever the surface.
  const admission = createAdmission({ ...config.admission, maxWaitMs: config.requestTimeoutMs });
  for (const definition of definitions.filter((d) => config.surfaces.includes(d.name))) {
    await registerSurface(app, definition, { ...deps, redis: redisGuard, metrics, cacheStore, invalidator, admission });
  }

  const readiness = (): Readiness => {
    if (shuttingDown) return { ready: false, reason: 'draining' };
    if (!app.server.listening) return { ready: false, reason: 'starting' };
    if (admission.saturated) return { ready: false, reason: 'saturated' };
    return { ready: true };
  };
  const status = async () => {
    const guards = guardsOf(clients);
    const down = new Set(await unreachableServices(clients, { deadline: Date.now() + STATUS_PING_TIMEOUT_MS }));
    const backends = Object.fromEntries(Object.entries(guards).map(([service, guard]) => [service, { reachable: !down.has(service as never), circuit: guard.state }]));
    const redis = redisGuard
      ? { configured: true, reachable: await withTimeout(redisGuard.client.ping(), STATUS_PING_TIMEOUT_MS).then(() => true, () => false), breaker: redisGuard.state }
      : { configured: false };
    return { backends, redis };
  };
  const admin = buildAdmin({ logger, metrics, readiness, status });
  app.addHook('onClose', () => admin.close());
  return {
    app,
    admin,
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

/** Fastify's `trustProxy` for the setting (a hop count: the nearest that many senders are proxies). */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}
