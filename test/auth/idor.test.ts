import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderRecord, UserRecord } from '../../backends/data/model.ts';
import { graphql, tokenFor, type GraphQLBody, useGateway } from '../helpers/gateway.ts';

// Insecure direct object references: user A (u1) names user B's (u2) objects by id.

const A = 'u1';
const B = 'u2';

const shop = useGateway();
let tokenOfA: string;
let orderOfB: OrderRecord;
let userB: UserRecord;

before(async () => {
  await shop.ready();
  tokenOfA = await tokenFor(shop.gateway.config, A);
  const [order] = shop.backends.dataset.ordersByUser.get(B) ?? [];
  const user = shop.backends.dataset.users.get(B);
  assert.ok(order && user);
  orderOfB = order;
  userB = user;
});

beforeEach(() => shop.backends.control.reset());

/** One FORBIDDEN error at `[field]`, `data.<field>` null, and nothing of B's anywhere in the body. */
function assertRefusedWithoutLeak(body: GraphQLBody, field: string): void {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  assert.deepEqual(body.errors?.[0]?.path, [field]);
  assert.equal((body.data as Record<string, unknown> | null | undefined)?.[field] ?? null, null);
  const text = JSON.stringify(body);
  for (const secret of [userB.email, userB.name, userB.profile.displayName, orderOfB.createdAt]) {
    assert.ok(!text.includes(secret), `the response does not carry ${secret}`);
  }
}

describe('web', () => {
  it("A asking for B's order by id gets FORBIDDEN and no order data", async () => {
    const response = await graphql(shop.gateway, 'web', 'query ($id: ID!) { order(id: $id) { id status createdAt total { amount } customer { email } } }', {
      token: tokenOfA,
      variables: { id: orderOfB.id },
    });
    assert.equal(response.status, 200);
    assertRefusedWithoutLeak(response.body, 'order');
    assert.deepEqual(response.body.data, { order: null });
  });

  it("A asking for B's profile gets FORBIDDEN, and the accounts service is never asked for B", async () => {
    const response = await graphql(shop.gateway, 'web', 'query ($id: ID!) { user(id: $id) { id email name profile { displayName } addresses { id } } }', {
      token: tokenOfA,
      variables: { id: B },
    });
    assert.equal(response.status, 200);
    assertRefusedWithoutLeak(response.body, 'user');
    assert.deepEqual(response.body.data, { user: null });
    const accounts = shop.backends.control.stats('accounts');
    assert.equal(accounts.byMethod['GET /users'] ?? 0, 0, 'no batch read of users');
    assert.equal(accounts.byMethod['GET /users/{id}'] ?? 0, 0, 'no single read of a user');
    assert.equal(accounts.byMethod['GET /addresses'] ?? 0, 0, 'no read of addresses');
  });

  it("A's own profile next to B's in one query: A's data, B's refused", async () => {
    const response = await graphql(shop.gateway, 'web', 'query { me { id email } user(id: "u2") { id email } }', { token: tokenOfA });
    assertRefusedWithoutLeak(response.body, 'user');
    assert.deepEqual(response.body.data, { me: { id: A, email: shop.backends.dataset.users.get(A)?.email }, user: null });
    assert.deepEqual(shop.backends.control.stats('accounts').batchSizes['GET /users'], [1], 'accounts read A only');
  });
});

describe('mobile', () => {
  it("A reordering B's order gets FORBIDDEN and no order is created", async () => {
    const ordersOfABefore = shop.backends.dataset.ordersByUser.get(A)?.length;
    const response = await graphql(shop.gateway, 'mobile', 'mutation ($id: ID!, $key: String!) { reorder(orderId: $id, idempotencyKey: $key) { id itemCount } }', {
      token: tokenOfA,
      variables: { id: orderOfB.id, key: `idor-reorder-${process.pid}` },
    });
    assert.equal(response.status, 200);
    assertRefusedWithoutLeak(response.body, 'reorder');
    assert.equal(response.body.data, null, 'reorder is non-null, so its refusal nulls data');
    assert.equal(shop.backends.control.stats('orders').byMethod['CreateOrder'] ?? 0, 0, 'CreateOrder was never called');
    assert.equal(shop.backends.dataset.ordersByUser.get(A)?.length, ordersOfABefore);
  });
});
