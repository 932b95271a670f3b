import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { loadConfig } from '../../src/config.ts';
import { backendEnv, startTestBackends, tokenFor } from '../helpers/gateway.ts';
import { HOME_SCREEN } from '../helpers/example-operations.ts';

/** Added to every backend (the issue names inventory; which backends the page reaches depends on caching). */
const LATENCY_MS = 300;
const LOOPS = 10;
const SECRET = 'shutdown-test-secret-0123456789abcdef';
const MAIN = new URL('../../src/main.ts', import.meta.url);

let backends: Backends;
let child: ChildProcess | undefined;

before(async () => {
  backends = await startTestBackends();
});

after(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await backends?.close();
});

/** Starts `node src/main.ts` and resolves with its base URL, read from its JSON start-up log. */
async function startGatewayProcess(env: Record<string, string>): Promise<{ process: ChildProcess; url: string; exited: Promise<number | null> }> {
  const started = spawn(process.execPath, [MAIN.pathname], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  const exited = once(started, 'exit').then(([code]) => code as number | null);
  let stdout = '';
  let stderr = '';
  started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    started.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const { msg } = JSON.parse(line) as { msg?: string };
        const match = /web endpoint: (http:\/\/[^/]+)\/web\/graphql/.exec(msg ?? '');
        if (match?.[1]) resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`the gateway exited (${code}) before listening: ${stderr}`)));
  });
  return { process: started, url, exited };
}

type Outcome = { id: string; status?: number; whole?: boolean; error?: string };

/** Error code of a failed fetch or http request (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET...). */
const codeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code ?? String(error);
};

/** One request on a new connection: its status, or the connection error's code. */
function freshConnection(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(`${url}/healthz`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error) => resolve(codeOf(error)));
    request.end();
  });
}

describe('graceful shutdown (SIGTERM)', () => {
  it('drains in-flight requests with 200, refuses new connections, exits 0', { timeout: 60_000 }, async () => {
    const env = { ...backendEnv(backends), NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ADMIN_PORT: '0', LOG_PRETTY: 'false', LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '5000', JWT_SECRET: SECRET, CACHE_ENABLED: 'false' };
    const gateway = await startGatewayProcess(env);
    const token = await tokenFor(loadConfig(env), 'u1');
    for (const service of SERVICES) backends.control.setFaults(service, { latencyMs: LATENCY_MS });

    const outcomes = new Map<string, Outcome>();
    let stopped = false;
    const loop = async (n: number): Promise<void> => {
      for (let i = 0; !stopped; i++) {
        const id = `shutdown-${n}-${i}`;
        const outcome: Outcome = { id };
        outcomes.set(id, outcome);
        try {
          const response = await fetch(`${gateway.url}/mobile/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': id },
            body: JSON.stringify({ query: HOME_SCREEN }),
          });
          outcome.status = response.status;
          const body = (await response.json()) as { data?: unknown; errors?: unknown };
          outcome.whole = body.errors === undefined && body.data !== null;
        } catch (error) {
          outcome.error = codeOf(error);
        }
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, n) => loop(n));

    // In flight at the signal: received by the gateway (it already called a backend) and not answered yet.
    // Polled rather than slept for, so that a slow machine signals only once the stream flows (bounded).
    let inFlight: string[] = [];
    for (let polls = 0; polls < 400; polls++) {
      await sleep(50);
      const reachedBackend = new Set(SERVICES.flatMap((service) => backends.control.stats(service).recent.map((call) => call.requestId)));
      inFlight = [...outcomes.values()].filter((o) => reachedBackend.has(o.id) && o.status === undefined && o.error === undefined).map((o) => o.id);
      const answered = [...outcomes.values()].filter((o) => o.status === 200).length;
      if (inFlight.length > 0 && answered > LOOPS) break;
    }
    gateway.process.kill('SIGTERM');
    stopped = true;

    await sleep(100);
    const probe = await freshConnection(gateway.url);
    assert.ok(probe === 'ECONNREFUSED' || probe === 503, `a new connection during shutdown: ${probe}`);

    await Promise.all(loops);
    assert.equal(await gateway.exited, 0, 'exit code 0');

    assert.ok(inFlight.length > 0, 'some requests were in flight at the signal');
    for (const id of inFlight) assert.deepEqual(outcomes.get(id), { id, status: 200, whole: true }, `in flight at the signal: ${id}`);
    const completed = [...outcomes.values()].filter((o) => o.status === 200);
    assert.ok(completed.length > LOOPS, 'the stream was flowing before the signal');
    for (const outcome of outcomes.values()) {
      const acceptable = outcome.status === 200 || outcome.status === 503 || ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(outcome.error ?? '');
      assert.ok(acceptable, JSON.stringify(outcome));
    }
    assert.equal(await freshConnection(gateway.url), 'ECONNREFUSED', 'nothing listens once the process is gone');
  });
});
