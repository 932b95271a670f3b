import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { SurfaceName } from '../config.ts';
import type { GatewayMetrics } from './metrics.ts';
import { childTraceparent, traceIdOf } from './trace-context.ts';
import type { RequestRecord } from './request-record.ts';

const records = new WeakMap<FastifyRequest, RequestRecord>();

/** The record of a request of a surface scope (created by {@link trackRequests}). */
export function recordOf(request: FastifyRequest): RequestRecord {
  const record = records.get(request);
  if (!record) throw new Error('request record missing: trackRequests is not registered on this scope');
  return record;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value.length <= 256 ? value : undefined;
};

/**
 * Gives every request of a surface scope a record, counts it in flight, and when the response
 * is sent writes exactly one log line and one duration sample for it.
 */
export function trackRequests(scope: FastifyInstance, surface: SurfaceName, logger: Logger, metrics: GatewayMetrics): void {
  scope.addHook('onRequest', async (request) => {
    const clientName = header(request, 'apollographql-client-name');
    const clientVersion = header(request, 'apollographql-client-version');
    records.set(request, {
      requestId: request.id,
      surface,
      traceparent: childTraceparent(header(request, 'traceparent')),
      ...(clientName ? { clientName } : {}),
      ...(clientVersion ? { clientVersion } : {}),
      backendCalls: {},
      cacheHits: 0,
      errorCodes: new Set(),
    });
    metrics.inFlight.inc({ surface });
  });
  scope.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    metrics.inFlight.dec({ surface });
    const record = records.get(request);
    if (!record) return;
    const status = reply.statusCode;
    const outcome = status >= 400 ? 'rejected' : record.errorCodes.size > 0 ? 'error' : 'ok';
    const durationMs = reply.elapsedTime;
    metrics.requestDuration.observe({ surface, operation: metrics.operationLabel(record.operationName), outcome }, durationMs / 1000);
    logger.info(
      {
        requestId: record.requestId,
        traceId: traceIdOf(record.traceparent),
        surface,
        operation: record.operationName ?? null,
        client: { name: record.clientName ?? null, version: record.clientVersion ?? null },
        viewerId: record.viewerId ?? null,
        status,
        durationMs: Math.round(durationMs * 100) / 100,
        backendCalls: record.backendCalls,
        cacheHits: record.cacheHits,
        errorCodes: [...record.errorCodes],
      },
      'graphql request',
    );
  });
}
