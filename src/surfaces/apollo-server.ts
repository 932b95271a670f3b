import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Config } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import { operationDetailsPlugin } from '../plugins/operation-details.ts';
import { formatError } from './format-error.ts';
import { secureSchema } from './secure-schema.ts';
import type { SurfaceDefinition } from './surface.ts';

/** The surface's Apollo plugins, in order. */
function surfacePlugins(config: Readonly<Config>): ApolloServerPlugin<GatewayContext>[] {
  return [
    config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    operationDetailsPlugin(),
  ];
}

/** Builds the surface's Apollo Server (started): its schema wrapped in its rule tree, its plugins. */
export async function createSurfaceServer(definition: SurfaceDefinition, config: Readonly<Config>): Promise<ApolloServer<GatewayContext>> {
  const schema = secureSchema(makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }), definition.permissions);
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
    plugins: surfacePlugins(config),
    // Shutdown is the process's job (src/main.ts drains HTTP first); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await server.start();
  return server;
}
