import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import { operationDetailsPlugin } from '../plugins/operation-details.ts';
import { negotiatedStatusPlugin } from '../plugins/negotiated-status.ts';
import { backendPlanPlugin } from '../plugins/backend-plan.ts';
import { cacheControlPlugin } from '../plugins/cache-control.ts';
import { formatError } from './format-error.ts';
import { errorLogPlugin } from '../observability/error-log.ts';
import { knownOperationTypesRule } from './known-operation-types.ts';
import { secureSchema } from '../auth/secure-schema.ts';
import type { SurfaceDefinition } from './surface.ts';
import { cacheFields, type FieldCacheOptions } from '../cache/field-cache.ts';
import { fieldCachePolicies } from '../cache/policy.ts';
import type { SurfaceLimits } from '../limits/limits-config.ts';
import type { Throttle } from '../limits/throttle.ts';
import { buildCostModel } from '../limits/cost-model.ts';
import { costThrottlePlugin } from '../plugins/cost-throttle.ts';
import { jitExecutor, type JitExecutorOptions } from './jit-executor.ts';
import { argumentLimitsPlugin } from '../plugins/argument-limits.ts';

/** A surface's limits at run time: its configured limits, its budgets (none when off), and a rejection counter. */
export interface SurfaceLimitsRuntime {
  limits: SurfaceLimits;
  throttle: Throttle | undefined;
  onReject(code: string): void;
}

/** The surface's Apollo plugins, in order. */
function surfacePlugins(config: Readonly<Config>, schema: GraphQLSchema, runtime: SurfaceLimitsRuntime): ApolloServerPlugin<GatewayContext>[] {
  return [
    config.graphql.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    operationDetailsPlugin(),
    // Argument shapes and lengths before pricing: bad input costs no budget and reaches no backend.
    argumentLimitsPlugin(schema),
    // Abuse and depth limits ran before Apollo (src/limits/abuse-limits-hook.ts); here operations are
    // priced, charged, executed, then refunded.
    costThrottlePlugin({ model: buildCostModel(schema), maxCost: runtime.limits.maxCost, throttle: runtime.throttle, onReject: runtime.onReject }),
    // Cache-Control from a per-operation plan; Apollo's own plugin (a hook on every field) would be added unless disabled.
    ApolloServerPluginCacheControlDisabled(),
    cacheControlPlugin(schema),
    negotiatedStatusPlugin(),
    backendPlanPlugin({ production: config.env === 'production' }),
    // Apollo Server reads APOLLO_KEY / APOLLO_GRAPH_REF itself and would report usage and schema
    // to Apollo's cloud: configuration is read in one place, and no data leaves unasked.
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    errorLogPlugin(),
  ];
}

/**
 * Builds the surface's Apollo Server (started). The schema's resolvers are wrapped by the field
 * cache first and by the rule tree around it, so authorization always runs before a cache lookup.
 */
export async function createSurfaceServer(
  definition: SurfaceDefinition,
  config: Readonly<Config>,
  fieldCache: Omit<FieldCacheOptions, 'policies'> | undefined,
  limits: SurfaceLimitsRuntime,
  executor: JitExecutorOptions = {},
): Promise<ApolloServer<GatewayContext>> {
  const executable = makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
  const cached = fieldCache ? cacheFields(executable, { ...fieldCache, policies: fieldCachePolicies(executable) }) : executable;
  const schema = config.authorization === 'off' ? cached : secureSchema(cached, definition.permissions);
  const server = new ApolloServer<GatewayContext>({
    ...(config.executor === 'jit' ? { gateway: jitExecutor(schema, executor) } : { schema }),
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
    validationRules: [knownOperationTypesRule],
    plugins: surfacePlugins(config, schema, limits),
    // The abuse hook already parsed with this limit; kept so the parser can never run past it.
    parseOptions: { maxTokens: limits.limits.maxTokens },
    allowBatchedHttpRequests: limits.limits.maxBatch > 1,
    // An enforcing surface runs registered documents only: Apollo's automatic persisted queries may not register new ones.
    ...(config.documents.modes[definition.name] === 'enforce' ? { persistedQueries: false as const } : {}),
    // Shutdown is the process's job (src/main.ts drains HTTP first); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await server.start();
  return server;
}
