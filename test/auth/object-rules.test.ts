import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type ExecutionResult, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { IResolvers } from '@graphql-tools/utils';
import { secureSchema } from '../../src/auth/secure-schema.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';
import type { Viewer } from '../../src/auth/viewer.ts';
import type { SurfaceName } from '../../src/surface-names.ts';

// The object rules (`isSelf`, `isOrderOwner`) decide on the object itself, whatever path led to it:
// here a root field the rule tree allows hands viewer A (u1) an object of user B (u2). The real
// schema and rule tree of each surface, with the one root resolver replaced (dependency injection,
// no backend): the rules must refuse every field of B's object.

const A: Viewer = { id: 'u1', roles: [], scopes: 'all' };
const ADMIN: Viewer = { id: 'u3', roles: ['admin'], scopes: 'all' };
const userOf = (id: string) => ({ id, email: `${id}@example.test`, name: `User ${id}`, createdAt: '2024-01-01T00:00:00.000Z' });
const orderOf = (userId: string) => ({
  id: `order-of-${userId}`,
  userId,
  status: 'PAID',
  items: [],
  totalCents: 1_000,
  currency: 'USD',
  createdAt: '2024-01-02T00:00:00.000Z',
});
const connectionOf = (node: unknown) => ({ nodes: [node], edges: [{ cursor: 'c1', node }], totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null } });

/** The surface's schema secured by its own rule tree, with `overrides` replacing some resolvers. */
function securedSurface(surface: SurfaceName, overrides: Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>>): GraphQLSchema {
  const definition = surfaceDefinition(surface);
  const resolvers = { ...definition.resolvers } as Record<string, Record<string, unknown>>;
  for (const [type, fields] of Object.entries(overrides)) resolvers[type] = { ...resolvers[type], ...fields };
  return secureSchema(makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: resolvers as IResolvers }), definition.permissions);
}

/** Runs `source` as `viewer`; the result as plain JSON (graphql-js builds prototype-less objects). */
async function run(schema: GraphQLSchema, source: string, viewer: Viewer): Promise<ExecutionResult> {
  return JSON.parse(JSON.stringify(await graphql({ schema, source, contextValue: { viewer } }))) as ExecutionResult;
}

/** Every error is FORBIDDEN, at least one sits under `under`, and nothing of B's is in the data. */
function assertForbidden(result: ExecutionResult, under: (string | number)[]): void {
  assert.ok(result.errors?.length, `refused: ${JSON.stringify(result)}`);
  for (const error of result.errors ?? []) assert.equal(error.extensions?.['code'], 'FORBIDDEN', error.message);
  assert.ok(
    result.errors?.some((error) => under.every((step, i) => error.path?.[i] === step)),
    `an error under ${under.join('.')}: ${JSON.stringify(result.errors?.map((e) => e.path))}`,
  );
  assert.doesNotMatch(JSON.stringify(result.data), /u2@example|order-of-u2/);
}

describe('isSelf: web User', () => {
  const schema = securedSurface('web', { Query: { me: () => userOf('u2') } });

  it("another user's User reached through `me` (allowed) is FORBIDDEN", async () => {
    assertForbidden(await run(schema, '{ me { id email } }', A), ['me']);
  });

  it('the same object is served to its own user and to an admin', async () => {
    const own = await run(securedSurface('web', { Query: { me: () => userOf('u1') } }), '{ me { id email } }', A);
    assert.deepEqual(own, { data: { me: { id: 'u1', email: 'u1@example.test' } } });
    const admin = await run(schema, '{ me { id email } }', ADMIN);
    assert.deepEqual(admin, { data: { me: { id: 'u2', email: 'u2@example.test' } } });
  });
});

describe('isOrderOwner: web Order', () => {
  const schema = securedSurface('web', { Query: { me: () => userOf('u1') }, User: { orders: () => connectionOf(orderOf('u2')) } });

  it("another user's Order reached through A's own `me.orders` is FORBIDDEN", async () => {
    assertForbidden(await run(schema, '{ me { id orders { nodes { id status } } } }', A), ['me', 'orders', 'nodes', 0]);
  });

  it("A's own order on the same path is served", async () => {
    const own = securedSurface('web', { Query: { me: () => userOf('u1') }, User: { orders: () => connectionOf(orderOf('u1')) } });
    const result = await run(own, '{ me { id orders { nodes { id status } } } }', A);
    assert.deepEqual(result, { data: { me: { id: 'u1', orders: { nodes: [{ id: 'order-of-u1', status: 'PAID' }] } } } });
  });
});

describe('isOrderOwner: mobile OrderSummary', () => {
  const schema = securedSurface('mobile', { Query: { orders: () => connectionOf(orderOf('u2')) } });

  it("another user's OrderSummary reached through `orders` (allowed to a signed-in viewer) is FORBIDDEN", async () => {
    assertForbidden(await run(schema, '{ orders { nodes { id itemCount } } }', A), ['orders', 'nodes', 0]);
  });

  it("A's own summary on the same path is served, and an admin sees B's", async () => {
    const own = securedSurface('mobile', { Query: { orders: () => connectionOf(orderOf('u1')) } });
    assert.deepEqual(await run(own, '{ orders { nodes { id itemCount } } }', A), { data: { orders: { nodes: [{ id: 'order-of-u1', itemCount: 0 }] } } });
    assert.deepEqual(await run(schema, '{ orders { nodes { id itemCount } } }', ADMIN), { data: { orders: { nodes: [{ id: 'order-of-u2', itemCount: 0 }] } } });
  });
});
