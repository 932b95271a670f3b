import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, useGateway } from '../helpers/gateway.ts';
import { craftToken } from '../helpers/auth-tokens.ts';

// Scopes are compared exactly: a scope that merely looks like `orders:write` grants nothing.

const shop = useGateway();
const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';
const REORDER = 'mutation ($id: ID!, $key: String!) { reorder(orderId: $id, idempotencyKey: $key) { id } }';
let keys = 0;
const freshKey = (): string => `scopes-${process.pid}-${++keys}`;

describe('a token without orders:write cannot write orders', () => {
  for (const scope of ['orders:read', 'orders', 'orders:writer', 'orders:write:draft', 'ORDERS:WRITE', 'profile:write orders:read']) {
    it(`scope "${scope}": placeOrder and reorder are FORBIDDEN and the orders service creates nothing`, async () => {
      const { backends, gateway } = shop;
      const [order] = backends.dataset.ordersByUser.get('u1') ?? [];
      const product = backends.dataset.productList[0];
      assert.ok(order && product);
      const token = await craftToken(gateway.config, { claims: { sub: 'u1', scope } });
      backends.control.reset();
      const placed = await graphql(gateway, 'web', PLACE, { token, variables: { input: { items: [{ productId: product.id, quantity: 1 }], idempotencyKey: freshKey() } } });
      const reordered = await graphql(gateway, 'mobile', REORDER, { token, variables: { id: order.id, key: freshKey() } });
      for (const [field, response] of [['placeOrder', placed], ['reorder', reordered]] as const) {
        assert.equal(response.body.errors?.length, 1, JSON.stringify(response.body));
        assert.equal(response.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', field);
        assert.deepEqual(response.body.errors?.[0]?.path, [field]);
        assert.equal(response.body.data, null);
      }
      assert.equal(backends.control.stats('orders').byMethod['CreateOrder'] ?? 0, 0, 'no order was created');
    });
  }

  it('the same requests with orders:write are served (the refusals above are about the scope)', async () => {
    const { backends, gateway } = shop;
    const [order] = backends.dataset.ordersByUser.get('u1') ?? [];
    const product = backends.dataset.productList.find((p) => (backends.dataset.stock.get(p.sku)?.available ?? 0) >= 20);
    assert.ok(order && product);
    const token = await craftToken(gateway.config, { claims: { sub: 'u1', scope: 'orders:read orders:write' } });
    const placed = await graphql(gateway, 'web', PLACE, { token, variables: { input: { items: [{ productId: product.id, quantity: 1 }], idempotencyKey: freshKey() } } });
    assert.equal(placed.body.errors, undefined, JSON.stringify(placed.body.errors));
    const reordered = await graphql(gateway, 'mobile', REORDER, { token, variables: { id: order.id, key: freshKey() } });
    assert.notEqual(reordered.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(reordered.body.errors));
  });
});
