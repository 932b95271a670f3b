import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { SERVICES, type ServiceName } from '../../backends/control/control-plane.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN, ORDER_HISTORY } from '../helpers/example-operations.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

/** Long enough that the backends that are not hung answer in time on a loaded machine. */
const TIMEOUT_MS = 1_000;
/** Long enough that the fast-failure checks below finish before the circuit half-opens, even on a loaded machine. */
const RESET_MS = 3_000;
/**
 * The hung backend never answers until it is released, so any answer proves the timeout fired; this bound
 * only turns a request that waits on the backend into a readable failure instead of a test timeout.
 */
const HANG_GUARD_MS = 10_000;
const MAX_ROUNDS = 30;

let backends: Backends;
let gateway: TestGateway;
let token: string;

before(async () => {
  backends = await startTestBackends();
  gateway = await startTestGateway(backends, {
    ACCOUNTS_TIMEOUT_MS: String(TIMEOUT_MS),
    CATALOG_TIMEOUT_MS: String(TIMEOUT_MS),
    ORDERS_TIMEOUT_MS: String(TIMEOUT_MS),
    INVENTORY_TIMEOUT_MS: String(TIMEOUT_MS),
    BREAKER_VOLUME: '4',
    // Every request must reach the backends: no field cache answering in their place.
    CACHE_ENABLED: 'false',
    BREAKER_RESET_MS: String(RESET_MS),
  });
  token = await tokenFor(gateway.config, 'u1');
});

after(async () => {
  backends?.control.releaseAll();
  await gateway?.close();
  await backends?.close();
});

type Response = { status: number; body: GraphQLBody; elapsedMs: number };

async function timed(surface: 'web' | 'mobile', query: string): Promise<Response> {
  const started = performance.now();
  const response = await graphql(gateway, surface, query, { token, variables: surface === 'web' ? { first: 20 } : {} });
  return { status: response.status, body: response.body, elapsedMs: performance.now() - started };
}

/** Both pages once, one after the other. */
async function bothPages(): Promise<Response[]> {
  return [await timed('web', ORDER_HISTORY), await timed('mobile', HOME_SCREEN)];
}

async function circuitState(service: ServiceName): Promise<number> {
  return sumOf(await scrape(gateway.adminUrl), 'gateway_circuit_state', { service });
}

async function attempts(service: ServiceName, outcome: string): Promise<number> {
  return sumOf(await scrape(gateway.adminUrl), 'gateway_backend_call_duration_seconds_count', { service, outcome });
}

/** Answered in time, with data, and every error is `allowed` for the hung service. */
function assertPartial(service: ServiceName, response: Response, allowed: readonly string[]): void {
  assert.equal(response.status, 200);
  assert.ok(response.elapsedMs < HANG_GUARD_MS, `answered while ${service} was still hung (after ${Math.round(response.elapsedMs)} ms)`);
  assert.ok(response.body.data && typeof response.body.data === 'object', 'partial data');
  const errors = response.body.errors ?? [];
  assert.ok(errors.length > 0, `a coded error for ${service}`);
  for (const error of errors) {
    assert.equal(error.extensions?.service, service, JSON.stringify(error));
    assert.ok(allowed.includes(String(error.extensions?.code)), JSON.stringify(error));
  }
}

const codesOf = (responses: Response[]): Set<string> => new Set(responses.flatMap((r) => (r.body.errors ?? []).map((e) => String(e.extensions?.code))));

describe('a hung backend: timeout, open circuit, fast failures, probe, recovery', () => {
  for (const service of SERVICES) {
    it(`${service} hung`, async () => {
      backends.control.reset();
      assert.equal(await circuitState(service), 0, 'the circuit starts closed');
      backends.control.setFaults(service, { hang: true });

      const seen: Response[] = [];
      let rounds = 0;
      while ((await circuitState(service)) !== 2) {
        assert.ok(++rounds <= MAX_ROUNDS, `the ${service} circuit opens within ${MAX_ROUNDS} rounds`);
        const responses = await bothPages();
        for (const response of responses) assertPartial(service, response, ['BACKEND_TIMEOUT', 'BACKEND_UNAVAILABLE']);
        seen.push(...responses);
      }
      assert.ok(codesOf(seen).has('BACKEND_TIMEOUT'), `BACKEND_TIMEOUT for ${service} before the circuit opened`);

      // Open: calls fail fast and no longer reach the backend, while requests continue.
      const received = backends.control.stats(service).calls;
      const timedOut = await attempts(service, 'TIMEOUT');
      const fastFailed = await attempts(service, 'UNAVAILABLE');
      const open = [...(await bothPages()), ...(await bothPages())];
      for (const response of open) assertPartial(service, response, ['BACKEND_UNAVAILABLE']);
      assert.equal(backends.control.stats(service).calls, received, 'no call reaches the backend while the circuit is open');
      assert.equal(await attempts(service, 'TIMEOUT'), timedOut, 'no attempt waits for the timeout');
      assert.ok((await attempts(service, 'UNAVAILABLE')) >= fastFailed + open.length, 'every request failed fast');

      // Released: after the reset time the circuit half-opens; the next request probes and closes it.
      backends.control.setFaults(service, { hang: false });
      await sleep(RESET_MS);
      let state = await circuitState(service);
      for (let i = 0; state !== 1 && i < 40; i++) {
        await sleep(50);
        state = await circuitState(service);
      }
      assert.equal(state, 1, 'half-open after the reset time');
      const probe = await timed('mobile', HOME_SCREEN);
      assert.equal(probe.status, 200);
      assert.equal(await circuitState(service), 0, 'the probe succeeded: closed');
      for (const response of await bothPages()) {
        assert.equal(response.status, 200);
        assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
      }
    });
  }
});
