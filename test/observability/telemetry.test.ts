import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { backendEnv, startTestBackends } from '../helpers/gateway.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const ROOT = new URL('../../', import.meta.url);

/** Runs `node [preload] src/main.ts`, sends one traced request, stops it, and returns its stdout. */
async function runGateway(backends: Backends, preload: string[], env: Record<string, string>, traced = true): Promise<string> {
  const child = spawn(process.execPath, [...preload, 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...backendEnv(backends), PORT: '0', ADMIN_PORT: '0', LOG_PRETTY: 'false', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const listening = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /web endpoint: (http:\/\/[^"\s]+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const url = await Promise.race([listening, once(child, 'exit').then(() => assert.fail(`the gateway exited early:\n${stdout}`))]);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(traced ? { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` } : {}) },
    body: JSON.stringify({ query: '{ product(id: "p1") { id name } }' }),
  });
  assert.equal(response.status, 200);
  await response.arrayBuffer();
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, stdout);
  return stdout;
}

describe('OpenTelemetry export (standard OTEL_* settings)', () => {
  let backends: Backends;
  before(async () => {
    backends = await startTestBackends();
  });
  after(async () => {
    await backends?.close();
  });

  it('is off by default: no span is exported', async () => {
    const stdout = await runGateway(backends, [], { OTEL_TRACES_EXPORTER: 'console' });
    assert.ok(!stdout.includes('instrumentationScope'), 'no exporter output without the preload');
  });

  it('preloaded, exports spans of the caller’s trace (HTTP in and out, gRPC, GraphQL) to the configured exporter', async () => {
    const stdout = await runGateway(backends, ['--import', './src/observability/telemetry.ts'], {
      OTEL_TRACES_EXPORTER: 'console',
      OTEL_SERVICE_NAME: 'bff-gateway-test',
    });
    assert.ok(stdout.includes('instrumentationScope'), `the console exporter printed spans:\n${stdout.slice(0, 2000)}`);
    assert.ok(stdout.includes(TRACE_ID), 'spans continue the trace of the incoming traceparent');
    assert.match(stdout, /@opentelemetry\/instrumentation-http/);
    assert.match(stdout, /@opentelemetry\/instrumentation-graphql/);
  });

  it('preloaded, a request with no traceparent has one trace id: in its log line, in the exported spans and at the backends', async () => {
    backends.control.reset();
    const stdout = await runGateway(backends, ['--import', './src/observability/telemetry.ts'], { OTEL_TRACES_EXPORTER: 'console', LOG_LEVEL: 'info' }, false);
    const line = stdout
      .split('\n')
      .filter((text) => text.startsWith('{"level"'))
      .map((text) => JSON.parse(text) as { msg?: string; traceId?: string })
      .find((entry) => entry.msg === 'graphql request');
    const traceId = line?.traceId ?? '';
    assert.match(traceId, /^[0-9a-f]{32}$/, stdout.slice(0, 2000));
    assert.ok(stdout.includes(`traceId: '${traceId}'`), 'the exported spans carry the trace id of the log line');
    const sent = backends.control.stats('catalog').recent.map((call) => call.traceparent?.slice(3, 35));
    assert.ok(sent.length > 0);
    for (const id of sent) assert.equal(id, traceId, 'the catalog call carries the same trace');
  });
});
