import { Kind, parse, type OperationTypeNode } from 'graphql';
import { canonicalDocument, documentHash, parseDocumentId } from './document-hash.ts';

/** One registered document: an operation (with its fragments) a client release may run. */
export interface TrustedDocument {
  /** The sha256 the manifest names it by (lowercase hex, no prefix). */
  readonly hash: string;
  /** The document text as registered. */
  readonly text: string;
  readonly operationName: string;
  readonly operationType: OperationTypeNode;
}

/** A release's documents by hash: each under its manifest hash and under the hash of its canonical text. */
export type Manifest = ReadonlyMap<string, TrustedDocument>;

/**
 * Reads a manifest in the format of GraphQL Code Generator's client preset with
 * `persistedDocuments` (a JSON object: `"sha256:<hex>"` -> document text). Throws an `Error`
 * listing every problem: a key that is not a sha256 id, a hash that does not match its document,
 * a document that does not parse or does not hold exactly one named operation.
 */
export function parseManifest(json: string, maxTokens?: number): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object of "sha256:<hash>": "<document>"');
  const documents = new Map<string, TrustedDocument>();
  const problems: string[] = [];
  for (const [key, text] of Object.entries(raw)) {
    const hash = parseDocumentId(key);
    if (!hash) {
      problems.push(`${key}: not a sha256 document id`);
      continue;
    }
    if (typeof text !== 'string') {
      problems.push(`${key}: the document must be a string`);
      continue;
    }
    if (documentHash(text) !== hash) {
      problems.push(`${key}: hash does not match its document (the document hashes to sha256:${documentHash(text)})`);
      continue;
    }
    try {
      const document = { hash, text, ...operationOf(text, maxTokens) };
      documents.set(hash, document);
      documents.set(documentHash(canonicalDocument(text)), document);
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return documents;
}

/** The distinct documents of a manifest (each appears under up to two hashes). */
export function documentsOf(manifest: Manifest): TrustedDocument[] {
  return [...new Set(manifest.values())];
}

/** Writes a manifest the way the client preset does: `"sha256:<hex>": text`, in a stable order. */
export function printManifest(documents: readonly TrustedDocument[]): string {
  const sorted = [...documents].sort((a, b) => a.operationName.localeCompare(b.operationName) || a.hash.localeCompare(b.hash));
  return `${JSON.stringify(Object.fromEntries(sorted.map((d) => [`sha256:${d.hash}`, d.text])), null, 2)}\n`;
}

function operationOf(text: string, maxTokens: number | undefined): Pick<TrustedDocument, 'operationName' | 'operationType'> {
  const operations = parse(text, { noLocation: true, ...(maxTokens ? { maxTokens } : {}) }).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`expected exactly one operation, found ${operations.length}`);
  const [operation] = operations;
  if (!operation?.name) throw new Error('the operation must be named (its name labels usage and reports)');
  return { operationName: operation.name.value, operationType: operation.operation };
}
