// The bench's floor: the gateway's schemas, resolvers, loaders and backend clients executed with
// nothing else (no HTTP framework, no Apollo Server, no plugins, no authorization rules, no field
// cache, no limits, no logs) over node:http, with the gateway's executor (GRAPHQL_EXECUTOR: each
// document compiled once by graphql-jit, or graphql-js). What the gateway costs above this is what
// its pipeline adds. Configured by the gateway's own environment (PORT, backend addresses, JWT).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { pino } from 'pino';
import { createAuthenticator } from '../../src/auth/authenticate.ts';
import { createCacheStore } from '../../src/cache/cache-store.ts';
import { createInvalidator } from '../../src/cache/invalidation.ts';
import { RequestCache } from '../../src/cache/request-cache.ts';
import { createClients } from '../../src/clients.ts';
import { loadConfig } from '../../src/config.ts';
import { type SurfaceName } from '../../src/surface-names.ts';
import { createContext } from '../../src/context.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';

const config = loadConfig(process.env);
const logger = pino({ level: 'silent' });
const clients = createClients(config);
const authenticate = createAuthenticator(config.jwt);
const store = await createCacheStore({ maxMegabytes: 1, logger });
const invalidate = createInvalidator(store);

interface Prepared {
  document: DocumentNode;
  /** Absent when graphql-js executes (configured so, or graphql-jit could not compile it). */
  compiled?: CompiledQuery;
}

interface Surface {
  schema: GraphQLSchema;
  documents: Map<string, Prepared | readonly Error[]>;
}

const surfaces = new Map<string, Surface>(
  (['web', 'mobile'] as const).map((name) => {
    const definition = surfaceDefinition(name);
    return [`/${name}/graphql`, { schema: makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }), documents: new Map() }];
  }),
);

/** Parsed, validated (and compiled) once per query text, as every production server caches it. */
function prepare(surface: Surface, query: string): Prepared | readonly Error[] {
  let prepared = surface.documents.get(query);
  if (!prepared) {
    const document = parse(query);
    const errors = validate(surface.schema, document);
    const compiled = config.executor === 'jit' && errors.length === 0 ? compileQuery(surface.schema, document) : undefined;
    prepared = errors.length > 0 ? errors : { document, ...(compiled && isCompiledQuery(compiled) ? { compiled } : {}) };
    surface.documents.set(query, prepared);
  }
  return prepared;
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
  const prepared = prepare(surface, query);
  if (Array.isArray(prepared)) return send(response, 400, { errors: prepared.map((e: Error) => ({ message: e.message })) });
  const { document, compiled } = prepared as Prepared;
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
    record: { requestId, arrivedAt: Date.now(), surface: name, traceparent: '', backendCalls: {}, cacheHits: 0, errorCodes: new Set() },
    cache: new RequestCache(store),
    invalidate,
    call: { requestId, ...(viewer ? { viewerId: viewer.id } : {}), deadline: Date.now() + config.requestTimeoutMs },
  });
  const result = (await (compiled
    ? compiled.query(undefined, contextValue, variables ?? {})
    : execute({ schema: surface.schema, document, variableValues: variables ?? {}, operationName: operationName ?? null, contextValue }))) as ExecutionResult;
  send(response, 200, result);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { errors: [{ message: String(error) }] }));
});
server.keepAliveTimeout = 60_000;
server.listen(config.port, config.host, () => {
  const address = server.address();
  // Like the gateway: a parent that forked it with PORT=0 learns the bound port.
  process.send?.({ listening: { port: typeof address === 'object' && address ? address.port : config.port } });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
