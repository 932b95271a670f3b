import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverAudits } from 'graphql-http';
import type { Backends } from '../../backends/start.ts';
import { useGateway } from '../helpers/gateway.ts';
import { assertCostExtension, withoutCost } from '../helpers/cost-extension.ts';

const SURFACES = ['web', 'mobile'] as const;
const SERVICES = ['accounts', 'catalog', 'orders', 'inventory'] as const;

const shop = useGateway({ INTROSPECTION: 'true' });

function assertNoBackendCall(backends: Backends): void {
  for (const service of SERVICES) assert.equal(backends.control.stats(service).calls, 0, service);
}

/**
 * The audits' fetch, playing a conforming Apollo client: Apollo Server's CSRF prevention (kept on)
 * refuses a GET that has neither a non-simple content-type nor a preflight header, and the audits'
 * GETs carry neither. POSTs are unaffected by the header.
 */
const preflightFetch: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('apollo-require-preflight', 'true');
  return fetch(input, { ...init, headers });
};

for (const surface of SURFACES) {
  describe(`GraphQL over HTTP audits: /${surface}/graphql`, () => {
    const audits = serverAudits({ url: () => `${shop.gateway.url}/${surface}/graphql`, fetchFn: preflightFetch });

    // Each audit only touches __typename and __type: none may reach a backend.
    for (const audit of audits) {
      it(audit.name, async () => {
        shop.backends.control.reset();
        const result = await audit.fn();
        assertNoBackendCall(shop.backends);
        if (result.status === 'ok') return;
        const body = await result.response.text().catch(() => '<unreadable>');
        assert.fail(`${result.status}: ${result.reason}\nstatus ${result.response.status}, body ${body.slice(0, 500)}`);
      });
    }
  });
}

describe('GET and CSRF prevention', () => {
  it('refuses a header-less cross-site style GET with a JSON 400, before any backend call', async () => {
    shop.backends.control.reset();
    const response = await fetch(`${shop.gateway.url}/web/graphql?query=${encodeURIComponent('{ __typename }')}`);
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'BAD_REQUEST');
    assert.match(body.errors[0]?.message ?? '', /Cross-Site Request Forgery/);
    assertNoBackendCall(shop.backends);
  });

  it('serves a GET query sent with x-apollo-operation-name, as Apollo iOS and Kotlin do', async () => {
    const url = `${shop.gateway.url}/mobile/graphql?query=${encodeURIComponent('query Ping { __typename }')}`;
    const response = await fetch(url, { headers: { 'x-apollo-operation-name': 'Ping', accept: 'application/graphql-response+json' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/graphql-response\+json/);
    const body: unknown = await response.json();
    assertCostExtension(body);
    assert.deepEqual(withoutCost(body), { data: { __typename: 'Query' } });
  });

  it('serves a GET query sent with content-type application/json, as Apollo Client web does', async () => {
    const url = `${shop.gateway.url}/web/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, { headers: { 'content-type': 'application/json' } });
    assert.equal(response.status, 200);
    const body: unknown = await response.json();
    assertCostExtension(body);
    assert.deepEqual(withoutCost(body), { data: { __typename: 'Query' } });
  });
});

describe('status codes follow the negotiated media type', () => {
  const invalid = JSON.stringify({ query: '{ nope }' });

  it('application/graphql-response+json: a validation failure is a 400 without data', async () => {
    const response = await fetch(`${shop.gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: invalid,
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal('data' in body, false);
  });

  it('explicit application/json: the same failure is a 200 carrying the same error', async () => {
    const response = await fetch(`${shop.gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: invalid,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('explicit application/json: a malformed HTTP request (no query) stays a 400', async () => {
    const response = await fetch(`${shop.gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ variables: {} }),
    });
    assert.equal(response.status, 400);
  });
});
