import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startCatalog } from '../../backends/catalog/server.ts';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';

const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let server: RunningServer;

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
}
interface Page {
  items: { id: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : {} };
}

const ids = (count: number): string => Array.from({ length: count }, (_, i) => `p${i + 1}`).join(',');
const firstField = (answer: Answer): unknown => (answer.body.errors as { field: string }[] | undefined)?.[0]?.field;

async function walk(query: string, first: number): Promise<{ ids: string[]; pages: number; totals: Set<number> }> {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const answer = await call(`/products/search?first=${first}${query}${cursor}`);
    assert.equal(answer.status, 200);
    const page = answer.body as unknown as Page;
    assert.ok(page.items.length <= first);
    seen.push(...page.items.map((p) => p.id));
    totals.add(page.totalCount);
    pages++;
    if (!page.pageInfo.hasNextPage) return { ids: seen, pages, totals };
    after = page.pageInfo.endCursor;
    assert.ok(after);
  }
}

before(async () => {
  server = await startCatalog({ dataset, control, host: '127.0.0.1', port: 0 });
});
after(async () => {
  control.releaseAll();
  await server.close();
});
beforeEach(() => control.reset());

describe('catalog backend: products and categories', () => {
  it('GET /products answers found products in request order, duplicates once, and lists missing ids', async () => {
    const answer = await call('/products?ids=p9,p2,p9,zz');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.products, [dataset.products.get('p9'), dataset.products.get('p2')]);
    assert.deepEqual(answer.body.missing, ['zz']);
  });

  it('GET /products takes 50 ids and refuses 51', async () => {
    assert.equal(((await call(`/products?ids=${ids(50)}`)).body.products as unknown[]).length, 50);
    const refused = await call(`/products?ids=${ids(51)}`);
    assert.equal(refused.status, 400);
    assert.match(refused.type, /^application\/problem\+json/);
    assert.equal(firstField(refused), 'ids');
  });

  it('GET /products/{id} answers the product, and a 404 problem for an unknown id', async () => {
    assert.deepEqual((await call('/products/p5')).body, dataset.products.get('p5'));
    const missing = await call('/products/p99999');
    assert.equal(missing.status, 404);
    assert.match(missing.type, /^application\/problem\+json/);
  });

  it('GET /products/featured answers featured products, limit 1..50 (default 10)', async () => {
    const featured = dataset.productList.filter((p) => p.featured);
    assert.deepEqual((await call('/products/featured')).body.products, featured.slice(0, 10));
    assert.deepEqual((await call('/products/featured?limit=1')).body.products, featured.slice(0, 1));
    for (const limit of ['0', '51', 'many']) assert.equal((await call(`/products/featured?limit=${limit}`)).status, 400, limit);
  });

  it('GET /categories answers all categories without ids, or the asked ones with missing ids', async () => {
    const all = await call('/categories');
    assert.deepEqual(all.body, { categories: [...dataset.categories.values()], missing: [] });
    const some = await call('/categories?ids=c3,c1,c3,c404');
    assert.deepEqual(some.body, { categories: [dataset.categories.get('c3'), dataset.categories.get('c1')], missing: ['c404'] });
    assert.equal((await call(`/categories?ids=${Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')}`)).status, 400);
  });

  it('GET /healthz answers ok', async () => {
    assert.deepEqual((await call('/healthz')).body, { status: 'ok' });
  });
});

describe('catalog backend: search', () => {
  it('walks every match through cursors, in catalog order', async () => {
    const expected = dataset.productList.filter((p) => /acme/i.test(p.name) || /acme/i.test(p.brand)).map((p) => p.id);
    assert.ok(expected.length > 20);
    const walked = await walk('&q=ACmE', 7);
    assert.deepEqual(walked.ids, expected);
    assert.equal(walked.pages, Math.ceil(expected.length / 7));
    assert.deepEqual([...walked.totals], [expected.length]);
  });

  it('filters by category, and without q matches everything', async () => {
    const inCategory = dataset.productList.filter((p) => p.categoryId === 'c3').map((p) => p.id);
    assert.deepEqual((await walk('&categoryId=c3', 100)).ids, inCategory);
    const all = await call('/products/search');
    const page = all.body as unknown as Page;
    assert.equal(page.items.length, 20);
    assert.equal(page.totalCount, dataset.productList.length);
    assert.equal(page.pageInfo.hasNextPage, true);
  });

  it('answers an empty page with a null cursor when nothing matches', async () => {
    const answer = await call('/products/search?q=no-such-product');
    assert.deepEqual(answer.body, { items: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 });
  });

  it('refuses a bad cursor or page size with a 400 naming the field', async () => {
    for (const after of ['garbage', 'bzox!', 'bzoxMA==', Buffer.from('o:-1').toString('base64url'), Buffer.from('o:01').toString('base64url')]) {
      const answer = await call(`/products/search?after=${after}`);
      assert.equal(answer.status, 400, after);
      assert.equal(firstField(answer), 'after');
    }
    for (const first of ['0', '101', 'ten', '1.5']) {
      const answer = await call(`/products/search?first=${first}`);
      assert.equal(answer.status, 400, first);
      assert.equal(firstField(answer), 'first');
    }
  });
});

describe('catalog backend: control plane', () => {
  it('counts calls per method and keys per batch call', async () => {
    await call('/products?ids=p1,p2');
    await call(`/products?ids=${ids(50)}`);
    await call('/categories?ids=c1');
    await call('/categories');
    await call('/products/search?q=a');
    const stats = control.stats('catalog');
    assert.equal(stats.calls, 5);
    assert.deepEqual(stats.batchSizes['GET /products'], [2, 50]);
    assert.deepEqual(stats.batchSizes['GET /categories'], [1]);
    assert.equal(stats.byMethod['GET /categories'], 2);
    assert.equal(stats.byMethod['GET /products/search'], 1);
  });

  it('records the trace headers of each call', async () => {
    await call('/products/p1', { headers: { 'x-request-id': 'r-9', 'x-viewer-id': 'u1' } });
    assert.deepEqual(control.stats('catalog').recent.at(-1), { method: 'GET /products/{id}', requestId: 'r-9', traceparent: undefined, viewerId: 'u1' });
  });

  it('latencyMs delays answers by at least that much', async () => {
    control.setFaults('catalog', { latencyMs: 100 });
    const started = performance.now();
    assert.equal((await call('/products/p1')).status, 200);
    assert.ok(performance.now() - started >= 95);
  });

  it('errorRate 1 answers with a 500 problem', async () => {
    control.setFaults('catalog', { errorRate: 1 });
    const answer = await call('/products/search');
    assert.equal(answer.status, 500);
    assert.match(answer.type, /^application\/problem\+json/);
  });

  it('hang holds calls unanswered until the knob is turned off', async () => {
    control.setFaults('catalog', { hang: true });
    await assert.rejects(fetch(`${server.url}/products/p1`, { signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
    const pending = call('/products/p2');
    control.setFaults('catalog', { hang: false });
    assert.equal((await pending).status, 200);
  });

  it('down refuses connections until the knob is turned off', async () => {
    control.setFaults('catalog', { down: true });
    await assert.rejects(fetch(`${server.url}/products/p1`));
    control.setFaults('catalog', { down: false });
    assert.equal((await call('/products/p1')).status, 200);
  });
});
