import http from 'node:http';

/** A proxy in front of an HTTP backend that fails some requests itself. */
export interface FlakyProxy {
  /** Base URL to give the gateway instead of the backend's. */
  url: string;
  /** Requests received, failed ones included. */
  received: number;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target` except those `fail(n)` picks (n counts requests from 1),
 * which it answers itself with `status` (a problem+json body, and `Retry-After` when given).
 */
export async function startFlakyProxy(
  target: string,
  fail: (n: number) => boolean,
  options: { status?: number; retryAfterS?: number } = {},
): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const proxy: FlakyProxy = { url: '', received: 0, close: async () => undefined };
  const server = http.createServer((request, response) => {
    proxy.received++;
    if (fail(proxy.received)) {
      const status = options.status ?? 503;
      response.writeHead(status, {
        'content-type': 'application/problem+json',
        ...(options.retryAfterS === undefined ? {} : { 'retry-after': String(options.retryAfterS) }),
      });
      response.end(JSON.stringify({ type: 'about:blank', title: 'injected by the proxy', status }));
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
  };
  return proxy;
}
