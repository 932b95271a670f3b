import type { SurfaceDocuments } from './document-set.ts';
import type { TrustedDocument } from './manifest.ts';
import type { TrustedDocumentsMode } from './modes.ts';
import { isBelowSupported } from './policy.ts';


/** The stable `extensions.code` of each refusal. */
export const DOCUMENT_CODES = {
  /** The document is not registered for a supported version of the calling client (403). */
  notTrusted: 'DOCUMENT_NOT_TRUSTED',
  /** The calling version is retired or below the supported range: the app must update (403). */
  versionUnsupported: 'CLIENT_VERSION_UNSUPPORTED',
  /** The query text does not hash to the id sent with it (400). */
  hashMismatch: 'DOCUMENT_HASH_MISMATCH',
  /** No registered document has the id sent (404); an APQ client answers by sending the text. */
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
} as const;

/** Why a document is not trusted: also the `reason` label of the untrusted-documents counter. */
export type UntrustedReason = 'unidentified' | 'version_unsupported' | 'unknown_id' | 'not_registered';

/** What one GraphQL request says about its document and its caller. */
export interface DocumentRequest {
  /** `apollographql-client-name`. */
  client: string | undefined;
  /** `apollographql-client-version`. */
  version: string | undefined;
  /** The hash the request names the document by (documentId or persisted-query extension), hex. */
  id: string | undefined;
  /** Whether the id came in the GraphQL-over-HTTP `documentId` form (Apollo's cache cannot answer it). */
  viaDocumentId: boolean;
  /** The hash of the query text under which it is registered, if it is (computed by the caller). */
  textHash: string | undefined;
  /** Whether the request carries query text. */
  hasText: boolean;
  /** The caller holds the bypass scope. */
  bypass: boolean;
}

/** The outcome for one request. */
export type TrustVerdict =
  | {
      readonly kind: 'run';
      /** The registered document to run when the request sent only its id. */
      readonly substitute: TrustedDocument | undefined;
      /** Set when the document is not trusted (the request runs because of the mode or the bypass). */
      readonly untrusted: UntrustedReason | undefined;
      readonly labels: UsageLabels;
    }
  | { readonly kind: 'refuse'; readonly status: number; readonly code: string; readonly message: string; readonly untrusted: UntrustedReason | undefined; readonly labels: UsageLabels };

/** Bounded metric labels: names and versions not registered collapse into `unregistered`. */
export interface UsageLabels {
  client: string;
  version: string;
  operation: string;
}

/** The label value of anything not registered. */
export const UNREGISTERED = 'unregistered';

/** Decides whether a request's document runs, from the surface's documents and mode. Pure. */
export function decideTrust(documents: SurfaceDocuments, mode: TrustedDocumentsMode, request: DocumentRequest): TrustVerdict {
  // With both, the caller checked that the id matches the text; the text's hash also finds a differently printed copy.
  const key = request.hasText ? request.textHash : request.id;
  const document = key === undefined ? undefined : documents.byHash.get(key);
  const client = request.client === undefined ? undefined : documents.clients.get(request.client);
  const release = request.version === undefined ? undefined : client?.releases.get(request.version);
  const labels: UsageLabels = {
    client: client ? client.name : UNREGISTERED,
    version: release ? release.version : UNREGISTERED,
    operation: document ? document.operationName : UNREGISTERED,
  };
  const trusted = release !== undefined && release.supported && key !== undefined && release.documents.has(key);
  let untrusted: UntrustedReason | undefined;
  if (!trusted) {
    if (request.client === undefined || request.version === undefined) untrusted = 'unidentified';
    else if (client && (isBelowSupported(client.policy, request.version) || (release !== undefined && !release.supported))) untrusted = 'version_unsupported';
    else if (request.id !== undefined && !request.hasText && !document) untrusted = 'unknown_id';
    else untrusted = 'not_registered';
  }
  const substitute = request.hasText ? undefined : document;
  if (mode === 'enforce' && untrusted && !request.bypass) return refusal(untrusted, request, labels);
  // Outside enforcement an unknown id is Apollo's to answer (its APQ cache), except documentId, which Apollo does not read.
  if (request.id !== undefined && !document && !request.hasText && request.viaDocumentId) return refusal('unknown_id', request, labels, untrusted);
  return { kind: 'run', substitute, untrusted, labels };
}

function refusal(reason: UntrustedReason, request: DocumentRequest, labels: UsageLabels, untrusted: UntrustedReason | undefined = reason): TrustVerdict {
  const base = { kind: 'refuse', untrusted, labels } as const;
  switch (reason) {
    case 'version_unsupported':
      return { ...base, status: 403, code: DOCUMENT_CODES.versionUnsupported, message: `Version ${request.version} of ${request.client} is no longer supported: update the app` };
    case 'unknown_id':
      return { ...base, status: 404, code: DOCUMENT_CODES.notFound, message: 'No registered document has this id' };
    case 'unidentified':
      return { ...base, status: 403, code: DOCUMENT_CODES.notTrusted, message: 'Only registered documents run here: name the client in the apollographql-client-name and apollographql-client-version headers' };
    case 'not_registered':
      return { ...base, status: 403, code: DOCUMENT_CODES.notTrusted, message: `This document is not registered for ${request.client} ${request.version}` };
  }
}
