import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN, PRODUCT_DETAIL } from '../helpers/example-operations.ts';
import { exampleManifestPath, scratchDocuments, writePolicy } from '../helpers/documents-dir.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';
import { startLoggedGateway, type LoggedGateway } from '../helpers/logged-gateway.ts';
import { documentHash } from '../../src/documents/document-hash.ts';

const SERVICES = ['accounts', 'catalog', 'orders', 'inventory'] as const;
const MOBILE = { 'apollographql-client-name': 'shop-mobile', 'apollographql-client-version': '1.0.0' };
/** A valid mobile operation no client registered. */
const UNREGISTERED = 'query Unregistered { product(id: "p1") { id name } }';
const mobileManifest = JSON.parse(readFileSync(exampleManifestPath('mobile'), 'utf8')) as Record<string, string>;
const idOf = (operation: string): string => {
  const entry = Object.entries(mobileManifest).find(([, text]) => text.startsWith(`query ${operation}`));
  assert.ok(entry, operation);
  return entry[0];
};

let backends: Backends;
let enforcing: TestGateway;
let logging: LoggedGateway;
const documents = scratchDocuments();

before(async () => {
  backends = await startTestBackends();
  // shop-mobile 0.9.0 is registered but retired (below lowestSupported 1.0.0).
  writePolicy(documents.dir, 'shop-mobile', { surface: 'mobile', lowestSupported: '1.0.0' });
  writeFileSync(`${documents.dir}/shop-mobile/0.9.0.json`, readFileSync(exampleManifestPath('mobile')));
  const env = { DOCUMENTS_DIR: documents.dir, DOCUMENTS_WATCH: 'false' };
  enforcing = await startTestGateway(backends, { ...env, MOBILE_TRUSTED_DOCUMENTS: 'enforce', WEB_TRUSTED_DOCUMENTS: 'off', MOBILE_MAX_BATCH: '3' });
  logging = await startLoggedGateway(backends, { ...env, MOBILE_TRUSTED_DOCUMENTS: 'log', WEB_TRUSTED_DOCUMENTS: 'log' });
});
after(async () => {
  await enforcing?.close();
  await logging?.close();
  await backends?.close();
  documents.remove();
});
beforeEach(() => backends.control.reset());

async function post(gateway: TestGateway, surface: 'web' | 'mobile', body: unknown, headers: Record<string, string> = MOBILE): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${gateway.url}/${surface}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

function assertRefused(result: { status: number; body: GraphQLBody }, status: number, code: string): void {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.equal(result.body.data, undefined);
  assert.equal(result.body.errors?.[0]?.extensions?.code, code, JSON.stringify(result.body));
  for (const service of SERVICES) assert.equal(backends.control.stats(service).calls, 0, `${service} was called`);
}

function assertRan(result: { status: number; body: GraphQLBody }): void {
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.equal(result.body.errors, undefined, JSON.stringify(result.body));
  assert.ok(result.body.data);
}

describe('enforce: only documents of a supported version of the calling client run', () => {
  it('runs a registered document sent as text, even printed differently from its manifest', async () => {
    assertRan(await post(enforcing, 'mobile', { query: HOME_SCREEN }));
  });

  it('runs a registered document sent by GraphQL-over-HTTP documentId, by POST and by GET', async () => {
    const byPost = await post(enforcing, 'mobile', { documentId: idOf('ProductDetailScreen'), variables: { id: 'p1' } });
    assertRan(byPost);
    const byText = await post(enforcing, 'mobile', { query: PRODUCT_DETAIL, variables: { id: 'p1' } });
    assert.deepEqual(byPost.body.data, byText.body.data);
    const url = `${enforcing.url}/mobile/graphql?documentId=${encodeURIComponent(idOf('ProductDetailScreen'))}&variables=${encodeURIComponent('{"id":"p1"}')}`;
    const byGet = await fetch(url, { headers: { ...MOBILE, 'apollo-require-preflight': 'true' } });
    const body = (await byGet.json()) as GraphQLBody;
    assert.equal(byGet.status, 200, JSON.stringify(body));
    assert.deepEqual(body.data, byText.body.data);
  });

  it("runs a registered document sent by Apollo's persisted-query extension (hash only)", async () => {
    const hash = idOf('HomeScreen').slice('sha256:'.length);
    assertRan(await post(enforcing, 'mobile', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
  });

  it('refuses an unregistered document with 403 DOCUMENT_NOT_TRUSTED before any backend call', async () => {
    assertRefused(await post(enforcing, 'mobile', { query: UNREGISTERED }), 403, 'DOCUMENT_NOT_TRUSTED');
  });

  it('refuses a registered document from an unidentified client', async () => {
    assertRefused(await post(enforcing, 'mobile', { query: HOME_SCREEN }, {}), 403, 'DOCUMENT_NOT_TRUSTED');
  });

  it('refuses a retired version, and one below the supported range, with CLIENT_VERSION_UNSUPPORTED', async () => {
    const retired = { ...MOBILE, 'apollographql-client-version': '0.9.0' };
    assertRefused(await post(enforcing, 'mobile', { query: HOME_SCREEN }, retired), 403, 'CLIENT_VERSION_UNSUPPORTED');
    const older = { ...MOBILE, 'apollographql-client-version': '0.1.0' };
    assertRefused(await post(enforcing, 'mobile', { documentId: idOf('HomeScreen') }, older), 403, 'CLIENT_VERSION_UNSUPPORTED');
  });

  it('refuses a document whose text does not match the id sent with it', async () => {
    assertRefused(await post(enforcing, 'mobile', { documentId: idOf('HomeScreen'), query: PRODUCT_DETAIL, variables: { id: 'p1' } }), 400, 'DOCUMENT_HASH_MISMATCH');
    const hash = idOf('HomeScreen').slice('sha256:'.length);
    assertRefused(await post(enforcing, 'mobile', { query: UNREGISTERED, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), 400, 'DOCUMENT_HASH_MISMATCH');
  });

  it('answers an unknown id with 404 PERSISTED_QUERY_NOT_FOUND', async () => {
    assertRefused(await post(enforcing, 'mobile', { documentId: `sha256:${documentHash(UNREGISTERED)}` }), 404, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('does not let automatic persisted queries register a document', async () => {
    const hash = documentHash(UNREGISTERED);
    assertRefused(await post(enforcing, 'mobile', { query: UNREGISTERED, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), 403, 'DOCUMENT_NOT_TRUSTED');
    assertRefused(await post(enforcing, 'mobile', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), 404, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets a caller whose token holds the documents:any scope run any document', async () => {
    const token = await new SignJWT({ scope: 'documents:any' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer(enforcing.config.jwt.issuer)
      .setAudience('mobile')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(enforcing.config.jwt.secret));
    assertRan(await post(enforcing, 'mobile', { query: UNREGISTERED }, { authorization: `Bearer ${token}` }));
    const plain = await tokenFor(enforcing.config, 'u1');
    assert.equal((await post(enforcing, 'mobile', { query: UNREGISTERED }, { authorization: `Bearer ${plain}` })).status, 403);
  });

  it('checks every operation of a batch: all registered run, one unregistered refuses the batch', async () => {
    const response = await fetch(`${enforcing.url}/mobile/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...MOBILE },
      body: JSON.stringify([{ query: HOME_SCREEN }, { documentId: idOf('ProductDetailScreen'), variables: { id: 'p1' } }]),
    });
    const results = (await response.json()) as GraphQLBody[];
    assert.equal(response.status, 200);
    assert.deepEqual(results.map((r) => [Boolean(r.data), r.errors]), [[true, undefined], [true, undefined]]);
    backends.control.reset();
    const refused = await post(enforcing, 'mobile', [{ query: HOME_SCREEN }, { query: UNREGISTERED }]);
    assertRefused(refused, 403, 'DOCUMENT_NOT_TRUSTED');
  });

  it('leaves a surface in off mode open, with automatic persisted queries on', async () => {
    assertRan(await post(enforcing, 'web', { query: 'query AnyWeb { product(id: "p1") { id } }' }, {}));
    const query = 'query Apq { product(id: "p2") { id } }';
    const persistedQuery = { version: 1, sha256Hash: documentHash(query) };
    assertRan(await post(enforcing, 'web', { query, extensions: { persistedQuery } }, {}));
    assertRan(await post(enforcing, 'web', { extensions: { persistedQuery } }, {}));
  });
});

describe('log: every document runs, untrusted ones are counted per client and version', () => {
  it('runs an unregistered document and counts it; counts usage per client, version and operation', async () => {
    const before = await scrape(logging.adminUrl);
    assertRan(await post(logging, 'mobile', { query: UNREGISTERED }));
    assertRan(await post(logging, 'mobile', { query: HOME_SCREEN }));
    assertRan(await post(logging, 'mobile', { query: HOME_SCREEN }, { 'apollographql-client-name': 'someone-else', 'apollographql-client-version': '7.7.7' }));
    const metrics = await scrape(logging.adminUrl);
    const delta = (name: string, labels: Record<string, string>) => sumOf(metrics, name, labels) - sumOf(before, name, labels);
    assert.equal(delta('gateway_untrusted_documents_total', { surface: 'mobile', client: 'shop-mobile', version: '1.0.0', reason: 'not_registered', action: 'allowed' }), 1);
    assert.equal(delta('gateway_untrusted_documents_total', { surface: 'mobile', client: 'unregistered', version: 'unregistered', action: 'allowed' }), 1);
    assert.equal(delta('gateway_client_operations_total', { surface: 'mobile', client: 'shop-mobile', version: '1.0.0', operation: 'HomeScreen' }), 1);
    assert.equal(delta('gateway_client_operations_total', { surface: 'mobile', client: 'shop-mobile', version: '1.0.0', operation: 'unregistered' }), 1);
    const logged = await logging.waitFor((line) => line.msg === 'untrusted document');
    assert.equal(logged.length, 2, JSON.stringify(logged));
    assert.deepEqual(
      logged.map((line) => [line.client, line.clientVersion, line.reason, line.action]).sort(),
      [['shop-mobile', '1.0.0', 'not_registered', 'allowed'], ['someone-else', '7.7.7', 'not_registered', 'allowed']],
    );
    // Logged once per client, version and document, counted every time.
    assertRan(await post(logging, 'mobile', { query: UNREGISTERED }));
    assert.equal((await logging.waitFor((line) => line.msg === 'untrusted document')).length, 2);
    // Unregistered names never become label values.
    assert.equal(metrics.samples.some((s) => Object.values(s.labels).includes('someone-else') || Object.values(s.labels).includes('7.7.7')), false);
  });
});
