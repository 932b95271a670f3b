import type { ScenarioResult, TargetResult } from './results.ts';

const LIMITS = {
  addedP50Ms: 1,
  cpuMsPerCall: 0.35,
  shieldRatio: 1.3,
  loggingCostPercent: 2,
  cacheSpeedup: 5,
  idleRssMb: 150,
  burstAddedMb: 250,
  startMs: 2_000,
  /** Soak growth allowed as noise: the larger of 5 MB and 10% of the post-warm-up heap. */
  soakNoiseMb: 5,
  soakNoiseFraction: 0.1,
  /** Gateway CPU per operation against the previous release's, same run. */
  cpuVsBaseline: 0.5,
  /** Gateway CPU per operation against the floor's (no framework, no plugins), same run. */
  cpuVsFloor: 1.5,
  /** Gateway-added p50 on one product by id, in ms. */
  productAddedP50Ms: 0.3,
} as const;

type Metric = number | null | undefined;

function metricsOf(scenarios: readonly ScenarioResult[], id: string): Record<string, number | null> | undefined {
  const scenario = scenarios.find((s) => s.id === id);
  return scenario && scenario.status === 'ok' ? scenario.metrics : undefined;
}

function fixed(value: Metric, digits = 2): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function judge(target: string, value: Metric, ok: (v: number) => boolean, measured: string): TargetResult {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { target, measured: 'not measured', status: 'pending' };
  return { target, measured, status: ok(value) ? 'met' : 'not met' };
}

/** Each performance target (README, Performance) with its value measured in this run and met / not met / pending. */
export function evaluateTargets(scenarios: readonly ScenarioResult[]): TargetResult[] {
  const web = metricsOf(scenarios, 'web-order-history');
  const mobile = metricsOf(scenarios, 'mobile-home');
  const overhead = metricsOf(scenarios, 'overhead');
  const loaders = metricsOf(scenarios, 'loaders');
  const logging = metricsOf(scenarios, 'logging');
  const memory = metricsOf(scenarios, 'memory');
  const startup = metricsOf(scenarios, 'startup');
  const authorization = metricsOf(scenarios, 'authorization');
  const cache = metricsOf(scenarios, 'cache');
  const chaos = metricsOf(scenarios, 'chaos');
  const targets: TargetResult[] = [];

  const expected = web?.expectedCallsPerOp;
  targets.push(
    judge(
      'batching: calls/op = one per backend per resolver level (ceil by batch limit)',
      web?.callsPerOp,
      (v) => typeof expected === 'number' && v <= expected + 0.05,
      `web order history ${fixed(web?.callsPerOp)} calls/op (expected ${fixed(expected, 0)}); loaders off ${fixed(loaders?.callsPerOpOff, 1)}`,
    ),
  );
  targets.push(
    judge('overhead: gateway-added p50 <= 1 ms (one-backend query)', overhead?.addedP50Ms, (v) => v <= LIMITS.addedP50Ms, `${fixed(overhead?.addedP50Ms, 3)} ms (p99 +${fixed(overhead?.addedP99Ms, 3)} ms)`),
  );
  for (const [name, m] of [
    ['web order history', web],
    ['mobile home', mobile],
    ['one-backend query', overhead],
  ] as const) {
    targets.push(judge(`overhead: gateway CPU <= 0.35 ms per backend call (${name})`, m?.cpuMsPerCall, (v) => v <= LIMITS.cpuMsPerCall, `${fixed(m?.cpuMsPerCall, 3)} ms`));
  }
  targets.push(
    judge(
      'authorization: shield <= 1.3x on a 1,000-item list',
      authorization?.cpuRatio,
      (v) => v <= LIMITS.shieldRatio,
      `${fixed(authorization?.cpuRatio)}x CPU per operation (no-shield req/s ${fixed(authorization?.rpsRatio)}x)`,
    ),
  );

  const lines = logging?.linesPerRequest;
  if (typeof lines === 'number' && lines < 0.99) {
    targets.push({
      target: 'logging: one pino line per request costs <= 2% throughput',
      measured: `the gateway writes ${fixed(lines)} lines/request (no per-request line yet); info vs silent cost ${fixed(logging?.costPercent, 1)}%`,
      status: 'pending',
    });
  } else {
    targets.push(judge('logging: one pino line per request costs <= 2% throughput', logging?.costPercent, (v) => v <= LIMITS.loggingCostPercent, `${fixed(logging?.costPercent, 1)}% (${fixed(lines)} lines/request)`));
  }
  targets.push(
    judge(
      'cache: warm = 0 backend calls and >= 5x faster than cold',
      cache?.speedup,
      (v) => v >= LIMITS.cacheSpeedup && cache?.warmCallsPerOp === 0,
      `${fixed(cache?.speedup)}x req/s, ${fixed(cache?.warmCallsPerOp)} backend calls/op warm (cold ${fixed(cache?.coldCallsPerOp)})`,
    ),
  );

  targets.push(judge('memory: idle RSS <= 150 MB', memory?.idleRssMb, (v) => v <= LIMITS.idleRssMb, `${fixed(memory?.idleRssMb, 0)} MB`));
  targets.push(
    judge('memory: <= 250 MB more at 1,000 concurrent requests', memory?.burstAddedMb, (v) => v <= LIMITS.burstAddedMb, `+${fixed(memory?.burstAddedMb, 0)} MB (peak ${fixed(memory?.burstPeakRssMb, 0)} MB)`),
  );
  const base = memory?.heapAfterWarmUpMb ?? 0;
  targets.push(
    judge(
      'memory: no growth over a soak (heap after GC)',
      memory?.heapGrowthMb,
      (v) => v <= Math.max(LIMITS.soakNoiseMb, base * LIMITS.soakNoiseFraction),
      `heap ${fixed(memory?.heapAfterWarmUpMb, 1)} -> ${fixed(memory?.heapAfterSoakMb, 1)} MB (${fixed(memory?.heapGrowthMb, 1)} MB; RSS ${fixed(memory?.rssGrowthMb, 1)} MB)`,
    ),
  );
  targets.push(
    judge(
      'chaos: one backend hung, 20 clients: >= 99% HTTP 200 (partial data), 0 crashes, p99 <= timeout + 100 ms',
      chaos?.okShare,
      (v) => v >= 0.99 && chaos?.crashed === 0 && typeof chaos?.p99Ms === 'number' && chaos.p99Ms <= (chaos.p99BoundMs ?? 0),
      `${fixed((chaos?.okShare ?? 0) * 100)}% HTTP 200 (${fixed((chaos?.partialShare ?? 0) * 100, 1)}% partial), p99 ${fixed(chaos?.p99Ms, 0)} ms (bound ${fixed(chaos?.p99BoundMs, 0)}), crashes ${fixed(chaos?.crashed, 0)}`,
    ),
  );
  const fast = metricsOf(scenarios, 'fast-path');
  for (const [id, name] of [
    ['orderHistory', 'web order history'],
    ['list', '1,000-item list'],
  ] as const) {
    const value = fast?.[`${id}CpuVsBaseline`];
    targets.push(judge(`fast path: CPU/op <= 0.5x the previous release (${name})`, value, (v) => v <= LIMITS.cpuVsBaseline, `${fixed(value)}x (${fixed(fast?.[`${id}CpuMsPerOp`], 3)} ms/op)`));
  }
  for (const [id, name] of [
    ['orderHistory', 'web order history'],
    ['home', 'mobile home'],
  ] as const) {
    const value = fast?.[`${id}CpuVsFloor`];
    targets.push(judge(`fast path: CPU/op <= 1.5x the floor (${name})`, value, (v) => v <= LIMITS.cpuVsFloor, `${fixed(value)}x`));
  }
  targets.push(judge('fast path: gateway-added p50 <= 0.3 ms (one product by id)', fast?.productAddedP50Ms, (v) => v <= LIMITS.productAddedP50Ms, `${fixed(fast?.productAddedP50Ms, 3)} ms`));
  targets.push(judge('start: first answered request <= 2 s after start', startup?.firstQueryMs, (v) => v <= LIMITS.startMs, `${fixed(startup?.firstQueryMs, 0)} ms (/healthz ${fixed(startup?.healthzMs, 0)} ms)`));
  return targets;
}
