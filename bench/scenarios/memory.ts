import { failuresNote, figuresOf, measureRun, warmUp } from '../measure.ts';
import { launchGateway, waitHealthy } from '../processes/gateway-process.ts';
import { residentMemory } from '../processes/proc-stats.ts';
import { noFigures } from '../results.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const MB = 1_024 * 1_024;
const IDLE_SETTLE_MS = 1_000;

/**
 * Scenario 8, on a fresh gateway with the memory probe: idle RSS after start and one answered
 * query; heap and RSS after a full GC following the warm-up and again after a steady soak (growth);
 * then peak RSS under 1,000 concurrent connections.
 */
export const memoryScenario: Scenario = {
  id: 'memory',
  title: 'memory: idle, soak growth, 1,000 concurrent',
  async run(ctx) {
    const gateway = await launchGateway({ name: 'memory', backends: ctx.backends.addresses, probe: true });
    try {
      await waitHealthy(gateway);
      const token = await tokenFor(gateway.env, BENCH_USER);
      const spec = graphqlRequest(gateway.url, 'web', operation('web', 'order-history'), { variables: { first: 20 }, token });
      await checkRequest(spec);
      await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
      const idleRssMb = residentMemory(gateway.pid).rssMb;

      await warmUp(ctx, spec, ctx.settings.connections);
      const afterWarmUp = await gateway.memoryUsage();
      const soak = await measureRun(ctx, { spec, gatewayPid: gateway.pid, connections: ctx.settings.connections, durationSec: ctx.settings.soakSec });
      const afterSoak = await gateway.memoryUsage();
      const heapGrowthMb = (afterSoak.heapUsed - afterWarmUp.heapUsed) / MB;
      const rssGrowthMb = (afterSoak.rss - afterWarmUp.rss) / MB;

      const burst = await measureRun(ctx, { spec, gatewayPid: gateway.pid, connections: ctx.settings.burstConnections, durationSec: ctx.settings.burstSec });
      const burstAddedMb = burst.peakRssMb === null ? null : burst.peakRssMb - idleRssMb;
      const heap = (usage: NodeJS.MemoryUsage) => `heap ${(usage.heapUsed / MB).toFixed(1)} MB, RSS ${(usage.rss / MB).toFixed(1)} MB`;
      return {
        rows: [
          { variant: 'idle (after start + 1 query)', figures: { ...noFigures(), peakRssMb: idleRssMb } },
          {
            variant: `soak ${ctx.settings.soakSec} s, ${ctx.settings.connections} conn`,
            figures: figuresOf(soak),
            note: `after GC: warm-up ${heap(afterWarmUp)}; soak ${heap(afterSoak)}; heap growth ${heapGrowthMb.toFixed(1)} MB${failuresNote(soak)}`,
          },
          {
            variant: `${ctx.settings.burstConnections} concurrent, ${ctx.settings.burstSec} s`,
            figures: figuresOf(burst),
            note: `+${burstAddedMb?.toFixed(0)} MB over idle${failuresNote(burst)}`,
          },
        ],
        metrics: {
          idleRssMb,
          heapAfterWarmUpMb: afterWarmUp.heapUsed / MB,
          heapAfterSoakMb: afterSoak.heapUsed / MB,
          heapGrowthMb,
          rssGrowthMb,
          burstPeakRssMb: burst.peakRssMb,
          burstAddedMb,
          burstNon2xx: burst.non2xx,
          burstWithErrors: burst.withErrors,
          burstErrors: burst.errors,
        },
        notes: [],
      };
    } finally {
      await gateway.stop();
    }
  },
};
