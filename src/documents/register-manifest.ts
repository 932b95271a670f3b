import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify as printYaml } from 'yaml';
import type { SurfaceName } from '../surface-names.ts';
import { CLIENT_NAME_PATTERN, POLICY_FILE, readPolicy } from './document-set.ts';
import { documentsOf, parseManifest, printManifest, type TrustedDocument } from './manifest.ts';
import type { ClientPolicy } from './policy.ts';
import type { SurfaceTarget } from './surface-target.ts';
import { verifyDocument } from './verify-document.ts';
import { compareVersions, VERSION_PATTERN } from './versions.ts';

/** A manifest to register for one client release. */
export interface Registration {
  /** The documents folder. */
  dir: string;
  client: string;
  version: string;
  /** The manifest's JSON text (the client preset's `persisted-documents.json`). */
  manifest: string;
  /** Required for a new client (it goes in its new policy); must match the policy otherwise. */
  surface?: SurfaceName | undefined;
  /** Overwrite a registered version whose documents differ (a release not shipped yet). */
  replace?: boolean | undefined;
  /** The surface's schema and limits, by surface name. */
  target(surface: SurfaceName): SurfaceTarget;
}

/** What a registration did (or would have refused). */
export interface RegistrationResult {
  ok: boolean;
  /** Problems that refused the registration, one line each. */
  problems: string[];
  /** What the release changes for the client, against `comparedWith` (one line each). */
  changes: string[];
  /** The version compared with: the same version when replacing, else the highest lower one. */
  comparedWith: string | undefined;
  /** Estimated cost of each operation, by name. */
  costs: Map<string, number>;
  /** Whether the client's policy was created. */
  createdPolicy: boolean;
}

/**
 * Registers a release's manifest as `<dir>/<client>/<version>.json`: refuses it when a hash does
 * not match its document, when a document is invalid against the surface's schema or over its
 * limits (naming the estimated cost), or when the version is registered with other documents
 * (unless `replace`). A new client gets a policy supporting this version upward. Files are written
 * whole (temporary file, then rename), so a watching gateway never reads half a manifest.
 */
export function registerManifest(registration: Registration): RegistrationResult {
  const { dir, client, version } = registration;
  const result: RegistrationResult = { ok: false, problems: [], changes: [], comparedWith: undefined, costs: new Map(), createdPolicy: false };
  if (!CLIENT_NAME_PATTERN.test(client)) result.problems.push(`client "${client}": expected letters, digits, . _ - (at most 64)`);
  if (!VERSION_PATTERN.test(version)) result.problems.push(`version "${version}": expected a version such as 4.2.0`);
  if (result.problems.length > 0) return result;
  const folder = join(dir, client);
  let policy: ClientPolicy | undefined;
  if (existsSync(join(folder, POLICY_FILE))) {
    try {
      policy = readPolicy(folder);
    } catch (error) {
      result.problems.push(`${client}/${POLICY_FILE}: ${(error as Error).message}`);
      return result;
    }
    if (registration.surface && registration.surface !== policy.surface) result.problems.push(`${client} calls ${policy.surface} (its policy), not ${registration.surface}`);
  } else if (!registration.surface) {
    result.problems.push(`${client} is a new client: name its surface (--surface web|mobile)`);
  }
  if (result.problems.length > 0) return result;
  const surface = policy?.surface ?? (registration.surface as SurfaceName);

  let documents: TrustedDocument[];
  try {
    documents = documentsOf(parseManifest(registration.manifest));
  } catch (error) {
    result.problems.push(...(error as Error).message.split('; '));
    return result;
  }
  if (documents.length === 0) result.problems.push('the manifest holds no document');
  const target = registration.target(surface);
  for (const document of documents) {
    const verdict = verifyDocument(target, document);
    if (verdict.estimatedCost !== undefined) result.costs.set(document.operationName, verdict.estimatedCost);
    for (const problem of verdict.problems) result.problems.push(`${document.operationName}: ${problem}`);
  }
  const names = documents.map((d) => d.operationName);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) result.problems.push(`${name}: two documents have this operation name`);
  if (result.problems.length > 0) return result;

  const file = join(folder, `${version}.json`);
  const text = printManifest(documents);
  const registered = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (registered !== undefined && registered !== text && !registration.replace) {
    result.problems.push(`${client} ${version} is registered with other documents: a shipped release's documents never change (--replace for one not shipped yet)`);
    return result;
  }
  result.comparedWith = registered !== undefined ? version : previousVersion(folder, version);
  const before = result.comparedWith === undefined ? [] : documentsOf(parseManifest(readFileSync(join(folder, `${result.comparedWith}.json`), 'utf8')));
  result.changes = describeChanges(before, documents);

  mkdirSync(folder, { recursive: true });
  if (!policy) {
    writeWhole(join(folder, POLICY_FILE), printYaml({ surface, lowestSupported: version, exceptions: [] }));
    result.createdPolicy = true;
  }
  if (registered !== text) writeWhole(file, text);
  result.ok = true;
  return result;
}

/** The highest registered version below `version`, if any. */
function previousVersion(folder: string, version: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .filter((v) => VERSION_PATTERN.test(v) && compareVersions(v, version) < 0)
    .sort(compareVersions)
    .at(-1);
}

/** Operations added, removed and changed, by name. */
function describeChanges(before: readonly TrustedDocument[], after: readonly TrustedDocument[]): string[] {
  const old = new Map(before.map((d) => [d.operationName, d]));
  const now = new Map(after.map((d) => [d.operationName, d]));
  const lines: string[] = [];
  for (const [name, document] of now) {
    const previous = old.get(name);
    if (!previous) lines.push(`+ ${name} (added)`);
    else if (previous.hash !== document.hash) lines.push(`~ ${name} (changed)`);
  }
  for (const name of old.keys()) if (!now.has(name)) lines.push(`- ${name} (removed)`);
  return lines.sort((a, b) => a.slice(2).localeCompare(b.slice(2)));
}

/** Dot files are skipped by the loader, so a watcher never sees the temporary file as a manifest. */
function writeWhole(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
