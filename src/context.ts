import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { CallOptions } from '../clients/call-options.ts';
import type { Clients } from './clients.ts';
import type { SurfaceName } from './surface-names.ts';
import type { Viewer } from './auth/viewer.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { DEFAULT_REGION, regionOf, type Region } from './region.ts';
import { countAttempt, noteBatch, type RequestRecord } from './observability/request-record.ts';
import { recordOf } from './observability/request-log.ts';
import type { GatewayMetrics } from './observability/metrics.ts';
import type { CacheStore } from './cache/cache-store.ts';
import { RequestCache } from './cache/request-cache.ts';
import type { CacheInvalidator } from './cache/invalidation.ts';
// `request.viewer` is declared by the authentication hook.
import type {} from './auth/authentication-hook.ts';
import { SharedWork } from './cache/shared-work.ts';


/** What every resolver receives. Built once per request; resolvers only read it. */
export interface GatewayContext {
  readonly requestId: string;
  readonly surface: SurfaceName;
  readonly logger: Logger;
  /** Null when the request is anonymous. */
  readonly viewer: Viewer | null;
  /** The client's IP address (the budget key of anonymous requests). */
  readonly clientAddress: string;
  /** Per-request DataLoaders: every by-id backend read goes through them. */
  readonly loaders: Loaders;
  /** Backend clients, for calls that are not by id (search, lists, mutations). */
  readonly clients: Clients;
  /** Identity, trace data and cancellation for backend calls of this request. */
  readonly call: CallOptions;
  /**
   * The viewer's locale and currency (from their profile), fetched at most once; the default
   * region when anonymous. Rejects with the accounts failure when a signed-in viewer's profile
   * cannot be read: a price in another currency would be wrong, and would be cached as theirs.
   */
  region(): Promise<Region>;
  /** The field cache as this request sees it (batched reads and writes). */
  readonly cache: RequestCache;
  /** Evictions mutations make after they succeed. */
  readonly invalidate: CacheInvalidator;
  /** What the request's log line and metrics report (plugins write it; resolvers leave it alone). */
  readonly record: RequestRecord;
  /** graphql-shield's per-request rule cache (shield writes into it; the context itself stays frozen). */
  readonly _shield: { cache: Record<string, unknown> };
  /**
   * The signal and deadline of this request's backend work (`call` carries them): requests that
   * come to wait on part of it (a cache miss this request started) join it, so it is cancelled only
   * when all of them have gone and runs until the latest of their deadlines.
   */
  readonly work: SharedWork;
}

/** What a request context is built from. */
export interface ContextInput {
  requestId: string;
  surface: SurfaceName;
  logger: Logger;
  viewer: Viewer | null;
  clientAddress: string;
  clients: Clients;
  call: CallOptions;
  /** See {@link LoaderOptions.batching}. */
  batching: boolean;
  record: RequestRecord;
  cache: RequestCache;
  invalidate: CacheInvalidator;
}

/** Builds the context of one request. */
export function createContext(input: ContextInput): GatewayContext {
  const work = new SharedWork(input.call);
  const call: CallOptions = {
    ...input.call,
    signal: work.signal,
    get deadline() {
      return work.deadline;
    },
  };
  let region: Promise<Region> | undefined;
  const loaders = createLoaders({
    clients: input.clients,
    call,
    batching: input.batching,
    // Stock levels come priced in one currency; when the viewer's cannot be read, availability is
    // still worth having, and prices are refused by the price fields themselves (see `region`).
    currency: () => resolveRegion().then((found) => found.currency, () => DEFAULT_REGION.currency),
    onBatch: (service, method, keys) => noteBatch(input.record, service, method, keys),
  });
  const resolveRegion = (): Promise<Region> => {
    const viewer = input.viewer;
    region ??= viewer
      ? loaders.user.load(viewer.id).then((user) => regionOf(user.profile))
      : Promise.resolve(DEFAULT_REGION);
    return region;
  };
  return Object.freeze({
    requestId: input.requestId,
    surface: input.surface,
    logger: input.logger,
    viewer: input.viewer,
    clientAddress: input.clientAddress,
    clients: input.clients,
    call,
    loaders,
    region: resolveRegion,
    record: input.record,
    cache: input.cache,
    invalidate: input.invalidate,
    _shield: { cache: {} },
    work,
  });
}

/** What the per-request context factory of a surface is built from, once (the process's parts). */
export interface RequestContextDependencies {
  config: Readonly<Config>;
  logger: Logger;
  clients: Clients;
  metrics: GatewayMetrics;
  cacheStore: CacheStore;
  invalidator: CacheInvalidator;
}

/**
 * The context function of a surface's Apollo handler: builds each request's context from its
 * Fastify request (viewer, record, trace data) with a signal that aborts when the client goes
 * away and a deadline counted from the request's arrival.
 */
export function requestContextFactory(
  surface: SurfaceName,
  deps: RequestContextDependencies,
): (request: FastifyRequest, reply: FastifyReply) => Promise<GatewayContext> {
  const { config, logger, clients, metrics, cacheStore, invalidator } = deps;
  return async (request, reply) => {
    const record = recordOf(request);
    const { viewer } = request;
    if (viewer) record.viewerId = viewer.id;
    // A client that goes away cancels the backend work still pending for it.
    const disconnected = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) disconnected.abort(new Error('client disconnected'));
    });
    return createContext({
      requestId: request.id,
      surface,
      logger: logger.child({ requestId: request.id, surface }),
      viewer,
      clientAddress: request.ip,
      clients,
      batching: config.batching,
      record,
      cache: new RequestCache(cacheStore),
      invalidate: invalidator,
      call: {
        requestId: request.id,
        traceparent: record.traceparent,
        ...(viewer ? { viewerId: viewer.id } : {}),
        // Counted from arrival: the wait for a turn is part of the request's time.
        deadline: record.arrivedAt + config.requestTimeoutMs,
        signal: disconnected.signal,
        observer: (report) => {
          countAttempt(record, report);
          metrics.observeAttempt(report);
        },
      },
    });
  };
}
