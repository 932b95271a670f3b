import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bool } from './env-values.ts';
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from './documents/modes.ts';
import { grpcTarget } from '../clients/balancing/grpc-target.ts';
import { SURFACE_NAMES, type SurfaceName } from './surface-names.ts';
import { limitProblems, limitsEnvironment, surfaceLimitsFrom, throttleSettingsFrom, type SurfaceLimits, type ThrottleSettings } from './limits/limits-config.ts';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveMs = z.coerce.number().int().min(1).max(600_000);
const httpUrl = z.url({ protocol: /^https?$/ });
const optionalMs = z.coerce.number().int().min(0).max(600_000);
/** A comma-separated list of exact browser origins (`scheme://host[:port]`, no path, no wildcard). */
const origins = z
  .string()
  .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.string().refine((o) => URL.canParse(o) && /^https?:$/.test(new URL(o).protocol) && new URL(o).origin === o, { error: (issue) => `${String(issue.input)} is not an exact origin like https://app.example.com` })));
/** The usual origins of local frontend dev servers (Next/CRA, Vite, Vite preview, Angular, webpack). */
const DEVELOPMENT_CORS_ORIGINS = [3000, 5173, 4173, 4200, 8080].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]);
const hostPort = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'expected host:port');
/** A comma-separated list of one or more instances of a backend, each checked by `item`. */
const instances = (fallback: string, item: z.ZodType<string, string>) =>
  z
    .string()
    .default(fallback)
    .transform((value) => [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1, 'name at least one instance'));

/** The environment variables the gateway reads, with defaults. The README's table mirrors this. */
const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  ADMIN_HOST: z.string().min(1).default('127.0.0.1'),
  ADMIN_PORT: port.default(4099),
  DRAIN_DELAY_MS: optionalMs.optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const trust = parseTrustProxy(value);
      if (typeof trust === 'string') context.addIssue({ code: 'custom', message: trust });
      return typeof trust === 'string' ? false : trust;
    }),
  HEADERS_TIMEOUT_MS: positiveMs.default(10_000),
  BODY_TIMEOUT_MS: positiveMs.default(10_000),
  KEEP_ALIVE_TIMEOUT_MS: positiveMs.default(72_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SURFACES: z
    .string()
    .default('web,mobile')
    .transform((value) => [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(SURFACE_NAMES)).min(1, 'name at least one surface: web, mobile')),
  BACKENDS: z.enum(['embedded', 'external']).default('embedded'),
  ACCOUNTS_URL: instances('http://127.0.0.1:4001', httpUrl),
  CATALOG_URL: instances('http://127.0.0.1:4002', httpUrl),
  ORDERS_ADDRESS: instances('127.0.0.1:4003', hostPort).superRefine((addresses, context) => {
    try {
      grpcTarget(addresses);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  INVENTORY_URL: instances('http://127.0.0.1:4004/soap', httpUrl),
  BACKENDS_CONTROL_PORT: port.default(4005),
  ACCOUNTS_TIMEOUT_MS: positiveMs.default(2_000),
  CATALOG_TIMEOUT_MS: positiveMs.default(2_000),
  ORDERS_TIMEOUT_MS: positiveMs.default(2_000),
  INVENTORY_TIMEOUT_MS: positiveMs.default(3_000),
  INTROSPECTION: bool.optional(),
  SANDBOX: bool.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).default(102_400),
  SHUTDOWN_DRAIN_MS: positiveMs.default(10_000),
  BATCHING: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default('bff-gateway'),
  JWT_JWKS_URL: httpUrl.optional(),
  REQUEST_TIMEOUT_MS: positiveMs.default(10_000),
  MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(256),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(1_000_000).default(4_096),
  RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(5).default(3),
  RETRY_BUDGET_RATIO: z.coerce.number().min(0).max(1).default(0.2),
  BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  BREAKER_VOLUME: z.coerce.number().int().min(1).max(10_000).default(10),
  BREAKER_RESET_MS: positiveMs.default(5_000),
  BACKEND_MAX_CONCURRENT: z.coerce.number().int().min(1).max(10_000).default(256),
  BACKEND_EJECT_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  BACKEND_EJECT_MS: positiveMs.default(30_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_TIMEOUT_MS: positiveMs.default(100),
  REDIS_BREAKER_RESET_MS: positiveMs.default(5_000),
  // Depth, cost, abuse limits and budgets per surface: see src/limits/limits-config.ts.
  ...limitsEnvironment,
  CACHE_ENABLED: bool.default(true),
  AUTHORIZATION: z.enum(['shield', 'off']).default('shield'),
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  CACHE_MAX_MB: z.coerce.number().int().min(1).max(16_384).default(64),
  WEB_TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENTS_MODES).default('off'),
  MOBILE_TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENTS_MODES).default('off'),
  DOCUMENTS_DIR: z.string().min(1).optional(),
  DOCUMENTS_WATCH: bool.default(true),
  WEB_CORS_ORIGINS: origins.optional(),
  MOBILE_CORS_ORIGINS: origins.optional(),
  CORS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
});

/** The repository's documents folder (next to `src/`, also in the build output). */
const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL('../documents/', import.meta.url));

/** The name of every environment variable the gateway reads (deploy manifests are checked against it). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(environment.shape);

const SECRET_VARIABLES = new Set(['JWT_SECRET']);

/** Signs development tokens only: production must set its own JWT_SECRET. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

/** The gateway's validated, frozen configuration. Built once at start-up by {@link loadConfig}. */
export interface Config {
  env: 'development' | 'production' | 'test';
  /** `NODE_ENV` was not set: the start logs loudly that this is a development server. */
  envDefaulted: boolean;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The admin listener (`/readyz`, `/status`, `/metrics`, `/healthz`): never on the public Service. 0 picks a free port. */
  admin: { host: string; port: number };
  /**
   * Client addresses from `X-Forwarded-For`: `false` (default) uses the socket address; a hop
   * count trusts that many proxies in front; a list trusts proxies at those addresses/CIDRs.
   */
  trustProxy: false | number | readonly string[];
  /** HTTP timeouts of the public listener, in milliseconds. */
  http: {
    /** Longest wait for a request's headers. */
    headersTimeoutMs: number;
    /** Longest wait for a whole request (headers and body): a slow or idle body is cut (408) past it. */
    bodyTimeoutMs: number;
    /** How long an idle keep-alive connection stays open; above the load balancer's own idle timeout. */
    keepAliveTimeoutMs: number;
  };
  log: { level: string; /** Human-readable lines instead of JSON. Default: on outside production. */ pretty: boolean };
  surfaces: readonly SurfaceName[];
  /** `embedded`: `npm start` also starts the reference backends; `external`: they run elsewhere. */
  backends: 'embedded' | 'external';
  /** Each backend's instances (one or more; calls are spread over them) and timeout. */
  services: {
    accounts: { urls: readonly string[]; timeoutMs: number };
    catalog: { urls: readonly string[]; timeoutMs: number };
    /** One `host:port` (a DNS name may resolve to many instances) or several IP `host:port`s. */
    orders: { addresses: readonly string[]; timeoutMs: number };
    inventory: { urls: readonly string[]; timeoutMs: number };
  };
  /** Port of the reference backends' control plane when `npm start` runs them. */
  backendsControlPort: number;
  graphql: {
    /** Introspection queries allowed. Default: on outside production. */
    introspection: boolean;
    /** A browser GET serves the explorer (local GraphiQL, Apollo Sandbox at `?sandbox`). Default: on outside production. */
    sandbox: boolean;
  };
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** How long SIGTERM waits for in-flight requests before closing, in milliseconds. */
  shutdownDrainMs: number;
  /**
   * After SIGTERM, how long the public listener keeps accepting (readiness already 503) so the
   * load balancer stops routing first, in milliseconds. Default 5000 in production, else 0.
   */
  drainDelayMs: number;
  /** DataLoader batching on (default) or off (one backend call per key: the benchmark's naive path). */
  batching: boolean;
  /**
   * Token verification: `iss` must equal `issuer` and `aud` must name the surface. With `jwksUrl`,
   * RS256/ES256 signatures against the issuer's key set (fetched, cached, refreshed on an unknown
   * key id); without it, HS256 with `secret`.
   */
  jwt: { secret: string; issuer: string; jwksUrl: string | undefined };
  /** Deadline of a whole request, in milliseconds: backend calls get at most the time left. */
  requestTimeoutMs: number;
  /** GraphQL requests executed at once by this process; more wait in line (`maxQueued`), then get 503. */
  admission: { maxInFlight: number; maxQueued: number };
  /**
   * Shared state for replicas (field cache, throttle budgets). Unset: both stay in process memory.
   * `timeoutMs` bounds every Redis command; past it the gateway falls back (see README), and
   * stops asking Redis for `breakerResetMs` before one probe command.
   */
  redis: { url: string | undefined; timeoutMs: number; breakerResetMs: number };
  /** Depth, cost and abuse limits and the client budget, per surface (README "Limits and throttling"). */
  limits: Record<SurfaceName, SurfaceLimits>;
  /** Whether budgets are charged, and their Redis key prefix. */
  throttle: ThrottleSettings;
  /**
   * `shield`: every field passes the surface's rule tree. `off` exists only to measure what
   * authorization costs (the benchmark); it is refused in production.
   */
  authorization: 'shield' | 'off';
  /**
   * What executes operations: `jit` (default) compiles each query document once with graphql-jit
   * (graphql-js for what it cannot compile and for mutations); `graphql-js` runs everything on graphql-js.
   */
  executor: 'jit' | 'graphql-js';
  /** Field cache: in memory (LRU bounded to `maxMegabytes`) unless Redis is configured. */
  cache: { enabled: boolean; maxMegabytes: number };
  /**
   * Browser origins allowed to call each surface (exact matches). Default: none in production,
   * the usual local dev servers' origins otherwise. `maxAgeSeconds`: how long a browser may reuse a preflight.
   */
  cors: { origins: Record<SurfaceName, readonly string[]>; maxAgeSeconds: number };
  /**
   * Trusted documents (README "Client contract"): the folder of client policies and manifests,
   * whether a change under it reloads them (SIGHUP always does), and each surface's mode.
   */
  documents: { dir: string; watch: boolean; modes: Record<SurfaceName, TrustedDocumentsMode> };
  /** How every backend is protected (per backend: its own retry budget, breaker and bulkhead). */
  resilience: {
    /** Most attempts of an idempotent call (1 = no retries). */
    maxAttempts: number;
    /** Share of calls that may be retries, 0..1. */
    retryRatio: number;
    /** Failure percentage over a 10 s window that opens a backend's circuit. */
    breakerErrorPercent: number;
    /** Calls in the window before a circuit may open. */
    breakerVolume: number;
    /** How long an open circuit waits before a probe, in milliseconds. */
    breakerResetMs: number;
    /** Most calls in flight per backend (bulkhead). */
    maxConcurrent: number;
    /** Consecutive failures of one backend instance that stop calls to it for `ejectionMs`. */
    ejectAfterFailures: number;
    /** How long an ejected instance gets no calls, in milliseconds. */
    ejectionMs: number;
  };
}

/** Thrown when the environment holds bad values; its message lists every problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses and validates the environment once. Throws {@link ConfigError} naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = environment.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        // A secret is never echoed, even a bad one: the message goes to logs.
        const given = env[name] === undefined || SECRET_VARIABLES.has(name) ? '' : `=${JSON.stringify(env[name])}`;
        return `${name}${given}: ${issue.message}`;
      });
  // Read from the raw environment so that it is listed beside every other problem.
  if (parsed.success) problems.push(...limitProblems(parsed.data));
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL) problems.push('JWT_SECRET or JWT_JWKS_URL: one is required in production');
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) problems.push('JWT_SECRET: the public development secret is refused in production');
  if (parsed.success && parsed.data.HEADERS_TIMEOUT_MS > parsed.data.BODY_TIMEOUT_MS) problems.push('HEADERS_TIMEOUT_MS: must not exceed BODY_TIMEOUT_MS (the body timeout covers the headers too)');
  if (env.NODE_ENV === 'production' && env.AUTHORIZATION === 'off') problems.push('AUTHORIZATION="off": refused in production (it exists to measure authorization)');
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const development = e.NODE_ENV !== 'production';
  return deepFreeze({
    env: e.NODE_ENV,
    envDefaulted: env.NODE_ENV === undefined,
    host: e.HOST,
    port: e.PORT,
    admin: { host: e.ADMIN_HOST, port: e.ADMIN_PORT },
    trustProxy: e.TRUST_PROXY,
    http: { headersTimeoutMs: e.HEADERS_TIMEOUT_MS, bodyTimeoutMs: e.BODY_TIMEOUT_MS, keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? development },
    surfaces: e.SURFACES,
    backends: e.BACKENDS,
    services: {
      accounts: { urls: e.ACCOUNTS_URL, timeoutMs: e.ACCOUNTS_TIMEOUT_MS },
      catalog: { urls: e.CATALOG_URL, timeoutMs: e.CATALOG_TIMEOUT_MS },
      orders: { addresses: e.ORDERS_ADDRESS, timeoutMs: e.ORDERS_TIMEOUT_MS },
      inventory: { urls: e.INVENTORY_URL, timeoutMs: e.INVENTORY_TIMEOUT_MS },
    },
    backendsControlPort: e.BACKENDS_CONTROL_PORT,
    graphql: { introspection: e.INTROSPECTION ?? development, sandbox: e.SANDBOX ?? development },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    drainDelayMs: e.DRAIN_DELAY_MS ?? (e.NODE_ENV === 'production' ? 5_000 : 0),
    batching: e.BATCHING,
    jwt: { secret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, issuer: e.JWT_ISSUER, jwksUrl: e.JWT_JWKS_URL },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    admission: { maxInFlight: e.MAX_IN_FLIGHT_REQUESTS, maxQueued: e.MAX_QUEUED_REQUESTS },
    redis: { url: e.REDIS_URL, timeoutMs: e.REDIS_TIMEOUT_MS, breakerResetMs: e.REDIS_BREAKER_RESET_MS },
    limits: surfaceLimitsFrom(e),
    throttle: throttleSettingsFrom(e),
    cache: { enabled: e.CACHE_ENABLED, maxMegabytes: e.CACHE_MAX_MB },
    cors: {
      origins: {
        web: e.WEB_CORS_ORIGINS ?? (development ? DEVELOPMENT_CORS_ORIGINS : []),
        mobile: e.MOBILE_CORS_ORIGINS ?? (development ? DEVELOPMENT_CORS_ORIGINS : []),
      },
      maxAgeSeconds: e.CORS_MAX_AGE_SECONDS,
    },
    authorization: e.AUTHORIZATION,
    executor: e.GRAPHQL_EXECUTOR,
    documents: { dir: e.DOCUMENTS_DIR ?? DEFAULT_DOCUMENTS_DIR, watch: e.DOCUMENTS_WATCH, modes: { web: e.WEB_TRUSTED_DOCUMENTS, mobile: e.MOBILE_TRUSTED_DOCUMENTS } },
    resilience: {
      maxAttempts: e.RETRY_MAX_ATTEMPTS,
      retryRatio: e.RETRY_BUDGET_RATIO,
      breakerErrorPercent: e.BREAKER_ERROR_PERCENT,
      breakerVolume: e.BREAKER_VOLUME,
      breakerResetMs: e.BREAKER_RESET_MS,
      maxConcurrent: e.BACKEND_MAX_CONCURRENT,
      ejectAfterFailures: e.BACKEND_EJECT_FAILURES,
      ejectionMs: e.BACKEND_EJECT_MS,
    },
  });
}

/**
 * `TRUST_PROXY`: unset, empty or `false` is off; a whole number is a hop count; otherwise a
 * comma-separated list of IP addresses or CIDR ranges. `true` (trust any sender) is refused: any
 * client could then choose its own address, and with it its budget. Returns a message when invalid.
 */
function parseTrustProxy(value: string | undefined): false | number | string[] | string {
  const given = value?.trim() ?? '';
  if (given === '' || given === 'false' || given === '0') return false;
  if (/^\d+$/.test(given)) return Number(given) <= 32 ? Number(given) : 'a hop count is at most 32';
  const entries = given.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length === 0) return entries;
  return `expected false, a hop count or a comma-separated list of IP addresses / CIDR ranges (not ${bad.map((b) => JSON.stringify(b)).join(', ')})`;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}

/** For entry points: the configuration, or the list of problems on stderr and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
