import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FallbackBucketStore } from '../../src/limits/fallback-bucket-store.ts';
import { MemoryBucketStore } from '../../src/limits/memory-bucket-store.ts';
import { Throttle } from '../../src/limits/throttle.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';
import { costOf } from '../helpers/limits-gateway.ts';

const CAPACITY = 20;
const RESTORE_RATE = 50;
/** A point per 1,000 s: no test lasts long enough for a refill to show. */
const NO_REFILL = 0.001;
const PRODUCT = '{ product(id: "p1") { id } }';
const PRICED_PRODUCT = '{ product(id: "p1") { id price { amount } stock { available } } }';

const shop = useGateway({
  WEB_THROTTLE_CAPACITY: String(CAPACITY),
  WEB_THROTTLE_RESTORE_RATE: String(NO_REFILL),
  WEB_MAX_COST: String(CAPACITY),
});
const slow = useGateway({ MOBILE_THROTTLE_CAPACITY: '10', MOBILE_THROTTLE_RESTORE_RATE: '2', MOBILE_MAX_COST: '10' }, { shareBackendsOf: shop });

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
  it(`a client sending faster than ${RESTORE_RATE} points/s is admitted at that rate (clock injected): capacity + rate x time`, async () => {
    let now = 0;
    const throttle = new Throttle(new FallbackBucketStore(undefined, new MemoryBucketStore({ now: () => now }), () => undefined), {
      capacity: CAPACITY,
      restoreRate: RESTORE_RATE,
    });
    let admitted = 0;
    // 100 operations of 1 point per second, for 2 seconds: twice the restore rate.
    for (now = 0; now < 2_000; now += 10) {
      const charge = await throttle.charge('client', 1);
      if (charge.allowed) admitted += 1;
      else assert.equal(charge.retryAfterSeconds, 1, 'less than a point left at 50 points/s: the next is there within a second');
    }
    // The bucket starts full; from the time it runs dry, one operation per 20 ms gets a point.
    assert.equal(admitted, CAPACITY + Math.floor((RESTORE_RATE * 1_990) / 1_000));
  });

  it('once the budget is spent, the gateway answers 429 THROTTLED with Retry-After and the budget, before any backend call', async () => {
    const { backends, gateway } = shop;
    const token = await tokenFor(gateway.config, 'u5');
    const statuses: number[] = [];
    for (let i = 0; i < CAPACITY; i++) {
      const { status, body } = await graphql(gateway, 'web', PRODUCT, { token });
      statuses.push(status);
      assert.equal(costOf(body)?.actualQueryCost, 1);
    }
    assert.deepEqual(new Set(statuses), new Set([200]), `${CAPACITY} operations of 1 point fit a budget of ${CAPACITY}`);
    backends.control.reset();
    const { status, headers, body } = await graphql(gateway, 'web', PRODUCT, { token });
    assert.equal(status, 429);
    assert.equal(body.errors?.[0]?.extensions?.code, 'THROTTLED');
    const cost = costOf(body);
    assert.equal(cost?.requestedQueryCost, 1);
    assert.equal(cost?.actualQueryCost, null);
    assert.deepEqual(cost?.throttleStatus, { maximumAvailable: CAPACITY, currentlyAvailable: 0, restoreRate: NO_REFILL });
    // A point per 1,000 s: the missing point is back in at most 1,000 s, more than 999 since almost nothing refilled.
    const retryAfter = Number(headers.get('retry-after'));
    assert.ok(retryAfter > 999 && retryAfter <= 1_000, `Retry-After ${retryAfter}`);
    assert.equal(backends.control.stats('catalog').calls, 0, 'a throttled operation reaches no backend');
  });

  it('Retry-After says when the operation fits again, and it does then', async () => {
    const { gateway } = slow;
    const token = await tokenFor(gateway.config, 'u6');
    const query = '{ product(id: "p1") { id priceLabel inStock } }';
    let response = await graphql(gateway, 'mobile', query, { token });
    assert.equal(response.status, 200);
    assert.equal(costOf(response.body)?.requestedQueryCost, 5);
    response = await graphql(gateway, 'mobile', query, { token });
    assert.equal(response.status, 200);
    response = await graphql(gateway, 'mobile', query, { token });
    assert.equal(response.status, 429);
    const cost = costOf(response.body);
    const available = cost?.throttleStatus?.currentlyAvailable ?? assert.fail('no throttle status');
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.equal(retryAfter, Math.ceil((5 - available) / 2));
    assert.ok(retryAfter >= 2 && retryAfter <= 3, `Retry-After ${retryAfter}`);
    await sleep(retryAfter * 1000);
    response = await graphql(gateway, 'mobile', query, { token });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  });

  it('refunds what execution did not use', async () => {
    const { gateway } = slow;
    const token = await tokenFor(gateway.config, 'u7');
    const { body } = await graphql(gateway, 'mobile', '{ product(id: "p999999") { id priceLabel inStock } }', { token });
    const cost = costOf(body);
    assert.equal(cost?.requestedQueryCost, 5);
    assert.equal(cost?.actualQueryCost, 0);
    assert.equal(cost?.throttleStatus?.currentlyAvailable, 10);
  });

  it('a different client has a budget of its own', async () => {
    const { gateway } = shop;
    const drained = await tokenFor(gateway.config, 'u9');
    const other = await tokenFor(gateway.config, 'u8');
    assert.equal((await graphql(gateway, 'web', PRICED_PRODUCT, { token: other })).status, 200);
    for (let i = 0; i < CAPACITY; i++) await graphql(gateway, 'web', PRODUCT, { token: drained });
    assert.equal((await graphql(gateway, 'web', PRODUCT, { token: drained })).status, 429, 'the first client spent its budget');
    assert.equal((await graphql(gateway, 'web', PRODUCT, { token: other })).status, 200);
  });
});
