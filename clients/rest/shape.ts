import { UpstreamError, type ServiceName } from '../errors.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function badResponse(service: ServiceName, operation: string, what: string): UpstreamError {
  return new UpstreamError(`${service} ${operation}: answer has no ${what}`, { service, code: 'BAD_RESPONSE', operation });
}

/**
 * Checks the container of a JSON answer (an object with `key` of the expected kind) and returns it.
 * Only the envelope is checked, not every item: the backends serialize through the contract's schemas.
 */
export function envelope<T>(body: unknown, key: string, kind: 'array' | 'object' | 'string', service: ServiceName, operation: string): T {
  const value = isRecord(body) ? body[key] : undefined;
  const ok = kind === 'array' ? Array.isArray(value) : kind === 'object' ? isRecord(value) : typeof value === 'string';
  if (!ok) throw badResponse(service, operation, `${kind} "${key}"`);
  return body as T;
}

/** Checks that a JSON answer is one entity (an object with a string `id`) and returns it. */
export function entity<T>(body: unknown, service: ServiceName, operation: string): T {
  if (!isRecord(body) || typeof body.id !== 'string') throw badResponse(service, operation, 'entity');
  return body as T;
}
