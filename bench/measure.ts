import type { BenchContext } from './context.ts';
import { totalCalls } from './control-client.ts';
import type { LoadResult } from './load/load-job.ts';
import { median } from './load/percentile.ts';
import { cpuTimeMs, sampleRss } from './processes/proc-stats.ts';
import type { Figures } from './results.ts';
import type { RequestSpec } from './workloads.ts';

/** One measured run: the figures, plus the raw counts behind them. */
export interface RunFigures extends Figures {
  requests: number;
  non2xx: number;
  errors: number;
  /** Backend calls per operation, per service. */
  callsPerOpByService: Record<string, number>;
}

/** What to load and whose CPU to count. */
export interface RunPlan {
  spec: RequestSpec;
  /** The gateway's pid; null when the load goes straight to a backend. */
  gatewayPid: number | null;
  connections: number;
  durationSec: number;
}

/** Unmeasured load, e.g. a warm-up. */
export async function warmUp(ctx: BenchContext, spec: RequestSpec, connections: number): Promise<LoadResult> {
  return ctx.load.run({ ...spec, connections, durationSec: ctx.settings.warmupSec });
}

/** Runs the load once and reads gateway CPU and RSS from /proc and backend calls from the control plane. */
export async function measureRun(ctx: BenchContext, plan: RunPlan): Promise<RunFigures> {
  await ctx.control.reset();
  const pid = plan.gatewayPid;
  const cpuBefore = pid === null ? 0 : cpuTimeMs(pid);
  const rss = pid === null ? null : sampleRss(pid);
  const result = await ctx.load.run({ ...plan.spec, connections: plan.connections, durationSec: plan.durationSec });
  const cpuMs = pid === null ? null : cpuTimeMs(pid) - cpuBefore;
  const peakRssMb = rss ? rss.stop() : null;
  const stats = await ctx.control.stats();
  const ops = result.requests;
  const calls = totalCalls(stats);
  if (ops === 0) throw new Error(`no successful response from ${plan.spec.url} (${result.non2xx} non-2xx, ${result.errors} errors)`);
  return {
    rps: result.rps,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    callsPerOp: calls / ops,
    cpuMsPerOp: cpuMs === null ? null : cpuMs / ops,
    cpuMsPerCall: cpuMs === null || calls === 0 ? null : cpuMs / calls,
    peakRssMb,
    requests: ops,
    non2xx: result.non2xx,
    errors: result.errors,
    callsPerOpByService: Object.fromEntries(Object.entries(stats).map(([service, s]) => [service, s.calls / ops])),
  };
}

/** The median of each figure over several runs (peak RSS: the highest). */
export function medianRun(runs: readonly RunFigures[]): RunFigures {
  const pick = <K extends keyof RunFigures>(key: K) => median(runs.map((r) => r[key] as number | null));
  const services = [...new Set(runs.flatMap((r) => Object.keys(r.callsPerOpByService)))];
  const rss = runs.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return {
    rps: pick('rps'),
    p50Ms: pick('p50Ms'),
    p99Ms: pick('p99Ms'),
    callsPerOp: pick('callsPerOp'),
    cpuMsPerOp: pick('cpuMsPerOp'),
    cpuMsPerCall: pick('cpuMsPerCall'),
    peakRssMb: rss.length > 0 ? Math.max(...rss) : null,
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    callsPerOpByService: Object.fromEntries(services.map((s) => [s, median(runs.map((r) => r.callsPerOpByService[s] ?? null)) ?? 0])),
  };
}

/** Warm-up, then `repeats` measured runs; the median. */
export async function measureSeries(ctx: BenchContext, plan: RunPlan): Promise<RunFigures> {
  await warmUp(ctx, plan.spec, plan.connections);
  const runs: RunFigures[] = [];
  for (let i = 0; i < ctx.settings.repeats; i++) runs.push(await measureRun(ctx, plan));
  return medianRun(runs);
}

/**
 * A/B in the same run: both warmed up, then runs alternate A B, B A, A B… (so drift on a shared
 * machine hits both alike); the median of each.
 */
export async function measureAB(ctx: BenchContext, a: RunPlan, b: RunPlan): Promise<{ a: RunFigures; b: RunFigures }> {
  await warmUp(ctx, a.spec, a.connections);
  await warmUp(ctx, b.spec, b.connections);
  const runsA: RunFigures[] = [];
  const runsB: RunFigures[] = [];
  for (let i = 0; i < ctx.settings.repeats; i++) {
    const order = i % 2 === 0 ? ([a, b] as const) : ([b, a] as const);
    for (const plan of order) (plan === a ? runsA : runsB).push(await measureRun(ctx, plan));
  }
  return { a: medianRun(runsA), b: medianRun(runsB) };
}

/** Per-service calls per operation as a short note, e.g. `accounts 1, orders 1, catalog 2`. */
export function callsNote(run: RunFigures): string {
  return Object.entries(run.callsPerOpByService)
    .filter(([, n]) => n > 0)
    .map(([service, n]) => `${service} ${Number(n.toFixed(2))}`)
    .join(', ');
}

/** The figures of a run without the raw counts. */
export function figuresOf(run: RunFigures): Figures {
  const { rps, p50Ms, p99Ms, callsPerOp, cpuMsPerOp, cpuMsPerCall, peakRssMb } = run;
  return { rps, p50Ms, p99Ms, callsPerOp, cpuMsPerOp, cpuMsPerCall, peakRssMb };
}
