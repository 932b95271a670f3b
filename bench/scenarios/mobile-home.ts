import { callsNote, exactCallsPerOp, failuresNote, figuresOf, measureSeries, withExactCalls } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

/** Scenario 2: the mobile home screen, one round trip aggregating four backends. */
export const mobileHomeScenario: Scenario = {
  id: 'mobile-home',
  title: 'mobile home',
  async run(ctx) {
    const gateway = await ctx.gateway('default');
    const token = await tokenFor(gateway.env, BENCH_USER);
    const spec = graphqlRequest(gateway.url, 'mobile', operation('mobile', 'home'), { token });
    await checkRequest(spec);
    const measured = await measureSeries(ctx, { spec, gatewayPid: gateway.pid, connections: ctx.settings.connections, durationSec: ctx.settings.durationSec });
    const run = withExactCalls(measured, await exactCallsPerOp(ctx, spec));
    return {
      rows: [{ variant: `${ctx.settings.connections} connections`, figures: figuresOf(run), note: `${callsNote(run.callsPerOpByService)}${failuresNote(run)}` }],
      metrics: { rps: run.rps, callsPerOp: run.callsPerOp, cpuMsPerOp: run.cpuMsPerOp, cpuMsPerCall: run.cpuMsPerCall },
      notes: [],
    };
  },
};
