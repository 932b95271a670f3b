import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderRecord, ProductRecord } from '../../backends/data/model.ts';
import type { OrderHistoryQuery } from '../../examples/web/__generated__/graphql.ts';
import { graphql, tokenFor, type GraphQLBody, useGateway } from '../helpers/gateway.ts';
import { ORDER_HISTORY } from '../helpers/example-operations.ts';

const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id status itemCount items { quantity sku product { id } } }
}`;
const UPDATE_PROFILE = `mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { id profile { displayName bio locale currency } }
}`;
const ME_PROFILE = `query { me { id profile { displayName bio locale currency } } }`;
const REORDER = `mutation Reorder($orderId: ID!, $idempotencyKey: String!) {
  reorder(orderId: $orderId, idempotencyKey: $idempotencyKey) { id itemCount statusLabel }
}`;

const shop = useGateway();
let keyCounter = 0;

beforeEach(() => shop.backends.control.reset());

/** A fresh idempotency key (8+ URL-safe characters) per order the test means to place. */
const newKey = (): string => `test-key-${++keyCounter}-${process.pid}`;

async function as(userId: string | null, surface: 'web' | 'mobile', query: string, variables: Record<string, unknown>) {
  const token = userId ? await tokenFor(shop.gateway.config, userId) : undefined;
  return graphql(shop.gateway, surface, query, { variables, ...(token ? { token } : {}) });
}

/** Products with plenty of stock, so orders in this file never run out. */
function stockedProducts(count: number): ProductRecord[] {
  const found = shop.backends.dataset.productList.filter((p) => (shop.backends.dataset.stock.get(p.sku)?.available ?? 0) >= 20).slice(0, count);
  assert.equal(found.length, count, 'the dataset has enough well-stocked products');
  return found;
}

const available = (product: ProductRecord): number => shop.backends.dataset.stock.get(product.sku)?.available ?? -1;

/** The single error of a refused operation, which must carry `code` and no data. */
function onlyError(body: GraphQLBody, code: string): NonNullable<GraphQLBody['errors']>[number] {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  const [error] = body.errors ?? [];
  assert.equal(error?.extensions?.code, code, JSON.stringify(error));
  assert.ok(body.data === null || body.data === undefined, 'a refused mutation returns no data');
  return error as NonNullable<GraphQLBody['errors']>[number];
}

const totalBackendCalls = (): number => Object.values(shop.backends.control.allStats()).reduce((sum, s) => sum + s.calls, 0);
const createOrderCalls = (): number => shop.backends.control.stats('orders').byMethod['CreateOrder'] ?? 0;

describe('web placeOrder', () => {
  it('creates an order that the next OrderHistory read shows first', async () => {
    const [a, b] = stockedProducts(2) as [ProductRecord, ProductRecord];
    const response = await as('u5', 'web', PLACE_ORDER, {
      input: { items: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }], idempotencyKey: newKey() },
    });
    assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    const placed = (response.body.data as { placeOrder: { id: string; status: string; itemCount: number; items: unknown[] } }).placeOrder;
    assert.equal(placed.status, 'PENDING');
    assert.equal(placed.itemCount, 3);
    assert.deepEqual(placed.items, [
      { quantity: 2, sku: a.sku, product: { id: a.id } },
      { quantity: 1, sku: b.sku, product: { id: b.id } },
    ]);

    const history = await as('u5', 'web', ORDER_HISTORY, { first: 5 });
    assert.equal(history.body.errors, undefined);
    const { me } = history.body.data as OrderHistoryQuery;
    const newest = me?.orders?.nodes[0];
    assert.equal(newest?.id, placed.id);
    assert.deepEqual(newest?.items.map((i) => [i.product?.id, i.quantity]), [[a.id, 2], [b.id, 1]]);
    assert.equal(me?.orders?.totalCount, shop.backends.dataset.ordersByUser.get('u5')?.length);
  });

  it('the same idempotency key twice: the same order, created once, stock taken once', async () => {
    const [product] = stockedProducts(1) as [ProductRecord];
    const before = { orders: shop.backends.dataset.orders.size, stock: available(product) };
    const input = { items: [{ productId: product.id, quantity: 3 }], idempotencyKey: newKey() };
    const first = await as('u6', 'web', PLACE_ORDER, { input });
    const second = await as('u6', 'web', PLACE_ORDER, { input });
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    assert.equal(second.body.errors, undefined, JSON.stringify(second.body.errors));
    const id = (body: GraphQLBody) => (body.data as { placeOrder: { id: string } }).placeOrder.id;
    assert.equal(id(second.body), id(first.body));
    assert.equal(shop.backends.dataset.orders.size, before.orders + 1);
    assert.equal(available(product), before.stock - 3);
    assert.equal(shop.backends.dataset.ordersByUser.get('u6')?.filter((o) => o.id === id(first.body)).length, 1);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['quantity 0', { items: [{ productId: 'p1', quantity: 0 }], idempotencyKey: 'valid-key-0001' }, 'input.items[0].quantity'],
    ['quantity 0 on a later line', { items: [{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 0 }], idempotencyKey: 'valid-key-0002' }, 'input.items[1].quantity'],
    ['no items', { items: [], idempotencyKey: 'valid-key-0003' }, 'input.items'],
    ['a short idempotency key', { items: [{ productId: 'p1', quantity: 1 }], idempotencyKey: 'short' }, 'input.idempotencyKey'],
  ];
  for (const [what, input, argument] of invalid) {
    it(`${what}: BAD_USER_INPUT naming ${argument}, no order created`, async () => {
      const ordersBefore = shop.backends.dataset.orders.size;
      const response = await as('u5', 'web', PLACE_ORDER, { input });
      assert.equal(response.status, 200);
      const error = onlyError(response.body, 'BAD_USER_INPUT');
      assert.equal(error.extensions?.argument, argument);
      assert.equal(createOrderCalls(), 0, 'refused before the orders service');
      assert.equal(shop.backends.dataset.orders.size, ordersBefore);
    });
  }
});

describe('web updateProfile', () => {
  it('changes the profile; the next `me` read shows it', async () => {
    const change = { displayName: 'Ada L.', locale: 'fr-FR', currency: 'EUR', bio: 'Counts everything.' };
    const response = await as('u7', 'web', UPDATE_PROFILE, { input: change });
    assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    assert.deepEqual((response.body.data as { updateProfile: unknown }).updateProfile, { id: 'u7', profile: change });
    const me = await as('u7', 'web', ME_PROFILE, {});
    assert.deepEqual(me.body.data, { me: { id: 'u7', profile: change } });
    const stored = shop.backends.dataset.users.get('u7')?.profile;
    assert.deepEqual({ displayName: stored?.displayName, bio: stored?.bio, locale: stored?.locale, currency: stored?.currency }, change);
  });

  it('no field to change: BAD_USER_INPUT naming `input`, no backend call', async () => {
    const response = await as('u7', 'web', UPDATE_PROFILE, { input: {} });
    assert.equal(onlyError(response.body, 'BAD_USER_INPUT').extensions?.argument, 'input');
    assert.equal(shop.backends.control.stats('accounts').calls, 0);
  });

  it('a currency the accounts service refuses (its 400): BAD_USER_INPUT naming `currency`, profile unchanged', async () => {
    const before = structuredClone(shop.backends.dataset.users.get('u8')?.profile);
    const response = await as('u8', 'web', UPDATE_PROFILE, { input: { currency: 'XYZ' } });
    const error = onlyError(response.body, 'BAD_USER_INPUT');
    assert.equal(error.extensions?.argument, 'currency');
    assert.equal(error.extensions?.service, 'accounts');
    assert.equal(shop.backends.control.stats('accounts').byMethod['PATCH /users/{id}/profile'], 1, 'the refusal came from the backend');
    assert.deepEqual(shop.backends.dataset.users.get('u8')?.profile, before);
  });
});

describe('mobile reorder', () => {
  /** The viewer's newest order whose lines all have stock enough to be ordered again. */
  function reorderable(userId: string): OrderRecord {
    const order = shop.backends.dataset.ordersByUser.get(userId)?.find((o) => o.items.every((i) => (shop.backends.dataset.stock.get(i.sku)?.available ?? 0) >= i.quantity + 5));
    assert.ok(order, `${userId} has an order that can be placed again`);
    return order;
  }

  it('creates a new order with the same lines', async () => {
    const previous = reorderable('u9');
    const response = await as('u9', 'mobile', REORDER, { orderId: previous.id, idempotencyKey: newKey() });
    assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    const summary = (response.body.data as { reorder: { id: string; itemCount: number; statusLabel: string } }).reorder;
    assert.notEqual(summary.id, previous.id);
    assert.equal(summary.itemCount, previous.items.reduce((sum, i) => sum + i.quantity, 0));
    const created = shop.backends.dataset.orders.get(summary.id);
    assert.equal(created?.userId, 'u9');
    assert.deepEqual(
      created?.items.map((i) => [i.productId, i.sku, i.quantity]),
      previous.items.map((i) => [i.productId, i.sku, i.quantity]),
    );
    assert.equal(shop.backends.dataset.ordersByUser.get('u9')?.[0]?.id, summary.id);
  });

  it("another user's order: FORBIDDEN, no CreateOrder call", async () => {
    const someoneElses = reorderable('u10');
    const ordersBefore = shop.backends.dataset.orders.size;
    const response = await as('u9', 'mobile', REORDER, { orderId: someoneElses.id, idempotencyKey: newKey() });
    assert.equal(response.status, 200);
    onlyError(response.body, 'FORBIDDEN');
    assert.equal(createOrderCalls(), 0);
    assert.equal(shop.backends.dataset.orders.size, ordersBefore);
  });

  it('a short idempotency key: BAD_USER_INPUT naming `idempotencyKey`, no CreateOrder call', async () => {
    const response = await as('u9', 'mobile', REORDER, { orderId: reorderable('u9').id, idempotencyKey: 'short' });
    assert.equal(onlyError(response.body, 'BAD_USER_INPUT').extensions?.argument, 'idempotencyKey');
    assert.equal(createOrderCalls(), 0);
  });
});

describe('anonymous mutations', () => {
  const attempts: [string, 'web' | 'mobile', string, Record<string, unknown>][] = [
    ['placeOrder', 'web', PLACE_ORDER, { input: { items: [{ productId: 'p1', quantity: 1 }], idempotencyKey: 'anonymous-key-1' } }],
    ['updateProfile', 'web', UPDATE_PROFILE, { input: { displayName: 'Nobody' } }],
    ['reorder', 'mobile', REORDER, { orderId: 'o1', idempotencyKey: 'anonymous-key-2' }],
  ];
  for (const [name, surface, query, variables] of attempts) {
    it(`${name}: UNAUTHENTICATED, no backend call`, async () => {
      const ordersBefore = shop.backends.dataset.orders.size;
      const response = await as(null, surface, query, variables);
      assert.equal(response.status, 200);
      onlyError(response.body, 'UNAUTHENTICATED');
      assert.equal(totalBackendCalls(), 0);
      assert.equal(shop.backends.dataset.orders.size, ordersBefore);
    });
  }
});
