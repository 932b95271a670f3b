/**
 * `npm run schema:check [-- --base <git ref>]`: the schema-change gate. For each surface, compares
 * the SDL with the base (default: where this branch forked from main, else HEAD; without Git, the
 * committed printed SDL in schema/__generated__/) and checks every document of every supported
 * client release against the new schema (src/documents/schema-gate.ts). Exits 1, naming client,
 * version, operation and change, when a supported release would break and no exception in force
 * in its policy covers it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { loadConfigOrExit } from '../src/config.ts';
import { SURFACE_NAMES, type SurfaceName } from '../src/surface-names.ts';
import { loadTypeDefs } from '../src/surfaces/surface.ts';
import { loadDocumentSet, surfaceDocuments } from '../src/documents/document-set.ts';
import { checkSchemaChange, type GateFinding } from '../src/documents/schema-gate.ts';
import { surfaceTarget } from '../src/documents/surface-target.ts';

const { values } = (() => {
  try {
    return parseArgs({ options: { base: { type: 'string' } } });
  } catch {
    console.error('usage: npm run schema:check [-- --base <git ref>]');
    process.exit(2);
  }
})();

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The ref to compare with: the given one, else the fork point from main, else HEAD; undefined without Git. */
function baseRef(): string | undefined {
  if (values.base) return git(['rev-parse', '--verify', `${values.base}^{commit}`]) ?? fail(`unknown ref ${values.base}`);
  for (const main of ['origin/main', 'main']) {
    const forkPoint = git(['rev-parse', '--verify', '--quiet', `${main}^{commit}`]) && git(['merge-base', 'HEAD', main]);
    if (forkPoint) return forkPoint;
  }
  return git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
}

/** The surface's SDL sources at `ref` (shared, then the surface's own, as the gateway loads them). */
function schemaAt(ref: string | undefined, surface: SurfaceName): { schema: GraphQLSchema; from: string } | undefined {
  if (ref === undefined) {
    const snapshot = new URL(`../schema/__generated__/${surface}.graphql`, import.meta.url);
    try {
      return { schema: makeExecutableSchema({ typeDefs: readFileSync(snapshot, 'utf8') }), from: 'the committed printed SDL' };
    } catch {
      return undefined;
    }
  }
  const typeDefs = ['shared', surface].flatMap((folder) =>
    (git(['ls-tree', '--name-only', `${ref}:schema/${folder}`]) ?? '')
      .split('\n')
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => git(['show', `${ref}:schema/${folder}/${file}`]) ?? ''),
  );
  if (typeDefs.length === 0) return undefined;
  return { schema: makeExecutableSchema({ typeDefs }), from: ref.slice(0, 12) };
}

function fail(message: string): never {
  console.error(`schema:check: ${message}`);
  process.exit(2);
}

const line = (f: GateFinding) => `${f.client} ${f.version} ${f.operation}: ${f.change} [${f.coordinate}]`;

const config = loadConfigOrExit();
const documents = loadDocumentSet(config.documents.dir);
const ref = baseRef();
const today = new Date().toISOString().slice(0, 10);
let broken = 0;
for (const surface of SURFACE_NAMES) {
  const before = schemaAt(ref, surface);
  const after = surfaceTarget(surface, loadTypeDefs(surface), config.limits[surface]);
  const result = await checkSchemaChange({ before: before?.schema, after, clients: [...surfaceDocuments(documents, surface).clients.values()], today });
  const counts = ['BREAKING', 'DANGEROUS', 'NON_BREAKING'].map((level) => `${result.changes.filter((c) => c.criticality.level === level).length} ${level.toLowerCase().replace('_', '-')}`);
  console.log(
    `schema:check ${surface}: ${before ? `changes since ${before.from}: ${counts.join(', ')}` : 'no earlier schema: documents validated only'}; ` +
      `checked ${result.checked.join(', ') || 'no supported release'}${result.retired.length > 0 ? `; retired, not checked: ${result.retired.join(', ')}` : ''}`,
  );
  for (const finding of result.excused) console.log(`  excused until ${finding.exception?.expires} (${finding.exception?.reason}): ${line(finding)}`);
  for (const finding of result.breaks) console.error(`  BREAKS ${line(finding)}${finding.expired ? ` (its exception expired on ${finding.expired.expires})` : ''}`);
  broken += result.breaks.length;
}
if (broken > 0) {
  console.error(`schema:check: ${broken} break(s) for supported client versions. Keep the old shape, or retire those versions (lowestSupported in their policy), or add an exception with an expiry.`);
  process.exit(1);
}
