// The bench's floor: the gateway's schemas, resolvers, loaders and backend clients executed with
// nothing else (no HTTP framework, no Apollo Server, no plugins, no authorization rules, no field
// cache, no limits, no logs), graphql-js over node:http. What the gateway costs above this is what
// its pipeline adds. Configured by the gateway's own environment (PORT, backend addresses, JWT).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { createAuthenticator } from '../../src/auth/authenticate.ts';
import { createCacheStore } from '../../src/cache/cache-store.ts';
import { createInvalidator } from '../../src/cache/invalidation.ts';
import { RequestCache } from '../../src/cache/request-cache.ts';
import { createClients } from '../../src/clients.ts';
import { loadConfig, type SurfaceName } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';

const config = loadConfig(process.env);
const logger = pino({ level: 'silent' });
const clients = createClients(config);
const authenticate = createAuthenticator(config.jwt);
const store = await createCacheStore({ maxMegabytes: 1, timeoutMs: 100, logger });
const invalidate = createInvalidator(store, []);

interface Surface {
  schema: GraphQLSchema;
  documents: Map<string, DocumentNode | readonly Error[]>;
}

const surfaces = new Map<string, Surface>(
  (['web', 'mobile'] as const).map((name) => {
    const definition = surfaceDefinition(name);
    return [`/${name}/graphql`, { schema: makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }), documents: new Map() }];
  }),
);

/** Parsed and validated once per query text, as every production server caches it. */
function documentOf(surface: Surface, query: string): DocumentNode | readonly Error[] {
  let document = surface.documents.get(query);
  if (!document) {
    const parsed = parse(query);
    const errors = validate(surface.schema, parsed);
    document = errors.length > 0 ? errors : parsed;
    surface.documents.set(query, document);
  }
  return document;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.url === '/healthz') return send(response, 200, { status: 'ok' });
  const surface = surfaces.get(request.url ?? '');
  if (!surface || request.method !== 'POST') return send(response, 404, { errors: [{ message: 'not found' }] });
  const name = (request.url ?? '').split('/')[1] as SurfaceName;
  const { query, variables, operationName } = JSON.parse(await readBody(request)) as { query: string; variables?: Record<string, unknown>; operationName?: string };
  const auth = await authenticate(request.headers.authorization, name);
  if (auth.kind === 'invalid') return send(response, 401, { errors: [{ message: 'invalid token' }] });
  const document = documentOf(surface, query);
  if (Array.isArray(document)) return send(response, 400, { errors: document.map((e: Error) => ({ message: e.message })) });
  const requestId = randomUUID();
  const viewer = auth.kind === 'viewer' ? auth.viewer : null;
  const contextValue = createContext({
    requestId,
    surface: name,
    logger,
    viewer,
    clientAddress: request.socket.remoteAddress ?? '',
    clients,
    batching: config.batching,
    record: { requestId, surface: name, traceparent: '', backendCalls: {}, cacheHits: 0, errorCodes: new Set() },
    cache: new RequestCache(store),
    invalidate,
    call: { requestId, ...(viewer ? { viewerId: viewer.id } : {}), deadline: Date.now() + config.requestTimeoutMs },
  });
  const result: ExecutionResult = await execute({ schema: surface.schema, document: document as DocumentNode, variableValues: variables ?? {}, operationName: operationName ?? null, contextValue });
  send(response, 200, result);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { errors: [{ message: String(error) }] }));
});
server.keepAliveTimeout = 60_000;
server.listen(config.port, config.host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
