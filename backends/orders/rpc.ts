import { status, type handleUnaryCall, type Metadata } from '@grpc/grpc-js';
import type { CallHeaders, ControlPlane } from '../control/control-plane.ts';

/** gRPC status codes the handlers answer with. */
export type RpcCode = (typeof status)[keyof typeof status];

/** A refusal with a gRPC status; {@link unary} sends it as the call's status. */
export class RpcError extends Error {
  readonly code: RpcCode;

  constructor(code: RpcCode, message: string) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
  }
}

/** INVALID_ARGUMENT whose message starts with the request field path, as the contract promises. */
export function invalidArgument(field: string, problem: string): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `${field}: ${problem}`);
}

/** Options of {@link unary}. */
export interface UnaryOptions<Request> {
  control: ControlPlane;
  /** RPC name, recorded as the call's method. */
  method: string;
  /** Keys asked for, for batch RPCs. */
  keys?: (request: Request) => number;
}

/**
 * Wraps one RPC's logic with the control plane: the fault gate first (down → UNAVAILABLE,
 * injected error → INTERNAL), then the call record, then the handler; an {@link RpcError}
 * becomes the call's status and anything else a generic INTERNAL.
 */
export function unary<Request, Response>(options: UnaryOptions<Request>, handle: (request: Request) => Response): handleUnaryCall<Request, Response> {
  const { control, method } = options;
  return (call, callback) => {
    void (async () => {
      const outcome = await control.gate('orders');
      // A caller that gave up while the gate held the call (deadline, hang) expects no answer.
      if (call.cancelled) return;
      if (outcome === 'down') return callback({ code: status.UNAVAILABLE, details: 'orders service is down' });
      control.record('orders', { method, keys: options.keys?.(call.request), ...readCallHeaders(call.metadata) });
      if (outcome === 'error') return callback({ code: status.INTERNAL, details: 'injected error' });
      try {
        callback(null, handle(call.request));
      } catch (error) {
        if (error instanceof RpcError) callback({ code: error.code, details: error.message });
        else callback({ code: status.INTERNAL, details: 'internal error' });
      }
    })();
  };
}

function readCallHeaders(metadata: Metadata): CallHeaders {
  const one = (key: string): string | undefined => {
    const value = metadata.get(key)[0];
    return typeof value === 'string' ? value : undefined;
  };
  return { requestId: one('x-request-id'), traceparent: one('traceparent'), viewerId: one('x-viewer-id') };
}
