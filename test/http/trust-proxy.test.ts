import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { graphql, startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const QUERY = '{ product(id: "p1") { id } }';
const BUDGET = { MOBILE_THROTTLE_CAPACITY: '5', MOBILE_THROTTLE_RESTORE_RATE: '0.1', MOBILE_MAX_COST: '5' };

let backends: Backends;
before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

/** Spends client A's budget (6 requests), then asks once as client B; both behind one proxy. */
async function statusesBehindOneProxy(gateway: TestGateway): Promise<{ a: number[]; b: number }> {
  const a: number[] = [];
  for (let i = 0; i < 6; i++) a.push((await graphql(gateway, 'mobile', QUERY, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status);
  const b = (await graphql(gateway, 'mobile', QUERY, { headers: { 'x-forwarded-for': '198.51.100.9' } })).status;
  return { a, b };
}

describe('TRUST_PROXY', () => {
  for (const trust of ['1', '127.0.0.1', '127.0.0.0/8,10.0.0.0/8']) {
    it(`TRUST_PROXY=${trust}: each forwarded client has its own budget`, async () => {
      const gateway = await startTestGateway(backends, { ...BUDGET, TRUST_PROXY: trust });
      try {
        assert.deepEqual(await statusesBehindOneProxy(gateway), { a: [200, 200, 200, 200, 200, 429], b: 200 });
      } finally {
        await gateway.close();
      }
    });
  }

  it('unset: X-Forwarded-For is ignored, every client behind the proxy shares one budget', async () => {
    const gateway = await startTestGateway(backends, BUDGET);
    try {
      assert.deepEqual(await statusesBehindOneProxy(gateway), { a: [200, 200, 200, 200, 200, 429], b: 429 });
    } finally {
      await gateway.close();
    }
  });

  it('a proxy address that is not trusted is the client', async () => {
    const gateway = await startTestGateway(backends, { ...BUDGET, TRUST_PROXY: '10.0.0.0/8' });
    try {
      assert.deepEqual((await statusesBehindOneProxy(gateway)).b, 429);
    } finally {
      await gateway.close();
    }
  });
});
