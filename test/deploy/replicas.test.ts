import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { backendEnv, startTestBackends, tokenFor } from '../helpers/gateway.ts';
import { backendCalls, flushRedisDb } from '../helpers/cache-gateway.ts';
import { REDIS_SERVER_URL } from '../helpers/redis-server.ts';
import { postThrough, startBalancer, startReplica, type Balancer, type Exchange, type ReplicaProcess } from '../helpers/replicas.ts';
import { loadConfig } from '../../src/config.ts';

/** A database of its own on the test Redis server (flushed before the suite). */
const REDIS_URL = `${REDIS_SERVER_URL}/12`;
const SECRET = 'replicas-test-secret-0123456789-abcdef';
const BUDGET = 5;
const DRAIN_DELAY_MS = 3_000;
const PRODUCT = 'query($id: ID!) { product(id: $id) { id name stock { available } } }';

let backends: Backends;
let directory: string;
const replicas: Record<string, ReplicaProcess> = {};
let balancer: Balancer;
let agent: http.Agent;

before(async () => {
  await flushRedisDb(REDIS_URL);
  backends = await startTestBackends();
  directory = mkdtempSync(join(tmpdir(), 'bff-replicas-'));
  const env = {
    ...backendEnv(backends),
    NODE_ENV: 'production',
    JWT_SECRET: SECRET,
    BACKENDS: 'external',
    REDIS_URL,
    // A loaded machine can take longer than the default 100 ms; the fallback is tested elsewhere.
    REDIS_TIMEOUT_MS: '2000',
    TRUST_PROXY: '1',
    DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    SHUTDOWN_DRAIN_MS: '5000',
    THROTTLE_KEY_PREFIX: `test:replicas:${randomUUID().slice(0, 8)}:`,
    MOBILE_THROTTLE_CAPACITY: String(BUDGET),
    MOBILE_THROTTLE_RESTORE_RATE: '0.001',
    MOBILE_MAX_COST: String(BUDGET),
  };
  [replicas.gateway1, replicas.gateway2] = await Promise.all([startReplica(env), startReplica(env)]);
  balancer = await startBalancer(directory, replicas as Record<string, ReplicaProcess>);
  for (let waited = 0; ; waited += 100) {
    const states = await balancer.servers();
    if (states.gateway1?.status === 'UP' && states.gateway2?.status === 'UP') break;
    if (waited > 20_000) assert.fail(`replicas not UP in HAProxy: ${JSON.stringify(states)}`);
    await sleep(100);
  }
  agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
});

after(async () => {
  agent?.destroy();
  await balancer?.stop();
  for (const replica of Object.values(replicas)) {
    if (replica.child.exitCode === null) replica.child.kill('SIGTERM');
    await replica.exited;
  }
  await backends?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const through = (surface: 'web' | 'mobile', query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Exchange> =>
  postThrough(balancer.socketPath, agent, `/${surface}/graphql`, { query, variables }, headers);

describe('two gateway processes behind HAProxy, sharing Redis', () => {
  it("holds a client's budget across both replicas", async () => {
    const token = await tokenFor(loadConfig({ JWT_SECRET: SECRET }), 'u11');
    const served = new Map<string, number[]>();
    for (let i = 0; i < BUDGET + 3; i++) {
      const { status, headers } = await through('mobile', '{ product(id: "p1") { id } }', {}, { authorization: `Bearer ${token}` });
      const server = String(headers['x-served-by']);
      served.set(server, [...(served.get(server) ?? []), status]);
    }
    assert.deepEqual([...served.keys()].sort(), ['gateway1', 'gateway2'], 'the balancer used both replicas');
    const statuses = [...served.values()].flat();
    assert.equal(statuses.filter((status) => status === 200).length, BUDGET, `one budget of ${BUDGET} for both: ${JSON.stringify(Object.fromEntries(served))}`);
    assert.equal(statuses.filter((status) => status === 429).length, 3);
  });

  it('serves through one replica a cache entry written through the other', async () => {
    const id = 'p42';
    const first = await through('web', PRODUCT, { id });
    assert.equal(first.status, 200, first.body);
    backends.control.reset();
    // Round robin: the next requests alternate; take the first that lands on the other replica.
    let second: Exchange | undefined;
    for (let i = 0; i < 4 && !second; i++) {
      const response = await through('web', PRODUCT, { id });
      if (response.headers['x-served-by'] !== first.headers['x-served-by']) second = response;
    }
    assert.ok(second, 'a request reached the other replica');
    assert.equal(second.status, 200);
    assert.deepEqual(JSON.parse(second.body).data, JSON.parse(first.body).data);
    assert.deepEqual(backendCalls(backends), { accounts: 0, catalog: 0, orders: 0, inventory: 0 }, 'answered from the shared cache');
  });

  it('loses no request when one replica gets SIGTERM under load: the balancer moves traffic during the drain delay', async () => {
    const results = new Map<string, number>();
    const servedAfterSignal = new Map<string, number>();
    let signalled = false;
    let stop = false;
    const worker = async (n: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        let outcome: string;
        let server = '';
        try {
          const response = await through('web', PRODUCT, { id: `p${1 + ((n * 37 + i) % 300)}` });
          const body = JSON.parse(response.body) as { errors?: unknown };
          outcome = response.status === 200 && !body.errors ? 'ok' : `HTTP ${response.status} ${response.body.slice(0, 120)}`;
          server = String(response.headers['x-served-by']);
        } catch (error) {
          outcome = `connection: ${(error as Error).message}`;
        }
        results.set(outcome, (results.get(outcome) ?? 0) + 1);
        if (signalled && outcome === 'ok') servedAfterSignal.set(server, (servedAfterSignal.get(server) ?? 0) + 1);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    await sleep(1_000);
    signalled = true;
    replicas.gateway1!.child.kill('SIGTERM');
    const code = await Promise.race([replicas.gateway1!.exited, sleep(20_000).then(() => 'still running 20 s after SIGTERM')]);
    await sleep(500);
    stop = true;
    await load;
    const outcomes = Object.fromEntries(results);
    assert.deepEqual(Object.keys(outcomes), ['ok'], `every request answered: ${JSON.stringify(outcomes)}`);
    assert.ok(results.get('ok')! > 50, `load ran: ${results.get('ok')} requests`);
    assert.ok((servedAfterSignal.get('gateway2') ?? 0) > 0, 'the other replica took the traffic');
    // Readiness, not failed requests, took it out: HAProxy never had to try a request again.
    const { gateway1 } = await balancer.servers();
    assert.equal(gateway1?.status, 'DOWN');
    assert.deepEqual({ retries: gateway1.retries, redispatches: gateway1.redispatches }, { retries: 0, redispatches: 0 });
    assert.equal(code, 0, 'the replica drained and exited cleanly');
  });
});
