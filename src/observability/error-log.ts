import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';
import type { GatewayContext } from '../context.ts';
import { formatError } from '../surfaces/format-error.ts';
import { traceIdOf } from './trace-context.ts';

/** Upstream codes that are a backend's failure; the others (not found, bad input, conflict) are answers. */
const BACKEND_FAILURES: ReadonlySet<UpstreamErrorCode> = new Set(['UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE', 'INTERNAL']);

/** The cause chain, compact: name, message and code of each (never request options, headers or bodies). */
function causes(error: unknown): { name: string; message: string; code?: string }[] {
  const chain: { name: string; message: string; code?: string }[] = [];
  for (let current = error; current instanceof Error && chain.length < 5; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    chain.push({ name: current.name, message: current.message, ...(typeof code === 'string' ? { code } : {}) });
  }
  return chain;
}

/**
 * Logs, once per request and distinct error, every error the client sees masked
 * (`INTERNAL_SERVER_ERROR`, at `error`, with its stack) and every backend failure (at `warn`):
 * request id, trace id, surface, path, service, client-facing code and the cause chain. One
 * backend failure shared by many fields (a failed batch) is one line with the number of paths.
 */
export function errorLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const seen = new Map<unknown, { error: GraphQLError; paths: number }>();
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const entry = seen.get(original);
            if (entry) entry.paths += 1;
            else seen.set(original, { error, paths: 1 });
          }
          for (const [original, { error, paths }] of seen) {
            const code = formatError(error.toJSON(), error).extensions?.code;
            // The request's logger already names the request id and the surface.
            const where = {
              traceId: traceIdOf(contextValue.record.traceparent),
              path: error.path?.join('.') ?? null,
              ...(paths > 1 ? { paths } : {}),
              code,
            };
            if (original instanceof UpstreamError) {
              if (!BACKEND_FAILURES.has(original.code)) continue;
              contextValue.logger.warn({ ...where, service: original.service, operation: original.operation, upstreamCode: original.code, cause: causes(original) }, 'backend failure');
            } else if (code === 'INTERNAL_SERVER_ERROR') {
              contextValue.logger.error({ ...where, err: original }, 'masked error');
            }
          }
        },
      };
    },
  };
}
