import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackends, type Backends } from '../../backends/start.ts';
import type { ServiceName } from '../../backends/control/control-plane.ts';
import { graphql, startTestGateway, testDataset, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN } from '../helpers/example-operations.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

/** The backends the gateway balances itself (gRPC balances inside its channel). */
const POOLED = ['accounts', 'catalog', 'inventory'] as const;
const EJECT_AFTER = 3;
const EJECTION_MS = 2_000;

let a: Backends;
let b: Backends;
let gateway: TestGateway;
let token: string;

before(async () => {
  const dataset = testDataset();
  [a, b] = await Promise.all([startBackends({ dataset }), startBackends({ dataset })]);
  const both = (service: 'accounts' | 'catalog' | 'orders' | 'inventory'): string => `${a[service].url},${b[service].url}`;
  gateway = await startTestGateway(a, {
    ACCOUNTS_URL: both('accounts'),
    CATALOG_URL: both('catalog'),
    ORDERS_ADDRESS: both('orders'),
    INVENTORY_URL: both('inventory'),
    // Every call must reach a backend to be counted there.
    CACHE_ENABLED: 'false',
    BACKEND_EJECT_FAILURES: String(EJECT_AFTER),
    BACKEND_EJECT_MS: String(EJECTION_MS),
    // A loaded machine must not turn slowness into failures here: this test is about instances.
    ...Object.fromEntries(['ACCOUNTS', 'CATALOG', 'ORDERS', 'INVENTORY'].map((name) => [`${name}_TIMEOUT_MS`, '10000'])),
  });
  token = await tokenFor(gateway.config, 'u1');
});

after(async () => {
  await gateway?.close();
  await Promise.all([a?.close(), b?.close()]);
});

beforeEach(() => {
  a.control.reset();
  b.control.reset();
});

/** Sends `count` home screens one after the other; each must be whole (no error, no null). */
async function homeScreens(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { status, body } = await graphql(gateway, 'mobile', HOME_SCREEN, { token });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined, `request ${i + 1} of ${count}: ${JSON.stringify(body.errors)}`);
  }
}

const callsAt = (backends: Backends, service: ServiceName): number => backends.control.stats(service).calls;

describe('many instances of each backend', () => {
  it('spreads calls over both instances of every backend', async () => {
    await homeScreens(12);
    for (const service of ['accounts', 'catalog', 'orders', 'inventory'] as const) {
      const [atA, atB] = [callsAt(a, service), callsAt(b, service)];
      assert.ok(atA > 0 && atB > 0, `${service}: ${atA} calls at A, ${atB} at B`);
      if (service !== 'orders') assert.ok(Math.abs(atA - atB) <= Math.ceil((atA + atB) / 6), `${service}: ${atA} vs ${atB}, close to even`);
    }
  });

  it('with one instance down, answers every request, ejects it after the threshold, and takes it back after its time', async () => {
    const counts = async (service: string, name: string, labels: Record<string, string> = {}): Promise<number> =>
      sumOf(await scrape(gateway.adminUrl), name, { service, instance: b[service as 'accounts'].url, ...labels });
    const before = await Promise.all(POOLED.map(async (s) => [await counts(s, 'gateway_backend_instance_calls_total', { outcome: 'failure' }), await counts(s, 'gateway_backend_instance_ejections_total')]));
    for (const service of POOLED) b.control.setFaults(service, { down: true });
    await homeScreens(20);
    for (const [index, service] of POOLED.entries()) {
      const failures = (await counts(service, 'gateway_backend_instance_calls_total', { outcome: 'failure' })) - before[index]![0]!;
      const ejections = (await counts(service, 'gateway_backend_instance_ejections_total')) - before[index]![1]!;
      // Each ejection costs at most the threshold (one, unless the machine is slow enough for B to return meanwhile).
      assert.ok(ejections >= 1, `${service}: B was ejected`);
      assert.ok(failures >= EJECT_AFTER && failures <= EJECT_AFTER * ejections, `${service}: ${failures} failed attempts at B for ${ejections} ejection(s), threshold ${EJECT_AFTER}`);
    }
    // B recovers; once its ejection time is over it takes calls again.
    for (const service of POOLED) b.control.setFaults(service, { down: false });
    await sleep(EJECTION_MS + 100);
    b.control.reset();
    await homeScreens(6);
    for (const service of POOLED) {
      assert.ok(callsAt(b, service) > 0, `${service}: B takes calls again after its return time`);
      assert.equal(await counts(service, 'gateway_backend_instance_ejected'), 0, `${service}: B is not ejected`);
    }
  });

  it('keeps answering when one gRPC instance stops: the round robin skips it', async () => {
    await b.orders.close();
    await homeScreens(10);
    assert.ok(callsAt(a, 'orders') >= 10, `orders: ${callsAt(a, 'orders')} calls at A`);
  });
});
