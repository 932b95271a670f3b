import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createRandom } from '../../backends/data/random.ts';
import type { Backends } from '../../backends/start.ts';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { HOME_SCREEN, ORDER_HISTORY, PRODUCT_DETAIL, PRODUCT_PAGE, SEARCH_SCREEN } from '../helpers/example-operations.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { generateOperation } from '../helpers/operation-generator.ts';

const GENERATED_PER_SURFACE = 200;

let backends: Backends;
let jit: TestGateway;
let reference: TestGateway;

before(async () => {
  backends = await startTestBackends();
  // Limits high enough that every generated operation runs; breakers that never open and no field
  // cache, so a failing backend fails the same way for both gateways.
  const env = {
    CACHE_ENABLED: 'false',
    WEB_MAX_COST: '10000000',
    MOBILE_MAX_COST: '10000000',
    WEB_THROTTLE_CAPACITY: '1000000000',
    MOBILE_THROTTLE_CAPACITY: '1000000000',
    BREAKER_VOLUME: '10000',
  };
  jit = await startTestGateway(backends, { ...env, GRAPHQL_EXECUTOR: 'jit' });
  reference = await startTestGateway(backends, { ...env, GRAPHQL_EXECUTOR: 'graphql-js' });
});
after(async () => {
  await jit?.close();
  await reference?.close();
  await backends?.close();
});

interface Case {
  query: string;
  variables: Record<string, unknown>;
  token?: string;
}

/**
 * What a client sees of one answer: status, Cache-Control, data, errors (in path order: both
 * executors order them by completion, which is timing) and extensions. The budget's current level
 * refills with time between two requests, so of the throttle status only its constants are compared.
 */
function visible(response: { status: number; headers: Headers; body: GraphQLBody }): unknown {
  const body = response.body as GraphQLBody & { extensions?: { cost?: { throttleStatus?: Record<string, unknown> | null } } };
  const errors = body.errors ? [...body.errors].sort((a, b) => JSON.stringify([a.path, a.message]).localeCompare(JSON.stringify([b.path, b.message]))) : undefined;
  const cost = body.extensions?.cost;
  const throttle = cost?.throttleStatus ? { ...cost.throttleStatus, currentlyAvailable: 'varies' } : cost?.throttleStatus;
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: JSON.stringify({ ...body, errors, extensions: body.extensions ? { ...body.extensions, cost: cost ? { ...cost, throttleStatus: throttle } : cost } : undefined }),
  };
}

async function assertSameAnswers(surface: 'web' | 'mobile', cases: readonly Case[]): Promise<{ withErrors: number; withData: number }> {
  const counts = { withErrors: 0, withData: 0 };
  for (const { query, variables, token } of cases) {
    const options = { variables, ...(token ? { token } : {}) };
    const fast = await graphql(jit, surface, query, options);
    const slow = await graphql(reference, surface, query, options);
    assert.deepEqual(visible(fast), visible(slow), `${query} ${JSON.stringify(variables)}`);
    if (fast.body.errors) counts.withErrors++;
    if (fast.body.data) counts.withData++;
  }
  return counts;
}

for (const surface of ['web', 'mobile'] as const) {
  describe(`graphql-jit answers as graphql-js on /${surface}/graphql`, () => {
    it('on the example operations, anonymous and signed in, with bad variables and missing entities', async () => {
      const user = await tokenFor(jit.config, 'u1');
      const cases: Case[] =
        surface === 'web'
          ? [
              { query: ORDER_HISTORY, variables: { first: 20 }, token: user },
              { query: ORDER_HISTORY, variables: { first: 20 } },
              { query: ORDER_HISTORY, variables: { first: 'twenty' }, token: user },
              { query: PRODUCT_PAGE, variables: { id: 'p1' }, token: user },
              { query: PRODUCT_PAGE, variables: { id: 'p999999' } },
              { query: PRODUCT_PAGE, variables: {} },
              { query: 'query ($s: Boolean!) { product(id: "p2") { name stock @skip(if: $s) { available } price @include(if: $s) { amount } } }', variables: { s: true } },
              { query: '{ __typename product(id: "p3") { __typename id } }', variables: {} },
            ]
          : [
              { query: HOME_SCREEN, variables: {}, token: user },
              { query: HOME_SCREEN, variables: {} },
              { query: PRODUCT_DETAIL, variables: { id: 'p1' }, token: user },
              { query: PRODUCT_DETAIL, variables: { id: 'p999999' } },
              { query: SEARCH_SCREEN, variables: { text: 'a', first: 5 } },
              { query: SEARCH_SCREEN, variables: { text: 'a', first: -1 } },
              { query: SEARCH_SCREEN, variables: { first: 2 } },
            ];
      const counts = await assertSameAnswers(surface, cases);
      assert.ok(counts.withErrors >= 2 && counts.withData >= 3, JSON.stringify(counts));
    });

    it(`on ${GENERATED_PER_SURFACE} generated operations (the cost-soundness corpus shape)`, async (t) => {
      const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(surface) });
      const random = createRandom(surface === 'web' ? 7 : 11);
      const ids = {
        product: () => (random.next() < 0.1 ? 'p999999' : `p${random.int(1, 400)}`),
        user: () => `u${random.int(1, 300)}`,
        order: () => `o${random.int(1, 5_000)}`,
      };
      const shape = surface === 'web' ? { maxDepth: 8, maxFields: 60 } : { maxDepth: 5, maxFields: 40 };
      const admin = await tokenFor(jit.config, 'u2', { roles: ['admin'] });
      const user = await tokenFor(jit.config, 'u5');
      const cases = Array.from({ length: GENERATED_PER_SURFACE }, (_, i): Case => ({ ...generateOperation(schema, random, { ...shape, ids }), ...(i % 4 === 0 ? {} : { token: i % 4 === 1 ? user : admin }) }));
      const counts = await assertSameAnswers(surface, cases);
      t.diagnostic(`${surface}: ${counts.withData} with data, ${counts.withErrors} with errors`);
      assert.ok(counts.withErrors > 5 && counts.withData > GENERATED_PER_SURFACE / 2, JSON.stringify(counts));
    });

    it('with a backend failing: the same partial data and coded errors', async () => {
      const user = await tokenFor(jit.config, 'u1');
      const query = surface === 'web' ? ORDER_HISTORY : HOME_SCREEN;
      for (const service of ['catalog', 'inventory'] as const) {
        backends.control.setFaults(service, { down: true });
        try {
          const counts = await assertSameAnswers(surface, [{ query, variables: surface === 'web' ? { first: 5 } : {}, token: user }]);
          assert.equal(counts.withErrors, 1);
        } finally {
          backends.control.setFaults(service, { down: false });
        }
      }
    });
  });
}
