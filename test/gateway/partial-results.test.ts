import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { SERVICES, type ServiceName } from '../../backends/control/control-plane.ts';
import type { OrderHistoryQuery } from '../../examples/web/__generated__/graphql.ts';
import type { HomeScreenQuery } from '../../examples/mobile/__generated__/graphql.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN, ORDER_HISTORY } from '../helpers/example-operations.ts';
import { featuredProducts } from '../helpers/batch-predictions.ts';

type Path = (string | number)[];

const USER = 'u1';
const FIRST = 20;
/** At least 32 characters: production refuses to start without its own secret. */
const PRODUCTION_SECRET = 'partial-results-test-secret-0123456789';

let backends: Backends;
const gateways: Partial<Record<'test' | 'production', TestGateway>> = {};

before(async () => {
  backends = await startTestBackends();
  // Circuit breakers would carry one test's outage into the next, and the field cache would answer
  // for a backend that is down (both have tests of their own): here every failure must show as itself.
  const noBreaker = { BREAKER_VOLUME: '10000', CACHE_ENABLED: 'false' };
  gateways.test = await startTestGateway(backends, noBreaker);
  gateways.production = await startTestGateway(backends, { ...noBreaker, NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET });
});

after(async () => {
  await Promise.all(Object.values(gateways).map((g) => g.close()));
  await backends?.close();
});

beforeEach(() => backends.control.reset());

/** Lines of the first page of the user's orders, as (order index, line index). */
function orderLines(): [number, number][] {
  return (backends.dataset.ordersByUser.get(USER) ?? []).slice(0, FIRST).flatMap((order, i) => order.items.map((_line, j): [number, number] => [i, j]));
}

/** The paths that must fail (and be null) when one service fails, per operation. */
function failingPaths(operation: 'OrderHistory' | 'HomeScreen', service: ServiceName): Path[] {
  if (operation === 'OrderHistory') {
    const line = (i: number, j: number): Path => ['me', 'orders', 'nodes', i, 'items', j, 'product'];
    switch (service) {
      case 'accounts':
        return [['me']];
      case 'orders':
        return [['me', 'orders']];
      case 'catalog':
        return orderLines().map(([i, j]) => line(i, j));
      case 'inventory':
        return orderLines().flatMap(([i, j]) => [[...line(i, j), 'price'], [...line(i, j), 'stock']]);
    }
  }
  const recent = Math.min(3, backends.dataset.ordersByUser.get(USER)?.length ?? 0);
  const cards = featuredProducts(backends.dataset, 10).length;
  switch (service) {
    case 'accounts':
      // Without the viewer's profile their currency is unknown: prices are refused, not shown in another currency.
      return [['home', 'greeting'], ...Array.from({ length: cards }, (_, i): Path => ['home', 'featured', i, 'priceLabel'])];
    case 'orders':
      return [['home', 'recentOrders']];
    case 'catalog':
      return [['home', 'featured'], ...Array.from({ length: recent }, (_, i): Path => ['home', 'recentOrders', i, 'thumbnailUrl'])];
    case 'inventory':
      return Array.from({ length: cards }, (_, i): Path[] => [['home', 'featured', i, 'priceLabel'], ['home', 'featured', i, 'inStock']]).flat();
  }
}

/** What the other services still serve: asserts their data is present. */
function assertOthersServed(operation: 'OrderHistory' | 'HomeScreen', down: ServiceName, data: unknown): void {
  const dataset = backends.dataset;
  const orders = (dataset.ordersByUser.get(USER) ?? []).slice(0, FIRST);
  if (operation === 'OrderHistory') {
    const { me } = data as OrderHistoryQuery;
    if (down === 'accounts') return assert.equal(me, null, 'every field of the page hangs under `me`');
    assert.equal(me?.name, dataset.users.get(USER)?.name);
    if (down === 'orders') return assert.equal(me?.orders, null);
    assert.deepEqual(me?.orders?.nodes.map((o) => o.id), orders.map((o) => o.id));
    const products = me?.orders?.nodes.flatMap((o) => o.items.map((item) => item.product)) ?? [];
    if (down === 'catalog') return assert.ok(products.every((p) => p === null));
    assert.deepEqual(products.map((p) => p?.name), orders.flatMap((o) => o.items.map((item) => dataset.products.get(item.productId)?.name)));
    if (down === 'inventory') assert.ok(products.every((p) => p?.price === null && p.stock === null));
    return;
  }
  const { home } = data as HomeScreenQuery;
  assert.equal(home.greeting === null, down === 'accounts');
  assert.equal(home.recentOrders === null, down === 'orders');
  assert.equal(home.featured === null, down === 'catalog');
  if (down !== 'orders') assert.deepEqual(home.recentOrders?.map((o) => o.id), orders.slice(0, 3).map((o) => o.id));
  if (down !== 'catalog') assert.deepEqual(home.featured?.map((card) => card.name), featuredProducts(dataset, 10).map((p) => p.name));
  // Without the profile the cards stay, unpriced: never priced in a currency that is not the viewer's.
  if (down === 'accounts') assert.ok(home.featured?.every((card) => card.priceLabel === null && typeof card.inStock === 'boolean'));
}

const LEAKS: [string, RegExp][] = [
  ['a URL', /https?:\/\//i],
  ['a loopback address', /127\.0\.0\.1|localhost/i],
  ['a file path', /\/work\/|file:\/\/|node_modules|\.ts\b/],
  ['a stack frame', /(^|\n)\s*at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)/],
];

/** No message or extension tells the client more than a code and a service name. */
function assertNoLeaks(body: GraphQLBody): void {
  for (const error of body.errors ?? []) {
    const text = JSON.stringify({ message: error.message, extensions: error.extensions });
    for (const [what, pattern] of LEAKS) assert.doesNotMatch(text, pattern, `an error leaks ${what}: ${text}`);
    assert.equal(error.extensions?.stacktrace, undefined);
    assert.equal(error.extensions?.exception, undefined);
  }
}

/** Asserts the response is partial: HTTP 200, one coded error per failing path, data elsewhere. */
function assertPartial(operation: 'OrderHistory' | 'HomeScreen', service: ServiceName, code: string, response: { status: number; body: GraphQLBody }): void {
  assert.equal(response.status, 200);
  const errors = response.body.errors ?? [];
  for (const error of errors) assert.deepEqual(error.extensions, { code, service }, JSON.stringify(error));
  const paths = errors.map((e) => JSON.stringify(e.path));
  assert.equal(new Set(paths).size, paths.length, 'one error per failed path');
  assert.deepEqual([...paths].sort(), failingPaths(operation, service).map((p) => JSON.stringify(p)).sort());
  for (const path of failingPaths(operation, service)) {
    const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], response.body.data);
    assert.equal(value, null, `${JSON.stringify(path)} is null`);
  }
  assertOthersServed(operation, service, response.body.data);
  assertNoLeaks(response.body);
}

async function runBoth(gateway: TestGateway) {
  const token = await tokenFor(gateway.config, USER);
  return {
    OrderHistory: await graphql(gateway, 'web', ORDER_HISTORY, { token, variables: { first: FIRST } }),
    HomeScreen: await graphql(gateway, 'mobile', HOME_SCREEN, { token }),
  };
}

for (const mode of ['test', 'production'] as const) {
  describe(`one backend down (NODE_ENV=${mode})`, () => {
    it('with every backend up, both operations answer without errors', async () => {
      const responses = await runBoth(gateways[mode] as TestGateway);
      for (const response of Object.values(responses)) {
        assert.equal(response.status, 200);
        assert.equal(response.body.errors, undefined);
      }
    });

    for (const service of SERVICES) {
      it(`${service} down: 200, the other backends' data, BACKEND_UNAVAILABLE per ${service} path`, async () => {
        backends.control.setFaults(service, { down: true });
        const responses = await runBoth(gateways[mode] as TestGateway);
        backends.control.setFaults(service, { down: false });
        assertPartial('OrderHistory', service, 'BACKEND_UNAVAILABLE', responses.OrderHistory);
        assertPartial('HomeScreen', service, 'BACKEND_UNAVAILABLE', responses.HomeScreen);
      });
    }

    it('the service recovers: the next request is whole again', async () => {
      backends.control.setFaults('catalog', { down: true });
      await runBoth(gateways[mode] as TestGateway);
      backends.control.setFaults('catalog', { down: false });
      const responses = await runBoth(gateways[mode] as TestGateway);
      for (const response of Object.values(responses)) assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    });
  });
}

for (const service of ['inventory', 'catalog'] as const) {
  describe(`${service} answers every call with a server error (error rate 1)`, () => {
    for (const mode of ['test', 'production'] as const) {
      it(`NODE_ENV=${mode}: BACKEND_ERROR per ${service} path, the rest served`, async () => {
        backends.control.setFaults(service, { errorRate: 1 });
        const responses = await runBoth(gateways[mode] as TestGateway);
        assert.ok(backends.control.stats(service).calls > 0, 'the calls reached the failing service');
        backends.control.setFaults(service, { errorRate: 0 });
        assertPartial('OrderHistory', service, 'BACKEND_ERROR', responses.OrderHistory);
        assertPartial('HomeScreen', service, 'BACKEND_ERROR', responses.HomeScreen);
      });
    }
  });
}
