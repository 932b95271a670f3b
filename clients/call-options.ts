import type { ServiceName, UpstreamErrorCode } from './errors.ts';

/** One attempt's outcome, reported to the call's observer. */
export interface AttemptReport {
  service: ServiceName;
  operation: string;
  /** `ok`, or the failure's code. */
  outcome: 'ok' | UpstreamErrorCode;
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
}

/**
 * Per-call context every client method takes: identity and trace data travel to the backend
 * (HTTP headers `x-request-id`, `traceparent`, `x-viewer-id`; the same keys as gRPC metadata),
 * and the call ends at the deadline or when the signal aborts.
 */
export interface CallOptions {
  requestId?: string;
  /** W3C trace context header value. */
  traceparent?: string;
  viewerId?: string;
  /** Cancels the call (e.g. the client went away). */
  signal?: AbortSignal;
  /** Absolute deadline, epoch milliseconds; the call's timeout is min(client timeout, time left). */
  deadline?: number;
  /** Told about every attempt (per-request accounting, metrics). Must not throw. */
  observer?: (report: AttemptReport) => void;
}

/** The headers a call carries to an HTTP backend. */
export function traceHeaders(call: CallOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (call.requestId) headers['x-request-id'] = call.requestId;
  if (call.traceparent) headers.traceparent = call.traceparent;
  if (call.viewerId) headers['x-viewer-id'] = call.viewerId;
  return headers;
}

/** Milliseconds a call may take: the client's timeout, shortened by the deadline when it is nearer. */
export function effectiveTimeoutMs(timeoutMs: number, call: CallOptions): number {
  if (call.deadline === undefined) return timeoutMs;
  return Math.max(1, Math.min(timeoutMs, call.deadline - Date.now()));
}
