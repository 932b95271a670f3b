import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN, ORDER_HISTORY } from '../helpers/example-operations.ts';
import {
  featuredProducts,
  observedCalls,
  predictHomeScreen,
  predictOrderHistory,
  totalCalls,
  type CallPrediction,
  type ServiceCalls,
} from '../helpers/batch-predictions.ts';

const USER = 'u1';
const FIRST = 20;

let backends: Backends;
let batched: TestGateway;
let naive: TestGateway;
/** What each service received, per operation and mode, for the table printed at the end. */
const measured = new Map<string, CallPrediction>();

before(async () => {
  backends = await startTestBackends();
  [batched, naive] = await Promise.all([startTestGateway(backends), startTestGateway(backends, { BATCHING: 'false' })]);
});

after(async () => {
  await Promise.all([batched?.close(), naive?.close()]);
  await backends?.close();
});

/** Runs one operation with a clean control plane and returns what each service received. */
async function run(gateway: TestGateway, surface: 'web' | 'mobile', query: string, variables: Record<string, unknown> = {}): Promise<CallPrediction> {
  const token = await tokenFor(gateway.config, USER);
  backends.control.reset();
  const response = await graphql(gateway, surface, query, { token, variables });
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  const stats = backends.control.allStats();
  return Object.fromEntries(SERVICES.map((s) => [s, observedCalls(stats[s])])) as CallPrediction;
}

function assertCalls(observed: CallPrediction, predicted: CallPrediction, label: string): void {
  for (const service of SERVICES) {
    assert.deepEqual(observed[service], predicted[service], `${label}: ${service}`);
  }
  measured.set(label, observed);
}

describe('web OrderHistory (u1, first: 20)', () => {
  it('the dataset gives the prediction something to batch', () => {
    const { batched: prediction } = predictOrderHistory(backends.dataset, USER, FIRST);
    // More than one catalog and inventory batch: the limits are exercised, not just reached.
    assert.ok((prediction.catalog.byMethod['GET /products'] ?? 0) >= 2);
    assert.ok((prediction.inventory.byMethod['GetStockLevels'] ?? 0) >= 3);
  });

  it('batched: one call per backend limit of distinct keys, per service', async () => {
    const observed = await run(batched, 'web', ORDER_HISTORY, { first: FIRST });
    assertCalls(observed, predictOrderHistory(backends.dataset, USER, FIRST).batched, 'OrderHistory batched');
  });

  it('BATCHING=false: one call per key per resolver call', async () => {
    const observed = await run(naive, 'web', ORDER_HISTORY, { first: FIRST });
    assertCalls(observed, predictOrderHistory(backends.dataset, USER, FIRST).naive, 'OrderHistory naive');
  });
});

describe('mobile HomeScreen (u1)', () => {
  it('no recent order starts with a featured product (the prediction needs it)', () => {
    const featured = new Set(featuredProducts(backends.dataset, 10).map((p) => p.id));
    const recent = (backends.dataset.ordersByUser.get(USER) ?? []).slice(0, 3);
    assert.equal(recent.length, 3);
    for (const order of recent) assert.ok(!featured.has(order.items[0]?.productId ?? ''), `${order.id} starts with a featured product`);
  });

  it('batched: one call per service and kind of read', async () => {
    const observed = await run(batched, 'mobile', HOME_SCREEN);
    assertCalls(observed, predictHomeScreen(backends.dataset, USER).batched, 'HomeScreen batched');
  });

  it('BATCHING=false: one call per key per resolver call', async () => {
    const observed = await run(naive, 'mobile', HOME_SCREEN);
    assertCalls(observed, predictHomeScreen(backends.dataset, USER).naive, 'HomeScreen naive');
  });
});

/** Batch sizes of one service's batch calls, e.g. `GET /products 50+4`. */
function batchSizesLabel(calls: ServiceCalls): string {
  return Object.entries(calls.batchSizes)
    .map(([method, sizes]) => `${method} ${sizes.join('+')}`)
    .join(', ') || '-';
}

describe('batching on vs off', () => {
  it('batching never makes more calls, and the table is printed', (t) => {
    const rows = ['OrderHistory', 'HomeScreen'].flatMap((operation) => {
      const on = measured.get(`${operation} batched`);
      const off = measured.get(`${operation} naive`);
      assert.ok(on && off, `${operation} was measured in both modes`);
      return SERVICES.map((service) => {
        const [onCalls, offCalls] = [totalCalls(on[service]), totalCalls(off[service])];
        assert.ok(onCalls <= offCalls, `${operation} ${service}: ${onCalls} batched > ${offCalls} naive`);
        return { operation, service, on: onCalls, off: offCalls, sizes: batchSizesLabel(on[service]) };
      });
    });
    const total = (operation: string, mode: 'on' | 'off'): number => rows.filter((r) => r.operation === operation).reduce((sum, r) => sum + r[mode], 0);
    const lines = [
      'operation     service    batching on  batching off  batch sizes (on)',
      ...rows.map((r) => `${r.operation.padEnd(13)} ${r.service.padEnd(10)} ${String(r.on).padStart(11)}  ${String(r.off).padStart(12)}  ${r.sizes}`),
      ...['OrderHistory', 'HomeScreen'].map((op) => `${op.padEnd(13)} ${'total'.padEnd(10)} ${String(total(op, 'on')).padStart(11)}  ${String(total(op, 'off')).padStart(12)}`),
    ];
    for (const line of lines) t.diagnostic(line);
    console.log(lines.join('\n'));
    assert.ok(total('OrderHistory', 'on') < total('OrderHistory', 'off'));
  });
});
