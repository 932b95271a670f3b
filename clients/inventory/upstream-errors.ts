import { RequestError, TimeoutError } from 'got';
import { UpstreamError, abortedByTimeout, cancelled, type UpstreamErrorCode } from '../errors.ts';
import type { SoapFault } from './soap.ts';

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** The input field a fault reason is about, for {@link UpstreamError.field}. */
const FIELD_OF_REASON: Record<string, string> = { TOO_MANY_SKUS: 'sku', NO_SKU: 'sku', UNKNOWN_CURRENCY: 'currency' };

/** Maps a SOAP 1.1 Fault: soap:Client (and VersionMismatch, MustUnderstand) → INVALID_ARGUMENT, anything else → INTERNAL. */
export function faultError(fault: SoapFault, operation: string): UpstreamError {
  const kind = fault.faultcode.split('.')[0];
  const code: UpstreamErrorCode = kind === 'Client' || kind === 'VersionMismatch' || kind === 'MustUnderstand' ? 'INVALID_ARGUMENT' : 'INTERNAL';
  const field = code === 'INVALID_ARGUMENT' && fault.code ? FIELD_OF_REASON[fault.code] : undefined;
  const message = `inventory ${operation} fault ${fault.faultcode}${fault.code ? ` (${fault.code})` : ''}: ${fault.faultstring}`;
  return new UpstreamError(message, { service: 'inventory', code, operation, field, cause: fault });
}

/**
 * Maps an HTTP status that carried no SOAP answer: 502/503/504 → UNAVAILABLE, other 5xx → INTERNAL,
 * 408 → TIMEOUT, 429 → UNAVAILABLE, 404 → BAD_RESPONSE (no SOAP endpoint there: a wrong address),
 * any other 4xx → INVALID_ARGUMENT (the request was refused: the caller's fault, not the backend's
 * health), anything else → BAD_RESPONSE.
 */
export function statusError(statusCode: number, operation: string, cause?: unknown): UpstreamError {
  const code: UpstreamErrorCode =
    UNAVAILABLE_STATUSES.has(statusCode) || statusCode === 429
      ? 'UNAVAILABLE'
      : statusCode >= 500
        ? 'INTERNAL'
        : statusCode === 408
          ? 'TIMEOUT'
          : statusCode >= 400 && statusCode !== 404
            ? 'INVALID_ARGUMENT'
            : 'BAD_RESPONSE';
  return new UpstreamError(`inventory ${operation} answered HTTP ${statusCode}`, { service: 'inventory', code, operation, cause });
}

/**
 * Maps what got threw: a timeout → TIMEOUT; a call its caller cancelled (the signal aborted, not by
 * a timeout) → CANCELLED; a refused, reset or unroutable connection or any other transport failure
 * → UNAVAILABLE.
 */
export function transportError(error: unknown, operation: string, signal?: AbortSignal): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (signal?.aborted && !abortedByTimeout(signal)) return cancelled('inventory', operation, error);
  if (error instanceof TimeoutError) {
    return new UpstreamError(`inventory ${operation} timed out`, { service: 'inventory', code: 'TIMEOUT', operation, cause: error });
  }
  const reason = error instanceof RequestError && UNAVAILABLE_CODES.has(error.code) ? error.code : 'transport failure';
  return new UpstreamError(`inventory ${operation} unavailable: ${reason}`, { service: 'inventory', code: 'UNAVAILABLE', operation, cause: error });
}
