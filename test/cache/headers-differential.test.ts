import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createRandom } from '../../backends/data/random.ts';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { HOME_SCREEN, ORDER_HISTORY, PRODUCT_DETAIL, PRODUCT_PAGE, SEARCH_SCREEN } from '../helpers/example-operations.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';
import { generateOperation } from '../helpers/operation-generator.ts';

const GENERATED_PER_SURFACE = 150;

const shop = useGateway({ WEB_MAX_COST: '10000000', MOBILE_MAX_COST: '10000000', WEB_THROTTLE_CAPACITY: '1000000000', MOBILE_THROTTLE_CAPACITY: '1000000000' });

/**
 * Apollo Server's own cache-control plugin over the surface's schema, replaying a response's data:
 * every field reads its value by response key, so exactly the fields the gateway resolved resolve here.
 */
async function apolloReference(surface: 'web' | 'mobile'): Promise<{ server: ApolloServer; replay(data: unknown): void }> {
  let root: unknown;
  const server = new ApolloServer({
    rootValue: () => root,
    schema: makeExecutableSchema({ typeDefs: loadTypeDefs(surface) }),
    fieldResolver: (source, _args, _context, info) => (source as Record<string, unknown>)[info.path.key as string],
    plugins: [ApolloServerPluginCacheControl()],
  });
  await server.start();
  return { server, replay: (data) => (root = data) };
}

interface Case {
  query: string;
  variables: Record<string, unknown>;
  token?: string;
}

for (const surface of ['web', 'mobile'] as const) {
  describe(`Cache-Control on /${surface}/graphql equals Apollo's cache-control plugin`, () => {
    it('on the example operations and generated ones, anonymous and signed in', async (t) => {
      const reference = await apolloReference(surface);
      t.after(() => reference.server.stop());
      const random = createRandom(surface === 'web' ? 17 : 19);
      const ids = {
        product: () => (random.next() < 0.15 ? 'p999999' : `p${random.int(1, 400)}`),
        user: () => `u${random.int(1, 300)}`,
        order: () => `o${random.int(1, 5_000)}`,
      };
      const admin = await tokenFor(shop.gateway.config, 'u3', { roles: ['admin'] });
      const user = await tokenFor(shop.gateway.config, 'u4');
      const examples: Case[] =
        surface === 'web'
          ? [
              { query: ORDER_HISTORY, variables: { first: 5 }, token: user },
              { query: PRODUCT_PAGE, variables: { id: 'p1' } },
              { query: PRODUCT_PAGE, variables: { id: 'p1' }, token: user },
              { query: PRODUCT_PAGE, variables: { id: 'p999999' } },
              { query: '{ product(id: "p999999") { name price { amount } } }', variables: {} },
              { query: 'query ($s: Boolean!) { product(id: "p2") { name stock @skip(if: $s) { available } } }', variables: { s: true } },
              { query: 'query ($s: Boolean!) { product(id: "p2") { name stock @skip(if: $s) { available } } }', variables: { s: false } },
              { query: '{ __typename products(first: 0) { nodes { name price { amount } } } }', variables: {} },
            ]
          : [
              { query: HOME_SCREEN, variables: {}, token: user },
              { query: PRODUCT_DETAIL, variables: { id: 'p1' } },
              { query: PRODUCT_DETAIL, variables: { id: 'p999999' }, token: user },
              { query: SEARCH_SCREEN, variables: { text: 'a', first: 5 } },
              { query: SEARCH_SCREEN, variables: { text: 'zzzzqqq', first: 5 } },
            ];
      const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(surface) });
      const shape = surface === 'web' ? { maxDepth: 8, maxFields: 60 } : { maxDepth: 5, maxFields: 40 };
      const generated: Case[] = Array.from({ length: GENERATED_PER_SURFACE }, (_, i) => {
        const operation = generateOperation(schema, random, { ...shape, ids });
        return { ...operation, ...(i % 3 === 0 ? {} : { token: i % 3 === 1 ? admin : user }) };
      });
      const counts = { cacheable: 0, noStore: 0, withErrors: 0 };
      for (const { query, variables, token } of [...examples, ...generated]) {
        const response = await graphql(shop.gateway, surface, query, { variables, ...(token ? { token } : {}) });
        const header = response.headers.get('cache-control');
        const label = `${query} ${JSON.stringify(variables)} token=${Boolean(token)}`;
        if (response.body.errors) {
          counts.withErrors++;
          assert.equal(header, 'no-store', label);
          continue;
        }
        reference.replay(response.body.data);
        const replay = await reference.server.executeOperation({ query, variables }, { contextValue: {} });
        assert.equal(replay.body.kind, 'single');
        assert.equal(replay.body.kind === 'single' ? replay.body.singleResult.errors : 'none', undefined, label);
        const expected = replay.http.headers.get('cache-control') as string;
        // The credentials rule: a request with a token is never public.
        assert.equal(header, token ? expected.replace('public', 'private') : expected, label);
        if (header === 'no-store') counts.noStore++;
        else counts.cacheable++;
      }
      t.diagnostic(`${surface}: ${counts.cacheable} cacheable, ${counts.noStore} no-store, ${counts.withErrors} with errors (no-store)`);
      // The comparison means something only when both kinds of answer occur.
      assert.ok(counts.cacheable > 5 && counts.noStore > 5, JSON.stringify(counts));
    });
  });
}
