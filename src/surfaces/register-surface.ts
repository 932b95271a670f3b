import type { ApolloServer } from '@apollo/server';
import cors from '@fastify/cors';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clients } from '../clients.ts';
import { createContext, type GatewayContext } from '../context.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import { recordOf, trackRequests } from '../observability/request-log.ts';
import { countAttempt } from '../observability/request-record.ts';
import { createSurfaceServer } from './apollo-server.ts';
import { HTTP_ERROR_CODES, refuse } from './refusal.ts';
import { corsOptions } from './cors.ts';
import { explorerHook } from '../explorer/explorer.ts';
import type { SurfaceDefinition } from './surface.ts';
import { surfaceNamespace } from '../cache/cache-keys.ts';
import type { CacheStore } from '../cache/cache-store.ts';
import type { CacheInvalidator } from '../cache/invalidation.ts';
import { RequestCache } from '../cache/request-cache.ts';
import type { Admission } from '../http/admission.ts';
import type { RedisGuard } from '../redis.ts';
import { createThrottle } from '../limits/create-throttle.ts';
import { batchLimitHook } from '../limits/batch-limit.ts';
import { abuseLimitsHook } from '../limits/abuse-limits-hook.ts';
import { createTrustedDocuments } from '../documents/trusted-documents.ts';

/** What a surface needs from the process. */
export interface SurfaceDependencies {
  config: Readonly<Config>;
  logger: Logger;
  clients: Clients;
  metrics: GatewayMetrics;
  cacheStore: CacheStore;
  invalidator: CacheInvalidator;
  /** The process's admission line (see `createAdmission`). */
  admission: Admission;
  /** Shared state for replicas (throttle budgets), behind its guard; absent when `REDIS_URL` is unset. */
  redis?: RedisGuard | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller of a GraphQL request; null when anonymous (or on other routes). */
    viewer: Viewer | null;
  }
}

/**
 * Serves one surface at `/<name>/graphql` in its own encapsulated Fastify scope: a record and
 * one log line per request, authentication first (a bad token is refused before any backend
 * call), then Apollo Server with a per-request context.
 */
export async function registerSurface(app: FastifyInstance, definition: SurfaceDefinition, deps: SurfaceDependencies): Promise<ApolloServer<GatewayContext>> {
  const { config, logger, clients, metrics, cacheStore, invalidator } = deps;
  const surface = definition.name;
  // One bound counter per coordinate and outcome: no label hashing on every cached field.
  const lookupCounters = new Map<string, ReturnType<typeof metrics.cacheLookups.labels>>();
  const lookupCounter = (coordinate: string, hit: boolean) => {
    const key = `${coordinate}:${hit}`;
    let counter = lookupCounters.get(key);
    if (!counter) lookupCounters.set(key, (counter = metrics.cacheLookups.labels({ surface, coordinate, result: hit ? 'hit' : 'miss' })));
    return counter;
  };
  const fieldCache = config.cache.enabled
    ? {
        namespace: surfaceNamespace(surface, definition.typeDefs),
        stockFields: definition.stockFields,
        onLookup: (coordinate: string, hit: boolean) => lookupCounter(coordinate, hit).inc(),
      }
    : undefined;
  const limits = config.limits[surface];
  const onLimit = (code: string) => metrics.limitRejections.inc({ surface, reason: code });
  const throttle = createThrottle({
    surface,
    limits,
    settings: config.throttle,
    redis: deps.redis,
    logger,
    onFallback: () => metrics.throttleFallbacks.inc({ surface }),
  });
  const server = await createSurfaceServer(
    definition,
    config,
    fieldCache,
    { limits, throttle, onReject: onLimit },
    { onFallback: (operationName, reason) => logger.warn({ surface, operationName, reason }, 'operation not compiled by graphql-jit: it runs on graphql-js') },
  );
  const authenticate = createAuthenticator(config.jwt);
  app.addHook('onClose', () => server.stop());
  const trustedDocuments = createTrustedDocuments(surface, config, {
    logger,
    registry: metrics.registry,
    viewerOf: (request) => request.viewer,
    onReject: (request, code) => recordOf(request).errorCodes.add(code),
  });
  app.addHook('onClose', async () => trustedDocuments.close());

  const context = async (request: FastifyRequest, reply: FastifyReply): Promise<GatewayContext> => {
    const record = recordOf(request);
    const { viewer } = request;
    if (viewer) record.viewerId = viewer.id;
    // A client that goes away cancels the backend work still pending for it.
    const disconnected = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) disconnected.abort(new Error('client disconnected'));
    });
    return createContext({
      requestId: request.id,
      surface,
      logger: logger.child({ requestId: request.id, surface }),
      viewer,
      clientAddress: request.ip,
      clients,
      batching: config.batching,
      record,
      cache: new RequestCache(cacheStore),
      invalidate: invalidator,
      call: {
        requestId: request.id,
        traceparent: record.traceparent,
        ...(viewer ? { viewerId: viewer.id } : {}),
        // Counted from arrival: the wait for a turn is part of the request's time.
        deadline: record.arrivedAt + config.requestTimeoutMs,
        signal: disconnected.signal,
        observer: (report) => {
          countAttempt(record, report);
          metrics.observeAttempt(report);
        },
      },
    });
  };

  await app.register(
    async (scope) => {
      // First, so that preflights are answered before any other hook and every refusal carries the CORS headers.
      await scope.register(cors, corsOptions(config.cors.origins[surface], config.cors.maxAgeSeconds));
      // A browser navigating to the endpoint gets a page, not a GraphQL refusal (and is not a GraphQL request).
      scope.addHook('onRequest', explorerHook(surface, config.graphql.sandbox));
      trackRequests(scope, surface, logger, metrics);
      scope.decorateRequest('viewer', null);
      // Fastify parses text/plain by default; a GraphQL endpoint takes JSON only, so answer 415.
      scope.removeContentTypeParser('text/plain');
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'unhandled error');
        const code = HTTP_ERROR_CODES[status] ?? 'INTERNAL_SERVER_ERROR';
        recordOf(request).errorCodes.add(code);
        return refuse(reply, { status, code, message: status === 500 ? 'Internal server error' : error.message });
      });
      const rejected = (request: FastifyRequest, code: string) => {
        recordOf(request).errorCodes.add(code);
        onLimit(code);
      };
      // Batch size, then the abuse and depth limits: all before authentication, parsing by Apollo and validation.
      scope.addHook('preValidation', batchLimitHook(limits.maxBatch, rejected));
      scope.addHook('preValidation', abuseLimitsHook(limits, rejected));
      // A turn is taken once the body is read and the cheap refusals are done.
      scope.addHook(
        'preValidation',
        deps.admission.hook(
          (request) => recordOf(request).arrivedAt,
          (request, why) => {
            recordOf(request).errorCodes.add(why);
            if (why === 'SERVER_BUSY') onLimit(why);
          },
        ),
      );
      scope.route({
        url: '/graphql',
        method: ['GET', 'POST'],
        bodyLimit: limits.bodyLimitBytes,
        preHandler: async (request, reply) => {
          const auth = await authenticate(request.headers.authorization, surface);
          if (auth.kind === 'invalid') {
            metrics.authFailures.inc({ surface });
            recordOf(request).errorCodes.add('UNAUTHENTICATED');
            request.log.info({ requestId: request.id, reason: auth.reason }, 'token refused');
            return refuse(reply, {
              status: 401,
              code: 'UNAUTHENTICATED',
              message: 'The access token is invalid or expired',
              headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
            });
          }
          if (auth.kind === 'viewer') request.viewer = auth.viewer;
          return undefined;
        },
        // The integration types its handler with its own route generic; at runtime it is a plain handler.
        // Trusted documents run first: after authentication (a token scope may bypass), before Apollo parses.
        handler: trustedDocuments.before(fastifyApolloHandler(server, { context }) as RouteHandlerMethod),
      });
    },
    { prefix: `/${surface}` },
  );
  return server;
}
