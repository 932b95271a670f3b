import { Metadata, type CallOptions as GrpcCallOptions, type ClientUnaryCall, type requestCallback } from '@grpc/grpc-js';
import { UpstreamError } from '../errors.ts';
import { effectiveTimeoutMs, traceHeaders, type CallOptions } from '../call-options.ts';
import { toUpstreamError } from './grpc-errors.ts';

/** Starts one unary call on the generated client with the given metadata, options and callback. */
export type StartUnary<Response> = (metadata: Metadata, options: GrpcCallOptions, callback: requestCallback<Response>) => ClientUnaryCall;

/** Timing and trace data of one call. */
export interface UnaryCallSettings {
  /** RPC name, used in errors, e.g. `GetOrder`. */
  operation: string;
  /** The client's timeout, in milliseconds, before the call's own deadline shortens it. */
  timeoutMs: number;
  call: CallOptions;
}

/**
 * Runs one unary RPC: deadline = now + effective timeout, trace data as metadata, the caller's
 * signal cancels it; failures become {@link UpstreamError}s.
 */
export function callUnary<Response>(settings: UnaryCallSettings, start: StartUnary<Response>): Promise<Response> {
  const { operation, call } = settings;
  const deadline = Date.now() + effectiveTimeoutMs(settings.timeoutMs, call);
  const context = { operation, deadline, signal: call.signal };
  if (call.signal?.aborted) return Promise.reject(aborted(operation, call.signal));

  const metadata = new Metadata();
  for (const [key, value] of Object.entries(traceHeaders(call))) metadata.set(key, value);

  return new Promise<Response>((resolve, reject) => {
    const onAbort = (): void => pending.cancel();
    const pending = start(metadata, { deadline }, (error, response) => {
      call.signal?.removeEventListener('abort', onAbort);
      if (error) reject(toUpstreamError(error, context));
      else if (response === undefined) reject(new UpstreamError(`orders ${operation} returned no message`, { service: 'orders', code: 'BAD_RESPONSE', operation }));
      else resolve(response);
    });
    call.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function aborted(operation: string, signal: AbortSignal): UpstreamError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
  return new UpstreamError(`orders ${operation} not sent: the call was aborted`, { service: 'orders', code: timedOut ? 'TIMEOUT' : 'CANCELLED', operation, cause: reason });
}
