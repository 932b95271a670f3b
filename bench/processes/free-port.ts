import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on `host`: listen on port 0, read the port, close.
 * Another process could take it before it is used; the gateway then fails to start and the bench reports it.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
