import { after, before } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino, type Logger } from 'pino';
import { startBackends, type Backends } from '../../backends/start.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import { closeClients, createClients } from '../../src/clients.ts';
import { closeRedis, connectRedis } from '../../src/redis.ts';
import { signToken } from '../../scripts/sign-token.ts';

/** A gateway listening on a free port, wired to the given backends. */
export interface TestGateway {
  url: string;
  /** The admin listener: `/readyz`, `/status`, `/metrics`. */
  adminUrl: string;
  config: Readonly<Config>;
  close(): Promise<void>;
}

/** A small shop for tests: heavy users u1..u100 have 40+ orders each. */
export function testDataset() {
  return seedDataset({ users: 300, products: 400, orders: 5_000 });
}

/** Starts the four reference backends on free ports with the test dataset. */
export function startTestBackends(): Promise<Backends> {
  return startBackends({ dataset: testDataset() });
}

/** The environment pointing a gateway at the given backends. */
export function backendEnv(backends: Backends): Record<string, string> {
  return {
    ACCOUNTS_URL: backends.accounts.url,
    CATALOG_URL: backends.catalog.url,
    ORDERS_ADDRESS: backends.orders.url,
    INVENTORY_URL: backends.inventory.url,
  };
}

/** How a test gateway is built beyond its environment. */
export interface TestGatewayOptions {
  /** The process logger; default: silent. */
  logger?: (config: Readonly<Config>) => Logger;
  /** How long to wait for Redis to be ready, in milliseconds; default 5000 (0 for a Redis known to be down). */
  waitForRedisMs?: number;
}

/**
 * Starts a gateway on a free port as `src/main.ts` would, `env` overriding the defaults; with
 * `REDIS_URL` it opens its own Redis connection (a replica of its own), waits for it (see
 * {@link TestGatewayOptions}), and closes it with the gateway.
 */
export async function startTestGateway(backends: Backends, env: Record<string, string> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...backendEnv(backends), ...env });
  const logger = options.logger?.(config) ?? pino({ level: 'silent' });
  const clients = createClients(config);
  const redis = config.redis.url ? await connectRedis(config.redis.url, config.redis.timeoutMs, logger) : undefined;
  const waitMs = options.waitForRedisMs ?? 5_000;
  for (let waited = 0; redis && !redis.isReady && waited < waitMs; waited += 20) await sleep(20);
  const { app, admin } = await buildApp({ config, logger, clients, redis });
  await admin.listen({ host: '127.0.0.1', port: 0 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const portOf = (server: typeof app.server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  return {
    url: `http://127.0.0.1:${portOf(app.server)}`,
    adminUrl: `http://127.0.0.1:${portOf(admin.server)}`,
    config,
    async close() {
      await app.close();
      closeClients(clients);
      if (redis) await closeRedis(redis);
    },
  };
}

/** The reference backends and a gateway a test file runs against (see {@link useGateway}). */
export interface GatewayFixture<G extends TestGateway = TestGateway> {
  /** The reference backends; readable once the file's first test runs. */
  readonly backends: Backends;
  /** The gateway; readable once the file's first test runs. */
  readonly gateway: G;
  /** Settles once both are started. */
  ready(): Promise<void>;
}

/** How {@link useGateway} builds its gateway. */
export interface UseGatewayOptions<G extends TestGateway = TestGateway> extends TestGatewayOptions {
  /** Another fixture whose backends this gateway uses instead of starting its own. */
  shareBackendsOf?: GatewayFixture<TestGateway>;
  /** Starts the gateway (e.g. one whose log is captured); default {@link startTestGateway}. */
  start?: (backends: Backends, env: Record<string, string>, options: TestGatewayOptions) => Promise<G>;
}

/**
 * Declares, at the top level of a test file (or of a `describe`), backends and a gateway started
 * before the first test and closed after the last: `env` overrides the gateway's defaults. Two
 * gateways over the same backends: `const naive = useGateway({ BATCHING: 'false' }, { shareBackendsOf: shop })`.
 */
export function useGateway<G extends TestGateway = TestGateway>(env: Record<string, string> = {}, options: UseGatewayOptions<G> = {}): GatewayFixture<G> {
  const { shareBackendsOf: shared, start = startTestGateway as NonNullable<UseGatewayOptions<G>['start']>, ...gatewayOptions } = options;
  let backends: Backends | undefined;
  let gateway: G | undefined;
  let started: Promise<void> | undefined;
  // Hooks at a file's top level start at once, side by side: a gateway sharing another's backends waits for them.
  before(() => {
    started = (async () => {
      if (shared) await shared.ready();
      backends = shared ? shared.backends : await startTestBackends();
      gateway = await start(backends, env, gatewayOptions);
    })();
    return started;
  });
  after(async () => {
    await gateway?.close();
    if (!shared) await backends?.close();
  });
  return {
    ready: () => started ?? Promise.reject(new Error('useGateway: not started yet')),
    get backends() {
      if (!backends) throw new Error('useGateway: the backends start before the first test; read them inside a test or hook');
      return backends;
    },
    get gateway() {
      if (!gateway) throw new Error('useGateway: the gateway starts before the first test; read it inside a test or hook');
      return gateway;
    },
  };
}

/** Signs a token the gateway accepts, as `npm run token` does. */
export async function tokenFor(
  config: Readonly<Config>,
  userId: string,
  options: { roles?: string[]; audience?: string[]; expiresIn?: string } = {},
): Promise<string> {
  return signToken(config.jwt, { subject: userId, roles: options.roles ?? [], audience: options.audience ?? ['web', 'mobile'], expiresIn: options.expiresIn ?? '10m' });
}

/** The body of a GraphQL response. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs one operation to a surface endpoint. */
export async function graphql(
  gateway: TestGateway,
  surface: 'web' | 'mobile',
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; body: GraphQLBody }> {
  const response = await fetch(`${gateway.url}/${surface}/graphql`, {
    method: 'POST',
    ...(options.signal ? { signal: options.signal } : {}),
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}
