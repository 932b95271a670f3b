/**
 * Serves the Apollo Client example app: bundles src/main.ts with esbuild (in memory, at start)
 * and serves it with index.html, the GraphQL endpoint written into the page. Run it with
 * `npm run example:app` (http://localhost:5173, one of the origins the gateway allows in
 * development, against http://localhost:4000/mobile/graphql); tests start it on port 0.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const APP_DIR = import.meta.dirname;

/** A running example app. */
export interface ExampleApp {
  /** Its origin, e.g. `http://127.0.0.1:5173`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles the app and serves it on `host:port` (0 picks a free port), talking to `endpoint` (a
 * function is asked at every page load: a test can start the app before the gateway that must
 * know the app's origin).
 */
export async function startExampleApp(options: { endpoint: string | (() => string); host?: string; port?: number }): Promise<ExampleApp> {
  const bundle = await build({
    entryPoints: [path.join(APP_DIR, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const template = await readFile(path.join(APP_DIR, 'index.html'), 'utf8');
  const page = () => {
    const endpoint = typeof options.endpoint === 'function' ? options.endpoint() : options.endpoint;
    return template.replace('%GRAPHQL_ENDPOINT%', endpoint.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
  };
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://app').pathname;
    if (pathname === '/' || pathname === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    else if (pathname === '/app.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string', default: 'http://localhost:4000/mobile/graphql' },
      port: { type: 'string', default: '5173' },
    },
  });
  const app = await startExampleApp({ endpoint: values.endpoint, host: 'localhost', port: Number(values.port) });
  console.log(`example app: ${app.url} (endpoint ${values.endpoint}); Ctrl-C stops it`);
}
