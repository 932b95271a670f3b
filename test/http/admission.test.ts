import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';
import { startLoggedGateway, type LoggedGateway } from '../helpers/logged-gateway.ts';
import { graphql, startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const SLOW_PRODUCT = '{ product(id: "p3") { id stock { available } } }';
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('admission control', () => {
  let backends: Backends;
  let noLine: TestGateway;
  let withLine: LoggedGateway;

  before(async () => {
    backends = await startTestBackends();
    const common = { MAX_IN_FLIGHT_REQUESTS: '1', CACHE_ENABLED: 'false' };
    noLine = await startTestGateway(backends, { ...common, MAX_QUEUED_REQUESTS: '0' });
    withLine = await startLoggedGateway(backends, { ...common, MAX_QUEUED_REQUESTS: '5' });
  });
  after(async () => {
    await noLine?.close();
    await withLine?.close();
    await backends?.close();
  });

  const inFlight = async (gateway: TestGateway) => sumOf(await scrape(gateway.adminUrl), 'gateway_in_flight_requests');

  it('answers 503 SERVER_BUSY with Retry-After, before any backend call, when no turn is free and nobody may wait', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: 200 });
    const [first, second] = await Promise.all([graphql(noLine, 'web', SLOW_PRODUCT), graphql(noLine, 'web', SLOW_PRODUCT)]);
    const statuses = [first.status, second.status].sort();
    assert.deepEqual(statuses, [200, 503]);
    const busy = first.status === 503 ? first : second;
    assert.equal(busy.body.errors?.[0]?.extensions?.code, 'SERVER_BUSY');
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.equal(backends.control.stats('catalog').calls, 1, 'only the admitted request reached the catalog');
  });

  it('lets requests over the cap wait for their turn: all answered, one at a time', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: 400 });
    const answers = Promise.all(Array.from({ length: 4 }, () => graphql(withLine, 'web', SLOW_PRODUCT)));
    while (backends.control.stats('inventory').calls === 0) await tick();
    for (let i = 0; i < 100 && (await inFlight(withLine)) < 4; i++) await tick();
    assert.equal(backends.control.stats('catalog').calls, 1, 'the three others wait before any backend call');
    assert.deepEqual(
      (await answers).map((a) => a.status),
      [200, 200, 200, 200],
    );
    assert.equal(backends.control.stats('inventory').calls, 4);
  });

  it('a client that disconnects while waiting leaves the line: it never takes a turn, and is logged as aborted', async () => {
    backends.control.reset();
    backends.control.setFaults('inventory', { latencyMs: 400 });
    const first = graphql(withLine, 'web', SLOW_PRODUCT);
    while (backends.control.stats('inventory').calls === 0) await tick();
    const gone = new AbortController();
    const leaving = graphql(withLine, 'web', SLOW_PRODUCT, { headers: { 'x-request-id': 'leaves-the-line' }, signal: gone.signal }).catch((error: unknown) => error);
    for (let i = 0; i < 100 && (await inFlight(withLine)) < 2; i++) await tick();
    gone.abort();
    await leaving;
    for (let i = 0; i < 100 && (await inFlight(withLine)) > 1; i++) await tick();
    assert.equal(await inFlight(withLine), 1, 'the aborted request left the in-flight gauge');
    const third = graphql(withLine, 'web', SLOW_PRODUCT);
    assert.equal((await first).status, 200);
    assert.equal((await third).status, 200);
    assert.equal(backends.control.stats('catalog').calls, 2, 'the request that left never reached a backend');
    const [line] = await withLine.waitFor((entry) => entry.requestId === 'leaves-the-line');
    assert.equal(line?.aborted, true);
    assert.equal(line?.status, 499);
  });
});
