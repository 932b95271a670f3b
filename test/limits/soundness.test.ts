import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createRandom } from '../../backends/data/random.ts';
import type { Backends } from '../../backends/start.ts';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { graphql, startTestBackends, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { costOf, startLimitsGateway } from '../helpers/limits-gateway.ts';
import { generateOperation, type GeneratorOptions } from '../helpers/operation-generator.ts';

const OPERATIONS_PER_SURFACE = 300;
const CONCURRENCY = 8;

let backends: Backends;
let gateway: TestGateway;

before(async () => {
  backends = await startTestBackends();
  // Limits high enough that every generated operation runs: this test compares estimate and actual.
  gateway = await startLimitsGateway(backends, {
    WEB_MAX_COST: '10000000',
    MOBILE_MAX_COST: '10000000',
    WEB_THROTTLE_CAPACITY: '1000000000',
    MOBILE_THROTTLE_CAPACITY: '1000000000',
  });
});
after(async () => {
  await gateway?.close();
  await backends?.close();
});

const SHAPES: Record<'web' | 'mobile', Omit<GeneratorOptions, 'ids'>> = {
  web: { maxDepth: 8, maxFields: 60 },
  mobile: { maxDepth: 5, maxFields: 40 },
};

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

for (const surface of ['web', 'mobile'] as const) {
  describe(`cost soundness on /${surface}/graphql`, () => {
    it(`the estimate is never below the actual cost over ${OPERATIONS_PER_SURFACE} generated operations`, async (t) => {
      const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(surface) });
      const random = createRandom(surface === 'web' ? 7 : 11);
      const ids = {
        product: () => (random.next() < 0.1 ? 'p999999' : `p${random.int(1, 400)}`),
        user: () => `u${random.int(1, 300)}`,
        order: () => `o${random.int(1, 5_000)}`,
      };
      const operations = Array.from({ length: OPERATIONS_PER_SURFACE }, () => generateOperation(schema, random, { ...SHAPES[surface], ids }));
      // An admin may read every user and order, so that most fields resolve; heavy users have many orders.
      const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => tokenFor(gateway.config, `u${i + 1}`, { roles: ['admin'] })));
      const ratios: number[] = [];
      let resolvedObjects = 0;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < operations.length) {
          const index = next++;
          const operation = operations[index] as (typeof operations)[number];
          const { status, body } = await graphql(gateway, surface, operation.query, { variables: operation.variables, token: tokens[index % tokens.length] as string });
          assert.equal(status, 200, `${operation.query}\n${JSON.stringify(body.errors)}`);
          const cost = costOf(body);
          assert.ok(cost && cost.requestedQueryCost !== null && cost.actualQueryCost !== null, JSON.stringify(body).slice(0, 300));
          assert.ok(
            cost.requestedQueryCost >= cost.actualQueryCost,
            `estimate ${cost.requestedQueryCost} < actual ${cost.actualQueryCost} for ${operation.query} ${JSON.stringify(operation.variables)}`,
          );
          resolvedObjects += cost.actualQueryCost;
          if (cost.actualQueryCost > 0) ratios.push(cost.requestedQueryCost / cost.actualQueryCost);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      ratios.sort((a, b) => a - b);
      assert.ok(ratios.length > OPERATIONS_PER_SURFACE / 2, `only ${ratios.length} operations resolved anything`);
      assert.ok(resolvedObjects > 0);
      t.diagnostic(
        `${surface}: ${ratios.length} operations with actual > 0; estimate/actual median ${quantile(ratios, 0.5).toFixed(2)}, ` +
          `p90 ${quantile(ratios, 0.9).toFixed(2)}, worst (largest) ${(ratios.at(-1) as number).toFixed(2)}, tightest ${(ratios[0] as number).toFixed(2)}`,
      );
    });
  });
}
