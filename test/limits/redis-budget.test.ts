import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { freePort } from '../../bench/processes/free-port.ts';
import { graphql, startTestBackends, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { LIMITS_REDIS_URL, costOf, startLimitsGateway, uniqueThrottlePrefix } from '../helpers/limits-gateway.ts';

const BUDGET = 300;
const BURST = 900;
const PRODUCT = '{ product(id: "p1") { id } }';

let backends: Backends;

before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

async function statusCounts(requests: (() => Promise<number>)[], concurrency: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const status = await (requests[next++] as () => Promise<number>)();
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counts;
}

describe('budgets shared in Redis', () => {
  let first: TestGateway;
  let second: TestGateway;

  before(async () => {
    // Two replicas, each with its own Redis connection, sharing one key prefix.
    const env = {
      REDIS_URL: LIMITS_REDIS_URL,
      THROTTLE_KEY_PREFIX: uniqueThrottlePrefix(),
      WEB_THROTTLE_CAPACITY: String(BUDGET),
      WEB_THROTTLE_RESTORE_RATE: '0.001',
      WEB_MAX_COST: '100',
      // A Redis slower than REDIS_TIMEOUT_MS sends a replica to its declared local fallback (one
      // budget per replica, tested below); on a loaded test machine 100 ms can pass, so allow more.
      REDIS_TIMEOUT_MS: '2000',
    };
    first = await startLimitsGateway(backends, env);
    second = await startLimitsGateway(backends, env);
  });
  after(async () => {
    await first?.close();
    await second?.close();
  });

  it(`two gateways admit a burst of ${BURST} against one budget of ${BUDGET} within ±1% in total`, async (t) => {
    const token = await tokenFor(first.config, 'u9');
    const requests = Array.from({ length: BURST }, (_, i) => async () => (await graphql(i % 2 === 0 ? first : second, 'web', PRODUCT, { token })).status);
    const started = performance.now();
    const counts = await statusCounts(requests, 32);
    const seconds = (performance.now() - started) / 1000;
    const admitted = counts.get(200) ?? 0;
    t.diagnostic(`admitted ${admitted} of ${BURST} across two replicas in ${seconds.toFixed(2)} s (budget ${BUDGET}, +0.001 point/s); 429: ${counts.get(429) ?? 0}`);
    assert.deepEqual([...counts.keys()].sort(), [200, 429]);
    assert.ok(Math.abs(admitted - BUDGET) <= BUDGET * 0.01, `admitted ${admitted}, budget ${BUDGET}`);
  });
});

describe('Redis down: declared fallback', () => {
  let gateway: TestGateway;

  before(async () => {
    gateway = await startLimitsGateway(
      backends,
      { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, THROTTLE_KEY_PREFIX: uniqueThrottlePrefix(), MOBILE_THROTTLE_CAPACITY: '5', MOBILE_THROTTLE_RESTORE_RATE: '0.1', MOBILE_MAX_COST: '5' },
      0,
    );
  });
  after(async () => {
    await gateway?.close();
  });

  it('each process enforces the budget in memory, counts the fallback, and never answers 500', async () => {
    const token = await tokenFor(gateway.config, 'u10');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { status, body } = await graphql(gateway, 'mobile', '{ product(id: "p1") { id } }', { token });
      statuses.push(status);
      assert.equal(costOf(body)?.throttleStatus?.maximumAvailable, 5);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    const fallbacks = /gateway_throttle_fallbacks_total\{surface="mobile"\} (\d+)/.exec(metrics);
    assert.ok(fallbacks && Number(fallbacks[1]) >= 8, 'fallbacks not counted');
    assert.match(metrics, /gateway_throttle_rejections_total\{surface="mobile",reason="THROTTLED"\} 3/);
  });
});
