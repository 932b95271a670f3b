import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { graphql, useGateway, tokenFor, type GraphQLBody } from '../helpers/gateway.ts';

const WEB_MY_ORDERS = `{ me { id orders(first: 5) { totalCount nodes { id } } } }`;
const WEB_STOCK = `query($id: ID!) { product(id: $id) { id stock { available inStock } } }`;
const WEB_PRICE = `query($id: ID!) { me { profile { currency } } product(id: $id) { id price { amount currency } } }`;
const MOBILE_STOCK = `query($id: ID!) { product(id: $id) { id inStock stockLabel } }`;
const MOBILE_PRICE = `query($id: ID!) { product(id: $id) { id priceLabel } }`;
const MOBILE_ORDERS = `{ orders(first: 5) { totalCount nodes { id } } home { recentOrders(first: 3) { id } } }`;
const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;
const REORDER = `mutation($orderId: ID!, $key: String!) { reorder(orderId: $orderId, idempotencyKey: $key) { id } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id profile { currency } } }`;

const shop = useGateway();

/** The response's data, after checking it succeeded. */
function dataOf<T>(response: { status: number; body: GraphQLBody }): T {
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return response.body.data as T;
}

/** Runs `read` twice and checks that the second time `service` was not called: the value is cached. */
async function readCached<T>(service: 'accounts' | 'orders' | 'inventory', read: () => Promise<{ status: number; body: GraphQLBody }>): Promise<T> {
  const first = dataOf<T>(await read());
  shop.backends.control.reset();
  const second = dataOf<T>(await read());
  assert.equal(shop.backends.control.stats(service).calls, 0, `the second read was served from the cache, not ${service}`);
  assert.deepEqual(second, first);
  return second;
}

/** A product whose stock is small enough for `stockLabel` to change, from the shop.backends' own data. */
function lowStockProduct(min: number, max: number): { id: string; available: number } {
  for (const product of shop.backends.dataset.productList) {
    const available = shop.backends.dataset.stock.get(product.sku)?.available ?? 0;
    if (available >= min && available <= max) return { id: product.id, available };
  }
  throw new Error(`no product with ${min}..${max} in stock`);
}

type MyOrders = { me: { orders: { totalCount: number; nodes: { id: string }[] } } };
type WebStock = { product: { stock: { available: number; inStock: boolean } } };
type MobileStock = { product: { inStock: boolean; stockLabel: string } };
type MobileOrders = { orders: { totalCount: number; nodes: { id: string }[] }; home: { recentOrders: { id: string }[] } };

describe('mutations evict what they change', () => {
  it('placeOrder: the next order list shows the new order, the next stock read the reduced stock on both surfaces', async () => {
    const token = await tokenFor(shop.gateway.config, 'u5');
    const product = lowStockProduct(6, 20);
    const quantity = product.available - 3;
    const orders = await readCached<MyOrders>('orders', () => graphql(shop.gateway, 'web', WEB_MY_ORDERS, { token }));
    const webStock = await readCached<WebStock>('inventory', () => graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: product.id } }));
    const mobileStock = await readCached<MobileStock>('inventory', () => graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: product.id } }));
    assert.equal(webStock.product.stock.available, product.available);
    assert.equal(mobileStock.product.stockLabel, 'In stock');

    const placed = dataOf<{ placeOrder: { id: string } }>(
      await graphql(shop.gateway, 'web', PLACE_ORDER, { token, variables: { input: { items: [{ productId: product.id, quantity }], idempotencyKey: randomUUID() } } }),
    );

    const after = dataOf<MyOrders>(await graphql(shop.gateway, 'web', WEB_MY_ORDERS, { token }));
    assert.equal(after.me.orders.totalCount, orders.me.orders.totalCount + 1);
    assert.equal(after.me.orders.nodes[0]?.id, placed.placeOrder.id);
    assert.deepEqual(dataOf<WebStock>(await graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: product.id } })).product.stock, { available: 3, inStock: true });
    assert.deepEqual(dataOf<MobileStock>(await graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: product.id } })).product, {
      id: product.id,
      inStock: true,
      stockLabel: 'Only 3 left',
    });
  });

  it('placeOrder of the last units: the next reads say out of stock', async () => {
    const token = await tokenFor(shop.gateway.config, 'u6');
    const product = lowStockProduct(1, 5);
    await readCached<MobileStock>('inventory', () => graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: product.id } }));
    await readCached<WebStock>('inventory', () => graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: product.id } }));
    dataOf(await graphql(shop.gateway, 'web', PLACE_ORDER, { token, variables: { input: { items: [{ productId: product.id, quantity: product.available }], idempotencyKey: randomUUID() } } }));
    assert.deepEqual(dataOf<MobileStock>(await graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: product.id } })).product, {
      id: product.id,
      inStock: false,
      stockLabel: 'Out of stock',
    });
    assert.deepEqual(dataOf<WebStock>(await graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: product.id } })).product.stock, { available: 0, inStock: false });
  });

  it('mobile reorder: the next order list and home show the new order, the next stock read the reduced stock', async () => {
    const token = await tokenFor(shop.gateway.config, 'u7');
    const before = await readCached<MobileOrders>('orders', () => graphql(shop.gateway, 'mobile', MOBILE_ORDERS, { token }));
    const previousId = before.orders.nodes[0]?.id;
    assert.ok(previousId, 'u7 has orders');
    const previous = shop.backends.dataset.orders.get(previousId);
    assert.ok(previous);
    const line = previous.items[0];
    assert.ok(line);
    const bought = previous.items.filter((item) => item.productId === line.productId).reduce((sum, item) => sum + item.quantity, 0);
    const stockBefore = await readCached<WebStock>('inventory', () => graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: line.productId } }));
    await readCached<MobileStock>('inventory', () => graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: line.productId } }));

    const reordered = dataOf<{ reorder: { id: string } }>(await graphql(shop.gateway, 'mobile', REORDER, { token, variables: { orderId: previousId, key: randomUUID() } }));

    const after = dataOf<MobileOrders>(await graphql(shop.gateway, 'mobile', MOBILE_ORDERS, { token }));
    assert.equal(after.orders.totalCount, before.orders.totalCount + 1);
    assert.equal(after.orders.nodes[0]?.id, reordered.reorder.id);
    assert.equal(after.home.recentOrders[0]?.id, reordered.reorder.id);
    const stockAfter = dataOf<WebStock>(await graphql(shop.gateway, 'web', WEB_STOCK, { variables: { id: line.productId } }));
    assert.equal(stockAfter.product.stock.available, stockBefore.product.stock.available - bought);
    const available = stockAfter.product.stock.available;
    const mobileAfter = dataOf<MobileStock>(await graphql(shop.gateway, 'mobile', MOBILE_STOCK, { variables: { id: line.productId } }));
    assert.equal(mobileAfter.product.inStock, available > 0);
    assert.equal(mobileAfter.product.stockLabel, available === 0 ? 'Out of stock' : available <= 5 ? `Only ${available} left` : 'In stock');
  });

  it('updateProfile (currency): the next price and priceLabel reads are in the new currency', async () => {
    const token = await tokenFor(shop.gateway.config, 'u4');
    const before = await readCached<{ me: { profile: { currency: string } }; product: { price: { currency: string } } }>('inventory', () =>
      graphql(shop.gateway, 'web', WEB_PRICE, { token, variables: { id: 'p40' } }),
    );
    assert.equal(before.product.price.currency, 'EUR');
    const label = await readCached<{ product: { priceLabel: string } }>('inventory', () => graphql(shop.gateway, 'mobile', MOBILE_PRICE, { token, variables: { id: 'p40' } }));
    assert.match(label.product.priceLabel, /€/);

    const updated = dataOf<{ updateProfile: { profile: { currency: string } } }>(await graphql(shop.gateway, 'web', UPDATE_PROFILE, { token, variables: { input: { currency: 'GBP' } } }));
    assert.equal(updated.updateProfile.profile.currency, 'GBP');

    const after = dataOf<{ me: { profile: { currency: string } }; product: { price: { currency: string } } }>(await graphql(shop.gateway, 'web', WEB_PRICE, { token, variables: { id: 'p40' } }));
    assert.equal(after.me.profile.currency, 'GBP');
    assert.equal(after.product.price.currency, 'GBP');
    const labelAfter = dataOf<{ product: { priceLabel: string } }>(await graphql(shop.gateway, 'mobile', MOBILE_PRICE, { token, variables: { id: 'p40' } }));
    assert.match(labelAfter.product.priceLabel, /£/);
  });
});
