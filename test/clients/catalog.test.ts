import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startCatalog } from '../../backends/catalog/server.ts';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { CatalogClient, type ProductPage } from '../../clients/catalog/catalog-client.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';

const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let server: RunningServer;
let client: CatalogClient;

const upstream = (code: UpstreamErrorCode, extra: Partial<UpstreamError> = {}) => (error: unknown) => {
  assert.ok(error instanceof UpstreamError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.service, 'catalog');
  for (const [key, value] of Object.entries(extra)) assert.equal(error[key as keyof UpstreamError], value);
  return true;
};

before(async () => {
  server = await startCatalog({ dataset, control, host: '127.0.0.1', port: 0 });
  client = new CatalogClient({ baseUrl: server.url });
});
after(async () => {
  client.close();
  control.releaseAll();
  await server.close();
});
beforeEach(() => control.reset());

describe('CatalogClient: methods', () => {
  it('getProducts answers found products in request order, and refuses more than 50 ids without a call', async () => {
    assert.deepEqual(await client.getProducts(['p3', 'zz', 'p1']), [dataset.products.get('p3'), dataset.products.get('p1')]);
    const ids = Array.from({ length: 51 }, (_, i) => `p${i + 1}`);
    await assert.rejects(client.getProducts(ids), upstream('INVALID_ARGUMENT', { field: 'ids', operation: 'GET /products' }));
    assert.equal(control.stats('catalog').calls, 1);
    assert.equal((await client.getProducts(ids.slice(0, 50))).length, 50);
  });

  it('searchProducts walks every match page by page', async () => {
    const expected = dataset.productList.filter((p) => /lamp/i.test(p.name) || /lamp/i.test(p.brand)).map((p) => p.id);
    const seen: string[] = [];
    let page: ProductPage = await client.searchProducts({ text: 'LAMP', first: 5 });
    seen.push(...page.items.map((p) => p.id));
    while (page.pageInfo.hasNextPage) {
      page = await client.searchProducts({ text: 'LAMP', first: 5, after: page.pageInfo.endCursor ?? '' });
      seen.push(...page.items.map((p) => p.id));
    }
    assert.deepEqual(seen, expected);
    assert.equal(page.totalCount, expected.length);
  });

  it('searchProducts filters by category and maps a bad cursor to INVALID_ARGUMENT on `after`', async () => {
    const page = await client.searchProducts({ categoryId: 'c2', first: 100 });
    assert.deepEqual(page.items.map((p) => p.id), dataset.productList.filter((p) => p.categoryId === 'c2').map((p) => p.id));
    await assert.rejects(client.searchProducts({ after: 'not-a-cursor' }), upstream('INVALID_ARGUMENT', { field: 'after' }));
    await assert.rejects(client.searchProducts({ first: 0 }), upstream('INVALID_ARGUMENT', { field: 'first' }));
  });

  it('featuredProducts answers featured products up to the limit', async () => {
    const featured = dataset.productList.filter((p) => p.featured);
    assert.deepEqual(await client.featuredProducts(), featured.slice(0, 10));
    assert.deepEqual(await client.featuredProducts(1), featured.slice(0, 1));
  });

  it('getCategories answers the asked categories, or all of them without ids', async () => {
    assert.deepEqual(await client.getCategories(['c2', 'c404', 'c1']), [dataset.categories.get('c2'), dataset.categories.get('c1')]);
    assert.deepEqual(await client.getCategories(), [...dataset.categories.values()]);
    assert.deepEqual(await client.getCategories([]), []);
    const tooMany = Array.from({ length: 51 }, (_, i) => `c${i}`);
    await assert.rejects(client.getCategories(tooMany), upstream('INVALID_ARGUMENT', { field: 'ids' }));
    assert.equal(control.stats('catalog').calls, 2);
  });

  it('ping resolves while the service is up', async () => {
    await client.ping();
    assert.equal(control.stats('catalog').byMethod['GET /healthz'], 1);
  });
});

describe('CatalogClient: transport', () => {
  it('sends the trace headers of the call', async () => {
    const call = { requestId: 'req-7', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', viewerId: 'u3' };
    await client.getProducts(['p1', 'p2', 'p3'], call);
    await client.searchProducts({ text: 'a' }, call);
    assert.deepEqual(control.stats('catalog').recent, [
      { method: 'GET /products', keys: 3, ...call },
      { method: 'GET /products/search', ...call },
    ]);
  });

  it('reuses one kept-alive connection for sequential calls', async () => {
    const fresh = new CatalogClient({ baseUrl: server.url });
    let sockets = 0;
    const onSocket = (): void => {
      sockets++;
    };
    diagnostics.subscribe('net.client.socket', onSocket);
    try {
      await fresh.getProducts(['p1']);
      await fresh.getProducts(['p1', 'p2']);
      await fresh.searchProducts({ text: 'acme' });
      await fresh.featuredProducts(3);
    } finally {
      diagnostics.unsubscribe('net.client.socket', onSocket);
      fresh.close();
    }
    assert.equal(control.stats('catalog').calls, 4);
    assert.equal(sockets, 1);
  });

  it('maps an injected server error to INTERNAL', async () => {
    control.setFaults('catalog', { errorRate: 1 });
    await assert.rejects(client.searchProducts({}), upstream('INTERNAL'));
  });

  it('maps a down service to UNAVAILABLE and recovers when it is back', async () => {
    control.setFaults('catalog', { down: true });
    await assert.rejects(client.getProducts(['p1']), upstream('UNAVAILABLE'));
    control.setFaults('catalog', { down: false });
    assert.equal((await client.getProducts(['p1']))[0]?.id, 'p1');
  });

  it('maps a hanging service to TIMEOUT after timeoutMs', async () => {
    const impatient = new CatalogClient({ baseUrl: server.url, timeoutMs: 100 });
    control.setFaults('catalog', { hang: true });
    try {
      await assert.rejects(impatient.getCategories(), upstream('TIMEOUT'));
    } finally {
      control.setFaults('catalog', { hang: false });
      impatient.close();
    }
    assert.equal(control.stats('catalog').calls, 1);
  });
});
