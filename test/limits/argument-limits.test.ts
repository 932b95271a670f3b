import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { declaredMaxLengths, undeclaredStringInputs } from '../../src/limits/argument-limits.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';

// Every value from a client is hostile until validated: string arguments that reach a backend have
// a maximum length declared in the SDL, ids have one shape, and both are checked before any backend call.

const schemaOf = (surface: 'web' | 'mobile') => {
  const definition = surfaceDefinition(surface);
  return makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
};

describe('declared limits', () => {
  for (const surface of ['web', 'mobile'] as const) {
    it(`${surface}: every String argument and input field declares its maximum length in its description`, () => {
      assert.deepEqual(undeclaredStringInputs(schemaOf(surface)), []);
    });
  }

  it('reads the limits the descriptions state', () => {
    const web = declaredMaxLengths(schemaOf('web'));
    assert.equal(web.get('ProductFilter.text'), 100);
    assert.equal(web.get('Query.products(after:)'), 200);
    assert.equal(web.get('UpdateProfileInput.displayName'), 60);
    assert.equal(web.get('UpdateProfileInput.bio'), 280);
    assert.equal(declaredMaxLengths(schemaOf('mobile')).get('Query.search(text:)'), 100);
  });
});

const shop = useGateway();
let token: string;

before(async () => {
  await shop.ready();
  token = await tokenFor(shop.gateway.config, 'u1');
});

beforeEach(() => shop.backends.control.reset());

const backendCalls = (): number => Object.values(shop.backends.control.allStats()).reduce((sum, stats) => sum + stats.calls, 0);
/** 3,000 "é": 3 KB of input, 18 KB once percent-encoded in a URL. */
const LONG = 'é'.repeat(3_000);

describe('refused before any backend call', () => {
  const cases: { what: string; surface: 'web' | 'mobile'; query: string; variables: Record<string, unknown>; argument: string }[] = [
    { what: 'a long search text', surface: 'web', query: 'query ($t: String) { products(filter: { text: $t }) { nodes { id } } }', variables: { t: LONG }, argument: 'filter.text' },
    { what: 'a long cursor', surface: 'web', query: 'query ($a: String) { products(after: $a) { nodes { id } } }', variables: { a: LONG }, argument: 'after' },
    // Mobile's variables limit is stricter: a few hundred characters, still over the declared length.
    { what: 'a long mobile search text', surface: 'mobile', query: 'query ($t: String!) { search(text: $t) { nodes { id } } }', variables: { t: 'é'.repeat(300) }, argument: 'text' },
    { what: 'a long filter text, inline', surface: 'web', query: `{ products(filter: { text: "${'x'.repeat(101)}" }) { nodes { id } } }`, variables: {}, argument: 'filter.text' },
    { what: 'a long cursor in a nested field', surface: 'web', query: 'query ($a: String) { me { orders(after: $a) { nodes { id } } } }', variables: { a: 'a'.repeat(201) }, argument: 'after' },
    { what: 'an id with a comma', surface: 'web', query: 'query ($id: ID!) { product(id: $id) { id } }', variables: { id: 'p1,p2,p3' }, argument: 'id' },
    { what: 'an id with a comma inside a fragment', surface: 'mobile', query: '{ ...F } fragment F on Query { product(id: "p1,p2") { id } }', variables: {}, argument: 'id' },
    { what: 'an empty id', surface: 'web', query: '{ order(id: "") { id } }', variables: {}, argument: 'id' },
    {
      what: 'an id with a comma in an input list',
      surface: 'web',
      query: 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      variables: { input: { items: [{ productId: 'p1', quantity: 1 }, { productId: 'p1,p2', quantity: 1 }], idempotencyKey: 'arg-limits-key-1' } },
      argument: 'input.items[1].productId',
    },
    { what: 'a long bio', surface: 'web', query: 'mutation ($b: String) { updateProfile(input: { bio: $b }) { id } }', variables: { b: 'b'.repeat(281) }, argument: 'input.bio' },
  ];
  for (const { what, surface, query, variables, argument } of cases) {
    it(`${what}: 400 BAD_USER_INPUT naming ${argument}, no backend call`, async () => {
      const response = await graphql(shop.gateway, surface, query, { token, variables });
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.errors?.length, 1);
      assert.equal(response.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(response.body.errors?.[0]?.extensions?.argument, argument);
      assert.equal(response.body.data, undefined);
      assert.equal(backendCalls(), 0, 'no backend was called');
    });
  }

  it('one document checked again on every request: its variables are read each time, whatever earlier requests sent', async () => {
    const query = 'query ($id: ID!) { ...F } fragment F on Query { product(id: $id) { id } }';
    const first = await graphql(shop.gateway, 'web', query, { token, variables: { id: 'p1' } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const bad = await graphql(shop.gateway, 'web', query, { token, variables: { id: 'p1,p2' } });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.errors?.[0]?.extensions?.argument, 'id');
    const again = await graphql(shop.gateway, 'web', query, { token, variables: { id: 'p2' } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });

  it('values at the limit pass: a 100-character search text reaches the catalog once', async () => {
    const response = await graphql(shop.gateway, 'mobile', 'query ($t: String!) { search(text: $t) { nodes { id } } }', { variables: { t: 'é'.repeat(100) } });
    assert.equal(response.status, 200);
    assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    assert.equal(shop.backends.control.stats('catalog').calls, 1);
  });
});
