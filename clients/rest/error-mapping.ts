import { HTTPError, ParseError, RequestError, TimeoutError } from 'got';
import { UpstreamError, abortedByTimeout, type ServiceName, type UpstreamErrorCode } from '../errors.ts';

/** Network error codes meaning the service could not be reached or dropped the connection. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * HTTP status → error code: 404 NOT_FOUND; 409 CONFLICT; 408 TIMEOUT; 429/502/503/504 UNAVAILABLE; any
 * other 4xx INVALID_ARGUMENT (the request was the caller's fault, e.g. 431 for a URL made too long
 * by a client's input: never retried, never a breaker failure); anything else INTERNAL.
 */
export function codeForStatus(status: number): UpstreamErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 408) return 'TIMEOUT';
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status >= 400 && status < 500) return 'INVALID_ARGUMENT';
  return 'INTERNAL';
}

/** The first `errors[].field` of an RFC 9457 problem body, if any. */
function problemField(body: unknown): string | undefined {
  let problem = body;
  if (typeof problem === 'string') {
    try {
      problem = JSON.parse(problem);
    } catch {
      return undefined;
    }
  }
  const errors = (problem as { errors?: unknown } | null)?.errors;
  const field = Array.isArray(errors) ? (errors[0] as { field?: unknown } | undefined)?.field : undefined;
  return typeof field === 'string' ? field : undefined;
}

function codeForAbort(signal: AbortSignal | undefined): UpstreamErrorCode {
  return abortedByTimeout(signal) ? 'TIMEOUT' : 'CANCELLED';
}

/**
 * Turns whatever a got call threw (REST or SOAP) into an {@link UpstreamError}: HTTP statuses by
 * {@link codeForStatus} (a 400's `field` comes from the problem's first error), got timeouts are
 * TIMEOUT, unreachable or reset connections UNAVAILABLE, unparsable bodies BAD_RESPONSE, an aborted
 * signal TIMEOUT when its reason is a timeout and CANCELLED otherwise (the caller went away).
 */
export function toUpstreamError(error: unknown, service: ServiceName, operation: string, signal?: AbortSignal): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const make = (code: UpstreamErrorCode, message: string, field?: string): UpstreamError =>
    new UpstreamError(`${service} ${operation}: ${message}`, { service, code, operation, cause: error, ...(field === undefined ? {} : { field }) });
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const code = codeForStatus(status);
    return make(code, `HTTP ${status}`, code === 'INVALID_ARGUMENT' ? problemField(error.response.body) : undefined);
  }
  if (error instanceof TimeoutError) return make('TIMEOUT', error.message);
  if (error instanceof ParseError) return make('BAD_RESPONSE', error.message);
  if (error instanceof RequestError) {
    if (error.name === 'AbortError' || signal?.aborted) return make(codeForAbort(signal), 'aborted');
    if (UNREACHABLE.has(error.code)) return make('UNAVAILABLE', error.code);
    return make('INTERNAL', error.message);
  }
  return make('INTERNAL', error instanceof Error ? error.message : String(error));
}
