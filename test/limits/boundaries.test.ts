import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { FallbackBucketStore } from '../../src/limits/fallback-bucket-store.ts';
import { MemoryBucketStore } from '../../src/limits/memory-bucket-store.ts';
import { RedisBucketStore } from '../../src/limits/redis-bucket-store.ts';
import { Throttle } from '../../src/limits/throttle.ts';
import { RedisGuard, closeRedis, connectRedis, type RedisConnection } from '../../src/redis.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';
import { LIMITS_REDIS_URL, costOf } from '../helpers/limits-gateway.ts';
import { waitUntil } from '../helpers/cache-gateway.ts';

const SPEC = { capacity: 10, restoreRate: 0.001 };

describe('cost limit boundary', () => {
  // `priceLabel` and `inStock` cost 2 each on mobile: this product card costs exactly 5.
  const CARD = '{ product(id: "p1") { id priceLabel inStock } }';
  const shop = useGateway({ MOBILE_MAX_COST: '5', MOBILE_THROTTLE_CAPACITY: '1000' });

  it('an operation whose estimate is exactly MOBILE_MAX_COST runs; one point more is refused before any backend call', async () => {
    const { backends, gateway } = shop;
    const token = await tokenFor(gateway.config, 'u4');
    const exact = await graphql(gateway, 'mobile', CARD, { token });
    assert.equal(costOf(exact.body)?.requestedQueryCost, 5);
    assert.equal(exact.status, 200, JSON.stringify(exact.body));
    assert.equal(exact.body.errors, undefined);
    backends.control.reset();
    const over = await graphql(gateway, 'mobile', '{ product(id: "p1") { id priceLabel inStock } more: product(id: "p2") { id } }', { token });
    assert.equal(over.body.errors?.[0]?.extensions?.code, 'COST_LIMIT_EXCEEDED', JSON.stringify(over.body));
    assert.match(over.body.errors?.[0]?.message ?? '', /estimated cost is 6; at most 5/);
    assert.equal(backends.control.stats('catalog').calls, 0);
  });
});

describe('Redis budget boundaries (a real Redis)', () => {
  let redis: RedisConnection;
  let prefix: string;
  let store: RedisBucketStore;

  before(async () => {
    redis = await connectRedis(LIMITS_REDIS_URL, 2_000, pino({ level: 'silent' }));
    assert.ok(await waitUntil(() => redis.isReady, 5_000), 'Redis answers');
    prefix = `test:boundaries:${randomUUID().slice(0, 8)}:`;
    store = new RedisBucketStore(new RedisGuard(redis, { timeoutMs: 2_000, resetMs: 1_000 }), { keyPrefix: prefix });
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await closeRedis(redis);
  });

  it('spending exactly the points left is allowed and leaves nothing; the next point is refused', async () => {
    // A bucket refilled last "in the future": no refill between the steps, so the boundary is exact.
    await redis.hSet(`${prefix}exact`, { tokens: '6', at: String(Date.now() * 10) });
    const spent = await store.take('exact', 6, SPEC);
    assert.deepEqual(spent, { allowed: true, available: 0 });
    const next = await store.take('exact', 1, SPEC);
    assert.equal(next.allowed, false);
    assert.ok(next.available < 1, `available ${next.available}`);
  });

  it('a refund into a full bucket never lifts it past its capacity', async () => {
    assert.deepEqual(await store.take('full', -5, SPEC), { allowed: true, available: SPEC.capacity });
    const charged = await store.take('full', 3, SPEC);
    assert.equal(charged.allowed, true);
    const refunded = await store.take('full', -8, SPEC);
    assert.equal(refunded.available, SPEC.capacity);
  });

  it('a refund made after Redis comes back goes to the budget the charge was taken from', async () => {
    let up = false;
    // The same connection, seen as down until `up` turns true (what the fallback store reads).
    const flaky = new Proxy(redis, { get: (target, property, receiver) => (property === 'isReady' ? up && target.isReady : Reflect.get(target, property, receiver)) });
    const local = new MemoryBucketStore();
    const throttle = new Throttle(new FallbackBucketStore(new RedisBucketStore(new RedisGuard(flaky, { timeoutMs: 2_000, resetMs: 1_000 }), { keyPrefix: prefix }), local, () => undefined), SPEC);
    const charge = await throttle.charge('outage', 6);
    assert.equal(charge.source, 'local');
    up = true;
    const refunded = await throttle.refund('outage', 4, charge);
    assert.equal(refunded.currentlyAvailable, 8, 'the refund went back to the local budget the points came from');
    assert.equal(Math.floor(local.takeNow('outage', 0, SPEC).available), 8);
    assert.equal(await redis.exists(`${prefix}outage`), 0, 'the shared budget was never touched');
  });
});
