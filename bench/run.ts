// The benchmark suite: npm run bench [-- --quick] [--out <dir>] [--only id,id] [--profile] [--baseline <checkout>]
// Backends, each gateway variant and the load generator run in their own processes on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './context.ts';
import { controlClient } from './control-client.ts';
import { startLoadGenerator } from './load/load-generator.ts';
import { ROOT } from './paths.ts';
import { startBackendsProcess } from './processes/backends-process.ts';
import { killAllChildren, killChildrenOnExit } from './processes/children.ts';
import { startGateway, type GatewayProcess } from './processes/gateway-process.ts';
import { summarizeProfiles } from './profile-summary.ts';
import { markdownTables, textReport } from './report.ts';
import type { BenchReport, ScenarioResult } from './results.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { FULL, QUICK } from './settings.ts';
import { evaluateTargets } from './targets.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const settings = values.quick ? QUICK : FULL;
const startedAt = performance.now();
const log = (message: string) => console.error(`[bench ${((performance.now() - startedAt) / 1_000).toFixed(1).padStart(6)} s] ${message}`);

killChildrenOnExit();
// Every loop below is bounded; this bounds the whole run too, whatever hangs.
const watchdog = setTimeout(
  () => {
    log('bench exceeded its time budget: killing every child');
    killAllChildren();
    process.exit(1);
  },
  (values.quick ? 220 : 25 * 60) * 1_000,
);
watchdog.unref();

const tmpDir = mkdtempSync(join(tmpdir(), 'bff-bench-'));
const outDir = values.out ?? (values.quick ? tmpDir : join(ROOT, 'bench/results'));
const profileDir = join(tmpDir, 'profiles');
const only = values.only ? new Set(values.only.split(',')) : null;
const selected = SCENARIOS.filter((s) => !only || only.has(s.id));

log(`${values.quick ? 'quick' : 'full'} run: ${selected.length} scenarios, scratch ${tmpDir}`);
log('building the production artifact (npm run build)');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const backends = await startBackendsProcess();
log(`backends ready (pid ${backends.pid})`);
const load = startLoadGenerator();
const gateways = new Map<string, Promise<GatewayProcess>>();
const ctx: BenchContext = {
  settings,
  backends,
  control: controlClient(backends.addresses.control),
  load,
  baselineRoot: values.baseline ? resolve(values.baseline) : undefined,
  tmpDir,
  log,
  gateway(name, env = {}, extra = {}) {
    let gateway = gateways.get(name);
    if (!gateway) {
      const cpuProfDir = values.profile && name === 'default' ? { cpuProfDir: profileDir } : {};
      gateway = startGateway({ name, backends: backends.addresses, env, ...extra, ...cpuProfDir });
      gateway.then((g) => log(`gateway ${name} ready (pid ${g.pid}, ${g.url})`), () => undefined);
      gateways.set(name, gateway);
    }
    return gateway;
  },
};

const scenarios: ScenarioResult[] = [];
try {
  for (const scenario of selected) {
    log(`scenario ${scenario.id}: ${scenario.title}`);
    const began = performance.now();
    try {
      const outcome = await scenario.run(ctx);
      scenarios.push({ id: scenario.id, title: scenario.title, status: outcome.status ?? 'ok', rows: outcome.rows, metrics: outcome.metrics, notes: outcome.notes, elapsedSec: (performance.now() - began) / 1_000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`scenario ${scenario.id} FAILED: ${message}`);
      scenarios.push({ id: scenario.id, title: scenario.title, status: 'failed', rows: [], metrics: {}, notes: [], error: message, elapsedSec: (performance.now() - began) / 1_000 });
    }
  }
} finally {
  const started = await Promise.allSettled(gateways.values());
  await Promise.all(started.map((g) => (g.status === 'fulfilled' ? g.value.stop() : undefined)));
  await load.stop();
  await backends.stop();
}

const profileNotes: string[] = [];
if (values.profile && existsSync(profileDir)) {
  const { frames, packages } = summarizeProfiles(profileDir);
  profileNotes.push('Gateway CPU profile (default gateway, whole run), top self time:', ...frames.map((f) => `  ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.frame}`));
  profileNotes.push('By package / folder:', ...packages.map((f) => `  ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.frame}`));
}

const report: BenchReport = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  date: new Date().toISOString(),
  mode: values.quick ? 'quick' : 'full',
  machine: { cpuModel: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), node: process.version, platform: `${process.platform} ${process.arch}` },
  settings: { ...settings },
  scenarios,
  targets: evaluateTargets(scenarios),
  elapsedSec: (performance.now() - startedAt) / 1_000,
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ ...report, profile: profileNotes }, null, 2)}\n`);
const resultsMd = values.quick || values.out ? join(outDir, 'RESULTS.md') : join(ROOT, 'bench/RESULTS.md');
writeFileSync(resultsMd, updatedResultsMarkdown(resultsMd, report, profileNotes));
console.log(textReport(report));
for (const line of profileNotes) console.log(line);
log(`done in ${report.elapsedSec.toFixed(0)} s; wrote ${join(outDir, 'latest.json')} and ${resultsMd}`);
process.exitCode = scenarios.some((s) => s.status === 'failed') ? 1 : 0;

/** RESULTS.md with its generated part replaced (between the markers), keeping any hand-written analysis around it. */
function updatedResultsMarkdown(path: string, result: BenchReport, profile: string[]): string {
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const generated = [
    start,
    `Command: \`${result.command}\` (\`node bench/run.ts\`), ${result.mode} mode, ${result.date}.`,
    `Machine: ${result.machine.cores} cores, ${result.machine.cpuModel}, Node ${result.machine.node}, ${result.machine.platform}; took ${result.elapsedSec.toFixed(0)} s.`,
    `Settings: warm-up ${settings.warmupSec} s, ${settings.durationSec} s per run, ${settings.repeats} repeats (median), ${settings.connections} connections (overhead: ${settings.latencyConnections}), soak ${settings.soakSec} s, burst ${settings.burstConnections} connections for ${settings.burstSec} s.`,
    '',
    markdownTables(result),
    '',
    ...result.scenarios.flatMap((s) => (s.notes.length > 0 || s.error ? [`- **${s.title}**: ${[...s.notes, ...(s.error ? [`error: ${s.error}`] : [])].join('; ')}`] : [])),
    ...(profile.length > 0 ? ['', '```', ...profile, '```'] : []),
    end,
  ].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from >= 0 && to > from) return `${current.slice(0, from)}${generated}${current.slice(to + end.length)}`;
  return `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts); targets in the README (Performance).\n\n${generated}\n`;
}
