import { median } from '../load/percentile.ts';
import { launchGateway, waitHealthy } from '../processes/gateway-process.ts';
import { noFigures } from '../results.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const FIRST_QUERY_TIMEOUT_MS = 20_000;

/** Scenario 9: time from forking the gateway to `/healthz` answering, then to the first answered real query. */
export const startupScenario: Scenario = {
  id: 'startup',
  title: 'start-up to first answered request',
  async run(ctx) {
    const healthz: number[] = [];
    const firstQuery: number[] = [];
    for (let i = 0; i < ctx.settings.startupRepeats; i++) {
      const gateway = await launchGateway({ name: `startup-${i}`, backends: ctx.backends.addresses });
      try {
        const token = await tokenFor(gateway.env, BENCH_USER);
        const healthyAt = await waitHealthy(gateway);
        const spec = graphqlRequest(gateway.url, 'web', operation('web', 'order-history'), { variables: { first: 20 }, token });
        healthz.push(healthyAt - gateway.launchedAt);
        const deadline = performance.now() + FIRST_QUERY_TIMEOUT_MS;
        for (;;) {
          try {
            await checkRequest(spec);
            break;
          } catch (error) {
            if (performance.now() > deadline) throw error;
            await new Promise((r) => setTimeout(r, 10));
          }
        }
        firstQuery.push(performance.now() - gateway.launchedAt);
      } finally {
        await gateway.stop();
      }
    }
    const healthzMs = median(healthz);
    const firstQueryMs = median(firstQuery);
    return {
      rows: [
        {
          variant: `median of ${firstQuery.length} starts`,
          figures: noFigures(),
          note: `/healthz after ${healthzMs?.toFixed(0)} ms; first web OrderHistory answered after ${firstQueryMs?.toFixed(0)} ms`,
        },
      ],
      metrics: { healthzMs, firstQueryMs },
      notes: ['measured from fork() of `node dist/src/main.js` (the production build; includes Node start-up)'],
    };
  },
};
