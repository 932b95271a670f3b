import { existsSync } from 'node:fs';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { SurfaceName } from '../surface-names.ts';
import type { Viewer } from '../auth/viewer.ts';
import { surfaceDocuments } from './document-set.ts';
import { createDocumentStore } from './document-store.ts';
import { trustedDocumentsHook } from './trusted-documents-hook.ts';
import { documentMetrics } from './usage-metrics.ts';

/** A surface's trusted documents: its request hook, and the store to close on shutdown. */
export interface TrustedDocuments {
  /** Checks (and resolves) the request's documents; it has answered the request when it refuses. */
  hook(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Wraps the surface's handler so the hook runs first (after authentication) and a refusal ends the request. */
  before(handler: RouteHandlerMethod): RouteHandlerMethod;
  close(): void;
}

/**
 * Loads the documents folder for one surface (throwing at start on a bad file, or a missing folder
 * when the surface logs or enforces) and builds its hook in the surface's configured mode. Warns when the surface enforces with no client registered.
 */
export function createTrustedDocuments(
  surface: SurfaceName,
  config: Readonly<Config>,
  deps: { logger: Logger; registry: Registry; viewerOf(request: FastifyRequest): Viewer | null; onReject(request: FastifyRequest, code: string): void },
): TrustedDocuments {
  const metrics = documentMetrics(deps.registry);
  const mode = config.documents.modes[surface];
  // A surface that checks documents against a folder that is not there would refuse or flag everything.
  if (mode !== 'off' && !existsSync(config.documents.dir)) throw new Error(`DOCUMENTS_DIR: ${config.documents.dir} does not exist (${surface} trusted documents are ${mode})`);
  const store = createDocumentStore({
    dir: config.documents.dir,
    watch: config.documents.watch,
    logger: deps.logger,
    onReload: (ok) => metrics.reloads.inc({ surface, outcome: ok ? 'ok' : 'failed' }),
  });
  const clients = surfaceDocuments(store.current(), surface).clients.size;
  if (mode === 'enforce' && clients === 0) deps.logger.warn({ surface, dir: config.documents.dir }, 'trusted documents enforced with no client registered: every request without the bypass scope is refused');
  const hook = trustedDocumentsHook({ surface, mode, store, metrics, logger: deps.logger, maxTokens: config.limits[surface].maxTokens, viewerOf: deps.viewerOf, onReject: deps.onReject });
  return {
    hook,
    before: (handler) =>
      async function (this: ThisParameterType<RouteHandlerMethod>, request, reply) {
        await hook(request, reply);
        return reply.sent ? reply : handler.call(this, request, reply);
      },
    close: store.close,
  };
}
