import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { BackendGuard, type GuardOptions } from '../../clients/resilience/backend-guard.ts';
import type { AttemptReport } from '../../clients/call-options.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy.ts';

const MAX_ATTEMPTS = 3;
const RATIO = 0.2;
const RESERVE = 10;
/** One catalog call (GET /products, one id) per request, measured. */
const PRODUCT = '{ product(id: "p1") { id name } }';
const UPDATE_PROFILE = 'mutation { updateProfile(input: { displayName: "Retry Test" }) { id } }';

const failure = (code: UpstreamErrorCode, extra: { retryAfterMs?: number } = {}): UpstreamError =>
  new UpstreamError(`catalog ${code}`, { service: 'catalog', code, operation: 'GET /products', ...extra });

/** A guard without breaker and with ~1 ms backoff, so only the retry policy is under test. */
const guardOf = (options: GuardOptions = {}): BackendGuard =>
  new BackendGuard('catalog', { maxAttempts: MAX_ATTEMPTS, retryBaseMs: 1, retryMaxMs: 1, breaker: false, timeoutMs: 5_000, ...options });

/** An attempt function failing with the given errors in turn, then succeeding; counts its calls. */
function scripted(errors: UpstreamError[]): { attempt: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    attempt: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('BackendGuard retry policy (fake attempts)', () => {
  it('retries UNAVAILABLE and INTERNAL up to the attempt limit, then fails with the last error', async () => {
    for (const code of ['UNAVAILABLE', 'INTERNAL'] as const) {
      const fake = scripted(Array.from({ length: 10 }, () => failure(code)));
      await assert.rejects(guardOf().run('GET /products', true, {}, fake.attempt), (error: unknown) => error instanceof UpstreamError && error.code === code);
      assert.equal(fake.calls(), MAX_ATTEMPTS, code);
    }
  });

  it('a read whose first attempt fails succeeds on the retry; the observer sees both attempts', async () => {
    const fake = scripted([failure('UNAVAILABLE')]);
    const reports: AttemptReport[] = [];
    const result = await guardOf().run('GET /products', true, { observer: (r) => reports.push(r) }, fake.attempt);
    assert.equal(result, 'ok');
    assert.equal(fake.calls(), 2);
    assert.deepEqual(reports.map((r) => [r.attempt, r.outcome]), [[1, 'UNAVAILABLE'], [2, 'ok']]);
  });

  it('never retries input or state failures, nor timeouts', async () => {
    for (const code of ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT', 'TIMEOUT', 'BAD_RESPONSE'] as const) {
      const fake = scripted([failure(code), failure(code)]);
      await assert.rejects(guardOf().run('GET /products', true, {}, fake.attempt), (error: unknown) => error instanceof UpstreamError && error.code === code);
      assert.equal(fake.calls(), 1, code);
    }
  });

  it('never retries a call that is not idempotent', async () => {
    const fake = scripted([failure('UNAVAILABLE'), failure('UNAVAILABLE')]);
    await assert.rejects(guardOf().run('PATCH /users/{id}/profile', false, {}, fake.attempt));
    assert.equal(fake.calls(), 1);
  });

  it('the budget: the reserve of retries, then only `ratio` retries per first attempt', async () => {
    // Ratio 0: exactly the reserve is spent, then no call retries any more.
    const guard = guardOf({ retryRatio: 0 });
    let attempts = 0;
    const alwaysFails = async (): Promise<never> => {
      attempts++;
      throw failure('UNAVAILABLE');
    };
    for (let i = 0; i < 8; i++) await assert.rejects(guard.run('GET /products', true, {}, alwaysFails));
    assert.equal(attempts, 8 + RESERVE);

    // Ratio 0.2 after the reserve is spent: about one retry per five first attempts.
    const shared = guardOf({ retryRatio: RATIO });
    attempts = 0;
    const calls = 100;
    for (let i = 0; i < calls; i++) await assert.rejects(shared.run('GET /products', true, {}, alwaysFails));
    const retries = attempts - calls;
    assert.ok(retries >= RESERVE, `the reserve is used (${retries} retries)`);
    assert.ok(retries <= RESERVE + Math.ceil(RATIO * calls), `${retries} retries over ${calls} calls stay within the budget`);
  });

  it('honours Retry-After (retryAfterMs) as the least wait before the retry', async () => {
    const fake = scripted([failure('UNAVAILABLE', { retryAfterMs: 200 })]);
    const started = performance.now();
    assert.equal(await guardOf().run('GET /products', true, {}, fake.attempt), 'ok');
    assert.equal(fake.calls(), 2);
    assert.ok(performance.now() - started >= 195, 'waited at least the Retry-After time');
  });

  it('does not retry when the wait would pass the deadline, nor after it', async () => {
    const tooLate = scripted([failure('UNAVAILABLE', { retryAfterMs: 500 })]);
    await assert.rejects(guardOf({ timeoutMs: 100 }).run('GET /products', true, {}, tooLate.attempt));
    assert.equal(tooLate.calls(), 1, 'Retry-After beyond the deadline: no retry');

    let calls = 0;
    const slowFailure = async (): Promise<never> => {
      calls++;
      await sleep(80);
      throw failure('UNAVAILABLE');
    };
    await assert.rejects(guardOf().run('GET /products', true, { deadline: Date.now() + 50 }, slowFailure));
    assert.equal(calls, 1, 'the call deadline had passed: no retry');
  });

  it('does not retry once the caller aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const abortingFailure = async (): Promise<never> => {
      calls++;
      controller.abort();
      throw failure('UNAVAILABLE');
    };
    await assert.rejects(guardOf().run('GET /products', true, { signal: controller.signal }, abortingFailure));
    assert.equal(calls, 1);
  });
});

describe('retries through the gateway, counted at the backends', () => {
  let backends: Backends;
  /** The breaker stays closed and the field cache off: both would stop the calls counted below. */
  const env = { RETRY_MAX_ATTEMPTS: String(MAX_ATTEMPTS), RETRY_BUDGET_RATIO: String(RATIO), BREAKER_VOLUME: '10000', CACHE_ENABLED: 'false' };
  const gateways: TestGateway[] = [];
  let proxy: FlakyProxy | undefined;

  before(async () => {
    backends = await startTestBackends();
  });

  after(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await proxy?.close();
    await backends?.close();
  });

  beforeEach(() => backends.control.reset());

  /** A new gateway: a full retry budget. */
  async function freshGateway(extra: Record<string, string> = {}): Promise<TestGateway> {
    const gateway = await startTestGateway(backends, { ...env, ...extra });
    gateways.push(gateway);
    return gateway;
  }

  it('catalog failing every call: one read makes RETRY_MAX_ATTEMPTS attempts; over many, retries stay within the budget', async () => {
    const gateway = await freshGateway();
    const token = await tokenFor(gateway.config, 'u1');
    const healthy = await graphql(gateway, 'web', PRODUCT, { token });
    assert.equal(healthy.body.errors, undefined);
    assert.equal(backends.control.stats('catalog').calls, 1, 'the read is one catalog call when healthy');

    backends.control.reset();
    backends.control.setFaults('catalog', { errorRate: 1 });
    const one = await graphql(gateway, 'web', PRODUCT, { token });
    assert.equal(one.status, 200);
    assert.equal(one.body.errors?.[0]?.extensions?.code, 'BACKEND_ERROR');
    assert.equal(backends.control.stats('catalog').calls, MAX_ATTEMPTS);

    const requests = 60;
    for (let i = 0; i < requests; i++) await graphql(gateway, 'web', PRODUCT, { token });
    // First attempts: the healthy read, the first failing one and these; each deposited `ratio` of a retry.
    const firsts = requests + 2;
    const calls = backends.control.stats('catalog').calls + 1;
    const retries = calls - firsts;
    assert.ok(retries >= RESERVE, `the reserve was spent (${retries} retries)`);
    assert.ok(retries <= RESERVE + Math.ceil(RATIO * firsts), `${retries} retries for ${firsts} first attempts: at most ${RATIO} of them plus the reserve of ${RESERVE}`);
    assert.ok(calls < firsts * MAX_ATTEMPTS, 'far fewer calls than unbudgeted retries would make');
  });

  it('a read whose first attempt fails is retried and answers whole', async () => {
    // Every odd request to catalog is answered 503 by the proxy: each read fails once, then passes.
    proxy = await startFlakyProxy(backends.catalog.url, (n) => n % 2 === 1);
    const gateway = await freshGateway({ CATALOG_URL: proxy.url });
    const token = await tokenFor(gateway.config, 'u1');
    const reads = 5;
    for (let i = 0; i < reads; i++) {
      const response = await graphql(gateway, 'web', PRODUCT, { token });
      assert.equal(response.status, 200);
      assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
      assert.deepEqual(response.body.data, { product: { id: 'p1', name: backends.dataset.products.get('p1')?.name } });
    }
    assert.equal(proxy.received, 2 * reads, 'each read: one failed attempt, one retry');
    assert.equal(backends.control.stats('catalog').calls, reads, 'every retry reached the backend');
  });

  it('a mutation without idempotency key (updateProfile → PATCH) is never retried', async () => {
    const gateway = await freshGateway();
    const token = await tokenFor(gateway.config, 'u1');
    backends.control.setFaults('accounts', { errorRate: 1 });
    const response = await graphql(gateway, 'web', UPDATE_PROFILE, { token });
    assert.equal(response.status, 200);
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'BACKEND_ERROR', JSON.stringify(response.body.errors));
    assert.deepEqual(backends.control.stats('accounts').byMethod, { 'PATCH /users/{id}/profile': 1 });
  });
});
