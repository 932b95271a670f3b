import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SurfaceName } from '../surface-names.ts';
import { documentsOf, parseManifest, type Manifest, type TrustedDocument } from './manifest.ts';
import { isSupported, policySchema, type ClientPolicy } from './policy.ts';
import { VERSION_PATTERN } from './versions.ts';

/** The policy file in each client's folder. */
export const POLICY_FILE = 'policy.yaml';
/** A client name: also a folder name and a metric label. */
export const CLIENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** One client release: its version's manifest and whether the policy still supports it. */
export interface Release {
  readonly version: string;
  readonly supported: boolean;
  readonly documents: Manifest;
}

/** A client: its policy and its registered releases by version. */
export interface ClientDocuments {
  readonly name: string;
  readonly policy: ClientPolicy;
  readonly releases: ReadonlyMap<string, Release>;
}

/** What one surface trusts: its clients, and every registered document of any of them by hash. */
export interface SurfaceDocuments {
  readonly clients: ReadonlyMap<string, ClientDocuments>;
  readonly byHash: ReadonlyMap<string, TrustedDocument>;
}

/** Every client's policy and manifests, per surface. Immutable: a reload builds a new one. */
export type DocumentSet = ReadonlyMap<SurfaceName, SurfaceDocuments>;

const EMPTY_SURFACE: SurfaceDocuments = { clients: new Map(), byHash: new Map() };

/** The documents of one surface (none when no client calls it). */
export function surfaceDocuments(set: DocumentSet, surface: SurfaceName): SurfaceDocuments {
  return set.get(surface) ?? EMPTY_SURFACE;
}

/** Thrown when the documents folder holds a bad file; the message lists every problem. */
export class DocumentSetError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid trusted documents:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DocumentSetError';
    this.problems = problems;
  }
}

/**
 * Reads `<dir>/<client>/policy.yaml` and every `<dir>/<client>/<version>.json` manifest. A
 * missing folder is an empty set. Throws {@link DocumentSetError} naming every bad file, so a
 * half-written or wrong file never replaces a good set.
 */
export function loadDocumentSet(dir: string): DocumentSet {
  if (!existsSync(dir)) return new Map();
  const problems: string[] = [];
  const clients: ClientDocuments[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!statSync(folder).isDirectory() || name.startsWith('.')) continue;
    if (!CLIENT_NAME_PATTERN.test(name)) {
      problems.push(`${name}/: not a valid client name (letters, digits, . _ -)`);
      continue;
    }
    const client = loadClient(folder, name, problems);
    if (client) clients.push(client);
  }
  if (problems.length > 0) throw new DocumentSetError(problems);
  const set = new Map<SurfaceName, { clients: Map<string, ClientDocuments>; byHash: Map<string, TrustedDocument> }>();
  for (const client of clients) {
    let surface = set.get(client.policy.surface);
    if (!surface) set.set(client.policy.surface, (surface = { clients: new Map(), byHash: new Map() }));
    surface.clients.set(client.name, client);
    for (const release of client.releases.values()) for (const [hash, document] of release.documents) surface.byHash.set(hash, document);
  }
  return set;
}

/** Reads one client's policy file (`<folder>/policy.yaml`), or throws naming the problem. */
export function readPolicy(folder: string): ClientPolicy {
  const parsed = policySchema.safeParse(parseYaml(readFileSync(join(folder, POLICY_FILE), 'utf8')));
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'policy'}: ${issue.message}`).join('; '));
  return parsed.data;
}

function loadClient(folder: string, name: string, problems: string[]): ClientDocuments | null {
  let policy: ClientPolicy;
  try {
    policy = readPolicy(folder);
  } catch (error) {
    problems.push(`${name}/${POLICY_FILE}: ${(error as Error).message}`);
    return null;
  }
  const releases = new Map<string, Release>();
  for (const file of readdirSync(folder).sort()) {
    if (file === POLICY_FILE || file.startsWith('.')) continue;
    const version = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    if (!VERSION_PATTERN.test(version)) {
      problems.push(`${name}/${file}: expected <version>.json or ${POLICY_FILE}`);
      continue;
    }
    try {
      const documents = parseManifest(readFileSync(join(folder, file), 'utf8'));
      if (documentsOf(documents).length === 0) throw new Error('the manifest holds no document');
      releases.set(version, { version, supported: isSupported(policy, version), documents });
    } catch (error) {
      problems.push(`${name}/${file}: ${(error as Error).message}`);
    }
  }
  return { name, policy, releases };
}
