import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { SurfaceName } from '../surface-names.ts';
import { refuse } from '../surfaces/refusal.ts';
import { EXPLORER_ASSETS, explorerOffPage, explorerPage } from './pages.ts';

/** The bundle scripts/build-explorer.ts writes (copied beside the compiled code by `npm run build`). */
const BUNDLE_DIR = path.join(import.meta.dirname, '__generated__');

/** True when the request is a browser navigation: it prefers HTML over the GraphQL media types (Apollo Server's test). */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * A Fastify `onRequest` hook for a surface's scope: a browser GET of the endpoint gets the local
 * explorer when `enabled` (Apollo Sandbox instead with `?sandbox`, served by Apollo Server's
 * landing page), or a short page saying the explorer is off, instead of a CSRF refusal. GraphQL
 * GETs (they ask for JSON) pass through untouched.
 */
export function explorerHook(surface: SurfaceName, enabled: boolean) {
  const endpoint = `/${surface}/graphql`;
  const page = enabled ? explorerPage(surface) : explorerOffPage(surface);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'GET' || !prefersHtml(request.headers.accept)) return undefined;
    const [pathname, search = ''] = request.url.split('?');
    if (pathname !== endpoint || (enabled && new URLSearchParams(search).has('sandbox'))) return undefined;
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
  };
}

/**
 * Serves the explorer bundle (one script, one stylesheet) at {@link EXPLORER_ASSETS}. Read once,
 * at the first request; when it was never built, a 404 says how to build it.
 */
export function registerExplorerAssets(app: FastifyInstance): void {
  const files = new Map<string, Promise<Buffer>>();
  const serve = (file: string, type: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    let content = files.get(file);
    if (!content) files.set(file, (content = readFile(path.join(BUNDLE_DIR, file))));
    try {
      return reply.header('cache-control', 'no-cache').type(type).send(await content);
    } catch {
      files.delete(file);
      return refuse(reply, { status: 404, code: 'NOT_FOUND', message: `The explorer bundle is missing: run \`npm run build:explorer\`` });
    }
  };
  app.get(EXPLORER_ASSETS.script, serve('explorer.js', 'text/javascript; charset=utf-8'));
  app.get(EXPLORER_ASSETS.stylesheet, serve('explorer.css', 'text/css; charset=utf-8'));
}
