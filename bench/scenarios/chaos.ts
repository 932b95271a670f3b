import { noFigures } from '../results.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const HUNG = 'inventory';
const CONNECTIONS = 20;
/** The gateway's timeout for the hung backend (INVENTORY_TIMEOUT_MS), in milliseconds. */
const TIMEOUT_MS = 3_000;

/**
 * Scenario 10: one backend hung (inventory never answers) under 20 concurrent clients of the web
 * order history: share of HTTP 200 answers (partial data), crashes, and p99 against the backend
 * timeout plus 100 ms. The breaker opens early and fails the rest fast.
 */
export const chaosScenario: Scenario = {
  id: 'chaos',
  title: `chaos: ${HUNG} hung, ${CONNECTIONS} clients`,
  async run(ctx) {
    const gateway = await ctx.gateway('chaos', { INVENTORY_TIMEOUT_MS: String(TIMEOUT_MS) });
    const token = await tokenFor(gateway.env, BENCH_USER);
    const spec = graphqlRequest(gateway.url, 'web', operation('web', 'order-history'), { variables: { first: 20 }, token });
    await checkRequest(spec);
    await ctx.control.setFaults(HUNG, { hang: true });
    let result;
    try {
      result = await ctx.load.run({ ...spec, connections: CONNECTIONS, durationSec: Math.max(ctx.settings.durationSec, 5) });
    } finally {
      await ctx.control.setFaults(HUNG, { hang: false });
    }
    const alive = gateway.child.exitCode === null && (await fetch(`${gateway.url}/healthz`).then((r) => r.ok, () => false));
    const answered = result.requests + result.non2xx + result.errors;
    const okShare = answered > 0 ? result.requests / answered : null;
    const partialShare = result.requests > 0 ? result.withErrors / result.requests : null;
    const p99Bound = TIMEOUT_MS + 100;
    return {
      rows: [
        {
          variant: `${HUNG} hung, ${CONNECTIONS} conn`,
          figures: { ...noFigures(), rps: result.rps, p50Ms: result.p50Ms, p99Ms: result.p99Ms },
          note: `${result.requests} of ${answered} answered 200 (${((okShare ?? 0) * 100).toFixed(2)}%), ${((partialShare ?? 0) * 100).toFixed(1)}% of them partial; ${result.non2xx} non-2xx, ${result.errors} connection errors; gateway ${alive ? 'alive' : 'DOWN'}`,
        },
      ],
      metrics: { okShare, partialShare, p99Ms: result.p99Ms, p99BoundMs: p99Bound, crashed: alive ? 0 : 1 },
      notes: [`inventory timeout ${TIMEOUT_MS} ms; target: >= 99% HTTP 200 with partial data, 0 crashes, p99 <= ${p99Bound} ms`],
    };
  },
};
