import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { UpstreamError } from '../../clients/errors.ts';
import { loadConfig } from '../../src/config.ts';
import { closeClients, createClients, type Clients } from '../../src/clients.ts';
import { BATCH_LIMITS, createLoaders, type LoaderOptions, type Loaders } from '../../src/loaders.ts';
import { backendEnv, startTestBackends } from '../helpers/gateway.ts';

// The per-request loaders against the reference backends, as their contract (LoaderOptions) states
// it: batched by default up to each backend's limit, one call per key when batching is off, every
// batch told to `onBatch`, and a key the backend leaves out answered by its own NOT_FOUND error.

let backends: Backends;
let clients: Clients;

before(async () => {
  backends = await startTestBackends();
  clients = createClients(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...backendEnv(backends) }));
});
after(async () => {
  if (clients) closeClients(clients);
  await backends?.close();
});
beforeEach(() => backends.control.reset());

function loadersWith(options: Partial<LoaderOptions> = {}): Loaders {
  return createLoaders({ clients, call: {}, currency: async () => 'USD', ...options });
}

/** Keys per call each service's method received since the last reset. */
function batchSizes(service: 'accounts' | 'catalog' | 'orders' | 'inventory'): Record<string, number[]> {
  return backends.control.stats(service).batchSizes;
}

const userIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `u${i + 1}`);

describe('batching (on unless turned off)', () => {
  it('keys asked together make one call per batch limit, and each key gets its own entity', async () => {
    const loaders = loadersWith();
    const ids = userIds(BATCH_LIMITS.accounts + 20);
    const [users, addresses] = await Promise.all([loaders.user.loadMany(ids), loaders.addresses.loadMany(ids)]);
    assert.deepEqual(
      users.map((user) => (user instanceof Error ? user : user.id)),
      ids,
    );
    assert.deepEqual(addresses, ids.map((id) => backends.dataset.addressesByUser.get(id)));
    assert.deepEqual(batchSizes('accounts'), { 'GET /users': [100, 20], 'GET /addresses': [100, 20] });
  });

  it('a key asked twice in one request is fetched once', async () => {
    const loaders = loadersWith();
    await Promise.all([loaders.user.load('u1'), loaders.user.load('u1'), loaders.addresses.load('u2'), loaders.addresses.load('u2')]);
    assert.deepEqual(batchSizes('accounts'), { 'GET /users': [1], 'GET /addresses': [1] });
  });

  it('`batching: false`: one call per key and per ask, nothing deduplicated', async () => {
    const loaders = loadersWith({ batching: false });
    const users = await Promise.all([loaders.user.load('u1'), loaders.user.load('u1'), loaders.user.load('u2')]);
    assert.deepEqual(users.map((u) => u.id), ['u1', 'u1', 'u2']);
    const addresses = await Promise.all([loaders.addresses.load('u1'), loaders.addresses.load('u1'), loaders.addresses.load('u2')]);
    assert.deepEqual(addresses, ['u1', 'u1', 'u2'].map((id) => backends.dataset.addressesByUser.get(id)));
    assert.deepEqual(batchSizes('accounts'), { 'GET /users': [1, 1, 1], 'GET /addresses': [1, 1, 1] });
  });
});

describe('onBatch', () => {
  it('is told every call each loader makes, named as the backend names it, with its number of keys', async () => {
    const told: string[] = [];
    const loaders = loadersWith({ onBatch: (service, method, keys) => told.push(`${service} ${method} ${keys}`) });
    const product = backends.dataset.productList[0] ?? assert.fail();
    const order = backends.dataset.ordersByUser.get('u1')?.[0] ?? assert.fail();
    await Promise.all([
      loaders.user.load('u1'),
      loaders.addresses.load('u1'),
      loaders.product.load(product.id),
      loaders.category.load(product.categoryId),
      loaders.order.load(order.id),
      loaders.stock.loadMany([product.sku, 'SKU-999999']),
    ]);
    const received = Object.entries(backends.control.allStats()).flatMap(([service, stats]) =>
      Object.entries(stats.batchSizes).flatMap(([method, sizes]) => sizes.map((keys) => `${service} ${method} ${keys}`)),
    );
    assert.equal(received.length, 6);
    assert.deepEqual([...told].sort(), received.sort());
  });
});

describe('a key the backend leaves out', () => {
  it('is a NOT_FOUND error of its own naming the service, the operation and the key; its neighbours are themselves', async () => {
    const loaders = loadersWith();
    const product = backends.dataset.productList[0] ?? assert.fail();
    const order = backends.dataset.ordersByUser.get('u1')?.[0] ?? assert.fail();
    const cases: [string, Promise<(object | Error)[]>, string, string, string][] = [
      ['accounts', loaders.user.loadMany(['u999999', 'u1']), 'GET /users', 'user u999999', 'u1'],
      ['catalog', loaders.product.loadMany(['p999999', product.id]), 'GET /products', 'product p999999', product.id],
      ['catalog', loaders.category.loadMany(['c999999', product.categoryId]), 'GET /categories', 'category c999999', product.categoryId],
      ['orders', loaders.order.loadMany(['o999999', order.id]), 'BatchGetOrders', 'order o999999', order.id],
      ['inventory', loaders.stock.loadMany(['SKU-999999', product.sku]), 'GetStockLevels', 'stock of SKU-999999', product.sku],
    ];
    for (const [service, loading, operation, what, known] of cases) {
      const [missing, found] = await loading;
      assert.ok(missing instanceof UpstreamError, `${service}: ${String(missing)}`);
      assert.deepEqual({ service: missing.service, code: missing.code, operation: missing.operation }, { service, code: 'NOT_FOUND', operation });
      assert.equal(missing.message, `${what} not found`, 'the message (for logs) names the missing key');
      assert.ok(found && !(found instanceof Error), `${service}: ${String(found)}`);
      assert.ok(Object.values(found).includes(known), `${service}: the known key answers with its own entity`);
    }
  });

  it('addresses: a user the accounts service has none for gets an empty list, not an error', async () => {
    const loaders = loadersWith();
    const [none, some] = await Promise.all([loaders.addresses.load('u999999'), loaders.addresses.load('u1')]);
    assert.deepEqual(none, []);
    assert.deepEqual(some, backends.dataset.addressesByUser.get('u1'));
    assert.ok(some.length > 0);
  });
});
