import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GateOutcome } from '../../backends/control/control-plane.ts';
import type { OrderRecord } from '../../backends/data/model.ts';
import { graphql, tokenFor, type GraphQLBody, useGateway } from '../helpers/gateway.ts';

// A rule that cannot read what it needs refuses: when the ownership lookup of an order fails, the
// request is refused with a coded error even if a later read of the same order would succeed.

const A = 'u1';
const B = 'u2';

// One attempt per call, so "the first orders call fails" is the rule's lookup and nothing else.
const shop = useGateway({ RETRY_MAX_ATTEMPTS: '1', CACHE_ENABLED: 'false' });
let tokenOfA: string;
let orderOfB: OrderRecord;
/** Orders calls the backend still answers with its server error before it recovers. */
let failingOrdersCalls = 0;

before(async () => {
  await shop.ready();
  tokenOfA = await tokenFor(shop.gateway.config, A);
  const [order] = shop.backends.dataset.ordersByUser.get(B) ?? [];
  assert.ok(order);
  orderOfB = order;
  // The orders backend fails the next `failingOrdersCalls` calls, then answers normally.
  const gate = shop.backends.control.gate.bind(shop.backends.control);
  shop.backends.control.gate = async (service): Promise<GateOutcome> => {
    if (service === 'orders' && failingOrdersCalls > 0) {
      failingOrdersCalls--;
      return 'error';
    }
    return gate(service);
  };
});

beforeEach(() => {
  shop.backends.control.reset();
  failingOrdersCalls = 0;
});

/** One error at `[field]` naming the orders service, the field null, and nothing of B's order in the body. */
function assertRefusedByFailure(body: GraphQLBody, field: string): void {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  assert.deepEqual(body.errors?.[0]?.path, [field]);
  assert.equal(body.errors?.[0]?.extensions?.code, 'BACKEND_ERROR');
  assert.equal(body.errors?.[0]?.extensions?.service, 'orders');
  assert.equal((body.data as Record<string, unknown> | null | undefined)?.[field] ?? null, null);
  const text = JSON.stringify(body);
  assert.ok(!text.includes(orderOfB.createdAt) && !text.includes(orderOfB.id), 'nothing of the other user’s order');
}

describe('an ownership lookup that fails refuses', () => {
  it("mobile: A's reorder of B's order is refused when the lookup fails once, and no order is created", async () => {
    failingOrdersCalls = 1;
    const before = shop.backends.dataset.ordersByUser.get(A)?.length;
    const response = await graphql(shop.gateway, 'mobile', 'mutation ($id: ID!, $key: String!) { reorder(orderId: $id, idempotencyKey: $key) { id itemCount } }', {
      token: tokenOfA,
      variables: { id: orderOfB.id, key: `failing-lookup-${process.pid}` },
    });
    assertRefusedByFailure(response.body, 'reorder');
    assert.equal(shop.backends.control.stats('orders').byMethod['BatchGetOrders'], 1, 'the lookup was made once, by the rule');
    assert.equal(shop.backends.control.stats('orders').byMethod['CreateOrder'] ?? 0, 0, 'CreateOrder was never called');
    assert.equal(shop.backends.dataset.ordersByUser.get(A)?.length, before);
  });

  it("web: A asking for B's order gets an error and no order data when the lookup fails once", async () => {
    failingOrdersCalls = 1;
    const response = await graphql(shop.gateway, 'web', 'query ($id: ID!) { order(id: $id) { id createdAt } }', { token: tokenOfA, variables: { id: orderOfB.id } });
    assertRefusedByFailure(response.body, 'order');
    assert.equal(shop.backends.control.stats('orders').byMethod['BatchGetOrders'], 1, 'no second read after the refusal');
  });

  it('a definite not-found still passes: the field answers null without error', async () => {
    const response = await graphql(shop.gateway, 'web', '{ order(id: "o999999999") { id } }', { token: tokenOfA });
    assert.deepEqual(response.body.errors, undefined);
    assert.equal(response.body.data?.['order'], null);
  });

  it("A's own order is served when the backend answers", async () => {
    const [own] = shop.backends.dataset.ordersByUser.get(A) ?? [];
    const response = await graphql(shop.gateway, 'web', 'query ($id: ID!) { order(id: $id) { id } }', { token: tokenOfA, variables: { id: own?.id } });
    assert.deepEqual(response.body.data, { order: { id: own?.id } });
  });
});
