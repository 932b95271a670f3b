import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { requestContextFactory, type GatewayContext, type RequestContextDependencies } from '../context.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import { authenticationHook, decorateViewer } from '../auth/authentication-hook.ts';
import { recordOf } from '../observability/request-log.ts';
import { surfaceNamespace } from '../cache/cache-keys.ts';
import type { Admission } from '../http/admission.ts';
import type { RedisGuard } from '../redis.ts';
import { createThrottle } from '../limits/create-throttle.ts';
import { createTrustedDocuments } from '../documents/trusted-documents.ts';
import { createSurfaceServer } from './apollo-server.ts';
import { setUpHttpScope } from './http-scope.ts';
import { stockFields, type SurfaceDefinition } from './surface.ts';

/** What a surface needs from the process. */
export interface SurfaceDependencies extends RequestContextDependencies {
  /** The process's admission line (see `createAdmission`). */
  admission: Admission;
  /** Shared state for replicas (throttle budgets), behind its guard; absent when `REDIS_URL` is unset. */
  redis?: RedisGuard | undefined;
}

/**
 * Serves one surface at `/<name>/graphql` in its own encapsulated Fastify scope: the HTTP scope
 * (a record and one log line per request, cheap limits, admission), authentication (a bad token
 * is refused before any backend call), trusted documents, then Apollo Server with a per-request
 * context.
 */
export async function registerSurface(app: FastifyInstance, definition: SurfaceDefinition, deps: SurfaceDependencies): Promise<ApolloServer<GatewayContext>> {
  const { config, logger, metrics } = deps;
  const surface = definition.name;
  const limits = config.limits[surface];
  const onLimit = (code: string) => metrics.limitRejections.inc({ surface, reason: code });
  const fieldCache = config.cache.enabled
    ? { namespace: surfaceNamespace(surface, definition.typeDefs), stockFields: stockFields(definition.callSources), onLookup: metrics.cacheLookupCounter(surface) }
    : undefined;
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
  app.addHook('onClose', () => server.stop());
  const trustedDocuments = createTrustedDocuments(surface, config, {
    logger,
    registry: metrics.registry,
    viewerOf: (request) => request.viewer,
    onReject: (request, code) => recordOf(request).errorCodes.add(code),
  });
  app.addHook('onClose', async () => trustedDocuments.close());
  const authenticate = authenticationHook({
    surface,
    authenticate: createAuthenticator(config.jwt),
    onRefused: (request) => {
      metrics.authFailures.inc({ surface });
      recordOf(request).errorCodes.add('UNAUTHENTICATED');
    },
  });
  const context = requestContextFactory(surface, deps);

  await app.register(
    async (scope) => {
      await setUpHttpScope(scope, { surface, config, logger, metrics, limits, admission: deps.admission, onLimit });
      decorateViewer(scope);
      scope.route({
        url: '/graphql',
        method: ['GET', 'POST'],
        bodyLimit: limits.bodyLimitBytes,
        preHandler: authenticate,
        // The integration types its handler with its own route generic; at runtime it is a plain handler.
        // Trusted documents run first: after authentication (a token scope may bypass), before Apollo parses.
        handler: trustedDocuments.before(fastifyApolloHandler(server, { context }) as RouteHandlerMethod),
      });
    },
    { prefix: `/${surface}` },
  );
  return server;
}
