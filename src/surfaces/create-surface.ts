import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clients } from '../clients.ts';
import { createContext, type GatewayContext } from '../context.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import { formatError } from './format-error.ts';
import { secureSchema } from './secure-schema.ts';
import { HTTP_ERROR_CODES, replyWithGraphQLError } from './graphql-error-reply.ts';
import type { SurfaceDefinition } from './surface.ts';

/** What a surface needs from the process. */
export interface SurfaceDependencies {
  config: Readonly<Config>;
  logger: Logger;
  clients: Clients;
}

const viewers = new WeakMap<FastifyRequest, Viewer>();

/** GraphQL request errors on a well-formed request (Apollo answers them 400). */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);
const NAMES_APPLICATION_JSON = /(?:^|,)\s*application\/json\s*(?:[;,]|$)/i;

/**
 * GraphQL over HTTP: under `application/json` a well-formed request is answered 200 even when
 * parsing, validation or variable coercion fails. Applied only when the client names
 * `application/json` in Accept and got it: clients preferring `application/graphql-response+json`,
 * or accepting anything, keep Apollo's 4xx, which says more.
 */
async function legacyJsonStatus(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (
    reply.statusCode === 400 &&
    typeof payload === 'string' &&
    NAMES_APPLICATION_JSON.test(request.headers.accept ?? '') &&
    String(reply.getHeader('content-type')).startsWith('application/json') &&
    onlyRequestErrors(payload)
  ) {
    reply.code(200);
  }
  return payload;
}

function onlyRequestErrors(payload: string): boolean {
  try {
    const body = JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] };
    return Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}

/** Builds the surface's Apollo Server (started) from its definition and the configuration. */
export async function createSurfaceServer(definition: SurfaceDefinition, config: Readonly<Config>): Promise<ApolloServer<GatewayContext>> {
  const schema = secureSchema(makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }), definition.permissions);
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
  ];
  const server = new ApolloServer<GatewayContext>({
    schema,
    introspection: config.graphql.introspection,
    // "Did you mean" suggestions map the schema: never in production, even with introspection on.
    hideSchemaDetailsFromClientErrors: config.env === 'production' || !config.graphql.introspection,
    // Kept on (Apollo's default). Spec-conformant GETs carry no content-type, so a GET must also send
    // a non-empty `apollo-require-preflight` or `x-apollo-operation-name` header (Apollo iOS/Kotlin
    // send the latter, Apollo Client web sends `content-type: application/json`). GET is a MAY in
    // GraphQL over HTTP, so this stays conformant, and a cross-site page cannot fire simple GETs.
    csrfPrevention: true,
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
  const authenticate = createAuthenticator(config.jwt);
  app.addHook('onClose', () => server.stop());
  await app.register(
    async (scope) => {
      // Fastify parses text/plain by default; a GraphQL endpoint takes JSON only, so answer 415.
      scope.removeContentTypeParser('text/plain');
      scope.addHook('onSend', legacyJsonStatus);
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'unhandled error');
        return replyWithGraphQLError(reply, status, HTTP_ERROR_CODES[status] ?? 'INTERNAL_SERVER_ERROR', status === 500 ? 'Internal server error' : error.message);
      });
      scope.route({
        url: '/graphql',
        method: ['GET', 'POST'],
        preHandler: async (request, reply) => {
          const auth = await authenticate(request.headers.authorization, definition.name);
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
