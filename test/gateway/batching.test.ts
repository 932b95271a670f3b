import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { graphql, tokenFor, useGateway, type GatewayFixture } from '../helpers/gateway.ts';
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

// These tests count calls; on a loaded machine the naive path's hundred-odd calls must not time out first.
const PATIENT = { ACCOUNTS_TIMEOUT_MS: '30000', CATALOG_TIMEOUT_MS: '30000', ORDERS_TIMEOUT_MS: '30000', INVENTORY_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '60000' };
const batched = useGateway(PATIENT);
const naive = useGateway({ ...PATIENT, BATCHING: 'false' }, { shareBackendsOf: batched });

/** Runs one operation with a clean control plane and returns what each service received. */
async function run(fixture: GatewayFixture, surface: 'web' | 'mobile', query: string, variables: Record<string, unknown> = {}): Promise<CallPrediction> {
  const { backends, gateway } = fixture;
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
}

/**
 * Runs `query` batched and naive, checks both against the prediction, checks batching never makes
 * more calls and makes fewer in total, and prints the comparison.
 */
async function compare(t: TestContext, operation: string, surface: 'web' | 'mobile', query: string, predicted: { batched: CallPrediction; naive: CallPrediction }, variables: Record<string, unknown> = {}): Promise<void> {
  const on = await run(batched, surface, query, variables);
  assertCalls(on, predicted.batched, `${operation} batched`);
  const off = await run(naive, surface, query, variables);
  assertCalls(off, predicted.naive, `${operation} naive`);
  const rows = SERVICES.map((service) => ({ service, on: totalCalls(on[service]), off: totalCalls(off[service]), sizes: batchSizesLabel(on[service]) }));
  for (const row of rows) assert.ok(row.on <= row.off, `${operation} ${row.service}: ${row.on} batched > ${row.off} naive`);
  const total = (mode: 'on' | 'off'): number => rows.reduce((sum, row) => sum + row[mode], 0);
  assert.ok(total('on') < total('off'), `${operation}: ${total('on')} calls batched, ${total('off')} naive`);
  t.diagnostic('service    batching on  batching off  batch sizes (on)');
  for (const r of rows) t.diagnostic(`${r.service.padEnd(10)} ${String(r.on).padStart(11)}  ${String(r.off).padStart(12)}  ${r.sizes}`);
  t.diagnostic(`${'total'.padEnd(10)} ${String(total('on')).padStart(11)}  ${String(total('off')).padStart(12)}`);
}

describe('batching: calls per backend, with and without loaders', () => {
  it('web OrderHistory (u1, first: 20): one call per backend limit of distinct keys; naive: one call per key per resolver call', async (t) => {
    const predicted = predictOrderHistory(batched.backends.dataset, USER, FIRST);
    // The prediction must exercise the limits (more than one catalog and inventory batch), not just reach them.
    assert.ok((predicted.batched.catalog.byMethod['GET /products'] ?? 0) >= 2, 'test data: u1 needs over 50 distinct products in 20 orders');
    assert.ok((predicted.batched.inventory.byMethod['GetStockLevels'] ?? 0) >= 3, 'test data: u1 needs over 50 distinct SKUs in 20 orders');
    await compare(t, 'OrderHistory', 'web', ORDER_HISTORY, predicted, { first: FIRST });
  });

  it('mobile HomeScreen (u1): one call per service and kind of read; naive: one call per key per resolver call', async (t) => {
    const { dataset } = batched.backends;
    // The prediction holds when no recent order starts with a featured product (priming would race the order page).
    const featured = new Set(featuredProducts(dataset, 10).map((p) => p.id));
    const recent = (dataset.ordersByUser.get(USER) ?? []).slice(0, 3);
    assert.equal(recent.length, 3, 'test data: u1 has 3 recent orders');
    for (const order of recent) assert.ok(!featured.has(order.items[0]?.productId ?? ''), `test data: ${order.id} starts with a featured product`);
    await compare(t, 'HomeScreen', 'mobile', HOME_SCREEN, predictHomeScreen(dataset, USER));
  });
});

/** Batch sizes of one service's batch calls, e.g. `GET /products 50+4`. */
function batchSizesLabel(calls: ServiceCalls): string {
  return Object.entries(calls.batchSizes)
    .map(([method, sizes]) => `${method} ${sizes.join('+')}`)
    .join(', ') || '-';
}
