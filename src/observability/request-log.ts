import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { SurfaceName } from '../surface-names.ts';
import type { GatewayMetrics } from './metrics.ts';
import { requestTraceparent, traceIdOf } from './trace-context.ts';
import type { RequestRecord } from './request-record.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** What is known about a GraphQL request (set by {@link trackRequests}; null on other routes). */
    record: RequestRecord | null;
  }
}

/** The record of a request of a surface scope (created by {@link trackRequests}). */
export function recordOf(request: FastifyRequest): RequestRecord {
  const record = request.record;
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
  scope.decorateRequest('record', null);
  scope.addHook('onRequest', async (request, reply) => {
    const clientName = header(request, 'apollographql-client-name');
    const clientVersion = header(request, 'apollographql-client-version');
    request.record = {
      requestId: request.id,
      arrivedAt: Date.now(),
      surface,
      traceparent: requestTraceparent(request.headers),
      ...(clientName ? { clientName } : {}),
      ...(clientVersion ? { clientVersion } : {}),
      backendCalls: {},
      cacheHits: 0,
      errorCodes: new Set(),
    };
    metrics.inFlight.inc({ surface });
    // 'close' ends every response, sent or not (Fastify's onResponse skips a client that went
    // away or a request cut by a timeout): each gets its line and leaves the in-flight gauge.
    reply.raw.once('close', () => finish(request, reply));
  });
  const finish = (request: FastifyRequest, reply: FastifyReply): void => {
    metrics.inFlight.dec({ surface });
    const record = request.record;
    if (!record) return;
    const aborted = !reply.raw.writableFinished;
    // 499: the client closed the connection (or was cut) before its answer was sent.
    const status = aborted ? 499 : reply.statusCode;
    const outcome = aborted ? 'aborted' : status >= 400 ? 'rejected' : record.errorCodes.size > 0 ? 'error' : 'ok';
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
        ...(aborted ? { aborted: true } : {}),
      },
      'graphql request',
    );
  };
}
