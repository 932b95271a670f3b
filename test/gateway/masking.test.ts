import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql as execute, type GraphQLError } from 'graphql';
import { formatError } from '../../src/surfaces/format-error.ts';
import { graphql, useGateway } from '../helpers/gateway.ts';

// Clients read a code, a service name and a masked message; never an address, a port, a file path
// or a stack (logs see those).

/** Port 1 (tcpmux) on loopback: nothing listens there, a connection is refused at once. */
const CLOSED = 'http://127.0.0.1:1';
const LEAKS = /ECONNREFUSED|127\.0\.0\.1|connect |stack|secret|\.ts:\d+/;

const shop = useGateway({ CATALOG_URL: CLOSED, CACHE_ENABLED: 'false' });
const production = useGateway({ CATALOG_URL: CLOSED, CACHE_ENABLED: 'false', NODE_ENV: 'production', JWT_SECRET: 'production-secret-for-tests-0123456789abcdef' }, { shareBackendsOf: shop });

describe('a backend that is really unreachable (a closed port)', () => {
  for (const [mode, fixture] of [['test', shop], ['production', production]] as const) {
    it(`${mode}: the catalog's fields are null with BACKEND_UNAVAILABLE naming catalog and a masked message; nothing of the socket error`, async () => {
      const { status, body } = await graphql(fixture.gateway, 'web', '{ product(id: "p1") { id name } }');
      assert.equal(status, 200);
      assert.deepEqual(body.data, { product: null });
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      const [error] = body.errors ?? [];
      assert.equal(error?.extensions?.code, 'BACKEND_UNAVAILABLE');
      assert.equal(error?.extensions?.service, 'catalog');
      assert.equal(error?.message, 'The catalog service could not answer');
      assert.doesNotMatch(JSON.stringify(body), LEAKS);
    });
  }
});

describe('a resolver that throws an unexpected error', () => {
  it('reaches the client as INTERNAL_SERVER_ERROR "Internal server error", with its path and nothing of its message', async () => {
    const schema = makeExecutableSchema({
      typeDefs: 'type Query { fine: String, broken: String }',
      resolvers: {
        Query: {
          fine: () => 'fine',
          broken: () => {
            throw new Error('connect ECONNREFUSED 127.0.0.1:5432 at /srv/gateway/src/secret.ts:12');
          },
        },
      },
    });
    const result = await execute({ schema, source: '{ fine broken }' });
    const errors = (result.errors ?? []).map((error: GraphQLError) => formatError(error.toJSON(), error));
    assert.deepEqual(errors, [{ message: 'Internal server error', locations: [{ line: 1, column: 8 }], path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    assert.doesNotMatch(JSON.stringify(errors), LEAKS);
  });
});
