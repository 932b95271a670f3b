import type { BenchContext } from './context.ts';
import { totalCalls } from './control-client.ts';
import type { LoadResult } from './load/load-job.ts';
import { median } from './load/percentile.ts';
import { cpuTimeMs, sampleRss } from './processes/proc-stats.ts';
import type { Figures } from './results.ts';
import { checkRequest, type RequestSpec } from './workloads.ts';

/** One measured run: the figures, plus the raw counts behind them. */
export interface RunFigures extends Figures {
  requests: number;
  non2xx: number;
  /** 2xx answers carrying GraphQL errors. */
  withErrors: number;
  errors: number;
  /** Backend calls per operation, per service (under load: see {@link exactCallsPerOp}). */
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

/** How many times longer each retry of a run that answered nothing lasts, and how many retries at most. */
const EMPTY_RUN_STRETCH = 4;
const EMPTY_RUN_RETRIES = 2;

/**
 * Runs the load and reads gateway CPU and RSS from /proc and backend calls from the control plane.
 * A run in which no request completed (a slow variant on a loaded machine, in a short quick-mode
 * window) is run again, longer, at most twice: figures always come from completed requests.
 */
export async function measureRun(ctx: BenchContext, plan: RunPlan): Promise<RunFigures> {
  let durationSec = plan.durationSec;
  for (let retry = 0; ; retry++) {
    const figures = await measureOnce(ctx, { ...plan, durationSec });
    if (figures.requests > 0) return figures;
    if (retry === EMPTY_RUN_RETRIES) throw new Error(`no successful response from ${plan.spec.url} (${figures.non2xx} non-2xx, ${figures.errors} errors)`);
    durationSec *= EMPTY_RUN_STRETCH;
  }
}

async function measureOnce(ctx: BenchContext, plan: RunPlan): Promise<RunFigures> {
  await ctx.control.reset();
  const pid = plan.gatewayPid;
  const cpuBefore = pid === null ? 0 : cpuTimeMs(pid);
  const rss = pid === null ? null : sampleRss(pid);
  const result = await ctx.load.run({ ...plan.spec, connections: plan.connections, durationSec: plan.durationSec });
  const cpuMs = pid === null ? null : cpuTimeMs(pid) - cpuBefore;
  const peakRssMb = rss ? rss.stop() : null;
  const stats = await settledStats(ctx);
  const ops = result.requests;
  const calls = totalCalls(stats);
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
    withErrors: result.withErrors,
    errors: result.errors,
    callsPerOpByService: Object.fromEntries(Object.entries(stats).map(([service, s]) => [service, s.calls / ops])),
  };
}

const SETTLE_POLL_MS = 200;
const SETTLE_MAX_MS = 15_000;

/**
 * Backend counters once requests still in flight when the load stopped have drained (no new call
 * for two polls, at most 15 s), so they never leak into the next run's counts.
 */
export async function settledStats(ctx: BenchContext): Promise<Awaited<ReturnType<BenchContext['control']['stats']>>> {
  const deadline = performance.now() + SETTLE_MAX_MS;
  let stats = await ctx.control.stats();
  let quiet = 0;
  while (quiet < 2 && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    const next = await ctx.control.stats();
    quiet = totalCalls(next) === totalCalls(stats) ? quiet + 1 : 0;
    stats = next;
  }
  return stats;
}

/**
 * Exact backend calls per operation: `count` sequential requests, each with its own
 * `x-request-id`, counted by that id in the control plane's recent calls (under load, and with
 * requests of an earlier run still draining, totals blur the ratio).
 */
export async function exactCallsPerOp(ctx: BenchContext, spec: RequestSpec, count = 3): Promise<{ total: number; byService: Record<string, number> }> {
  await settledStats(ctx);
  const sums: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    await ctx.control.reset();
    const requestId = `bench-probe-${process.pid}-${Date.now()}-${i}`;
    await checkRequest({ ...spec, headers: { ...spec.headers, 'x-request-id': requestId } });
    await new Promise((r) => setTimeout(r, 50));
    for (const [service, calls] of Object.entries(await ctx.control.callsForRequest(requestId))) sums[service] = (sums[service] ?? 0) + calls;
  }
  const byService = Object.fromEntries(Object.entries(sums).map(([service, calls]) => [service, calls / count]));
  return { total: Object.values(byService).reduce((sum, n) => sum + n, 0), byService };
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
    withErrors: runs.reduce((sum, r) => sum + r.withErrors, 0),
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
 * Several variants in the same run: all warmed up, then rounds of one run each, the order of each
 * round rotated (A B C, B C A, C A B…) so drift on a shared machine hits every variant alike; the
 * median of each, in the order given.
 */
export async function measureInterleaved(ctx: BenchContext, plans: readonly RunPlan[]): Promise<RunFigures[]> {
  for (const plan of plans) await warmUp(ctx, plan.spec, plan.connections);
  const runs: RunFigures[][] = plans.map(() => []);
  for (let i = 0; i < ctx.settings.repeats; i++) {
    for (let j = 0; j < plans.length; j++) {
      const index = (i + j) % plans.length;
      (runs[index] as RunFigures[]).push(await measureRun(ctx, plans[index] as RunPlan));
    }
  }
  return runs.map(medianRun);
}

/**
 * A/B in the same run: both warmed up, then runs alternate A B, B A, A B… (so drift on a shared
 * machine hits both alike); the median of each.
 */
export async function measureAB(ctx: BenchContext, a: RunPlan, b: RunPlan): Promise<{ a: RunFigures; b: RunFigures }> {
  const [ra, rb] = (await measureInterleaved(ctx, [a, b])) as [RunFigures, RunFigures];
  return { a: ra, b: rb };
}

/** Per-service calls per operation as a short note, e.g. `accounts 1, orders 1, catalog 2`. */
export function callsNote(byService: Record<string, number>): string {
  return Object.entries(byService)
    .filter(([, n]) => n > 0)
    .map(([service, n]) => `${service} ${Number(n.toFixed(2))}`)
    .join(', ');
}

/** Failed or partial answers of a run, as a short note; empty when there were none. */
export function failuresNote(run: RunFigures): string {
  const parts = [
    run.non2xx > 0 ? `${run.non2xx} non-2xx` : '',
    run.withErrors > 0 ? `${run.withErrors} answers with errors` : '',
    run.errors > 0 ? `${run.errors} connection errors` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `; ${parts.join(', ')} of ${run.requests}` : '';
}

/** The figures of a run without the raw counts. */
export function figuresOf(run: RunFigures): Figures {
  const { rps, p50Ms, p99Ms, callsPerOp, cpuMsPerOp, cpuMsPerCall, peakRssMb } = run;
  return { rps, p50Ms, p99Ms, callsPerOp, cpuMsPerOp, cpuMsPerCall, peakRssMb };
}

/**
 * A run's figures with calls per operation replaced by the exact count, and CPU per backend call
 * derived from it (CPU per operation / exact calls per operation).
 */
export function withExactCalls(run: RunFigures, exact: { total: number; byService: Record<string, number> }): RunFigures {
  return {
    ...run,
    callsPerOp: exact.total,
    callsPerOpByService: exact.byService,
    cpuMsPerCall: run.cpuMsPerOp === null || exact.total === 0 ? null : run.cpuMsPerOp / exact.total,
  };
}
