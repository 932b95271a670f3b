import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { graphql, startTestBackends, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { backendCalls, startLimitsGateway } from '../helpers/limits-gateway.ts';

const SURFACES = ['web', 'mobile'] as const;
type Surface = (typeof SURFACES)[number];
const PRODUCTION_SECRET = 'production-secret-for-limits-tests-0123456789';

let backends: Backends;
let gateway: TestGateway;
let production: TestGateway;
let batching: TestGateway;

before(async () => {
  backends = await startTestBackends();
  gateway = await startLimitsGateway(backends);
  production = await startLimitsGateway(backends, { NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET });
  batching = await startLimitsGateway(backends, { WEB_MAX_BATCH: '2', MOBILE_MAX_BATCH: '2' });
});
after(async () => {
  await batching?.close();
  await production?.close();
  await gateway?.close();
  await backends?.close();
});
beforeEach(() => backends.control.reset());

interface Attack {
  name: string;
  /** The request body (a string is sent as it is). */
  body: (surface: Surface) => unknown;
  status: number;
  code: string;
  target?: () => TestGateway;
}

const repeat = (count: number, make: (i: number) => string): string => Array.from({ length: count }, (_, i) => make(i)).join(' ');
/** A root field and a fragment type on each surface, to hang attacks on. */
const ROOT: Record<Surface, { field: string; type: string; list: string }> = {
  web: { field: 'me', type: 'User', list: 'orders(first: 100) { nodes { id } }' },
  mobile: { field: 'home', type: 'Home', list: 'featured(first: 20) { id }' },
};
const nested = (levels: number): string => `{ ${'a { '.repeat(levels)}b${' }'.repeat(levels)} }`;
const fragmentBomb = (surface: Surface, levels: number): string => {
  const { field, type, list } = ROOT[surface];
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`);
  return `query Bomb { ${field} { ...F0 } } ${fragments.join(' ')} fragment F${levels} on ${type} { ${list} }`;
};
const realAliases: Record<Surface, (i: number) => string> = {
  web: (i) => `p${i}: product(id: "p1") { id }`,
  mobile: (i) => `p${i}: product(id: "p1") { id }`,
};
const costlyVariables: Record<Surface, string> = {
  web: 'query Costly($n: Int) { products(first: $n) { nodes { id price { amount } stock { available } } } }',
  mobile: 'query Costly($n: Int) { search(text: "a", first: $n) { nodes { id priceLabel inStock } } }',
};
const costlyDefault: Record<Surface, string> = {
  web: 'query Costly($n: Int = 1000000) { products(first: $n) { nodes { id price { amount } } } }',
  mobile: 'query Costly($n: Int = 1000000) { search(text: "a", first: $n) { nodes { id priceLabel } } }',
};

const ATTACKS: Attack[] = [
  { name: 'deep nesting (unknown fields, refused before validation)', body: () => ({ query: nested(40) }), status: 400, code: 'DEPTH_LIMIT_EXCEEDED' },
  {
    name: 'deep nesting through fragments',
    body: () => ({
      query: `{ ...D0 } ${Array.from({ length: 12 }, (_, i) => `fragment D${i} on Query { a${i} { ...D${i + 1} } }`).join(' ')} fragment D12 on Query { b }`,
    }),
    status: 400,
    code: 'DEPTH_LIMIT_EXCEEDED',
  },
  { name: 'fragment bomb (2^30 spreads)', body: (s) => ({ query: fragmentBomb(s, 30) }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  {
    name: 'circular fragments',
    body: (s) => ({ query: `{ ${ROOT[s].field} { ...A } } fragment A on ${ROOT[s].type} { ...B } fragment B on ${ROOT[s].type} { ...A }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'alias overloading on __typename', body: () => ({ query: `{ ${repeat(200, (i) => `t${i}: __typename`)} }` }), status: 400, code: 'ALIAS_LIMIT_EXCEEDED' },
  { name: 'alias overloading on real fields', body: (s) => ({ query: `{ ${repeat(100, realAliases[s])} }` }), status: 400, code: 'ALIAS_LIMIT_EXCEEDED' },
  { name: 'root field overloading without aliases', body: (s) => ({ query: `{ ${repeat(12, () => `${ROOT[s].field} { __typename }`)} }` }), status: 400, code: 'ROOT_FIELD_LIMIT_EXCEEDED' },
  { name: 'directive overloading', body: () => ({ query: `{ __typename ${repeat(100, () => '@include(if: true)')} }` }), status: 400, code: 'DIRECTIVE_LIMIT_EXCEEDED' },
  {
    // Short anonymous operations, so that the text stays under the length limit and the parser stops at the token limit.
    name: 'thousands of operations in one document',
    body: (s) => ({ query: repeat(1_000 + gatewayLimit(s, 'maxTokens') / 3, () => '{a}') }),
    status: 400,
    code: 'TOKEN_LIMIT_EXCEEDED',
  },
  { name: 'a few too many operations in one document', body: () => ({ query: repeat(10, (i) => `query Q${i} { __typename }`), operationName: 'Q1' }), status: 400, code: 'OPERATION_LIMIT_EXCEEDED' },
  { name: 'too many tokens', body: (s) => ({ query: `{ ${repeat(gatewayLimit(s, 'maxTokens'), () => 'a')} }` }), status: 400, code: 'TOKEN_LIMIT_EXCEEDED' },
  { name: 'a huge comment', body: (s) => ({ query: `# ${'x'.repeat(gatewayLimit(s, 'maxQueryLength'))}\n{ __typename }` }), status: 400, code: 'QUERY_TOO_LONG' },
  { name: 'an oversized body', body: (s) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(gatewayLimit(s, 'bodyLimitBytes')) } }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'malformed JSON', body: () => '{"query": "{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is a string, not an object', body: () => '"{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is a number, not an object', body: () => '42', status: 400, code: 'BAD_REQUEST' },
  { name: 'a batched array (batching off)', body: () => [{ query: '{ __typename }' }, { query: '{ __typename }' }], status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a batched array over the batch limit',
    body: () => Array.from({ length: 50 }, () => ({ query: '{ __typename }' })),
    status: 400,
    code: 'BATCH_LIMIT_EXCEEDED',
    target: () => batching,
  },
  { name: 'cost bypass through a variable', body: (s) => ({ query: costlyVariables[s], variables: { n: 1_000_000 } }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  { name: 'cost bypass through a variable default', body: (s) => ({ query: costlyDefault[s] }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  {
    name: 'variables nested deeply',
    body: () => ({ query: 'query V($v: String) { __typename }', variables: { v: JSON.parse(`${'['.repeat(500)}1${']'.repeat(500)}`) } }),
    status: 400,
    code: 'VARIABLES_TOO_DEEP',
  },
  {
    name: 'variables too large',
    body: (s) => ({ query: 'query V($v: String) { __typename }', variables: { v: 'x'.repeat(gatewayLimit(s, 'maxVariablesBytes')) } }),
    status: 400,
    code: 'VARIABLES_TOO_LARGE',
  },
  {
    name: 'introspection in production',
    body: () => ({ query: '{ __schema { types { name } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    target: () => production,
  },
  {
    name: 'field suggestions in production',
    body: () => ({ query: '{ prodct(id: "p1") { id } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    target: () => production,
  },
];

function gatewayLimit(surface: Surface, name: 'maxQueryLength' | 'bodyLimitBytes' | 'maxVariablesBytes' | 'maxTokens'): number {
  return gateway.config.limits[surface][name];
}

for (const surface of SURFACES) {
  describe(`attack battery on /${surface}/graphql`, () => {
    for (const attack of ATTACKS) {
      it(`${attack.name}: ${attack.status} ${attack.code}, no backend call`, async () => {
        const target = attack.target?.() ?? gateway;
        const token = await tokenFor(target.config, 'u1');
        const body = attack.body(surface);
        const response = await fetch(`${target.url}/${surface}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        const text = await response.text();
        assert.equal(response.status, attack.status, text.slice(0, 500));
        assert.match(response.headers.get('content-type') ?? '', /^application\/(graphql-response\+)?json/);
        const parsed = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
        assert.equal(parsed.errors[0]?.extensions.code, attack.code, text.slice(0, 500));
        assert.doesNotMatch(text, /Did you mean|stacktrace|<html/i);
        assert.equal(backendCalls(backends), 0, 'a backend was called');
      });
    }

    it('the process stays healthy and serves after the battery', async () => {
      const health = await fetch(`${gateway.url}/healthz`);
      assert.equal(health.status, 200);
      const token = await tokenFor(gateway.config, 'u2');
      const { status, body } = await graphql(gateway, surface, `{ ${ROOT[surface].field} { __typename } }`, { token });
      assert.equal(status, 200);
      assert.equal(body.errors, undefined);
    });
  });
}
