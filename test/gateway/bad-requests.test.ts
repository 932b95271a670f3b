import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { signToken } from '../../scripts/sign-token.ts';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { withoutCost } from '../helpers/cost-extension.ts';

const SURFACES = ['web', 'mobile'] as const;
const SERVICES = ['accounts', 'catalog', 'orders', 'inventory'] as const;
const BODY_LIMIT_BYTES = 4_096;
const PRODUCTION_SECRET = 'production-secret-for-tests-0123456789abcdef';
const PRODUCT_BY_ID = 'query Product($id: ID!) { product(id: $id) { id } }';

let backends: Backends;
let gateway: TestGateway;
let production: TestGateway;

before(async () => {
  backends = await startTestBackends();
  gateway = await startTestGateway(backends, { BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) });
  production = await startTestGateway(backends, { NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET });
});
after(async () => {
  await production?.close();
  await gateway?.close();
  await backends?.close();
});
beforeEach(() => backends.control.reset());

interface ErrorBody {
  data?: unknown;
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

/**
 * What every rejection looks like: the given status, a JSON GraphQL error body with a stable
 * code, no HTML, no stack trace, and no backend reached.
 */
async function assertRejected(response: Response, status: number, code: string): Promise<ErrorBody> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /^application\/(graphql-response\+)?json/);
  assert.doesNotMatch(text, /<html|<!DOCTYPE/i);
  const body = JSON.parse(text) as ErrorBody;
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, text);
  for (const error of body.errors) {
    assert.equal(typeof error.message, 'string');
    assert.equal(error.extensions.code, code, text);
    assert.equal('stacktrace' in error.extensions, false);
  }
  for (const service of SERVICES) assert.equal(backends.control.stats(service).calls, 0, `${service} was called`);
  return body;
}

function post(target: TestGateway, surface: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${target.url}/${surface}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

for (const surface of SURFACES) {
  describe(`bad requests on /${surface}/graphql`, () => {
    it('malformed JSON: 400 BAD_REQUEST', async () => {
      await assertRejected(await post(gateway, surface, '{"query": "{ __typename }"'), 400, 'BAD_REQUEST');
    });

    for (const [kind, body] of [
      ['an array', '[{"query": "{ __typename }"}]'],
      ['a string', '"{ __typename }"'],
      ['a number', '42'],
      ['null', 'null'],
    ] as const) {
      it(`JSON that is ${kind}, not an object: 400 BAD_REQUEST`, async () => {
        await assertRejected(await post(gateway, surface, body), 400, 'BAD_REQUEST');
      });
    }

    it('missing query: 400 BAD_REQUEST', async () => {
      await assertRejected(await post(gateway, surface, JSON.stringify({ variables: {} })), 400, 'BAD_REQUEST');
    });

    for (const query of [42, { kind: 'Document' }, ['{ __typename }'], true]) {
      it(`query that is not a string (${JSON.stringify(query)}): 400 BAD_REQUEST`, async () => {
        await assertRejected(await post(gateway, surface, JSON.stringify({ query })), 400, 'BAD_REQUEST');
      });
    }

    it('variables that are not an object: 400 BAD_REQUEST', async () => {
      await assertRejected(await post(gateway, surface, JSON.stringify({ query: PRODUCT_BY_ID, variables: 'p1' })), 400, 'BAD_REQUEST');
    });

    for (const [kind, variables] of [
      ['of the wrong type', { id: true }],
      ['null for a non-null type', { id: null }],
      ['missing', {}],
    ] as const) {
      it(`a variable ${kind}: 400 BAD_USER_INPUT`, async () => {
        await assertRejected(await post(gateway, surface, JSON.stringify({ query: PRODUCT_BY_ID, variables })), 400, 'BAD_USER_INPUT');
      });
    }

    it('an unknown field: 400 GRAPHQL_VALIDATION_FAILED (with a suggestion outside production)', async () => {
      const body = await assertRejected(await post(gateway, surface, JSON.stringify({ query: '{ produc(id: "p1") { id } }' })), 400, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(body.errors[0]?.message ?? '', /Cannot query field "produc".*Did you mean "product"/);
    });

    it('an unknown argument: 400 GRAPHQL_VALIDATION_FAILED', async () => {
      await assertRejected(await post(gateway, surface, JSON.stringify({ query: '{ product(sku: "SKU-000001") { id } }' })), 400, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('a syntax error: 400 GRAPHQL_PARSE_FAILED', async () => {
      await assertRejected(await post(gateway, surface, JSON.stringify({ query: '{ product(id: "p1") { id }' })), 400, 'GRAPHQL_PARSE_FAILED');
    });

    it('an unknown operationName: 400 OPERATION_RESOLUTION_FAILURE', async () => {
      const query = 'query A { __typename } query B { __typename }';
      await assertRejected(await post(gateway, surface, JSON.stringify({ query, operationName: 'C' })), 400, 'OPERATION_RESOLUTION_FAILURE');
    });

    it('a client asking for application/graphql-response+json gets the same 4xx and no data entry', async () => {
      const response = await post(gateway, surface, JSON.stringify({ query: '{ nope }' }), { accept: 'application/graphql-response+json' });
      const body = await assertRejected(response, 400, 'GRAPHQL_VALIDATION_FAILED');
      assert.equal('data' in body, false);
    });

    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql']) {
      it(`content-type ${contentType}: 415 UNSUPPORTED_MEDIA_TYPE`, async () => {
        const response = await fetch(`${gateway.url}/${surface}/graphql`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: '{ __typename }',
        });
        await assertRejected(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      });
    }

    it(`a body over BODY_LIMIT_BYTES (${BODY_LIMIT_BYTES}): 413 PAYLOAD_TOO_LARGE`, async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(BODY_LIMIT_BYTES) } });
      await assertRejected(await post(gateway, surface, body), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('a body just under BODY_LIMIT_BYTES is served', async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(BODY_LIMIT_BYTES - 100) } });
      const response = await post(gateway, surface, body);
      assert.equal(response.status, 200);
      assert.deepEqual(withoutCost(await response.json()), { data: { __typename: 'Query' } });
    });

    it('a mutation over GET: 405', async () => {
      const url = `${gateway.url}/${surface}/graphql?query=${encodeURIComponent('mutation { __typename }')}`;
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      await assertRejected(response, 405, 'BAD_REQUEST');
    });

    it('a malformed Authorization header: 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
      const response = await post(gateway, surface, JSON.stringify({ query: '{ __typename }' }), { authorization: 'Basic dXNlcjpwYXNz' });
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
      await assertRejected(response, 401, 'UNAUTHENTICATED');
    });

    for (const [kind, token] of [
      ['garbage', async () => 'not.a.jwt'],
      ['expired', async () => tokenFor(gateway.config, 'u1', { expiresIn: '-1h' })],
      ['for the other surface', async () => tokenFor(gateway.config, 'u1', { audience: [surface === 'web' ? 'mobile' : 'web'] })],
      [
        'signed with another secret',
        async () =>
          signToken({ secret: 'another-secret-that-is-long-enough-0123456789', issuer: gateway.config.jwt.issuer }, { subject: 'u1', audience: [surface], expiresIn: '10m' }),
      ],
    ] as const) {
      it(`a ${kind} token: 401 UNAUTHENTICATED with WWW-Authenticate, before any backend call`, async () => {
        const query = surface === 'web' ? '{ me { id } }' : '{ home { greeting } }';
        const response = await post(gateway, surface, JSON.stringify({ query }), { authorization: `Bearer ${await token()}` });
        assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
        await assertRejected(response, 401, 'UNAUTHENTICATED');
      });
    }

    it('a route under the surface that does not exist: 404 NOT_FOUND JSON', async () => {
      const response = await fetch(`${gateway.url}/${surface}/graphql/extra`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await assertRejected(response, 404, 'NOT_FOUND');
    });

    it('production: a validation error carries no "Did you mean" suggestion', async () => {
      const body = await assertRejected(await post(production, surface, JSON.stringify({ query: '{ produc(id: "p1") { id } }' })), 400, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(body.errors[0]?.message ?? '', /Cannot query field "produc"/);
      assert.doesNotMatch(body.errors[0]?.message ?? '', /Did you mean/);
    });
  });
}

describe('bad requests outside the surfaces', () => {
  it('an unknown route: 404 NOT_FOUND JSON, even for a browser', async () => {
    const response = await fetch(`${gateway.url}/nope`, { headers: { accept: 'text/html' } });
    const body = await assertRejected(response, 404, 'NOT_FOUND');
    assert.equal(body.errors[0]?.message, 'No route GET /nope');
  });

  it('the 404 message leaves the query string out', async () => {
    const body = await assertRejected(await fetch(`${gateway.url}/graphql?token=secret`), 404, 'NOT_FOUND');
    assert.doesNotMatch(body.errors[0]?.message ?? '', /secret/);
  });

  it('production with introspection turned on still gives no "Did you mean" suggestion', async () => {
    const open = await startTestGateway(backends, { NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET, INTROSPECTION: 'true' });
    try {
      const body = await assertRejected(await post(open, 'mobile', JSON.stringify({ query: '{ hom { greeting } }' })), 400, 'GRAPHQL_VALIDATION_FAILED');
      assert.doesNotMatch(body.errors[0]?.message ?? '', /Did you mean/);
    } finally {
      await open.close();
    }
  });

  it('production: a variable error names no schema type suggestions and no internals', async () => {
    const body = await assertRejected(await post(production, 'web', JSON.stringify({ query: PRODUCT_BY_ID, variables: { id: true } })), 400, 'BAD_USER_INPUT');
    assert.doesNotMatch(JSON.stringify(body), /Did you mean|node_modules|at [A-Za-z]+ \(/);
  });
});
