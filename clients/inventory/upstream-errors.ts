import { UpstreamError, type UpstreamErrorCode } from '../errors.ts';
import { codeForStatus } from '../rest/error-mapping.ts';
import type { SoapFault } from './soap.ts';

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
 * Maps an HTTP status that carried no SOAP answer as every HTTP client does ({@link codeForStatus}),
 * except that a 404 or a status below 400 is BAD_RESPONSE: no SOAP endpoint answered there (a
 * wrong address), which is not the caller's fault.
 */
export function statusError(statusCode: number, operation: string, cause?: unknown): UpstreamError {
  const code: UpstreamErrorCode = statusCode === 404 || statusCode < 400 ? 'BAD_RESPONSE' : codeForStatus(statusCode);
  return new UpstreamError(`inventory ${operation} answered HTTP ${statusCode}`, { service: 'inventory', code, operation, cause });
}
