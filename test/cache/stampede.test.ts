import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { graphql, startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const CONCURRENT = 20;
const INVENTORY_LATENCY_MS = 200;

let backends: Backends;
let cached: TestGateway;
let uncached: TestGateway;

before(async () => {
  backends = await startTestBackends();
  [cached, uncached] = await Promise.all([startTestGateway(backends), startTestGateway(backends, { CACHE_ENABLED: 'false' })]);
});

after(async () => {
  await Promise.all([cached?.close(), uncached?.close()]);
  await backends?.close();
});

/** Sends `CONCURRENT` identical anonymous requests at once. */
function burst(gateway: TestGateway, surface: 'web' | 'mobile', query: string) {
  return Promise.all(Array.from({ length: CONCURRENT }, () => graphql(gateway, surface, query)));
}

describe('no stampede', () => {
  it('makes one inventory fetch for N concurrent misses of the same public field (web Product.stock)', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(cached, 'web', '{ product(id: "p31") { id name stock { available inStock } } }');
    for (const response of responses) {
      assert.equal(response.status, 200);
      assert.equal(response.body.errors, undefined);
      assert.deepEqual(response.body.data, responses[0]?.body.data);
    }
    assert.equal(backends.control.stats('inventory').calls, 1, 'one fetch for the stock of p31');
    assert.equal(backends.control.stats('catalog').calls, 1, 'one fetch for product p31');
  });

  it('does the same on mobile (ProductDetail.stockLabel and inStock share one stock fetch per key)', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(cached, 'mobile', '{ product(id: "p32") { id stockLabel } }');
    for (const response of responses) {
      assert.equal(response.body.errors, undefined);
      assert.deepEqual(response.body.data, responses[0]?.body.data);
    }
    assert.equal(backends.control.stats('inventory').calls, 1);
  });

  it('while without the cache every request makes its own fetch (the contrast)', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: INVENTORY_LATENCY_MS });
    const responses = await burst(uncached, 'web', '{ product(id: "p33") { id stock { available } } }');
    assert.ok(responses.every((r) => r.body.errors === undefined));
    assert.equal(backends.control.stats('inventory').calls, CONCURRENT);
    backends.control.reset();
  });
});
