import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

const LATENCY_MS = 500;
/** A catalog read, then one inventory call (price and stock). */
const PRODUCT_STOCK = '{ product(id: "p7") { id name stock { available } } }';

let backends: Backends;
let gateway: TestGateway;

before(async () => {
  backends = await startTestBackends();
  // Every request must reach the backends: no field cache answering in their place.
  gateway = await startTestGateway(backends, { CACHE_ENABLED: 'false' });
});

after(async () => {
  await gateway?.close();
  await backends?.close();
});

const inventoryAttempts = async (outcome: string): Promise<number> =>
  sumOf(await scrape(gateway.adminUrl), 'gateway_backend_call_duration_seconds_count', { service: 'inventory', outcome });

describe('client disconnect', () => {
  it('a client that goes away cancels the backend call still pending for it', async () => {
    const token = await tokenFor(gateway.config, 'u1');
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: LATENCY_MS });
    const client = new AbortController();
    const request = fetch(`${gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PRODUCT_STOCK }),
      signal: client.signal,
    }).catch((error: unknown) => error);

    // Abort only once the inventory call is under way (received by the backend, held by the latency).
    for (let i = 0; i < 100 && backends.control.stats('inventory').calls === 0; i++) await sleep(10);
    assert.equal(backends.control.stats('inventory').calls, 1, 'the inventory call is pending');
    client.abort();
    assert.equal(((await request) as Error).name, 'AbortError');

    // Past the backend's latency: had the call not been cancelled, it would have been recorded `ok`.
    let cancelled = 0;
    for (let i = 0; i < 40 && cancelled === 0; i++) {
      await sleep(50);
      cancelled = await inventoryAttempts('UNAVAILABLE');
    }
    await sleep(LATENCY_MS);
    assert.equal(cancelled, 1, 'the inventory attempt ended as cancelled (UNAVAILABLE)');
    assert.equal(await inventoryAttempts('ok'), 0, 'it was not waited for');
    assert.equal(backends.control.stats('inventory').calls, 1, 'and not retried');
  });
});
