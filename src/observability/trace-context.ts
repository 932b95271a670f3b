import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT, TraceFlags, defaultTextMapGetter, defaultTextMapSetter, isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

// Used when no OpenTelemetry SDK is loaded (the API's global propagator is then a no-op).
const w3c = new W3CTraceContextPropagator();

/**
 * The W3C `traceparent` of this request, the one its log line names and its backend calls carry.
 * With the OpenTelemetry SDK loaded (see telemetry.ts), it is the active span's, the HTTP
 * server span the instrumentation started from the caller's context: logs and exported spans
 * share one trace id. Without it, the caller's trace is continued with a new span id, or a new
 * trace begins when the caller sent none (or an invalid one).
 */
export function requestTraceparent(headers: Record<string, string | string[] | undefined>): string {
  const active = trace.getActiveSpan()?.spanContext();
  if (active && isSpanContextValid(active)) return format(active);
  const parent = trace.getSpanContext(w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
  const continued = parent && isSpanContextValid(parent);
  return format({ traceId: continued ? parent.traceId : randomHex(), spanId: randomHex().slice(0, 16), traceFlags: continued ? parent.traceFlags : TraceFlags.SAMPLED });
}

function format(spanContext: SpanContext): string {
  const carrier: Record<string, string> = {};
  w3c.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, defaultTextMapSetter);
  return carrier.traceparent ?? '';
}

// randomUUID draws from a cached entropy pool: far cheaper per request than randomBytes.
// Its 4 version bits are fixed, which leaves 122 random bits, plenty for trace and span ids.
function randomHex(): string {
  return randomUUID().replaceAll('-', '');
}

/** The trace id of a `traceparent` value. */
export function traceIdOf(traceparent: string): string {
  return traceparent.slice(3, 35);
}
