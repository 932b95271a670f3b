import { failuresNote, figuresOf, measureAB } from '../measure.ts';
import { CATALOG_ONLY_PRODUCT, checkRequest, graphqlRequest, type RequestSpec } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const PRODUCT_ID = 'p1';

/**
 * Scenario 3: a one-backend query through the gateway versus the same product read straight from
 * the catalog by the same load generator, at 1 connection so latency is service time.
 */
export const overheadScenario: Scenario = {
  id: 'overhead',
  title: 'one-backend query: gateway vs direct',
  async run(ctx) {
    const gateway = await ctx.gateway('default');
    const viaGateway = graphqlRequest(gateway.url, 'web', CATALOG_ONLY_PRODUCT, { variables: { id: PRODUCT_ID } });
    const direct: RequestSpec = { url: `${ctx.backends.addresses.catalog}/products/${PRODUCT_ID}`, method: 'GET' };
    await checkRequest(viaGateway);
    await checkRequest(direct);
    const common = { connections: ctx.settings.latencyConnections, durationSec: ctx.settings.durationSec };
    const { a, b } = await measureAB(ctx, { spec: viaGateway, gatewayPid: gateway.pid, ...common }, { spec: direct, gatewayPid: null, ...common });
    const addedP50Ms = a.p50Ms !== null && b.p50Ms !== null ? a.p50Ms - b.p50Ms : null;
    const addedP99Ms = a.p99Ms !== null && b.p99Ms !== null ? a.p99Ms - b.p99Ms : null;
    return {
      rows: [
        {
          variant: `gateway product(id), ${common.connections} conn`,
          figures: figuresOf(a),
          note: `added p50 ${addedP50Ms?.toFixed(3)} ms, p99 ${addedP99Ms?.toFixed(3)} ms${failuresNote(a)}`,
        },
        { variant: `direct GET /products/{id}, ${common.connections} conn`, figures: figuresOf(b) },
      ],
      metrics: { addedP50Ms, addedP99Ms, gatewayP50Ms: a.p50Ms, directP50Ms: b.p50Ms, cpuMsPerCall: a.cpuMsPerCall, cpuMsPerOp: a.cpuMsPerOp },
      notes: ['gateway-added latency = gateway p50/p99 minus direct p50/p99, medians of alternating runs'],
    };
  },
};
