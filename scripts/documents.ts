/**
 * Trusted documents (README "Client contract"):
 *   npm run documents -- register <client> <version> <manifest.json> [--surface web|mobile] [--replace]
 *   npm run documents -- usage [--surface web|mobile] [--unused]
 * `register` validates a release's manifest (the client preset's persisted-documents.json)
 * against its surface's schema and limits, writes it to the documents folder and prints what
 * changed for the client; `usage` prints, per schema coordinate, the client versions using it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../src/config.ts';
import { SURFACE_NAMES, type SurfaceName } from '../src/surface-names.ts';
import { loadTypeDefs } from '../src/surfaces/surface.ts';
import { loadDocumentSet, surfaceDocuments } from '../src/documents/document-set.ts';
import { registerManifest } from '../src/documents/register-manifest.ts';
import { surfaceTarget } from '../src/documents/surface-target.ts';
import { coordinateUsage } from '../src/documents/usage-report.ts';

function usage(): never {
  console.error(
    'usage: npm run documents -- register <client> <version> <manifest.json> [--surface web|mobile] [--replace]\n' +
      '       npm run documents -- usage [--surface web|mobile] [--unused]',
  );
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { surface: { type: 'string' }, replace: { type: 'boolean', default: false }, unused: { type: 'boolean', default: false } },
    });
  } catch {
    return usage();
  }
})();
const surface = values.surface as SurfaceName | undefined;
if (surface !== undefined && !SURFACE_NAMES.includes(surface)) usage();
const config = loadConfigOrExit();
const target = (name: SurfaceName) => surfaceTarget(name, loadTypeDefs(name), config.limits[name]);
const [command, ...rest] = positionals;

if (command === 'register') {
  const [client, version, file] = rest;
  if (!client || !version || !file || rest.length > 3) usage();
  let manifest: string;
  try {
    manifest = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`documents: cannot read ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
  const result = registerManifest({ dir: config.documents.dir, client, version, manifest, surface, replace: values.replace, target });
  if (!result.ok) {
    console.error(`documents: ${client} ${version} refused:`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(`documents: registered ${client} ${version} (${result.costs.size} operations)${result.createdPolicy ? `; new client, policy written with lowestSupported ${version}` : ''}`);
  for (const [operation, cost] of [...result.costs].sort()) console.log(`  ${operation}: estimated cost ${cost}`);
  const against = result.comparedWith === undefined ? 'first release' : result.comparedWith === version ? `against the registered ${version}` : `against ${result.comparedWith}`;
  console.log(`changes (${against}):${result.changes.length === 0 ? ' none' : ''}`);
  for (const line of result.changes) console.log(`  ${line}`);
} else if (command === 'usage') {
  if (rest.length > 0) usage();
  const set = loadDocumentSet(config.documents.dir);
  for (const name of surface ? [surface] : config.surfaces) {
    const clients = [...surfaceDocuments(set, name).clients.values()];
    console.log(`${name} (${clients.map((c) => c.name).join(', ') || 'no client registered'})`);
    const rows = coordinateUsage(target(name).schema, clients).filter((row) => !values.unused || row.releases.length === 0);
    const width = Math.max(0, ...rows.map((row) => row.coordinate.length));
    for (const row of rows) console.log(`  ${row.coordinate.padEnd(width)}  ${row.releases.join(', ') || '(unused)'}`);
  }
} else {
  usage();
}
