import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { graphql, startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const SLOW_PRODUCT = '{ product(id: "p3") { id stock { available } } }';

describe('admission control', () => {
  let backends: Backends;
  let noLine: TestGateway;
  let withLine: TestGateway;

  before(async () => {
    backends = await startTestBackends();
    const common = { MAX_IN_FLIGHT_REQUESTS: '1', CACHE_ENABLED: 'false' };
    noLine = await startTestGateway(backends, { ...common, MAX_QUEUED_REQUESTS: '0' });
    withLine = await startTestGateway(backends, { ...common, MAX_QUEUED_REQUESTS: '5' });
    backends.control.setFaults('inventory', { latencyMs: 200 });
  });
  after(async () => {
    await noLine?.close();
    await withLine?.close();
    await backends?.close();
  });

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
    backends.control.setFaults('inventory', { latencyMs: 200 });
    const answers = await Promise.all(Array.from({ length: 4 }, () => graphql(withLine, 'web', SLOW_PRODUCT)));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200],
    );
    assert.equal(backends.control.stats('inventory').calls, 4);
  });
});
