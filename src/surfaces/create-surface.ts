import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyError, FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clients } from '../clients.ts';
import { createContext, type GatewayContext } from '../context.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import { formatError } from './format-error.ts';
import { HTTP_ERROR_CODES, replyWithGraphQLError } from './graphql-error-reply.ts';
import type { SurfaceDefinition } from './surface.ts';

/** What a surface needs from the process. */
export interface SurfaceDependencies {
  config: Readonly<Config>;
  logger: Logger;
  clients: Clients;
}

const viewers = new WeakMap<FastifyRequest, Viewer>();

/** Builds the surface's Apollo Server (started) from its definition and the configuration. */
export async function createSurfaceServer(definition: SurfaceDefinition, config: Readonly<Config>): Promise<ApolloServer<GatewayContext>> {
  const schema = makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
  ];
  const server = new ApolloServer<GatewayContext>({
    schema,
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins,
    // Shutdown is the process's job (src/main.ts drains HTTP first); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await server.start();
  return server;
}

/**
 * Serves one surface at `/<name>/graphql` in its own encapsulated Fastify scope: authentication
 * first (a bad token is refused before any backend call), then Apollo Server.
 */
export async function registerSurface(app: FastifyInstance, definition: SurfaceDefinition, deps: SurfaceDependencies): Promise<ApolloServer<GatewayContext>> {
  const { config, logger, clients } = deps;
  const server = await createSurfaceServer(definition, config);
  app.addHook('onClose', () => server.stop());
  await app.register(
    async (scope) => {
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'unhandled error');
        return replyWithGraphQLError(reply, status, HTTP_ERROR_CODES[status] ?? 'INTERNAL_SERVER_ERROR', status === 500 ? 'Internal server error' : error.message);
      });
      scope.route({
        url: '/graphql',
        method: ['GET', 'POST'],
        preHandler: async (request, reply) => {
          const auth = await authenticate(request.headers.authorization, definition.name, config.jwt);
          if (auth.kind === 'invalid') {
            request.log.info({ reason: auth.reason }, 'token refused');
            reply.header('www-authenticate', 'Bearer error="invalid_token"');
            return replyWithGraphQLError(reply, 401, 'UNAUTHENTICATED', 'The access token is invalid or expired');
          }
          if (auth.kind === 'viewer') viewers.set(request, auth.viewer);
          return undefined;
        },
        // The integration types its handler with its own route generic; at runtime it is a plain handler.
        handler: fastifyApolloHandler(server, {
          context: async (request) => {
            const viewer = viewers.get(request) ?? null;
            const traceparent = request.headers.traceparent;
            return createContext({
              requestId: request.id,
              surface: definition.name,
              logger: logger.child({ requestId: request.id, surface: definition.name }),
              viewer,
              clients,
              batching: config.batching,
              call: {
                requestId: request.id,
                ...(typeof traceparent === 'string' ? { traceparent } : {}),
                ...(viewer ? { viewerId: viewer.id } : {}),
              },
            });
          },
        }) as RouteHandlerMethod,
      });
    },
    { prefix: `/${definition.name}` },
  );
  return server;
}
