import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN } from '../helpers/example-operations.ts';
import { exampleManifestPath, scratchDocuments } from '../helpers/documents-dir.ts';
import { printManifest, parseManifest, documentsOf } from '../../src/documents/manifest.ts';
import { registerManifest } from '../../src/documents/register-manifest.ts';
import { surfaceTarget } from '../../src/documents/surface-target.ts';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { documentHash } from '../../src/documents/document-hash.ts';

/** The document the next release adds. */
const NEW_DOCUMENT = 'query ProductNameScreen($id: ID!) { product(id: $id) { id name } }';
const CONCURRENCY = 8;
/** Requests served before the new release is registered, and again after it is picked up. */
const LOAD_EACH_SIDE = 100;
/** Polls for the new release this many times, 20 ms apart, before giving up. */
const MAX_POLLS = 250;

let backends: Backends;
before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

/** The next release's manifest: the example's documents plus one. */
function nextManifest(): string {
  const documents = documentsOf(parseManifest(readFileSync(exampleManifestPath('mobile'), 'utf8')));
  return printManifest([...documents, { hash: documentHash(NEW_DOCUMENT), text: NEW_DOCUMENT, operationName: 'ProductNameScreen', operationType: 'query' as never }]);
}

async function send(gateway: TestGateway, version: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${gateway.url}/mobile/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollographql-client-name': 'shop-mobile', 'apollographql-client-version': version },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

async function waitForRelease(gateway: TestGateway): Promise<number> {
  for (let poll = 1; poll <= MAX_POLLS; poll += 1) {
    if ((await send(gateway, '1.1.0', NEW_DOCUMENT, { id: 'p1' })).status === 200) return poll;
    await sleep(20);
  }
  throw new Error('the new release was never picked up');
}

describe('reloading manifests', () => {
  it('picks up a newly registered release while under load, and no request fails', async () => {
    const documents = scratchDocuments();
    const gateway = await startTestGateway(backends, { DOCUMENTS_DIR: documents.dir, DOCUMENTS_WATCH: 'true', MOBILE_TRUSTED_DOCUMENTS: 'enforce' });
    try {
      assert.equal((await send(gateway, '1.1.0', NEW_DOCUMENT, { id: 'p1' })).status, 403);
      let stop = false;
      const failures: string[] = [];
      let served = 0;
      const worker = async () => {
        while (!stop) {
          const result = await send(gateway, '1.0.0', HOME_SCREEN);
          served += 1;
          if (result.status !== 200 || result.body.errors) failures.push(JSON.stringify(result));
        }
      };
      const workers = Array.from({ length: CONCURRENCY }, worker);
      const servedAtLeast = async (count: number) => {
        while (served < count && failures.length === 0) await sleep(5);
      };
      await servedAtLeast(LOAD_EACH_SIDE);
      const target = (surface: 'web' | 'mobile') => surfaceTarget(surface, loadTypeDefs(surface), gateway.config.limits[surface]);
      const registered = registerManifest({ dir: documents.dir, client: 'shop-mobile', version: '1.1.0', manifest: nextManifest(), target });
      assert.deepEqual(registered.problems, []);
      await waitForRelease(gateway);
      await servedAtLeast(served + LOAD_EACH_SIDE);
      stop = true;
      await Promise.all(workers);
      assert.deepEqual(failures, []);
      assert.ok(served >= 2 * LOAD_EACH_SIDE);
      // The release before it still runs.
      assert.equal((await send(gateway, '1.0.0', HOME_SCREEN)).status, 200);
    } finally {
      await gateway.close();
      documents.remove();
    }
  });

  it('reloads on SIGHUP, and keeps the set in force when a file is bad', async () => {
    const documents = scratchDocuments();
    const gateway = await startTestGateway(backends, { DOCUMENTS_DIR: documents.dir, DOCUMENTS_WATCH: 'false', MOBILE_TRUSTED_DOCUMENTS: 'enforce' });
    try {
      // A hash that does not match its document makes the whole folder refused: 1.0.0 keeps running.
      const manifest = JSON.parse(nextManifest()) as Record<string, string>;
      const [firstId] = Object.keys(manifest);
      manifest[firstId as string] = `${manifest[firstId as string]} `;
      writeFileSync(join(documents.dir, 'shop-mobile', '1.1.0.json'), JSON.stringify(manifest));
      process.kill(process.pid, 'SIGHUP');
      await sleep(100);
      assert.equal((await send(gateway, '1.0.0', HOME_SCREEN)).status, 200);
      assert.equal((await send(gateway, '1.1.0', NEW_DOCUMENT, { id: 'p1' })).status, 403);
      writeFileSync(join(documents.dir, 'shop-mobile', '1.1.0.json'), nextManifest());
      assert.equal((await send(gateway, '1.1.0', NEW_DOCUMENT, { id: 'p1' })).status, 403, 'reloaded without a signal');
      process.kill(process.pid, 'SIGHUP');
      assert.ok((await waitForRelease(gateway)) >= 1);
    } finally {
      await gateway.close();
      documents.remove();
    }
  });

  it('refuses to start when a manifest is bad', async () => {
    const documents = scratchDocuments();
    try {
      writeFileSync(join(documents.dir, 'shop-mobile', '2.0.0.json'), JSON.stringify({ [`sha256:${documentHash('query A { x }')}`]: 'query B { x }' }));
      await assert.rejects(startTestGateway(backends, { DOCUMENTS_DIR: documents.dir, DOCUMENTS_WATCH: 'false' }), /shop-mobile\/2\.0\.0\.json: .*hash does not match/);
    } finally {
      documents.remove();
    }
  });
});

describe('documents folder', () => {
  it('refuses to start a surface that logs or enforces without its documents folder', async () => {
    await assert.rejects(startTestGateway(backends, { DOCUMENTS_DIR: '/nonexistent/documents', MOBILE_TRUSTED_DOCUMENTS: 'log' }), /DOCUMENTS_DIR: \/nonexistent\/documents does not exist/);
  });
});
