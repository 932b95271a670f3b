import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Backends } from '../../backends/start.ts';
import { graphql, startTestBackends, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { backendCalls, flushRedisDb, startCacheGateway, TEST_REDIS_URL } from '../helpers/cache-gateway.ts';

const PRODUCT = `query($id: ID!) { product(id: $id) { id name category { name } stock { available } } }`;
const MOBILE_PRODUCT = `query($id: ID!) { product(id: $id) { id name categoryName inStock stockLabel priceLabel } }`;
const MY_ORDERS = `{ me { id name orders(first: 5) { totalCount nodes { id total { amount currency } } } } }`;
const NO_CALLS = { accounts: 0, catalog: 0, orders: 0, inventory: 0 };

let backends: Backends;
let first: TestGateway;
let second: TestGateway;

before(async () => {
  await flushRedisDb(TEST_REDIS_URL);
  backends = await startTestBackends();
  // Two apps, each with its own Redis connection: two gateway processes as far as the cache can tell.
  [first, second] = await Promise.all([startCacheGateway(backends, { REDIS_URL: TEST_REDIS_URL }), startCacheGateway(backends, { REDIS_URL: TEST_REDIS_URL })]);
});

after(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await backends?.close();
});

function dataOf(response: { status: number; body: GraphQLBody }): unknown {
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return response.body.data;
}

describe('two gateways sharing one Redis', () => {
  it('the second serves a public query the first cached, with 0 backend calls', async () => {
    backends.control.reset();
    const cold = dataOf(await graphql(first, 'web', PRODUCT, { variables: { id: 'p21' } }));
    assert.ok(backendCalls(backends).catalog >= 1 && backendCalls(backends).inventory >= 1);
    backends.control.reset();
    const warm = dataOf(await graphql(second, 'web', PRODUCT, { variables: { id: 'p21' } }));
    assert.deepEqual(warm, cold);
    assert.deepEqual(backendCalls(backends), NO_CALLS);
  });

  it('shares PRIVATE entries only with the same viewer', async () => {
    const [u1, u2] = await Promise.all([tokenFor(first.config, 'u1'), tokenFor(first.config, 'u2')]);
    backends.control.reset();
    const cold = dataOf(await graphql(first, 'mobile', MOBILE_PRODUCT, { token: u1, variables: { id: 'p22' } }));
    const coldOrders = dataOf(await graphql(first, 'web', MY_ORDERS, { token: u1 }));
    backends.control.reset();
    assert.deepEqual(dataOf(await graphql(second, 'mobile', MOBILE_PRODUCT, { token: u1, variables: { id: 'p22' } })), cold);
    assert.deepEqual(dataOf(await graphql(second, 'web', MY_ORDERS, { token: u1 })), coldOrders);
    assert.deepEqual(backendCalls(backends), NO_CALLS, 'u1 is served from what the first gateway cached for u1');

    const other = dataOf(await graphql(second, 'web', MY_ORDERS, { token: u2 })) as { me: { id: string } };
    assert.equal(other.me.id, 'u2');
    assert.ok(backendCalls(backends).accounts >= 1 && backendCalls(backends).orders >= 1, 'u2 gets nothing of u1');
  });

  it('an order placed through one gateway evicts what the other serves', async () => {
    const token = await tokenFor(first.config, 'u8');
    const before = dataOf(await graphql(second, 'web', MY_ORDERS, { token })) as { me: { orders: { totalCount: number } } };
    const stockBefore = dataOf(await graphql(second, 'web', PRODUCT, { variables: { id: 'p23' } })) as { product: { stock: { available: number } } };
    const placed = dataOf(
      await graphql(first, 'web', `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
        token,
        variables: { input: { items: [{ productId: 'p23', quantity: 1 }], idempotencyKey: randomUUID() } },
      }),
    ) as { placeOrder: { id: string } };
    const after = dataOf(await graphql(second, 'web', MY_ORDERS, { token })) as { me: { orders: { totalCount: number; nodes: { id: string }[] } } };
    assert.equal(after.me.orders.totalCount, before.me.orders.totalCount + 1);
    assert.equal(after.me.orders.nodes[0]?.id, placed.placeOrder.id);
    const stockAfter = dataOf(await graphql(second, 'web', PRODUCT, { variables: { id: 'p23' } })) as { product: { stock: { available: number } } };
    assert.equal(stockAfter.product.stock.available, stockBefore.product.stock.available - 1);
  });
});
