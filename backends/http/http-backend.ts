import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { CallHeaders, ControlPlane, ServiceName } from '../control/control-plane.ts';

/** Options of an HTTP reference backend. */
export interface HttpBackendOptions {
  service: ServiceName;
  control: ControlPlane;
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Answers a call that the error-rate knob turned into a server error, in the protocol's own shape. */
  replyWithInjectedError: (reply: FastifyReply) => FastifyReply;
}

/** A listening backend. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4001`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A Fastify instance wired to the control plane: every request passes the fault gate first,
 * and the `down` knob resets open connections and refuses new ones.
 */
export function createHttpBackend(options: HttpBackendOptions): FastifyInstance {
  const { service, control } = options;
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimitBytes ?? 1_048_576, forceCloseConnections: true });
  const sockets = new Set<Socket>();

  app.server.on('connection', (socket: Socket) => {
    if (control.faults(service).down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const onFaults = (changed: ServiceName, faults: { down: boolean }): void => {
    if (changed !== service || !faults.down) return;
    for (const socket of sockets) socket.destroy();
  };
  control.on('faults', onFaults);
  app.addHook('onClose', async () => {
    control.off('faults', onFaults);
  });

  app.addHook('preHandler', async (request, reply) => {
    const outcome = await control.gate(service);
    if (outcome === 'down') {
      request.raw.socket.destroy();
      return reply;
    }
    if (outcome === 'error') return options.replyWithInjectedError(reply);
    return undefined;
  });
  return app;
}

/** Reads the trace headers a call arrived with. */
export function callHeaders(request: FastifyRequest): CallHeaders {
  const one = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { requestId: one('x-request-id'), traceparent: one('traceparent'), viewerId: one('x-viewer-id') };
}

/** Listens on the given host and port (0 picks a free one). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<RunningServer> {
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${actualPort}`, port: actualPort, close: () => app.close() };
}
