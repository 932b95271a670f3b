import { callsNote, exactCallsPerOp, failuresNote, figuresOf, measureSeries, withExactCalls } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

interface OrderHistoryBody {
  data?: { me?: { orders?: { nodes?: { items?: { sku: string; product?: { id: string } | null }[] }[] } } };
}

/**
 * Backend calls one OrderHistory answer needs with batching at the backends' limits (their contracts):
 * one per backend per resolver level, ceil by batch limit.
 */
export function expectedOrderHistoryCalls(body: unknown): { total: number; note: string } {
  const items = ((body as OrderHistoryBody).data?.me?.orders?.nodes ?? []).flatMap((order) => order.items ?? []);
  const products = new Set(items.flatMap((item) => (item.product ? [item.product.id] : [])));
  const skus = new Set(items.map((item) => item.sku));
  const catalog = Math.ceil(products.size / 50);
  const inventory = Math.ceil(skus.size / 25);
  return {
    total: 1 + 1 + catalog + inventory,
    note: `accounts 1, orders 1, catalog ${catalog} (${products.size} products / 50), inventory ${inventory} (${skus.size} SKUs / 25)`,
  };
}

/** Scenario 1: the web order-history page, a four-backend path, for one signed-in user. */
export const orderHistoryScenario: Scenario = {
  id: 'web-order-history',
  title: 'web order history (4 backends)',
  async run(ctx) {
    const gateway = await ctx.gateway('default');
    const token = await tokenFor(gateway.env, BENCH_USER);
    const spec = graphqlRequest(gateway.url, 'web', operation('web', 'order-history'), { variables: { first: 20 }, token });
    const expected = expectedOrderHistoryCalls(await checkRequest(spec));
    const measured = await measureSeries(ctx, { spec, gatewayPid: gateway.pid, connections: ctx.settings.connections, durationSec: ctx.settings.durationSec });
    const run = withExactCalls(measured, await exactCallsPerOp(ctx, spec));
    return {
      rows: [{ variant: `${ctx.settings.connections} connections`, figures: figuresOf(run), note: `${callsNote(run.callsPerOpByService)}${failuresNote(run)}` }],
      metrics: { rps: run.rps, callsPerOp: run.callsPerOp, expectedCallsPerOp: expected.total, cpuMsPerOp: run.cpuMsPerOp, cpuMsPerCall: run.cpuMsPerCall },
      notes: [`expected calls per operation: ${expected.total} = ${expected.note}`],
    };
  },
};
