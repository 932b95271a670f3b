import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The sha256 of a document's text, as lowercase hex (no prefix). */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads a document id: `sha256:<hex>` (GraphQL over HTTP's persisted documents, and the keys
 * GraphQL Code Generator's client preset writes) or the bare hex (Apollo's persisted-query
 * extension). Returns the lowercase hex, or null for anything else.
 */
export function parseDocumentId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const hex = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return HEX_SHA256.test(hex) ? hex : null;
}

/**
 * The canonical text of a document: the client preset's printing (fields sorted, one line), so a
 * client that prints the same operation differently still matches its registered hash.
 * Throws the parser's `GraphQLError` on a syntax error or past `maxTokens`.
 */
export function canonicalDocument(text: string, maxTokens?: number): string {
  return printExecutableGraphQLDocument(parse(text, { noLocation: true, ...(maxTokens ? { maxTokens } : {}) }));
}
