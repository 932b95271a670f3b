import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const REPO_DOCUMENTS = fileURLToPath(new URL('../../documents/', import.meta.url));

/** A scratch copy of the repository's documents folder (the example clients' manifests), removed by `remove`. */
export function scratchDocuments(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'documents-'));
  cpSync(REPO_DOCUMENTS, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a client's policy file. */
export function writePolicy(dir: string, client: string, policy: Record<string, unknown>): void {
  writeFileSync(join(dir, client, 'policy.yaml'), stringify({ exceptions: [], ...policy }));
}

/** Reads an example client's generated manifest (`examples/<surface>/__generated__/persisted-documents.json`). */
export function exampleManifestPath(surface: 'web' | 'mobile'): string {
  return fileURLToPath(new URL(`../../examples/${surface}/__generated__/persisted-documents.json`, import.meta.url));
}
