import { join } from 'node:path';
import { failuresNote, figuresOf, measureInterleaved, type RunFigures, type RunPlan } from '../measure.ts';
import type { GatewayProcess } from '../processes/gateway-process.ts';
import type { ResultRow } from '../results.ts';
import { BENCH_USER, CATALOG_ONLY_PRODUCT, checkRequest, graphqlRequest, operation, tokenFor, type RequestSpec } from '../workloads.ts';
import { pageCursors, thousandItemsQuery } from './authorization.ts';
import type { Scenario } from './scenario.ts';

/** Connections of the throughput workloads: enough to keep a process busy, few enough not to queue into timeouts. */
const FAST_PATH_CONNECTIONS = 8;

/** One workload: a request built against a variant's address, and the connections it runs at. */
interface Workload {
  id: 'orderHistory' | 'list' | 'home' | 'product';
  title: string;
  connections: number;
  request(url: string): RequestSpec;
}

/** A process answering the workloads: this gateway, the previous release, or the floor. */
interface Variant {
  label: string;
  process: GatewayProcess;
}

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null);
const x = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(2)}x`);

/**
 * Scenario 11: what the pipeline costs. Every workload runs, interleaved in the same run, against
 * this gateway with production defaults (authorization, cost limits and budgets, Cache-Control,
 * info logs to a file), the same build with GRAPHQL_EXECUTOR=graphql-js, the previous release's build with the same settings (`--baseline <dir>`),
 * and the floor (bench/floor: the same schema, resolvers, loaders and clients over node:http with the
 * same executor and nothing else); the one-product query also straight from the catalog. Ratios are of
 * gateway CPU per operation (process CPU, not wall time).
 */
export const fastPathScenario: Scenario = {
  id: 'fast-path',
  title: 'pipeline cost: gateway vs previous release vs floor',
  async run(ctx) {
    // Timeouts far above any queueing on a shared machine: a timed-out call would change the work measured.
    const patient = { ACCOUNTS_TIMEOUT_MS: '30000', CATALOG_TIMEOUT_MS: '30000', ORDERS_TIMEOUT_MS: '30000', INVENTORY_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '60000' };
    const env = { ...patient, WEB_MAX_ROOT_FIELDS: '20', LOG_LEVEL: 'info' };
    const connections = Math.min(FAST_PATH_CONNECTIONS, ctx.settings.connections);
    const variants: Variant[] = [{ label: 'gateway', process: await ctx.gateway('fast-gateway', env, { stdoutFile: join(ctx.tmpDir, 'fast-gateway.log') }) }];
    // The same build on graphql-js: what the executor alone gives, beside what the rest of the pipeline gave
    // (not in quick mode, which only checks that the scenario runs).
    if (!ctx.settings.quick)
      variants.push({ label: 'gateway on graphql-js', process: await ctx.gateway('fast-gateway-graphql-js', { ...env, GRAPHQL_EXECUTOR: 'graphql-js' }, { stdoutFile: join(ctx.tmpDir, 'fast-gateway-graphql-js.log') }) });
    if (ctx.baselineRoot) {
      const process = await ctx.gateway('fast-baseline', env, { root: ctx.baselineRoot, stdoutFile: join(ctx.tmpDir, 'fast-baseline.log') });
      variants.push({ label: 'previous release', process });
    }
    variants.push({ label: 'floor', process: await ctx.gateway('floor', patient, { entry: 'bench/floor/floor-server.ts' }) });
    const gateway = (variants[0] as Variant).process;
    const token = await tokenFor(gateway.env, BENCH_USER);
    const cursors = await pageCursors(gateway.url);
    const all: Workload[] = [
      { id: 'orderHistory', title: 'web order history', connections, request: (url) => graphqlRequest(url, 'web', operation('web', 'order-history'), { variables: { first: 20 }, token }) },
      { id: 'list', title: '1,000-item list', connections, request: (url) => graphqlRequest(url, 'web', thousandItemsQuery(), { variables: cursors, token }) },
      { id: 'home', title: 'mobile home', connections, request: (url) => graphqlRequest(url, 'mobile', operation('mobile', 'home'), { token }) },
      { id: 'product', title: 'one product by id', connections: ctx.settings.latencyConnections, request: (url) => graphqlRequest(url, 'web', CATALOG_ONLY_PRODUCT, { variables: { id: 'p1' } }) },
    ];
    const workloads = ctx.settings.quick ? all.filter((w) => w.id === 'orderHistory' || w.id === 'product') : all;

    const rows: ResultRow[] = [];
    const metrics: Record<string, number | null> = {};
    const notes: string[] = [];
    for (const workload of workloads) {
      ctx.log(`fast-path: ${workload.title}`);
      const plans: RunPlan[] = [];
      for (const variant of variants) {
        const spec = workload.request(variant.process.url);
        await checkRequest(spec);
        plans.push({ spec, gatewayPid: variant.process.pid, connections: workload.connections, durationSec: ctx.settings.durationSec });
      }
      const direct: RunPlan | undefined = workload.id === 'product' ? { spec: { url: `${ctx.backends.addresses.catalog}/products/p1`, method: 'GET' }, gatewayPid: null, connections: workload.connections, durationSec: ctx.settings.durationSec } : undefined;
      const runs = await measureInterleaved(ctx, direct ? [...plans, direct] : plans);
      const byLabel = new Map(variants.map((v, i) => [v.label, runs[i] as RunFigures]));
      const ours = byLabel.get('gateway') as RunFigures;
      const previous = byLabel.get('previous release');
      const floor = byLabel.get('floor') as RunFigures;
      const vsBaseline = ratio(ours.cpuMsPerOp, previous?.cpuMsPerOp);
      const vsFloor = ratio(ours.cpuMsPerOp, floor.cpuMsPerOp);
      metrics[`${workload.id}CpuVsBaseline`] = vsBaseline;
      metrics[`${workload.id}CpuVsFloor`] = vsFloor;
      metrics[`${workload.id}CpuMsPerOp`] = ours.cpuMsPerOp;
      metrics[`${workload.id}JitVsGraphqlJs`] = ratio(ours.cpuMsPerOp, byLabel.get('gateway on graphql-js')?.cpuMsPerOp);
      for (const [label, run] of byLabel) {
        const note =
          label === 'gateway'
            ? `CPU/op ${x(vsBaseline)} previous release, ${x(vsFloor)} floor, ${x(metrics[`${workload.id}JitVsGraphqlJs`] ?? null)} on graphql-js`
            : `CPU/op ${x(ratio(run.cpuMsPerOp, previous?.cpuMsPerOp))} previous release, ${x(ratio(run.cpuMsPerOp, floor.cpuMsPerOp))} floor`;
        rows.push({ variant: `${workload.title}: ${label}`, figures: figuresOf(run), note: `${note}${failuresNote(run)}` });
      }
      if (direct) {
        const backend = runs.at(-1) as RunFigures;
        const added = ours.p50Ms !== null && backend.p50Ms !== null ? ours.p50Ms - backend.p50Ms : null;
        const addedPrevious = previous?.p50Ms != null && backend.p50Ms !== null ? previous.p50Ms - backend.p50Ms : null;
        const addedFloor = floor.p50Ms !== null && backend.p50Ms !== null ? floor.p50Ms - backend.p50Ms : null;
        metrics.productAddedP50Ms = added;
        rows.push({ variant: `${workload.title}: catalog directly`, figures: figuresOf(backend), note: `added p50: gateway ${added?.toFixed(3)} ms, previous release ${addedPrevious?.toFixed(3) ?? 'n/a'} ms, floor ${addedFloor?.toFixed(3)} ms` });
      }
    }
    notes.push(
      ctx.baselineRoot ? `previous release: the production build of ${ctx.baselineRoot}, run in this same run` : 'previous release: not run (no --baseline <checkout>)',
      `runs of each workload rotate over the ${variants.length} processes (median of ${ctx.settings.repeats}); the gateways log at info to a file; field cache off in all; ${connections} connections (one product: ${ctx.settings.latencyConnections})`,
      'floor: bench/floor/floor-server.ts, the same schemas, resolvers, loaders and clients with the same executor (GRAPHQL_EXECUTOR) over node:http, nothing else',
    );
    return { rows, metrics, notes };
  },
};
