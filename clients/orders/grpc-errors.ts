import { status, type ServiceError } from '@grpc/grpc-js';
import { UpstreamError, type UpstreamErrorCode } from '../errors.ts';

/** What the caller knew when a call failed, to tell a deadline from a plain cancel. */
export interface FailureContext {
  operation: string;
  /** Absolute deadline the call was given, epoch milliseconds. */
  deadline: number;
  /** The caller's abort signal, if any. */
  signal?: AbortSignal;
}

const BY_STATUS: Partial<Record<status, UpstreamErrorCode>> = {
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [status.OUT_OF_RANGE]: 'INVALID_ARGUMENT',
  [status.ALREADY_EXISTS]: 'CONFLICT',
  [status.FAILED_PRECONDITION]: 'CONFLICT',
  [status.UNAVAILABLE]: 'UNAVAILABLE',
  [status.DEADLINE_EXCEEDED]: 'TIMEOUT',
};

/** Maps a gRPC failure to the one error type clients throw; a CANCELLED call is TIMEOUT when its deadline passed, CANCELLED when its caller went away. */
export function toUpstreamError(error: ServiceError, context: FailureContext): UpstreamError {
  const code = error.code === status.CANCELLED ? (cancelledByDeadline(context) ? 'TIMEOUT' : 'CANCELLED') : (BY_STATUS[error.code] ?? 'INTERNAL');
  const field = code === 'INVALID_ARGUMENT' ? fieldOf(error.details) : undefined;
  return new UpstreamError(`orders ${context.operation} failed: ${status[error.code] ?? error.code} ${error.details}`, {
    service: 'orders',
    code,
    operation: context.operation,
    cause: error,
    field,
  });
}

function cancelledByDeadline(context: FailureContext): boolean {
  const reason: unknown = context.signal?.reason;
  return Date.now() >= context.deadline || (reason instanceof DOMException && reason.name === 'TimeoutError');
}

/**
 * The contract starts INVALID_ARGUMENT messages with the request field path ("items[0].quantity: …");
 * it is returned in this client's camelCase spelling ("items[0].productId").
 */
function fieldOf(details: string): string | undefined {
  const match = /^([a-z][\w.[\]]*): /.exec(details);
  return match?.[1]?.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
