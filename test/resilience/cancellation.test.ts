import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { tokenFor, useGateway } from '../helpers/gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

const LATENCY_MS = 500;
/** A catalog read, then one inventory call (price and stock). */
const PRODUCT_STOCK = '{ product(id: "p7") { id name stock { available } } }';

// Every request must reach the backends: no field cache answering in their place.
const shop = useGateway({ CACHE_ENABLED: 'false' });

const inventoryAttempts = async (outcome: string): Promise<number> =>
  sumOf(await scrape(shop.gateway.adminUrl), 'gateway_backend_call_duration_seconds_count', { service: 'inventory', outcome });

describe('client disconnect', () => {
  it('a client that goes away cancels the backend call still pending for it', async () => {
    const token = await tokenFor(shop.gateway.config, 'u1');
    shop.backends.control.reset();
    shop.backends.control.setFaults('inventory', { latencyMs: LATENCY_MS });
    const client = new AbortController();
    const request = fetch(`${shop.gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PRODUCT_STOCK }),
      signal: client.signal,
    }).catch((error: unknown) => error);

    // Abort only once the inventory call is under way (received by the backend, held by the latency).
    for (let i = 0; i < 100 && shop.backends.control.stats('inventory').calls === 0; i++) await sleep(10);
    assert.equal(shop.backends.control.stats('inventory').calls, 1, 'the inventory call is pending');
    client.abort();
    assert.equal(((await request) as Error).name, 'AbortError');

    // Past the backend's latency: had the call not been cancelled, it would have been recorded `ok`.
    let cancelled = 0;
    for (let i = 0; i < 40 && cancelled === 0; i++) {
      await sleep(50);
      cancelled = await inventoryAttempts('CANCELLED');
    }
    await sleep(LATENCY_MS);
    assert.equal(cancelled, 1, 'the inventory attempt ended as CANCELLED, its own outcome');
    assert.equal(await inventoryAttempts('UNAVAILABLE'), 0, 'not as a backend failure');
    assert.equal(await inventoryAttempts('ok'), 0, 'it was not waited for');
    assert.equal(shop.backends.control.stats('inventory').calls, 1, 'and not retried');
  });

  it('clients that keep disconnecting from a slow backend never open its circuit for the others', async () => {
    const token = await tokenFor(shop.gateway.config, 'u1');
    shop.backends.control.reset();
    shop.backends.control.setFaults('inventory', { latencyMs: 600 });
    const failuresBefore = await inventoryAttempts('UNAVAILABLE');
    const cancelledBefore = await inventoryAttempts('CANCELLED');
    const LEAVERS = 12;
    // One after the other, so each leaves once its own inventory call is under way.
    for (let i = 0; i < LEAVERS; i++) {
      const client = new AbortController();
      const request = fetch(`${shop.gateway.url}/web/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ product(id: "p${10 + i}") { id stock { available } } }` }),
        signal: client.signal,
      }).catch((error: unknown) => error);
      for (let k = 0; k < 1_000 && shop.backends.control.stats('inventory').calls <= i; k++) await sleep(5);
      client.abort();
      await request;
    }
    let cancelled = 0;
    for (let i = 0; i < 100 && cancelled < LEAVERS; i++) {
      await sleep(50);
      cancelled = (await inventoryAttempts('CANCELLED')) - cancelledBefore;
    }
    assert.equal(cancelled, LEAVERS, 'every abandoned attempt is CANCELLED');
    assert.equal((await inventoryAttempts('UNAVAILABLE')) - failuresBefore, 0, 'none is a backend failure');
    assert.equal(shop.backends.control.stats('inventory').calls, LEAVERS, 'none was retried');

    // The backend was only slow: an honest client now gets its stock, not a fast failure.
    shop.backends.control.setFaults('inventory', { latencyMs: 0 });
    const honest = await fetch(`${shop.gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PRODUCT_STOCK }),
    });
    const body = (await honest.json()) as { data?: { product?: { stock?: unknown } }; errors?: unknown[] };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.ok(body.data?.product?.stock, 'the stock is served');
    assert.equal(shop.backends.control.stats('inventory').calls, LEAVERS + 1, 'the honest call reached the backend');
  });
});
