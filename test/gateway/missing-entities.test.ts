import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, tokenFor, useGateway, type GraphQLBody } from '../helpers/gateway.ts';

// DataLoader's contract: a batch answers in the order of its keys, and a key the backend leaves out
// is an error of its own (NOT_FOUND naming the service), never `undefined` and never a neighbour's value.

const shop = useGateway({ CACHE_ENABLED: 'false' });

/** The one error of the body, at `path`: NOT_FOUND naming `service`. */
function assertNotFound(body: GraphQLBody, path: (string | number)[], service: string): void {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  const [error] = body.errors ?? [];
  assert.deepEqual(error?.path, path);
  assert.equal(error?.extensions?.code, 'NOT_FOUND');
  assert.equal(error?.extensions?.service, service);
}

describe('loader ordering', () => {
  it('an unknown id batched before a known one: the unknown is null, the known one is itself', async () => {
    const { backends, gateway } = shop;
    const p1 = backends.dataset.products.get('p1');
    const p2 = backends.dataset.products.get('p2');
    assert.ok(p1 && p2);
    backends.control.reset();
    const { body } = await graphql(gateway, 'web', '{ a: product(id: "p999999") { id name } b: product(id: "p1") { id name } c: product(id: "p2") { id name } }');
    assert.deepEqual(body.data, { a: null, b: { id: 'p1', name: p1.name }, c: { id: 'p2', name: p2.name } });
    assert.equal(body.errors, undefined, 'a product that does not exist is null, not an error');
    assert.deepEqual(backends.control.stats('catalog').batchSizes['GET /products'], [3], 'one batch of three ids');
  });
});

describe('an id the backend leaves out', () => {
  it('in the `me` position: NOT_FOUND naming accounts, never an empty object', async () => {
    const { gateway } = shop;
    const token = await tokenFor(gateway.config, 'u999999');
    const { body } = await graphql(gateway, 'web', '{ me { id name } }', { token });
    assert.equal(body.data?.me ?? null, null);
    assertNotFound(body, ['me'], 'accounts');
  });

  it('in a nested position (an order line whose product the catalog no longer has): NOT_FOUND naming catalog, at that line', async () => {
    const { backends, gateway } = shop;
    const order = (backends.dataset.ordersByUser.get('u1') ?? []).find((o) => o.items.length >= 2 && new Set(o.items.map((i) => i.productId)).size === o.items.length);
    assert.ok(order, 'u1 has an order of two distinct products or more');
    const gone = order.items[1]?.productId ?? assert.fail();
    const product = backends.dataset.products.get(gone) ?? assert.fail();
    backends.dataset.products.delete(gone);
    try {
      const token = await tokenFor(gateway.config, 'u1');
      const { body } = await graphql(gateway, 'web', 'query ($id: ID!) { order(id: $id) { id items { product { id } } } }', { token, variables: { id: order.id } });
      assertNotFound(body, ['order', 'items', 1, 'product'], 'catalog');
      const items = (body.data?.order as { items: { product: { id: string } | null }[] }).items;
      assert.deepEqual(
        items.map((item) => item.product?.id ?? null),
        order.items.map((line, i) => (i === 1 ? null : line.productId)),
      );
    } finally {
      backends.dataset.products.set(gone, product);
    }
  });
});
