import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphql, useGateway, type GatewayFixture } from '../helpers/gateway.ts';
import { startLoggedGateway } from '../helpers/logged-gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';
import { waitUntil } from '../helpers/cache-gateway.ts';

/** Reaches the catalog, then the inventory, where the test holds it (the `hang` knob). */
const HELD = '{ product(id: "p3") { id stock { available } } }';
/** Reaches no backend: answered at once once admitted. */
const FREE = '{ __typename }';
const CAP = 2;

/** Sends `count` held requests and waits until all of them reached the inventory (each holds a turn). */
async function holdTurns(shop: GatewayFixture, count: number): Promise<Promise<number>[]> {
  const { backends, gateway } = shop;
  backends.control.reset();
  backends.control.setFaults('inventory', { hang: true });
  const held = Array.from({ length: count }, () => graphql(gateway, 'web', HELD).then((r) => r.status));
  assert.ok(await waitUntil(() => backends.control.stats('inventory').calls === count, 10_000), `${count} requests executing at once`);
  return held;
}

describe('admission control: no line', () => {
  const shop = useGateway({ MAX_IN_FLIGHT_REQUESTS: String(CAP), MAX_QUEUED_REQUESTS: '0', CACHE_ENABLED: 'false' });

  it(`executes ${CAP} requests at once, and answers the next one 503 SERVER_BUSY with Retry-After, before any backend call`, async () => {
    const held = await holdTurns(shop, CAP);
    const busy = await graphql(shop.gateway, 'web', HELD);
    assert.equal(busy.status, 503, JSON.stringify(busy.body));
    assert.equal(busy.body.errors?.[0]?.extensions?.code, 'SERVER_BUSY');
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.equal(shop.backends.control.stats('catalog').calls, CAP, 'only the admitted requests reached the catalog');
    shop.backends.control.setFaults('inventory', { hang: false });
    assert.deepEqual(await Promise.all(held), [200, 200]);
    assert.equal((await graphql(shop.gateway, 'web', FREE)).status, 200, 'turns are given back once answered');
  });
});

describe('admission control: a line of 2', () => {
  const shop = useGateway({ MAX_IN_FLIGHT_REQUESTS: String(CAP), MAX_QUEUED_REQUESTS: '2', CACHE_ENABLED: 'false' });

  it('queued requests wait for a turn and are answered after the ones holding it; the line holds 2, the rest are refused', async () => {
    const held = await holdTurns(shop, CAP);
    const settled: string[] = [];
    const track = (name: string, request: Promise<number>): Promise<number> =>
      request.then((status) => {
        settled.push(`${name} ${status}`);
        return status;
      });
    const tracked = held.map((request, i) => track(`held${i}`, request));
    const waiting = Array.from({ length: 4 }, (_, i) => track(`free${i}`, graphql(shop.gateway, 'web', FREE).then((r) => r.status)));
    // Two of the four fit in the line; the other two are refused at once, while the turns are still held.
    assert.ok(await waitUntil(() => settled.length === 2, 10_000), `settled so far: ${settled.join(', ')}`);
    assert.deepEqual(settled.map((s) => s.split(' ')[1]), ['503', '503']);
    shop.backends.control.setFaults('inventory', { hang: false });
    const statuses = await Promise.all([...tracked, ...waiting]);
    assert.equal(statuses.filter((s) => s === 200).length, CAP + 2);
    assert.match(settled[2] ?? '', /^held/, `a queued request is answered only after a held turn is given back: ${settled.join(', ')}`);
  });
});

describe('admission control: a client that goes away while waiting', () => {
  const shop = useGateway({ MAX_IN_FLIGHT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '5', CACHE_ENABLED: 'false' });

  it('leaves the line: it never takes a turn, leaves the in-flight gauge, and is logged as aborted', async () => {
    await shop.ready();
    const gateway = await startLoggedGateway(shop.backends, { MAX_IN_FLIGHT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '5', CACHE_ENABLED: 'false' });
    const inFlight = async () => sumOf(await scrape(gateway.adminUrl), 'gateway_in_flight_requests');
    try {
      const { backends } = shop;
      backends.control.reset();
      backends.control.setFaults('inventory', { hang: true });
      const first = graphql(gateway, 'web', HELD);
      assert.ok(await waitUntil(() => backends.control.stats('inventory').calls === 1, 10_000));
      const gone = new AbortController();
      const leaving = graphql(gateway, 'web', HELD, { headers: { 'x-request-id': 'leaves-the-line' }, signal: gone.signal }).catch((error: unknown) => error);
      assert.ok(await waitUntil(async () => (await inFlight()) === 2, 10_000), 'the second request waits in line');
      gone.abort();
      await leaving;
      assert.ok(await waitUntil(async () => (await inFlight()) === 1, 10_000), 'the request that left is no longer in flight');
      const third = graphql(gateway, 'web', HELD);
      backends.control.setFaults('inventory', { hang: false });
      assert.equal((await first).status, 200);
      assert.equal((await third).status, 200);
      assert.equal(backends.control.stats('catalog').calls, 2, 'the request that left never reached a backend');
      const [line] = await gateway.waitFor((entry) => entry.requestId === 'leaves-the-line');
      assert.equal(line?.aborted, true);
      assert.equal(line?.status, 499);
    } finally {
      shop.backends.control.setFaults('inventory', { hang: false });
      await gateway.close();
    }
  });
});
