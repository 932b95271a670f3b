import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, useGateway, tokenFor } from '../helpers/gateway.ts';
import { backendCalls } from '../helpers/cache-gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

const PRODUCT = `query($id: ID!) { product(id: $id) { id name category { name } stock { available } } }`;
const PRICE = `query($id: ID!) { product(id: $id) { id price { amount currency } } }`;
const ME_AND_PRICE = `query($id: ID!) { me { id profile { currency } } product(id: $id) { id price { amount currency } } }`;
const ME = `{ me { id name profile { currency } } }`;

const shop = useGateway();

describe('field cache time to live', () => {
  it('answers the second identical public query from the cache: 0 catalog and 0 inventory calls', async () => {
    shop.backends.control.reset();
    const first = await graphql(shop.gateway, 'web', PRODUCT, { variables: { id: 'p11' } });
    assert.equal(first.status, 200);
    assert.equal(first.body.errors, undefined);
    const cold = backendCalls(shop.backends);
    assert.ok(cold.catalog >= 1, 'the first read goes to the catalog');
    assert.ok(cold.inventory >= 1, 'the first read goes to inventory');

    shop.backends.control.reset();
    const second = await graphql(shop.gateway, 'web', PRODUCT, { variables: { id: 'p11' } });
    assert.deepEqual(second.body.data, first.body.data);
    assert.deepEqual(backendCalls(shop.backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 });
    const metrics = await scrape(shop.gateway.adminUrl);
    assert.ok(sumOf(metrics, 'gateway_cache_lookups_total', { surface: 'web', coordinate: 'Query.product', result: 'hit' }) >= 1);
  });

  it('calls the backend again once a field expired (Product.stock: 10 s), not for fields still fresh', async (t) => {
    shop.backends.control.reset();
    // keyv decides freshness from Date.now(); mocking Date only lets the test skip 10 s of waiting.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const first = await graphql(shop.gateway, 'web', PRODUCT, { variables: { id: 'p12' } });
    assert.equal(first.body.errors, undefined);

    t.mock.timers.tick(9_000);
    shop.backends.control.reset();
    await graphql(shop.gateway, 'web', PRODUCT, { variables: { id: 'p12' } });
    assert.deepEqual(backendCalls(shop.backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 }, 'still fresh after 9 s');

    t.mock.timers.tick(2_000);
    shop.backends.control.reset();
    const expired = await graphql(shop.gateway, 'web', PRODUCT, { variables: { id: 'p12' } });
    assert.deepEqual(expired.body.data, first.body.data);
    const calls = backendCalls(shop.backends);
    assert.equal(calls.inventory, 1, 'stock (10 s) expired: fetched again');
    assert.equal(calls.catalog, 0, 'product (300 s) and category (3600 s) are still fresh');
  });

  it('never caches PRIVATE fields for anonymous requests', async () => {
    shop.backends.control.reset();
    for (let i = 0; i < 3; i++) {
      const response = await graphql(shop.gateway, 'web', PRICE, { variables: { id: 'p13' } });
      assert.equal(response.body.errors, undefined);
    }
    // The product itself is PUBLIC (cached after the first read); its price is PRIVATE: every read asks inventory.
    assert.equal(shop.backends.control.stats('inventory').calls, 3);
    assert.equal(shop.backends.control.stats('catalog').calls, 1);
  });

  it('keeps PRIVATE entries per viewer: one viewer never gets another one\'s price or profile', async () => {
    const [u1, u2] = await Promise.all([tokenFor(shop.gateway.config, 'u1'), tokenFor(shop.gateway.config, 'u2')]);
    shop.backends.control.reset();
    const u1First = await graphql(shop.gateway, 'web', ME_AND_PRICE, {
      variables: { id: 'p14' },
      token: u1,
    });
    assert.equal(u1First.body.errors, undefined);
    const u1Cold = backendCalls(shop.backends);
    assert.ok(u1Cold.accounts >= 1 && u1Cold.inventory >= 1);

    shop.backends.control.reset();
    const u1Again = await graphql(shop.gateway, 'web', ME_AND_PRICE, {
      variables: { id: 'p14' },
      token: u1,
    });
    assert.deepEqual(u1Again.body.data, u1First.body.data);
    assert.deepEqual(backendCalls(shop.backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 }, 'u1 is served from their own entries');

    shop.backends.control.reset();
    const u2First = await graphql(shop.gateway, 'web', ME_AND_PRICE, {
      variables: { id: 'p14' },
      token: u2,
    });
    assert.equal(u2First.body.errors, undefined);
    const u2Calls = backendCalls(shop.backends);
    assert.ok(u2Calls.accounts >= 1, 'u2\'s profile is not u1\'s cached one');
    assert.ok(u2Calls.inventory >= 1, 'u2\'s price is not u1\'s cached one');
    const data = (body: typeof u1First.body) => body.data as { me: { id: string; profile: { currency: string } }; product: { price: { currency: string } } };
    assert.equal(data(u1First.body).me.id, 'u1');
    assert.equal(data(u2First.body).me.id, 'u2');
    assert.equal(data(u1First.body).product.price.currency, 'JPY');
    assert.equal(data(u2First.body).product.price.currency, 'USD');

    shop.backends.control.reset();
    const meU1 = await graphql(shop.gateway, 'web', ME, { token: u1 });
    const meU2 = await graphql(shop.gateway, 'web', ME, { token: u2 });
    assert.equal((meU1.body.data as { me: { id: string } }).me.id, 'u1');
    assert.equal((meU2.body.data as { me: { id: string } }).me.id, 'u2');
    assert.equal(shop.backends.control.stats('accounts').calls, 0, 'both viewers\' me is cached, each under their own key');
  });
});
