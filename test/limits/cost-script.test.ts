import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { Backends } from '../../backends/start.ts';
import { loadConfig } from '../../src/config.ts';
import { buildCostModel } from '../../src/limits/cost-model.ts';
import { estimateCost } from '../../src/limits/estimate-cost.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';
import { startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = 'examples/*/operations/*.graphql';

interface Report {
  file: string;
  operation: string;
  surfaces: { surface: 'web' | 'mobile'; invalid?: string; cost?: number; maxCost?: number; plan?: { level: number; service: string; method: string; keys: number; calls: number; batchSizes: number[] }[] }[];
}

function cost(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/cost.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cost', () => {
  const run = cost([EXAMPLES, '--json']);
  const reports = JSON.parse(run.stdout || '[]') as Report[];

  it('covers every example operation and exits 0 (all under their limits)', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(reports.map((r) => r.operation).sort(), ['HomeScreen', 'OrderHistory', 'ProductDetailScreen', 'ProductPage', 'SearchScreen']);
  });

  it('gives each operation the estimator’s cost on the surface it fits, against that surface’s limit', () => {
    const config = loadConfig({});
    for (const report of reports) {
      const document = parse(readFileSync(path.join(ROOT, report.file), 'utf8'));
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === report.operation);
      assert.ok(operation);
      const fits = report.surfaces.filter((s) => !s.invalid);
      assert.equal(fits.length, 1, `${report.operation} fits exactly one surface`);
      for (const s of fits) {
        const model = buildCostModel(makeExecutableSchema({ typeDefs: surfaceDefinition(s.surface).typeDefs }));
        assert.equal(s.cost, estimateCost(model, document, operation, undefined), report.operation);
        assert.equal(s.maxCost, config.limits[s.surface].maxCost);
      }
    }
  });

  it('prices with --variables when given (first: 5 orders cost less than the default 20)', () => {
    const withVariables = JSON.parse(cost(['examples/web/operations/order-history.graphql', '--json', '--variables', '{"first": 5}']).stdout) as Report[];
    const byDefault = reports.find((r) => r.operation === 'OrderHistory')?.surfaces.find((s) => s.surface === 'web')?.cost ?? 0;
    const five = withVariables[0]?.surfaces.find((s) => s.surface === 'web')?.cost ?? 0;
    assert.ok(five > 0 && five < byDefault, `${five} vs ${byDefault}`);
  });

  it('splits batched keys by the backend’s batch limit', () => {
    const plan = reports.find((r) => r.operation === 'OrderHistory')?.surfaces.find((s) => s.surface === 'web')?.plan ?? [];
    const products = plan.find((p) => p.service === 'catalog' && p.method === 'GET /products');
    const stock = plan.find((p) => p.service === 'inventory');
    assert.deepEqual(products && { keys: products.keys, calls: products.calls, largest: Math.max(...products.batchSizes) }, { keys: 2_000, calls: 40, largest: 50 });
    assert.deepEqual(stock && { keys: stock.keys, calls: stock.calls, largest: Math.max(...stock.batchSizes) }, { keys: 2_000, calls: 80, largest: 25 });
  });

  it('exits 1 when an operation is over the limit of its surface, and says so', () => {
    const over = cost(['examples/mobile/operations/home.graphql'], { MOBILE_MAX_COST: '10' });
    assert.equal(over.status, 1);
    assert.match(over.stdout, /mobile: estimated cost 54 of 10 \(OVER THE LIMIT\)/);
  });

  it('exits 1 when an operation fits no surface, naming why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cost-'));
    writeFileSync(path.join(dir, 'bad.graphql'), 'query Bad { nope }');
    const bad = cost([path.join(dir, '*.graphql')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /web: does not fit the schema: Cannot query field "nope"/);
  });
});

describe('the plan against the calls a real gateway makes', () => {
  let backends: Backends;
  let gateway: TestGateway;
  before(async () => {
    backends = await startTestBackends();
    gateway = await startTestGateway(backends, { CACHE_ENABLED: 'false' });
  });
  after(async () => {
    await gateway?.close();
    await backends?.close();
  });

  for (const [surface, file, operationName] of [
    ['mobile', 'examples/mobile/operations/home.graphql', 'HomeScreen'],
    ['web', 'examples/web/operations/order-history.graphql', 'OrderHistory'],
    ['mobile', 'examples/mobile/operations/search.graphql', 'SearchScreen'],
  ] as const) {
    it(`${operationName}: every backend call made was planned, and no more calls than planned`, async () => {
      const [report] = JSON.parse(cost([file, '--json']).stdout) as Report[];
      const plan = report?.surfaces.find((s) => s.surface === surface)?.plan ?? [];
      backends.control.reset();
      const variables = operationName === 'SearchScreen' ? { text: 'lamp' } : {};
      const response = await fetch(`${gateway.url}/${surface}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(gateway.config, 'u1')}` },
        body: JSON.stringify({ query: readFileSync(path.join(ROOT, file), 'utf8'), variables }),
      });
      const body = (await response.json()) as { errors?: unknown };
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      let observedTotal = 0;
      for (const service of ['accounts', 'catalog', 'orders', 'inventory'] as const) {
        for (const [method, calls] of Object.entries(backends.control.stats(service).byMethod)) {
          observedTotal += calls;
          const planned = plan.filter((p) => p.service === service && p.method === method).reduce((n, p) => n + p.calls, 0);
          assert.ok(planned > 0, `${service} ${method} was called but not planned`);
          assert.ok(calls <= planned, `${service} ${method}: ${calls} calls, ${planned} planned`);
        }
      }
      assert.ok(observedTotal > 0);
    });
  }
});
