import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchReport } from '../../bench/results.ts';
import { SCENARIOS } from '../../bench/scenarios/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'bench-quick-test-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['bench/run.ts', '--quick', '--out', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The bench has its own watchdog; this only guards against the test hanging if it does not fire.
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

test('npm run bench -- --quick runs every scenario and reports numbers', { timeout: 300_000 }, async () => {
  const run = await runQuickBench();
  assert.equal(run.code, 0, `bench exited with ${run.code}\n${run.stderr.slice(-3_000)}`);
  const report = JSON.parse(readFileSync(join(outDir, 'latest.json'), 'utf8')) as BenchReport;

  assert.equal(report.mode, 'quick');
  assert.deepEqual(
    report.scenarios.map((s) => s.id),
    SCENARIOS.map((s) => s.id),
  );
  for (const scenario of report.scenarios) {
    assert.notEqual(scenario.status, 'failed', `${scenario.id} failed: ${scenario.error}`);
    assert.ok(scenario.rows.length > 0, `${scenario.id} has rows`);
    if (scenario.status === 'pending') continue;
    const numbers = [...Object.values(scenario.metrics), ...scenario.rows.flatMap((r) => Object.values(r.figures))].filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    assert.ok(numbers.length > 0, `${scenario.id} reported numbers`);
  }
  const byId = new Map(report.scenarios.map((s) => [s.id, s.metrics]));
  for (const [id, metric] of [
    ['web-order-history', 'callsPerOp'],
    ['web-order-history', 'cpuMsPerOp'],
    ['mobile-home', 'rps'],
    ['overhead', 'addedP50Ms'],
    ['loaders', 'callsPerOpOff'],
    ['logging', 'rpsRatio'],
    ['memory', 'idleRssMb'],
    ['memory', 'burstPeakRssMb'],
    ['startup', 'firstQueryMs'],
  ] as const) {
    assert.equal(typeof byId.get(id)?.[metric], 'number', `${id}.${metric} measured`);
  }
  // Loaders off can never need fewer backend calls than loaders on.
  const loaders = byId.get('loaders');
  assert.ok((loaders?.callsPerOpOff ?? 0) >= (loaders?.callsPerOpOn ?? Infinity));
  assert.ok(report.targets.length >= 10, 'every performance target is reported');
  assert.match(run.stdout, /Performance targets/);
  // Quick mode never touches the committed results.
  assert.ok(readFileSync(join(outDir, 'RESULTS.md'), 'utf8').includes('quick mode'));
});
