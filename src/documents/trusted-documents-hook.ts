import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import type { SurfaceName } from '../surface-names.ts';
import type { Viewer } from '../auth/viewer.ts';
import { refuse } from '../surfaces/refusal.ts';
import { canonicalDocument, documentHash, parseDocumentId } from './document-hash.ts';
import { surfaceDocuments, type SurfaceDocuments } from './document-set.ts';
import type { DocumentStore } from './document-store.ts';
import type { TrustedDocumentsMode } from './modes.ts';
import { DOCUMENT_CODES, decideTrust, type DocumentRequest, type TrustVerdict } from './trust-decision.ts';
import type { DocumentMetrics } from './usage-metrics.ts';

/** The token scope that lets a trusted internal caller run any document on an enforcing surface. */
export const BYPASS_SCOPE = 'documents:any';

/** Characters of query text whose canonical hash is remembered (a client sends the same texts again and again). */
const CANONICAL_CACHE_CHARS = 4_000_000;
/** Untrusted documents logged once each per process (by client, version, document and reason). */
const LOGGED_UNTRUSTED = 10_000;
const HEADER_VALUE_MAX = 128;

/** What the hook needs. */
export interface TrustedDocumentsHookOptions {
  surface: SurfaceName;
  mode: TrustedDocumentsMode;
  store: DocumentStore;
  metrics: DocumentMetrics;
  logger: Logger;
  maxTokens: number;
  /** The authenticated viewer of the request (authentication runs first). */
  viewerOf(request: FastifyRequest): Viewer | null;
  onReject(request: FastifyRequest, code: string): void;
}

type Payload = Record<string, unknown>;

/**
 * The request check run after authentication and before Apollo Server: names the calling
 * client from the `apollographql-client-name` / `-version` headers, resolves the document from
 * its query text, the GraphQL-over-HTTP `documentId` or Apollo's persisted-query extension,
 * counts usage, and runs, logs or refuses it by the surface's mode. A request sending only an id
 * gets the registered text written into its body (POST) or URL (GET), so Apollo Server parses
 * a plain query. Refusals answer before any parsing or backend call.
 */
export function trustedDocumentsHook(options: TrustedDocumentsHookOptions) {
  const { surface, mode, metrics } = options;
  const canonicalHashes = new LRUCache<string, string>({ maxSize: CANONICAL_CACHE_CHARS, sizeCalculation: (_value, key) => Math.max(1, key.length) });
  const logged = new LRUCache<string, true>({ max: LOGGED_UNTRUSTED });

  const textHash = (query: string, documents: SurfaceDocuments): string => {
    const plain = documentHash(query);
    if (documents.byHash.has(plain)) return plain;
    let canonical = canonicalHashes.get(query);
    if (canonical === undefined) {
      try {
        canonical = documentHash(canonicalDocument(query, options.maxTokens));
      } catch {
        // Not a document: it is not registered, and Apollo reports the syntax error if it runs.
        canonical = plain;
      }
      canonicalHashes.set(query, canonical);
    }
    return canonical;
  };

  const report = (request: FastifyRequest, described: DocumentRequest, verdict: TrustVerdict, key: string | undefined): void => {
    metrics.operations.inc({ surface, ...verdict.labels });
    if (!verdict.untrusted || mode === 'off') return;
    const action = verdict.kind === 'refuse' ? 'refused' : 'allowed';
    metrics.untrusted.inc({ surface, client: verdict.labels.client, version: verdict.labels.version, reason: verdict.untrusted, action });
    const logKey = `${described.client}\u0000${described.version}\u0000${key}\u0000${verdict.untrusted}`;
    if (logged.has(logKey)) return;
    logged.set(logKey, true);
    options.logger.warn(
      { requestId: request.id, surface, client: described.client, clientVersion: described.version, documentHash: key, reason: verdict.untrusted, action, operationName: request.body && typeof request.body === 'object' ? (request.body as Payload).operationName : undefined },
      'untrusted document',
    );
  };

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const documents = surfaceDocuments(options.store.current(), surface);
    if (mode === 'off' && documents.byHash.size === 0 && !hasDocumentId(request)) return;
    const client = headerValue(request.headers['apollographql-client-name']);
    const version = headerValue(request.headers['apollographql-client-version']);
    const bypass = options.viewerOf(request)?.scopes.includes(BYPASS_SCOPE) ?? false;
    const isGet = request.method === 'GET';
    const source: unknown = isGet ? request.query : request.body;
    const payloads = (Array.isArray(source) ? source : [source]).filter((p): p is Payload => Boolean(p) && typeof p === 'object');
    const rewrites: (() => void)[] = [];
    for (const payload of payloads) {
      const extensions = readExtensions(payload.extensions);
      const persisted = extensions?.persistedQuery as Payload | undefined;
      const rawId = payload.documentId ?? persisted?.sha256Hash;
      const id = rawId === undefined ? undefined : parseDocumentId(rawId);
      if (payload.documentId !== undefined && id === null) {
        options.onReject(request, 'BAD_REQUEST');
        await refuse(reply, { status: 400, code: 'BAD_REQUEST', message: 'documentId must be "sha256:" followed by 64 hex digits' });
        return;
      }
      const query = typeof payload.query === 'string' && payload.query !== '' ? payload.query : undefined;
      const hashOfText = query === undefined ? undefined : textHash(query, documents);
      if (id && query !== undefined && id !== hashOfText && id !== documentHash(query)) {
        options.onReject(request, DOCUMENT_CODES.hashMismatch);
        await refuse(reply, { status: 400, code: DOCUMENT_CODES.hashMismatch, message: 'The query text does not match the document id sent with it' });
        return;
      }
      const described: DocumentRequest = { client, version, id: id ?? undefined, viaDocumentId: payload.documentId !== undefined, textHash: hashOfText, hasText: query !== undefined, bypass };
      const verdict = decideTrust(documents, mode, described);
      report(request, described, verdict, id ?? hashOfText);
      if (verdict.kind === 'refuse') {
        options.onReject(request, verdict.code);
        await refuse(reply, { status: verdict.status, code: verdict.code, message: verdict.message });
        return;
      }
      // Apollo's persisted-query cache is off when enforcing; the extension was verified here, so it goes.
      const dropExtension = persisted !== undefined && (verdict.substitute !== undefined || mode === 'enforce');
      if (verdict.substitute || payload.documentId !== undefined || dropExtension) {
        const text = verdict.substitute?.text;
        rewrites.push(() => rewritePayload(payload, text, dropExtension ? withoutPersistedQuery(extensions) : undefined, isGet));
      }
    }
    for (const rewrite of rewrites) rewrite();
    if (isGet && rewrites.length > 0) request.raw.url = urlWith(request.raw.url ?? '', request.query as Payload);
  };
}

function hasDocumentId(request: FastifyRequest): boolean {
  const source: unknown = request.method === 'GET' ? request.query : request.body;
  return (Array.isArray(source) ? source : [source]).some((p) => Boolean(p) && typeof p === 'object' && (p as Payload).documentId !== undefined);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text && text.length <= HEADER_VALUE_MAX ? text : undefined;
}

/** The extensions object of a payload: an object in a POST body, JSON text in a GET query string. */
function readExtensions(value: unknown): Payload | undefined {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Payload) : undefined;
}

function withoutPersistedQuery(extensions: Payload | undefined): Payload | null {
  const { persistedQuery: _dropped, ...rest } = extensions ?? {};
  return Object.keys(rest).length > 0 ? rest : null;
}

/** Writes the registered text into the payload and drops what Apollo Server must not see. */
function rewritePayload(payload: Payload, text: string | undefined, extensions: Payload | null | undefined, isGet: boolean): void {
  if (text !== undefined) payload.query = text;
  delete payload.documentId;
  if (extensions === null) delete payload.extensions;
  else if (extensions !== undefined) payload.extensions = isGet ? JSON.stringify(extensions) : extensions;
}

/** The request URL with its query string rebuilt from the (rewritten) query object: Apollo reads a GET from the URL. */
function urlWith(url: string, query: Payload): string {
  const path = url.split('?')[0] ?? '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(name, String(item));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
