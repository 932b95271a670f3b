import { callsNote, exactCallsPerOp, failuresNote, figuresOf, measureAB, withExactCalls } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

/** Scenario 4: web order history with DataLoader batching on versus off (`BATCHING=false`). */
export const loadersScenario: Scenario = {
  id: 'loaders',
  title: 'loaders on vs off (web order history)',
  async run(ctx) {
    const on = await ctx.gateway('default');
    // One call per key floods the backends; the breakers would open and the naive path would
    // measure fast failures instead of its own cost, so they stay closed here.
    const off = await ctx.gateway('no-batching', { BATCHING: 'false', BACKEND_MAX_CONCURRENT: '10000', BREAKER_VOLUME: '10000' });
    const token = await tokenFor(on.env, BENCH_USER);
    const query = operation('web', 'order-history');
    const specOn = graphqlRequest(on.url, 'web', query, { variables: { first: 20 }, token });
    const specOff = graphqlRequest(off.url, 'web', query, { variables: { first: 20 }, token });
    await checkRequest(specOn);
    await checkRequest(specOff);
    const common = { connections: ctx.settings.connections, durationSec: ctx.settings.durationSec };
    const measured = await measureAB(ctx, { spec: specOn, gatewayPid: on.pid, ...common }, { spec: specOff, gatewayPid: off.pid, ...common });
    const a = withExactCalls(measured.a, await exactCallsPerOp(ctx, specOn));
    const b = withExactCalls(measured.b, await exactCallsPerOp(ctx, specOff));
    const callsRatio = a.callsPerOp && b.callsPerOp ? b.callsPerOp / a.callsPerOp : null;
    const rpsRatio = a.rps && b.rps ? a.rps / b.rps : null;
    return {
      rows: [
        { variant: 'loaders on', figures: figuresOf(a), note: `${callsNote(a.callsPerOpByService)}${failuresNote(a)}` },
        { variant: 'loaders off (BATCHING=false)', figures: figuresOf(b), note: `${callsNote(b.callsPerOpByService)}; on/off req/s ${rpsRatio?.toFixed(2)}x${failuresNote(b)}` },
      ],
      metrics: { callsPerOpOn: a.callsPerOp, callsPerOpOff: b.callsPerOp, callsRatio, rpsOn: a.rps, rpsOff: b.rps, rpsRatio },
      notes: ['the naive gateway runs with BACKEND_MAX_CONCURRENT=10000 and its breakers held closed: one call per key (over 100 inventory calls per operation) would otherwise queue behind the bulkhead and trip the breakers'],
    };
  },
};
