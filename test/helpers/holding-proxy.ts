import http from 'node:http';

/** A proxy in front of an HTTP backend that, while `hold` is on, keeps the backend's answers until released. */
export interface HoldingProxy {
  url: string;
  hold: boolean;
  held: number;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const waiting: (() => void)[] = [];
  const proxy: HoldingProxy = {
    url: '',
    hold: false,
    held: 0,
    release: () => {
      for (const send of waiting.splice(0)) send();
    },
    close: async () => undefined,
  };
  const server = http.createServer((request, response) => {
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => {
        const send = (): void => {
          const body = Buffer.concat(chunks);
          const { 'transfer-encoding': _chunked, connection: _connection, ...headers } = reply.headers;
          response.writeHead(reply.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
          response.end(body);
        };
        if (!proxy.hold) return send();
        proxy.held++;
        waiting.push(send);
      });
    });
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${upstream.pathname}`;
  proxy.close = async () => {
    proxy.release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
  };
  return proxy;
}

