import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientError } from 'graphql-request';
import type { ProductRecord } from '../../backends/data/model.ts';
import { createWebClient } from '../../examples/web/client.ts';
import { createMobileClient } from '../../examples/mobile/client.ts';
import { tokenFor, useGateway } from '../helpers/gateway.ts';

const VIEWER = 'u1';

const shop = useGateway();
let token: string;

before(async () => {
  await shop.ready();
  token = await tokenFor(shop.gateway.config, VIEWER);
});

function product(id: string): ProductRecord {
  const record = shop.backends.dataset.products.get(id);
  assert.ok(record, `dataset has ${id}`);
  return record;
}

function viewerOrders() {
  const orders = shop.backends.dataset.ordersByUser.get(VIEWER) ?? [];
  assert.ok(orders.length > 40, 'the viewer is a heavy user');
  return orders;
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

describe('web example client', () => {
  test('orderHistory returns the viewer, every order count and the first page in dataset order', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token });
    const { me } = await web.orderHistory({ first: 20 });
    const user = shop.backends.dataset.users.get(VIEWER);
    assert.ok(me && user);
    assert.equal(me.id, VIEWER);
    assert.equal(me.name, user.name);
    assert.equal(me.profile.currency, user.profile.currency);
    // @ts-expect-error -- results are typed by the document: OrderHistory does not select email.
    assert.equal(me.email, undefined);

    const expected = viewerOrders();
    assert.ok(me.orders);
    assert.equal(me.orders.totalCount, expected.length);
    assert.equal(me.orders.pageInfo.hasNextPage, true);
    assert.deepEqual(
      me.orders.nodes.map((order) => order.id),
      expected.slice(0, 20).map((order) => order.id),
    );
    for (const [index, order] of me.orders.nodes.entries()) {
      const record = expected[index];
      assert.ok(record);
      assert.equal(order.status, record.status);
      assert.equal(cents(order.total.amount), record.totalCents);
      assert.deepEqual(
        order.items.map((item) => [item.sku, item.quantity, item.product?.id]),
        record.items.map((item) => [item.sku, item.quantity, item.productId]),
      );
      for (const item of order.items) {
        assert.ok(item.product, `product of ${item.sku} resolved`);
        assert.equal(item.product.name, product(item.product.id).name);
        assert.ok(item.product.stock, `stock of ${item.sku} resolved`);
        assert.equal(item.product.stock.available, shop.backends.dataset.stock.get(item.sku)?.available);
        assert.equal(item.product.price?.currency, user.profile.currency);
      }
    }
  });

  test('orderHistory pages on with the end cursor', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token });
    const first = await web.orderHistory({ first: 10 });
    const cursor = first.me?.orders?.pageInfo.endCursor;
    assert.ok(cursor);
    const second = await web.orderHistory({ first: 10, after: cursor });
    assert.deepEqual(
      second.me?.orders?.nodes.map((order) => order.id),
      viewerOrders()
        .slice(10, 20)
        .map((order) => order.id),
    );
  });

  test('productPage returns the product with its category, price and stock', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token });
    const record = product('p7');
    const { product: page } = await web.productPage('p7');
    assert.ok(page);
    assert.equal(page.sku, record.sku);
    assert.equal(page.name, record.name);
    assert.equal(page.brand, record.brand);
    assert.deepEqual(page.category, { id: record.categoryId, name: shop.backends.dataset.categories.get(record.categoryId)?.name });
    assert.equal(page.stock?.available, shop.backends.dataset.stock.get(record.sku)?.available);
    assert.equal(page.stock?.warehouse, shop.backends.dataset.stock.get(record.sku)?.warehouse);
    assert.equal(page.price?.currency, shop.backends.dataset.users.get(VIEWER)?.profile.currency);
    assert.match(page.imageUrl, /1024/);
  });

  test('productPage of an unknown id is null, not an error', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token });
    assert.deepEqual(await web.productPage('p999999'), { product: null });
  });

  test('without a token the viewer is anonymous: me is null', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql` });
    assert.deepEqual(await web.orderHistory(), { me: null });
  });

  test('a refused token rejects with a ClientError carrying the status and code', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token: 'not-a-jwt' });
    await assert.rejects(web.productPage('p1'), (error: unknown) => {
      assert.ok(error instanceof ClientError);
      assert.equal(error.response.status, 401);
      assert.equal(error.response.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
      return true;
    });
  });
});

describe('mobile example client', () => {
  test('home greets the viewer and shows the latest orders and the featured products', async () => {
    const mobile = createMobileClient({ url: `${shop.gateway.url}/mobile/graphql`, token });
    const { home } = await mobile.home();
    const user = shop.backends.dataset.users.get(VIEWER);
    assert.ok(user);
    assert.equal(home.greeting, `Hello, ${user.profile.displayName}`);
    // @ts-expect-error -- results are typed by the document: HomeScreen does not select orders.
    assert.equal(home.orders, undefined);
    assert.deepEqual(
      home.recentOrders?.map((order) => order.id),
      viewerOrders()
        .slice(0, 3)
        .map((order) => order.id),
    );
    for (const order of home.recentOrders ?? []) {
      assert.ok(order.totalLabel.length > 0);
      assert.ok(order.statusLabel.length > 0);
    }
    const featured = shop.backends.dataset.productList.filter((p) => p.featured).slice(0, 10);
    assert.ok(featured.length > 0, 'the dataset has featured products');
    assert.deepEqual(
      home.featured?.map((card) => [card.id, card.name]),
      featured.map((p) => [p.id, p.name]),
    );
    for (const card of home.featured ?? []) assert.ok(card.priceLabel, `price label of ${card.id}`);
  });

  test('productDetail returns the ready-to-show product', async () => {
    const mobile = createMobileClient({ url: `${shop.gateway.url}/mobile/graphql`, token });
    const record = product('p12');
    const { product: detail } = await mobile.productDetail('p12');
    assert.ok(detail);
    assert.equal(detail.name, record.name);
    assert.equal(detail.brand, record.brand);
    assert.equal(detail.categoryName, shop.backends.dataset.categories.get(record.categoryId)?.name);
    const available = shop.backends.dataset.stock.get(record.sku)?.available ?? 0;
    assert.equal(detail.inStock, available > 0);
    assert.ok(detail.priceLabel);
    assert.ok(detail.stockLabel);
  });

  test('search returns the matching products, in catalog order, page after page', async () => {
    const mobile = createMobileClient({ url: `${shop.gateway.url}/mobile/graphql`, token });
    const sample = product('p3');
    const text = (sample.name.split(' ').find((word) => word.length >= 4) ?? sample.name).toLowerCase();
    const matches = shop.backends.dataset.productList.filter((p) => p.name.toLowerCase().includes(text) || p.brand.toLowerCase().includes(text));
    assert.ok(matches.length > 5, `"${text}" matches several products`);

    const page = await mobile.search(text, 5);
    assert.equal(page.search.totalCount, matches.length);
    assert.deepEqual(
      page.search.nodes.map((node) => node.id),
      matches.slice(0, 5).map((p) => p.id),
    );
    for (const node of page.search.nodes) {
      const record = product(node.id);
      assert.ok(`${node.name} ${record.brand}`.toLowerCase().includes(text), `${node.name} contains "${text}"`);
    }

    const cursor = page.search.pageInfo.endCursor;
    assert.ok(cursor);
    const next = await mobile.search(text, 5, cursor);
    assert.deepEqual(
      next.search.nodes.map((node) => node.id),
      matches.slice(5, 10).map((p) => p.id),
    );
  });
});

describe('client identification', () => {
  test('both clients send apollographql-client-name and -version, and the bearer token', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { product: null } }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      await createWebClient({ url: `http://127.0.0.1:${port}/web/graphql`, token: 'web-token' }).productPage('p1');
      await createMobileClient({ url: `http://127.0.0.1:${port}/mobile/graphql`, clientName: 'shop-ios', clientVersion: '4.2.0' }).productDetail('p1');
    } finally {
      server.close();
    }
    assert.equal(seen.length, 2);
    assert.equal(seen[0]?.['apollographql-client-name'], 'shop-web');
    assert.equal(seen[0]?.['apollographql-client-version'], '1.0.0');
    assert.equal(seen[0]?.authorization, 'Bearer web-token');
    assert.equal(seen[1]?.['apollographql-client-name'], 'shop-ios');
    assert.equal(seen[1]?.['apollographql-client-version'], '4.2.0');
    assert.equal(seen[1]?.authorization, undefined);
  });
});
