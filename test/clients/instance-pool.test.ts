import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InstancePool, type PoolEvent } from '../../clients/balancing/instance-pool.ts';
import { grpcTarget } from '../../clients/balancing/grpc-target.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';

const A = 'http://a:4001';
const B = 'http://b:4001';
const C = 'http://c:4001';

const failure = (code: UpstreamErrorCode): UpstreamError => new UpstreamError(`accounts: ${code}`, { service: 'accounts', code, operation: 'GET /users' });

/** A pool on a clock the test moves, and the instances its calls went to. */
function poolOf(addresses: string[], options: { ejectAfterFailures?: number; ejectionMs?: number } = {}) {
  let now = 1_000;
  const pool = new InstancePool('accounts', addresses, { ...options, now: () => now });
  const events: PoolEvent[] = [];
  pool.observe((event) => events.push(event));
  /** One call; instances in `failing` fail with `code`. Resolves to the instance used. */
  const call = async (failing: ReadonlySet<string> = new Set(), code: UpstreamErrorCode = 'UNAVAILABLE', signal?: AbortSignal): Promise<string> => {
    let used = '';
    await pool
      .attempt(new Set(), signal, async (address) => {
        used = address;
        if (failing.has(address)) throw failure(code);
        return address;
      })
      .catch(() => undefined);
    return used;
  };
  return { pool, events, call, advance: (ms: number) => (now += ms) };
}

describe('InstancePool', () => {
  it('spreads sequential calls over every instance in turn', async () => {
    const { call } = poolOf([A, B, C]);
    const used = [];
    for (let i = 0; i < 6; i++) used.push(await call());
    assert.deepEqual(used, [A, B, C, A, B, C]);
  });

  it('sends a call to the instance with the fewest calls pending', async () => {
    const { pool } = poolOf([A, B]);
    let release!: () => void;
    const held = pool.attempt(new Set(), undefined, (address) => new Promise<string>((resolve) => (release = () => resolve(address))));
    const next = [];
    for (let i = 0; i < 3; i++) next.push(await pool.attempt(new Set(), undefined, async (address) => address));
    release();
    assert.equal(await held, A);
    assert.deepEqual(next, [B, B, B], 'A has a call pending: B takes the others');
  });

  it('ejects an instance after the configured consecutive failures, and only then', async () => {
    const { pool, call, events } = poolOf([A, B], { ejectAfterFailures: 3 });
    const down = new Set([B]);
    const used = [];
    for (let i = 0; i < 10; i++) used.push(await call(down));
    assert.equal(used.filter((address) => address === B).length, 3, 'B got exactly the threshold of calls');
    assert.deepEqual(used.slice(6), [A, A, A, A]);
    assert.ok(pool.instances[1]!.ejectedUntil > 0);
    assert.equal(events.filter((event) => event.type === 'ejected').length, 1);
  });

  it('counts only consecutive failures: a success in between starts over', async () => {
    const { pool, call } = poolOf([A], { ejectAfterFailures: 2 });
    // One instance is never ejected; its counter still shows what happened.
    await call(new Set([A]));
    await call();
    await call(new Set([A]));
    assert.equal(pool.instances[0]!.consecutiveFailures, 1);
  });

  for (const code of ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT', 'CANCELLED'] as const) {
    it(`never ejects for ${code}: the caller's input or the entity's state, not the instance`, async () => {
      const { pool, call, events } = poolOf([A, B], { ejectAfterFailures: 2 });
      for (let i = 0; i < 10; i++) await call(new Set([B]), code as UpstreamErrorCode);
      assert.equal(pool.instances[1]!.ejectedUntil, 0);
      assert.equal(events.filter((event) => event.type === 'call' && event.outcome === 'failure').length, 0);
    });
  }

  it('never ejects for a call its caller aborted', async () => {
    const { pool, call } = poolOf([A, B], { ejectAfterFailures: 2 });
    const aborted = AbortSignal.abort();
    for (let i = 0; i < 10; i++) await call(new Set([B]), 'UNAVAILABLE', aborted);
    assert.equal(pool.instances[1]!.ejectedUntil, 0);
  });

  it('takes an ejected instance back after the ejection time, with a clean slate', async () => {
    const { pool, call, advance, events } = poolOf([A, B], { ejectAfterFailures: 2, ejectionMs: 500 });
    for (let i = 0; i < 4; i++) await call(new Set([B]));
    assert.ok(pool.instances[1]!.ejectedUntil > 0);
    advance(499);
    for (let i = 0; i < 4; i++) assert.equal(await call(), A, 'still ejected before its time');
    advance(1);
    const used = [];
    for (let i = 0; i < 4; i++) used.push(await call());
    assert.deepEqual(used.toSorted(), [A, A, B, B]);
    assert.equal(pool.instances[1]!.consecutiveFailures, 0);
    assert.equal(events.filter((event) => event.type === 'returned').length, 1);
  });

  it('never ejects the last available instance', async () => {
    const { pool, call } = poolOf([A, B], { ejectAfterFailures: 2 });
    for (let i = 0; i < 20; i++) await call(new Set([A, B]));
    const ejected = pool.instances.filter((instance) => instance.ejectedUntil > 0);
    assert.equal(ejected.length, 1);
  });

  it('sends a retry to an instance the call has not tried', async () => {
    const { pool } = poolOf([A, B, C]);
    const tried = new Set<string>();
    const used: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await pool
        .attempt(tried, undefined, async (address) => {
          used.push(address);
          throw failure('INTERNAL');
        })
        .catch(() => undefined);
    }
    assert.deepEqual(used.toSorted(), [A, B, C]);
    // With every instance tried, a further attempt still goes somewhere.
    assert.ok([A, B, C].includes(await pool.attempt(tried, undefined, async (address) => address)));
  });

  it('sends a retry elsewhere even when the turn points back at the instance that failed', async () => {
    const { pool } = poolOf([A, B]);
    const tried = new Set<string>();
    const first = await pool.attempt(tried, undefined, async () => Promise.reject(failure('INTERNAL'))).catch(() => 'failed');
    assert.equal(first, 'failed');
    assert.equal(await pool.attempt(new Set(), undefined, async (address) => address), B, 'another call takes B: the turn is back at A');
    assert.equal(await pool.attempt(tried, undefined, async (address) => address), B, 'the retry avoids A, which it tried');
  });
});

describe('grpcTarget', () => {
  it('keeps one address for DNS and lists several IPs for round robin', () => {
    assert.equal(grpcTarget(['orders:4003']), 'orders:4003');
    assert.equal(grpcTarget(['10.0.0.1:4003', '10.0.0.2:4003']), 'ipv4:10.0.0.1:4003,10.0.0.2:4003');
    assert.equal(grpcTarget(['[::1]:4003', '[::2]:4003']), 'ipv6:[::1]:4003,[::2]:4003');
  });

  it('refuses several names or mixed families', () => {
    assert.throws(() => grpcTarget(['a:4003', 'b:4003']), /must be IP addresses/);
    assert.throws(() => grpcTarget(['10.0.0.1:4003', '[::1]:4003']), /all be IPv4 or all IPv6/);
  });
});
