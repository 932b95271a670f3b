import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { freePort } from '../../bench/processes/free-port.ts';
import { graphql, startTestBackends, type TestGateway } from '../helpers/gateway.ts';
import { backendCalls, hasRedisServer, startCacheGateway, startPrivateRedis, waitUntil, type PrivateRedis } from '../helpers/cache-gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

const PRODUCT = `query($id: ID!) { product(id: $id) { id name category { name } stock { available } } }`;
/** Generous bound on one request while Redis is gone: the cache's own bound is REDIS_TIMEOUT_MS (100 ms). */
const NO_HANG_MS = 5_000;

const available = await hasRedisServer();
if (!available) console.log('# skipped: no redis-server binary on PATH');

let backends: Backends;
let gateway: TestGateway;
let redis: PrivateRedis | undefined;
let port: number;

before(async () => {
  if (!available) return;
  port = await freePort();
  redis = await startPrivateRedis(port);
  backends = await startTestBackends();
  gateway = await startCacheGateway(backends, { REDIS_URL: redis.url });
});

after(async () => {
  await gateway?.close();
  await backends?.close();
  await redis?.stop();
});

type Product = { product: { id: string; name: string; category: { name: string }; stock: { available: number } } };

/** Reads a product and checks the answer is complete; returns the data and how long it took. */
async function readProduct(id: string): Promise<{ data: Product; ms: number }> {
  const started = performance.now();
  const response = await graphql(gateway, 'web', PRODUCT, { variables: { id } });
  const ms = performance.now() - started;
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  const data = response.body.data as Product;
  assert.equal(data.product.id, id);
  assert.ok(data.product.name && data.product.category.name && typeof data.product.stock.available === 'number', 'full data');
  return { data, ms };
}

async function failures(): Promise<number> {
  return sumOf(await scrape(gateway.adminUrl), 'gateway_cache_failures_total');
}

const redisStatus = async () => (await (await fetch(`${gateway.adminUrl}/status`)).json()) as { redis: { configured: boolean; reachable?: boolean } };

describe('Redis stopped mid-test', { skip: available ? false : 'no redis-server binary' }, () => {
  it('caches while Redis runs, serves from the backends while it is down, and caches again once it is back', async () => {
    backends.control.reset();
    const cold = await readProduct('p41');
    backends.control.reset();
    assert.deepEqual((await readProduct('p41')).data, cold.data);
    assert.deepEqual(backendCalls(backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 }, 'served from Redis');
    const failuresBefore = await failures();

    await redis?.stop();
    // Each key once: a value fetched a moment ago may still be in flight to the store (at most REDIS_TIMEOUT_MS),
    // and misses of that key join it; here every answer must come from the backends.
    for (const id of ['p41', 'p42', 'p44']) {
      backends.control.reset();
      const { data, ms } = await readProduct(id);
      assert.ok(ms < NO_HANG_MS, `answered in ${Math.round(ms)} ms`);
      if (id === 'p41') assert.deepEqual(data, cold.data);
      assert.ok(backendCalls(backends).catalog >= 1 && backendCalls(backends).inventory >= 1, `${id} answered by the backends`);
    }
    assert.ok((await failures()) > failuresBefore, 'gateway_cache_failures_total increased');
    // The outage is absorbed (the declared fallback): the replica stays in rotation, /status tells.
    assert.equal((await fetch(`${gateway.adminUrl}/readyz`)).status, 200);
    assert.equal((await redisStatus()).redis.reachable, false);

    redis = await startPrivateRedis(port);
    assert.ok(await waitUntil(async () => (await redisStatus()).redis.reachable === true, 10_000), 'the gateway reconnects');
    await readProduct('p43');
    backends.control.reset();
    await readProduct('p43');
    assert.deepEqual(backendCalls(backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 }, 'caching resumed');
  });
});
