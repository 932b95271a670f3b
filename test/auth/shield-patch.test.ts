import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, graphql, type ExecutionResult, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { applyRules, secureSchema } from '../../src/auth/secure-schema.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';

/** A rule as `shield` takes it (graphql-shield does not export the type by name). */
type ShieldRule = typeof allow | typeof deny | ReturnType<ReturnType<typeof rule>>;

const TINY_SDL = 'type Query { open: String, guarded: String, failing: String, plain: String }';
const tinyResolvers = {
  Query: {
    open: () => 'open',
    guarded: () => 'guarded',
    failing: () => {
      throw new GraphQLError('The inventory service could not answer', { extensions: { code: 'BACKEND_UNAVAILABLE' } });
    },
    plain: () => {
      throw new Error('plain failure');
    },
  },
};

/** The tiny schema, secured as the gateway secures its surfaces. */
function tiny(guarded: ShieldRule, rest: ShieldRule = allow): GraphQLSchema {
  return secureSchema(makeExecutableSchema({ typeDefs: TINY_SDL, resolvers: tinyResolvers }), { Query: { open: allow, guarded, failing: rest, plain: rest } });
}

async function execute(schema: GraphQLSchema, source: string): Promise<ExecutionResult> {
  return graphql({ schema, source, contextValue: {} });
}

describe('graphql-shield on Node 24 (patched by patch-package)', () => {
  it('loads as ESM, without the util.isUndefined import Node 23+ removed', () => {
    assert.ok(Number(process.versions.node.split('.')[0]) >= 24);
    const entry = import.meta.resolve('graphql-shield');
    assert.match(entry, /\/graphql-shield\/esm\/index\.js$/);
    assert.equal(typeof shield, 'function');
    const rulesSource = readFileSync(new URL('./rules.js', entry), 'utf8');
    assert.doesNotMatch(rulesSource, /from ['"]util['"]/);
  });
});

describe('the patch: `allow` fields are not wrapped', () => {
  const resolverOf = (schema: GraphQLSchema, type: string, field: string): GraphQLFieldResolver<unknown, unknown> | undefined => {
    const found = schema.getType(type);
    assert.ok(found && 'getFields' in found);
    return (found.getFields() as Record<string, { resolve?: GraphQLFieldResolver<unknown, unknown> }>)[field]?.resolve;
  };

  it('a field whose rule is allow keeps its resolver function; a field with a real rule is wrapped', () => {
    const base = makeExecutableSchema({ typeDefs: TINY_SDL, resolvers: tinyResolvers });
    const secured = secureSchema(base, { Query: { open: allow, guarded: rule()(() => true), failing: allow, plain: allow } });
    assert.equal(resolverOf(secured, 'Query', 'open'), resolverOf(base, 'Query', 'open'));
    assert.notEqual(resolverOf(secured, 'Query', 'guarded'), resolverOf(base, 'Query', 'guarded'));
  });

  it('a type-wide allow leaves every field of the type unwrapped', () => {
    const base = makeExecutableSchema({ typeDefs: TINY_SDL, resolvers: tinyResolvers });
    const secured = secureSchema(base, { Query: allow });
    for (const field of ['open', 'guarded', 'failing', 'plain']) assert.equal(resolverOf(secured, 'Query', field), resolverOf(base, 'Query', field), field);
  });

  it('on the web surface: public fields run their own resolvers, protected ones are wrapped', () => {
    const { typeDefs, resolvers, permissions } = surfaceDefinition('web');
    const base = makeExecutableSchema({ typeDefs, resolvers });
    const secured = secureSchema(base, permissions);
    for (const [type, field] of [['Query', 'product'], ['Query', 'products'], ['Product', 'price'], ['Product', 'stock'], ['OrderItem', 'product']] as const) {
      assert.equal(resolverOf(secured, type, field), resolverOf(base, type, field), `${type}.${field} is unwrapped`);
    }
    for (const [type, field] of [['Query', 'user'], ['Query', 'order'], ['Order', 'customer'], ['User', 'addresses']] as const) {
      assert.notEqual(resolverOf(secured, type, field), resolverOf(base, type, field), `${type}.${field} is wrapped`);
    }
  });

  it('on the mobile surface too: public cards unwrapped, orders and their summaries wrapped', () => {
    const { typeDefs, resolvers, permissions } = surfaceDefinition('mobile');
    const base = makeExecutableSchema({ typeDefs, resolvers });
    const secured = secureSchema(base, permissions);
    for (const [type, field] of [['Query', 'home'], ['Query', 'product'], ['Query', 'search'], ['ProductCard', 'priceLabel'], ['ProductCard', 'inStock']] as const) {
      assert.equal(resolverOf(secured, type, field), resolverOf(base, type, field), `${type}.${field} is unwrapped`);
    }
    for (const [type, field] of [['Query', 'orders'], ['Mutation', 'reorder'], ['OrderSummary', 'statusLabel'], ['OrderSummary', 'totalLabel'], ['OrderSummary', 'thumbnailUrl']] as const) {
      assert.notEqual(resolverOf(secured, type, field), resolverOf(base, type, field), `${type}.${field} is wrapped`);
    }
  });

  it('an allowed field still answers, next to a refused one', async () => {
    const result = await execute(tiny(deny), '{ open guarded }');
    assert.deepEqual({ ...result.data }, { open: 'open', guarded: null });
    assert.equal(result.errors?.[0]?.extensions['code'], 'FORBIDDEN');
  });
});

describe("secureSchema's shield options", () => {
  it('a refusal is FORBIDDEN with our message, never shield\'s "Not Authorised!"', async () => {
    for (const refusing of [deny, rule()(() => false)]) {
      const result = await execute(tiny(refusing), '{ guarded }');
      assert.equal(result.errors?.length, 1);
      assert.equal(result.errors?.[0]?.message, 'Not allowed');
      assert.equal(result.errors?.[0]?.extensions['code'], 'FORBIDDEN');
    }
  });

  it('a rule that throws refuses (FORBIDDEN) without leaking its message', async () => {
    const throwing = rule({ cache: 'no_cache' })(() => {
      throw new Error('database password rejected');
    });
    const result = await execute(tiny(throwing), '{ guarded }');
    assert.equal(result.errors?.[0]?.extensions['code'], 'FORBIDDEN');
    assert.doesNotMatch(JSON.stringify(result.errors), /password/);
  });

  it('the deny fallback never decides silently: a field without a rule stops the build', () => {
    const base = makeExecutableSchema({ typeDefs: TINY_SDL, resolvers: tinyResolvers });
    assert.throws(() => secureSchema(base, { Query: { open: allow, guarded: allow, failing: allow } } as IRules), /Query\.plain/);
  });

  it('behind the coverage check, the deny fallback refuses a field the rule tree does not name', async () => {
    const base = makeExecutableSchema({ typeDefs: TINY_SDL, resolvers: tinyResolvers });
    const result = await execute(applyRules(base, { Query: { open: allow, guarded: allow, failing: allow } }), '{ open plain }');
    assert.deepEqual({ ...result.data }, { open: 'open', plain: null });
    assert.equal(result.errors?.length, 1);
    assert.deepEqual(result.errors?.[0]?.path, ['plain']);
    assert.equal(result.errors?.[0]?.message, 'Not allowed');
    assert.equal(result.errors?.[0]?.extensions['code'], 'FORBIDDEN');
  });

  it('a resolver error on a wrapped field keeps its own message and code (allowExternalErrors)', async () => {
    const wrapped = rule({ cache: 'no_cache' })(() => true);
    const result = await execute(tiny(allow, wrapped), '{ failing plain }');
    assert.deepEqual({ ...result.data }, { failing: null, plain: null });
    const byField = new Map(result.errors?.map((error) => [error.path?.[0], error]));
    assert.equal(byField.get('failing')?.message, 'The inventory service could not answer');
    assert.equal(byField.get('failing')?.extensions['code'], 'BACKEND_UNAVAILABLE');
    assert.equal(byField.get('plain')?.message, 'plain failure');
  });
});
