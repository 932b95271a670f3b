import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, it } from 'node:test';
import { tokenFor, type TestGateway, useGateway } from '../helpers/gateway.ts';

const SERVICES = ['accounts', 'catalog', 'orders', 'inventory'] as const;
const HOME = readFileSync(new URL('../../examples/mobile/operations/home.graphql', import.meta.url), 'utf8');
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-secret-for-tests-0123456789abcdef' };

interface Plan {
  calls: { service: string; method: string; outcome: string; durationMs: number; attempt: number }[];
  batches: Record<string, number[]>;
  cacheHits: number;
}

const development = useGateway({ NODE_ENV: 'development', CACHE_ENABLED: 'false' });
const production = useGateway({ ...PRODUCTION, CACHE_ENABLED: 'false' }, { shareBackendsOf: development });
beforeEach(() => development.backends.control.reset());

async function home(gateway: TestGateway, extensions: Record<string, unknown> | undefined, roles: string[] = []) {
  const response = await fetch(`${gateway.url}/mobile/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(gateway.config, 'u1', { roles })}` },
    body: JSON.stringify({ query: HOME, ...(extensions ? { extensions } : {}) }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as { data?: unknown; errors?: unknown; extensions: { plan?: Plan | null } };
}

describe('extensions.plan', () => {
  it('development: lists exactly the calls the backends received, with their batch sizes', async () => {
    const body = await home(development.gateway, { plan: true });
    assert.equal(body.errors, undefined);
    const plan = body.extensions.plan;
    assert.ok(plan);
    for (const service of SERVICES) {
      const stats = development.backends.control.stats(service);
      const listed: Record<string, number> = {};
      for (const call of plan.calls) if (call.service === service) listed[call.method] = (listed[call.method] ?? 0) + 1;
      assert.deepEqual(listed, stats.byMethod, service);
      for (const [method, sizes] of Object.entries(stats.batchSizes)) {
        assert.deepEqual([...(plan.batches[`${service} ${method}`] ?? [])].sort(), [...sizes].sort(), `${service} ${method}`);
      }
    }
    for (const call of plan.calls) {
      assert.equal(call.outcome, 'ok');
      assert.ok(call.durationMs >= 0);
      assert.equal(call.attempt, 1);
    }
    assert.equal(plan.cacheHits, 0);
  });

  it('is left out unless asked for', async () => {
    const body = await home(development.gateway, undefined);
    assert.equal('plan' in body.extensions, false);
  });

  it('production: null for a viewer who is not an admin, the calls for an admin', async () => {
    assert.equal((await home(production.gateway, { plan: true })).extensions.plan, null);
    const admin = (await home(production.gateway, { plan: true }, ['admin'])).extensions.plan;
    assert.ok(admin && admin.calls.length > 0);
  });
});
