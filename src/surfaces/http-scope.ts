import cors from '@fastify/cors';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { SurfaceName } from '../surface-names.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import { recordOf, trackRequests } from '../observability/request-log.ts';
import type { Admission } from '../http/admission.ts';
import type { SurfaceLimits } from '../limits/limits-config.ts';
import { batchLimitHook } from '../limits/batch-limit.ts';
import { abuseLimitsHook } from '../limits/abuse-limits-hook.ts';
import { explorerHook } from '../explorer/explorer.ts';
import { corsOptions } from './cors.ts';
import { HTTP_ERROR_CODES, refuse } from './refusal.ts';

/** What the HTTP scope of one surface is set up from. */
export interface HttpScopeOptions {
  surface: SurfaceName;
  config: Readonly<Config>;
  logger: Logger;
  metrics: GatewayMetrics;
  limits: SurfaceLimits;
  /** The process's admission line (see `createAdmission`). */
  admission: Admission;
  /** Counts a request refused by a limit, by its error code. */
  onLimit(code: string): void;
}

/**
 * Sets up a surface's encapsulated Fastify scope, in this order: CORS, the explorer page for
 * browsers, one record and log line per request, JSON-only bodies, errors answered through the
 * refusal builder, then (once the body is read) the batch, abuse and depth limits and a turn in
 * the admission line. Everything here runs before authentication and before Apollo parses.
 */
export async function setUpHttpScope(scope: FastifyInstance, options: HttpScopeOptions): Promise<void> {
  const { surface, config, logger, metrics, limits, onLimit } = options;
  // First, so that preflights are answered before any other hook and every refusal carries the CORS headers.
  await scope.register(cors, corsOptions(config.cors.origins[surface], config.cors.maxAgeSeconds));
  // A browser navigating to the endpoint gets a page, not a GraphQL refusal (and is not a GraphQL request).
  scope.addHook('onRequest', explorerHook(surface, config.graphql.sandbox));
  trackRequests(scope, surface, logger, metrics);
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
    options.admission.hook(
      (request) => recordOf(request).arrivedAt,
      (request, why) => {
        recordOf(request).errorCodes.add(why);
        if (why === 'SERVER_BUSY') onLimit(why);
      },
    ),
  );
}
