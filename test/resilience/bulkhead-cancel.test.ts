import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { tokenFor, useGateway } from '../helpers/gateway.ts';

const shop = useGateway({ BACKEND_MAX_CONCURRENT: '1', CACHE_ENABLED: 'false' });

const stockOf = (id: string, token: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${shop.gateway.url}/web/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ product(id: "${id}") { id stock { available } } }` }),
    ...(signal ? { signal } : {}),
  });

it('clients that disconnect while waiting for the inventory give up their places: an honest client is served, not refused', async () => {
  const token = await tokenFor(shop.gateway.config, 'u1');
  shop.backends.control.reset();
  shop.backends.control.setFaults('inventory', { hang: true });
  // A holds the only inventory slot (its call hangs).
  const first = stockOf('p1', token);
  for (let i = 0; i < 200 && shop.backends.control.stats('inventory').calls === 0; i++) await sleep(5);
  assert.equal(shop.backends.control.stats('inventory').calls, 1, 'A holds the slot');
  // Four clients fill the line (4 x BACKEND_MAX_CONCURRENT), one after the other, then all go away.
  const leavers: { gone: AbortController; response: Promise<unknown> }[] = [];
  for (let k = 0; k < 4; k++) {
    const gone = new AbortController();
    leavers.push({ gone, response: stockOf(`p${2 + k}`, token, gone.signal).catch((error: unknown) => error) });
    for (let i = 0; i < 200 && shop.backends.control.stats('catalog').calls < 2 + k; i++) await sleep(5);
    await sleep(50);
  }
  for (const { gone } of leavers) gone.abort();
  for (const { response } of leavers) assert.equal(((await response) as Error).name, 'AbortError');
  await sleep(50);
  // C arrives while A still holds the slot: it waits for it instead of finding the line full.
  const third = stockOf('p9', token);
  for (let i = 0; i < 200 && shop.backends.control.stats('catalog').calls < 6; i++) await sleep(5);
  await sleep(50);
  shop.backends.control.setFaults('inventory', { hang: false });
  const served = (await (await third).json()) as { data?: { product?: { stock?: unknown } }; errors?: unknown[] };
  assert.equal(served.errors, undefined, JSON.stringify(served.errors));
  assert.ok(served.data?.product?.stock, 'C is served its stock');
  assert.ok(((await (await first).json()) as { data?: { product?: { stock?: unknown } } }).data?.product?.stock, 'A is served');
  assert.equal(shop.backends.control.stats('inventory').calls, 2, 'only A and C called the inventory');
});
