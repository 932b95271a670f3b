/** The backend services the gateway talks to. */
export const SERVICE_NAMES = ['accounts', 'catalog', 'orders', 'inventory'] as const;
/** One of {@link SERVICE_NAMES}. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * What went wrong with a backend call, independent of the protocol:
 * - `NOT_FOUND`: the backend says the entity does not exist (HTTP 404, gRPC NOT_FOUND, SOAP fault).
 * - `INVALID_ARGUMENT`: the backend refused the input (any HTTP 4xx but 404, 408, 409 and 429; gRPC
 *   INVALID_ARGUMENT, OUT_OF_RANGE; SOAP Client fault; an HTTP 4xx without a SOAP answer).
 * - `CONFLICT`: the backend refused because of its state (HTTP 409, gRPC FAILED_PRECONDITION/ALREADY_EXISTS).
 * - `UNAVAILABLE`: no answer could be had (connection refused or reset, HTTP 502/503, gRPC UNAVAILABLE).
 * - `TIMEOUT`: the deadline passed before an answer (got timeout, gRPC DEADLINE_EXCEEDED).
 * - `BAD_RESPONSE`: an answer came but broke the contract (wrong shape, unparsable).
 * - `INTERNAL`: the backend failed (HTTP 5xx, gRPC INTERNAL/UNKNOWN, SOAP Server fault).
 * - `CANCELLED`: the caller gave up (its client went away) before an answer; says nothing about the backend.
 *
 * Only `UNAVAILABLE`, `TIMEOUT`, `BAD_RESPONSE` and `INTERNAL` are the backend's failures (they count
 * towards its circuit breaker); the others are the caller's input, the entity's state, or the
 * caller itself.
 */
export const UPSTREAM_ERROR_CODES = ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT', 'UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE', 'INTERNAL', 'CANCELLED'] as const;
export type UpstreamErrorCode = (typeof UPSTREAM_ERROR_CODES)[number];

/** Options of an {@link UpstreamError}. */
export interface UpstreamErrorOptions {
  service: ServiceName;
  code: UpstreamErrorCode;
  /** The backend operation, e.g. `GET /users`, `BatchGetOrders`, `GetStockLevels`. */
  operation: string;
  /** The protocol error underneath (got's RequestError, a gRPC ServiceError, a SOAP fault). */
  cause?: unknown;
  /** For `INVALID_ARGUMENT`: the input field the backend named, if any. */
  field?: string;
  /** When the backend asked to be retried later (HTTP `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** True when the call never reached the backend (open circuit, full bulkhead). */
  fastFailed?: boolean;
}

/**
 * The one error type every client throws. Its message and cause are for logs only; clients of
 * the gateway see `code` and `service` (the gateway's error formatter decides the rest).
 */
export class UpstreamError extends Error {
  readonly service: ServiceName;
  readonly code: UpstreamErrorCode;
  readonly operation: string;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly fastFailed: boolean;

  constructor(message: string, options: UpstreamErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'UpstreamError';
    this.service = options.service;
    this.code = options.code;
    this.operation = options.operation;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
    this.fastFailed = options.fastFailed ?? false;
  }
}

/** Builds the Error value DataLoader expects for a key the backend did not return. */
export function notFound(service: ServiceName, operation: string, what: string): UpstreamError {
  return new UpstreamError(`${what} not found`, { service, code: 'NOT_FOUND', operation });
}

/** Whether an abort signal's reason is a deadline (AbortSignal.timeout) rather than a caller going away. */
export function abortedByTimeout(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'TimeoutError';
}

/** The error of a call its caller cancelled (never the backend's failure). */
export function cancelled(service: ServiceName, operation: string, cause?: unknown): UpstreamError {
  return new UpstreamError(`${service} ${operation}: cancelled by the caller`, { service, code: 'CANCELLED', operation, cause });
}
