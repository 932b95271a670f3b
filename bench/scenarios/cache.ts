import { callsNote, exactCallsPerOp, failuresNote, figuresOf, measureAB, withExactCalls } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

/** Scenario 6: the web product page, warm in the field cache versus with the cache off. */
export const cacheScenario: Scenario = {
  id: 'cache',
  title: 'cached vs cold (web product page)',
  async run(ctx) {
    const warm = await ctx.gateway('cache-on', { CACHE_ENABLED: 'true' });
    const cold = await ctx.gateway('default');
    const token = await tokenFor(warm.env, BENCH_USER);
    const query = operation('web', 'product-page');
    const specWarm = graphqlRequest(warm.url, 'web', query, { variables: { id: 'p42' }, token });
    const specCold = graphqlRequest(cold.url, 'web', query, { variables: { id: 'p42' }, token });
    await checkRequest(specWarm);
    await checkRequest(specCold);
    const load = { connections: ctx.settings.connections, durationSec: ctx.settings.durationSec };
    const measured = await measureAB(ctx, { spec: specWarm, gatewayPid: warm.pid, ...load }, { spec: specCold, gatewayPid: cold.pid, ...load });
    // Entries expire during the series (the private price keeps 30 s): warm it again, then count.
    await checkRequest(specWarm);
    const a = withExactCalls(measured.a, await exactCallsPerOp(ctx, specWarm));
    const b = withExactCalls(measured.b, await exactCallsPerOp(ctx, specCold));
    const speedup = a.rps && b.rps ? a.rps / b.rps : null;
    return {
      rows: [
        { variant: 'warm cache', figures: figuresOf(a), note: `${callsNote(a.callsPerOpByService)}; ${speedup?.toFixed(2)}x cold req/s${failuresNote(a)}` },
        { variant: 'cache off (CACHE_ENABLED=false)', figures: figuresOf(b), note: `${callsNote(b.callsPerOpByService)}${failuresNote(b)}` },
      ],
      metrics: { speedup, warmCallsPerOp: a.callsPerOp, coldCallsPerOp: b.callsPerOp, rpsWarm: a.rps, rpsCold: b.rps },
      notes: ['product page as signed-in user u1: public fields (product, category, stock) and a private one (price in the viewer currency)'],
    };
  },
};
