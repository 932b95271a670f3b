import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, type TestGateway, useGateway } from '../helpers/gateway.ts';

const CONCURRENT = 20;
const INVENTORY_LATENCY_MS = 200;

const cached = useGateway();
const uncached = useGateway({ CACHE_ENABLED: 'false' }, { shareBackendsOf: cached });

/** Sends `CONCURRENT` identical anonymous requests at once. */
function burst(gateway: TestGateway, surface: 'web' | 'mobile', query: string) {
  return Promise.all(Array.from({ length: CONCURRENT }, () => graphql(gateway, surface, query)));
}

describe('no stampede', () => {
  it('makes one inventory fetch for N concurrent misses of the same public field (web Product.stock)', async () => {
    cached.backends.control.reset();
    cached.backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(cached.gateway, 'web', '{ product(id: "p31") { id name stock { available inStock } } }');
    for (const response of responses) {
      assert.equal(response.status, 200);
      assert.equal(response.body.errors, undefined);
      assert.deepEqual(response.body.data, responses[0]?.body.data);
    }
    assert.equal(cached.backends.control.stats('inventory').calls, 1, 'one fetch for the stock of p31');
    assert.equal(cached.backends.control.stats('catalog').calls, 1, 'one fetch for product p31');
  });

  it('does the same on mobile (ProductDetail.stockLabel and inStock share one stock fetch per key)', async () => {
    cached.backends.control.reset();
    cached.backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(cached.gateway, 'mobile', '{ product(id: "p32") { id stockLabel } }');
    for (const response of responses) {
      assert.equal(response.body.errors, undefined);
      assert.deepEqual(response.body.data, responses[0]?.body.data);
    }
    assert.equal(cached.backends.control.stats('inventory').calls, 1);
  });

  it('while without the cache every request makes its own fetch (the contrast)', async () => {
    cached.backends.control.reset();
    cached.backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(uncached.gateway, 'web', '{ product(id: "p33") { id stock { available } } }');
    assert.ok(responses.every((r) => r.body.errors === undefined));
    assert.equal(cached.backends.control.stats('inventory').calls, CONCURRENT);
    cached.backends.control.reset();
  });
});
