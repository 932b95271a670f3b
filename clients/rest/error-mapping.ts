import { HTTPError, ParseError, RequestError, TimeoutError } from 'got';
import { UpstreamError, type ServiceName, type UpstreamErrorCode } from '../errors.ts';

/** Network error codes meaning the service could not be reached or dropped the connection. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** HTTP status → error code: 404 NOT_FOUND; 400/413/415/422 INVALID_ARGUMENT; 409 CONFLICT; 429/502/503 UNAVAILABLE; anything else INTERNAL. */
function codeForStatus(status: number): UpstreamErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'INVALID_ARGUMENT';
  if (status === 409) return 'CONFLICT';
  if (status === 429 || status === 502 || status === 503) return 'UNAVAILABLE';
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
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'TimeoutError' ? 'TIMEOUT' : 'UNAVAILABLE';
}

/**
 * Turns whatever a got call threw into an {@link UpstreamError}: HTTP statuses by
 * {@link codeForStatus} (a 400's `field` comes from the problem's first error), got timeouts are
 * TIMEOUT, unreachable or reset connections UNAVAILABLE, unparsable bodies BAD_RESPONSE, an aborted
 * signal TIMEOUT when its reason is a timeout and UNAVAILABLE otherwise.
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
