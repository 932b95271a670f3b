import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { MemoryBucketStore } from '../../src/limits/memory-bucket-store.ts';
import { graphql, startTestBackends, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { costOf, startLimitsGateway } from '../helpers/limits-gateway.ts';

const CAPACITY = 20;
const RESTORE_RATE = 50;
const WINDOW_MS = 2_000;
const PRODUCT = '{ product(id: "p1") { id } }';
const PRICED_PRODUCT = '{ product(id: "p1") { id price { amount } stock { available } } }';

let backends: Backends;
let gateway: TestGateway;
let slow: TestGateway;

before(async () => {
  backends = await startTestBackends();
  gateway = await startLimitsGateway(backends, {
    WEB_THROTTLE_CAPACITY: String(CAPACITY),
    WEB_THROTTLE_RESTORE_RATE: String(RESTORE_RATE),
    WEB_MAX_COST: String(CAPACITY),
  });
  slow = await startLimitsGateway(backends, { MOBILE_THROTTLE_CAPACITY: '10', MOBILE_THROTTLE_RESTORE_RATE: '2', MOBILE_MAX_COST: '10' });
});
after(async () => {
  await slow?.close();
  await gateway?.close();
  await backends?.close();
});

describe('token bucket in memory', () => {
  it('refills at the restore rate, never past the capacity, and takes only what is there', () => {
    let now = 0;
    const store = new MemoryBucketStore({ now: () => now });
    const spec = { capacity: 10, restoreRate: 2 };
    assert.deepEqual(store.takeNow('k', 8, spec), { allowed: true, available: 2 });
    assert.deepEqual(store.takeNow('k', 3, spec), { allowed: false, available: 2 });
    now = 500;
    assert.deepEqual(store.takeNow('k', 3, spec), { allowed: true, available: 0 });
    assert.deepEqual(store.takeNow('k', -100, spec), { allowed: true, available: 10 });
    now = 60_000;
    assert.deepEqual(store.takeNow('k', 0, spec), { allowed: true, available: 10 });
  });
});

describe('budgets over time', () => {
  it(`a client sending faster than ${RESTORE_RATE} points/s is admitted at that rate, and gets 429 THROTTLED with Retry-After for the rest`, async (t) => {
    const token = await tokenFor(gateway.config, 'u5');
    // A fresh process answers its first operation slowly (cold code paths); the bucket of u5 would
    // then start late against the client's clock. Warm up with another client first.
    await graphql(gateway, 'web', PRODUCT, { token: await tokenFor(gateway.config, 'u6') });
    let admitted = 0;
    let throttled = 0;
    const started = performance.now();
    while (performance.now() - started < WINDOW_MS) {
      const { status, headers, body } = await graphql(gateway, 'web', PRODUCT, { token });
      const cost = costOf(body);
      assert.equal(cost?.requestedQueryCost, 1);
      if (status === 200) {
        admitted += 1;
        assert.equal(cost?.actualQueryCost, 1);
        continue;
      }
      throttled += 1;
      assert.equal(status, 429);
      assert.equal(body.errors?.[0]?.extensions?.code, 'THROTTLED');
      assert.equal(cost?.actualQueryCost, null);
      assert.equal(cost?.throttleStatus?.maximumAvailable, CAPACITY);
      assert.equal(cost?.throttleStatus?.restoreRate, RESTORE_RATE);
      // Less than one point left at 50 points/s: the next point is there within a second.
      assert.equal(headers.get('retry-after'), '1');
    }
    const elapsedSeconds = (performance.now() - started) / 1000;
    const expected = CAPACITY + RESTORE_RATE * elapsedSeconds;
    t.diagnostic(`admitted ${admitted} of ${admitted + throttled} in ${elapsedSeconds.toFixed(2)} s; capacity + rate x time = ${expected.toFixed(1)}`);
    assert.ok(throttled > admitted, 'the client did not send faster than the restore rate');
    assert.ok(Math.abs(admitted - expected) <= Math.max(2, expected * 0.03), `admitted ${admitted}, expected ${expected.toFixed(1)} within 3%`);
  });

  it('Retry-After says when the operation fits again, and it does then', async () => {
    const token = await tokenFor(slow.config, 'u6');
    const query = '{ product(id: "p1") { id priceLabel inStock } }';
    let response = await graphql(slow, 'mobile', query, { token });
    assert.equal(response.status, 200);
    assert.equal(costOf(response.body)?.requestedQueryCost, 5);
    response = await graphql(slow, 'mobile', query, { token });
    assert.equal(response.status, 200);
    response = await graphql(slow, 'mobile', query, { token });
    assert.equal(response.status, 429);
    const cost = costOf(response.body);
    const available = cost?.throttleStatus?.currentlyAvailable ?? assert.fail('no throttle status');
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.equal(retryAfter, Math.ceil((5 - available) / 2));
    assert.ok(retryAfter >= 2 && retryAfter <= 3, `Retry-After ${retryAfter}`);
    await sleep(retryAfter * 1000);
    response = await graphql(slow, 'mobile', query, { token });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  });

  it('refunds what execution did not use', async () => {
    const token = await tokenFor(slow.config, 'u7');
    const { body } = await graphql(slow, 'mobile', '{ product(id: "p999999") { id priceLabel inStock } }', { token });
    const cost = costOf(body);
    assert.equal(cost?.requestedQueryCost, 5);
    assert.equal(cost?.actualQueryCost, 0);
    assert.equal(cost?.throttleStatus?.currentlyAvailable, 10);
  });

  it('a different client has a budget of its own', async () => {
    const drained = await tokenFor(gateway.config, 'u5');
    const other = await tokenFor(gateway.config, 'u8');
    assert.equal((await graphql(gateway, 'web', PRICED_PRODUCT, { token: other })).status, 200);
    for (let i = 0; i < 30; i++) await graphql(gateway, 'web', PRODUCT, { token: drained });
    assert.equal((await graphql(gateway, 'web', PRODUCT, { token: other })).status, 200);
  });
});
