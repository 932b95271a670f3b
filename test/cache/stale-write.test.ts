import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { startHoldingProxy, type HoldingProxy } from '../helpers/holding-proxy.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';

// A stock read in flight when an order evicts the product's stock must not write the pre-order
// stock back after the eviction: entries are keyed by the product's generation read before the
// read started, and the eviction moves the generation on.

let backends: Backends;
let proxy: HoldingProxy;
let gateway: TestGateway;

before(async () => {
  backends = await startTestBackends();
  proxy = await startHoldingProxy(backends.inventory.url);
  gateway = await startTestGateway(backends, { INVENTORY_URL: proxy.url });
});

after(async () => {
  await gateway?.close();
  await proxy?.close();
  await backends?.close();
});

const STOCK = 'query ($id: ID!) { product(id: $id) { id stock { available } } }';
const available = (body: unknown): number | undefined =>
  (body as { data?: { product?: { stock?: { available?: number } } } }).data?.product?.stock?.available;

it('a stock read that answered before an order but lands after its eviction is not served afterwards', async () => {
  const product = [...backends.dataset.products.values()].find((p) => (backends.dataset.stock.get(p.sku)?.available ?? 0) >= 10);
  assert.ok(product);
  const before = backends.dataset.stock.get(product.sku)?.available ?? 0;
  const token = await tokenFor(gateway.config, 'u9');

  // The read reaches the inventory (pre-order stock), whose answer is held on its way back.
  proxy.hold = true;
  const staleRead = graphql(gateway, 'web', STOCK, { variables: { id: product.id } });
  for (let i = 0; i < 400 && proxy.held === 0; i++) await sleep(5);
  assert.equal(proxy.held, 1, 'the pre-order answer is on its way');
  proxy.hold = false;

  // The order is placed and evicts the product's stock while that read is still in flight.
  const placed = await graphql(gateway, 'web', 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
    token,
    variables: { input: { items: [{ productId: product.id, quantity: 2 }], idempotencyKey: randomUUID() } },
  });
  assert.equal(placed.body.errors, undefined, JSON.stringify(placed.body.errors));

  // Now the stale answer arrives, and its request tries to store it.
  proxy.release();
  const stale = await staleRead;
  assert.equal(available(stale.body), before, `the in-flight read itself answers what it read: ${JSON.stringify(stale.body)}`);
  await sleep(50);

  backends.control.reset();
  const next = await graphql(gateway, 'web', STOCK, { variables: { id: product.id } });
  assert.equal(available(next.body), before - 2, 'the next read shows the stock after the order');
  assert.equal(backends.control.stats('inventory').calls, 1, 'read from the inventory, not from the stale entry');
});
