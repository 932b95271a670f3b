import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { useGateway, type GraphQLBody } from '../helpers/gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

// Concurrent misses of one key share one backend call, started by the first request. The first
// client going away must not fail the others waiting on it; the call is cancelled only when every
// one of them has gone.

const LATENCY_MS = 400;
const VICTIMS = 5;

const shop = useGateway();

beforeEach(() => shop.backends.control.reset());

const stockQuery = (id: string): string => `{ product(id: "${id}") { id stock { available } } }`;
const post = (query: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${shop.gateway.url}/web/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), ...(signal ? { signal } : {}) });
const inventoryAttempts = async (outcome: string): Promise<number> =>
  sumOf(await scrape(shop.gateway.adminUrl), 'gateway_backend_call_duration_seconds_count', { service: 'inventory', outcome });

/** Starts the first request and waits until its inventory call (the shared miss) is under way. */
async function firstMiss(id: string): Promise<{ client: AbortController; response: Promise<unknown> }> {
  const client = new AbortController();
  const response = post(stockQuery(id), client.signal).catch((error: unknown) => error);
  for (let i = 0; i < 400 && shop.backends.control.stats('inventory').calls === 0; i++) await sleep(5);
  assert.equal(shop.backends.control.stats('inventory').calls, 1, 'the first request’s inventory call is under way');
  return { client, response };
}

/** Waits until `n` requests have joined (they read the product, then wait on the stock miss). */
async function joined(n: number): Promise<void> {
  await sleep(100 + 20 * n);
}

describe('a shared cache miss', () => {
  it('survives the first client going away: every other waiter gets the value, from one backend call', async () => {
    shop.backends.control.setFaults('inventory', { latencyMs: LATENCY_MS });
    const first = await firstMiss('p51');
    const victims = Array.from({ length: VICTIMS }, () => post(stockQuery('p51')));
    await joined(VICTIMS);
    first.client.abort();
    assert.equal(((await first.response) as Error).name, 'AbortError');
    for (const victim of victims) {
      const body = (await (await victim).json()) as GraphQLBody;
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.ok((body.data?.['product'] as { stock?: unknown } | undefined)?.stock, 'the stock is served');
    }
    assert.equal(shop.backends.control.stats('inventory').calls, 1, 'one inventory call served them all');
  });

  it('is cancelled once every request waiting on it has gone', async () => {
    const cancelledBefore = await inventoryAttempts('CANCELLED');
    const okBefore = await inventoryAttempts('ok');
    shop.backends.control.setFaults('inventory', { latencyMs: LATENCY_MS });
    const first = await firstMiss('p52');
    const others = Array.from({ length: 2 }, () => {
      const client = new AbortController();
      return { client, response: post(stockQuery('p52'), client.signal).catch((error: unknown) => error) };
    });
    await joined(2);
    first.client.abort();
    await sleep(50);
    assert.equal((await inventoryAttempts('CANCELLED')) - cancelledBefore, 0, 'not while others still wait');
    for (const other of others) other.client.abort();
    let cancelled = 0;
    for (let i = 0; i < 100 && cancelled === 0; i++) {
      await sleep(20);
      cancelled = (await inventoryAttempts('CANCELLED')) - cancelledBefore;
    }
    assert.equal(cancelled, 1, 'the shared call was cancelled when the last waiter left');
    await sleep(LATENCY_MS);
    assert.equal((await inventoryAttempts('ok')) - okBefore, 0, 'and never completed');
    assert.equal(shop.backends.control.stats('inventory').calls, 1);
  });
});
