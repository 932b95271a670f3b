import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { type SurfaceName } from '../../src/surface-names.ts';
import { documentHash } from '../../src/documents/document-hash.ts';
import { loadDocumentSet, surfaceDocuments } from '../../src/documents/document-set.ts';
import { registerManifest, type Registration } from '../../src/documents/register-manifest.ts';
import { surfaceTarget } from '../../src/documents/surface-target.ts';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { exampleManifestPath } from '../helpers/documents-dir.ts';

const run = promisify(execFile);
const config = loadConfig({ NODE_ENV: 'test' });
const target = (surface: SurfaceName) => surfaceTarget(surface, loadTypeDefs(surface), config.limits[surface]);
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'register-'));
  dirs.push(dir);
  return dir;
}

const manifestOf = (...texts: string[]) => JSON.stringify(Object.fromEntries(texts.map((text) => [`sha256:${documentHash(text)}`, text])));
const PRODUCT = 'query ProductName($id: ID!) { product(id: $id) { id name } }';
const SEARCH = 'query Find($text: String!) { search(text: $text, first: 20) { nodes { id } } }';

function register(dir: string, version: string, manifest: string, extra: Partial<Registration> = {}) {
  return registerManifest({ dir, client: 'shop-mobile', version, manifest, surface: 'mobile', target, ...extra });
}

describe('registering a release', () => {
  it('writes the manifest and a new policy, and prints what changed against the previous release', () => {
    const dir = scratch();
    const first = register(dir, '1.0.0', manifestOf(PRODUCT));
    assert.deepEqual(first.problems, []);
    assert.equal(first.createdPolicy, true);
    assert.deepEqual(first.changes, ['+ ProductName (added)']);
    const changedProduct = PRODUCT.replace('name', 'name brand');
    const second = register(dir, '1.1.0', manifestOf(changedProduct, SEARCH), { surface: undefined });
    assert.deepEqual(second.problems, []);
    assert.equal(second.comparedWith, '1.0.0');
    assert.deepEqual(second.changes, ['+ Find (added)', '~ ProductName (changed)']);
    const third = register(dir, '2.0.0', manifestOf(SEARCH));
    assert.deepEqual(third.changes, ['- ProductName (removed)']);
    const clients = surfaceDocuments(loadDocumentSet(dir), 'mobile').clients;
    assert.deepEqual([...(clients.get('shop-mobile')?.releases.keys() ?? [])], ['1.0.0', '1.1.0', '2.0.0']);
    assert.equal(clients.get('shop-mobile')?.policy.lowestSupported, '1.0.0');
  });

  it('refuses a hash that does not match its document', () => {
    const dir = scratch();
    const result = register(dir, '1.0.0', JSON.stringify({ [`sha256:${documentHash(SEARCH)}`]: PRODUCT }));
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /hash does not match its document/);
    assert.equal(existsSync(join(dir, 'shop-mobile', '1.0.0.json')), false);
  });

  it('refuses a document invalid against the surface schema, and one that could never run, with its estimated cost', () => {
    const dir = scratch();
    const invalid = register(dir, '1.0.0', manifestOf('query Web { me { email } }'));
    assert.equal(invalid.ok, false);
    assert.match(invalid.problems.join('\n'), /Web: Cannot query field "me"/);
    const costly = `query Costly { search(text: "a", first: ${config.limits.mobile.maxCost}) { nodes { id name priceLabel inStock } } }`;
    const result = register(dir, '1.0.0', manifestOf(costly));
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), new RegExp(`Costly: estimated cost \\d+ exceeds the mobile limit of ${config.limits.mobile.maxCost}`));
    assert.equal(existsSync(join(dir, 'shop-mobile')), false);
  });

  it('refuses to change the documents of a registered version unless replacing', () => {
    const dir = scratch();
    register(dir, '1.0.0', manifestOf(PRODUCT));
    const again = register(dir, '1.0.0', manifestOf(PRODUCT));
    assert.equal(again.ok, true);
    assert.deepEqual(again.changes, []);
    const changed = register(dir, '1.0.0', manifestOf(SEARCH));
    assert.equal(changed.ok, false);
    assert.match(changed.problems.join('\n'), /registered with other documents/);
    const replaced = register(dir, '1.0.0', manifestOf(SEARCH), { replace: true });
    assert.equal(replaced.ok, true);
    assert.deepEqual(replaced.changes, ['+ Find (added)', '- ProductName (removed)']);
  });

  it('npm run documents registers the example manifest, prints costs and changes, and exits 1 on a bad one', async () => {
    const dir = scratch();
    const env = { ...process.env, DOCUMENTS_DIR: dir };
    const ok = await run(process.execPath, ['scripts/documents.ts', 'register', 'shop-mobile', '1.0.0', exampleManifestPath('mobile'), '--surface', 'mobile'], { env });
    assert.match(ok.stdout, /registered shop-mobile 1\.0\.0 \(3 operations\)/);
    assert.match(ok.stdout, /HomeScreen: estimated cost \d+/);
    assert.match(ok.stdout, /\+ SearchScreen \(added\)/);
    assert.equal(readFileSync(join(dir, 'shop-mobile', '1.0.0.json'), 'utf8'), readFileSync(new URL('../../documents/shop-mobile/1.0.0.json', import.meta.url), 'utf8'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ [`sha256:${documentHash(SEARCH)}`]: PRODUCT }));
    const refused = await run(process.execPath, ['scripts/documents.ts', 'register', 'shop-mobile', '1.1.0', bad], { env }).then(
      () => assert.fail('accepted a bad manifest'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /shop-mobile 1\.1\.0 refused/);
    const usage = await run(process.execPath, ['scripts/documents.ts', 'usage', '--surface', 'mobile'], { env });
    assert.match(usage.stdout, /Home\.featured\s+shop-mobile 1\.0\.0/);
    assert.match(usage.stdout, /Mutation\.reorder\s+\(unused\)/);
  });
});
