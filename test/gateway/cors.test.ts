import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { type TestGateway, useGateway } from '../helpers/gateway.ts';

const WEB_APP = 'https://shop.example.com';
const MOBILE_APP = 'https://m.shop.example.com';
const VITE = 'http://localhost:5173';
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-secret-for-tests-0123456789abcdef' };

const development = useGateway({ NODE_ENV: 'development' });
const configured = useGateway(
  { ...PRODUCTION, WEB_CORS_ORIGINS: `${WEB_APP}, https://admin.shop.example.com`, MOBILE_CORS_ORIGINS: MOBILE_APP, CORS_MAX_AGE_SECONDS: '120' },
  { shareBackendsOf: development },
);
const production = useGateway(PRODUCTION, { shareBackendsOf: development });

function preflight(gateway: TestGateway, surface: string, origin: string): Promise<Response> {
  return fetch(`${gateway.url}/${surface}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,apollographql-client-name' },
  });
}

function query(gateway: TestGateway, surface: string, origin: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gateway.url}/${surface}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body });
}

const TYPENAME = JSON.stringify({ query: '{ __typename }' });

function assertAllowed(response: Response, origin: string): void {
  assert.equal(response.headers.get('access-control-allow-origin'), origin);
  assert.match(response.headers.get('vary') ?? '', /origin/i);
  assert.equal(response.headers.get('access-control-allow-credentials'), null);
}

describe('development: the local dev servers’ origins', () => {
  it('a preflight from Vite’s origin: 204 with the methods, every GraphQL client header and a max age', async () => {
    const response = await preflight(development.gateway, 'mobile', VITE);
    assert.equal(response.status, 204);
    assertAllowed(response, VITE);
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET, POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(', ');
    for (const header of ['content-type', 'authorization', 'apollographql-client-name', 'apollographql-client-version', 'apollo-require-preflight', 'x-apollo-operation-name', 'traceparent', 'x-request-id']) {
      assert.ok(allowed.includes(header), `${header} not allowed: ${allowed.join(', ')}`);
    }
    assert.equal(response.headers.get('access-control-max-age'), '600');
  });

  it('the query itself: the origin allowed and x-request-id, retry-after exposed', async () => {
    const response = await query(development.gateway, 'web', 'http://localhost:3000', TYPENAME);
    assert.equal(response.status, 200);
    assertAllowed(response, 'http://localhost:3000');
    assert.equal(response.headers.get('access-control-expose-headers'), 'x-request-id, retry-after');
  });

  it('an origin that is not a local dev server gets no Access-Control-Allow-Origin', async () => {
    const preflightResponse = await preflight(development.gateway, 'web', 'https://evil.example');
    assert.equal(preflightResponse.headers.get('access-control-allow-origin'), null);
    const response = await query(development.gateway, 'web', 'https://evil.example', TYPENAME);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('configured origins, per surface', () => {
  for (const [surface, allowed, other] of [
    ['web', WEB_APP, MOBILE_APP],
    ['mobile', MOBILE_APP, WEB_APP],
  ] as const) {
    it(`/${surface}/graphql allows ${allowed} and refuses ${other}`, async () => {
      const ok = await preflight(configured.gateway, surface, allowed);
      assert.equal(ok.status, 204);
      assertAllowed(ok, allowed);
      assert.equal(ok.headers.get('access-control-max-age'), '120');
      const refused = await preflight(configured.gateway, surface, other);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.equal(refused.headers.get('access-control-allow-methods'), 'GET, POST');
    });
  }

  it('every origin of the list is allowed, and only exactly: a different scheme, port or subdomain is refused', async () => {
    assertAllowed(await preflight(configured.gateway, 'web', 'https://admin.shop.example.com'), 'https://admin.shop.example.com');
    for (const near of ['http://shop.example.com', 'https://shop.example.com:8443', 'https://x.shop.example.com', 'https://shop.example.com.evil.example']) {
      const response = await preflight(configured.gateway, 'web', near);
      assert.equal(response.headers.get('access-control-allow-origin'), null, near);
    }
  });

  it('a refusal carries the CORS headers, so the page can read its code', async () => {
    const limited = await query(configured.gateway, 'mobile', MOBILE_APP, JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }` }), {
      accept: 'application/graphql-response+json,application/json;q=0.9',
    });
    assert.equal(limited.status, 400);
    assertAllowed(limited, MOBILE_APP);
    assert.equal(((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code, 'ALIAS_LIMIT_EXCEEDED');
    const unauthenticated = await query(configured.gateway, 'mobile', MOBILE_APP, TYPENAME, { authorization: 'Bearer nope' });
    assert.equal(unauthenticated.status, 401);
    assertAllowed(unauthenticated, MOBILE_APP);
    const tooLarge = await query(configured.gateway, 'mobile', MOBILE_APP, 'x'.repeat(200_000));
    assert.equal(tooLarge.status, 413);
    assertAllowed(tooLarge, MOBILE_APP);
  });
});

describe('production without configured origins', () => {
  it('allows no origin, not even the local dev servers', async () => {
    for (const surface of ['web', 'mobile']) {
      const response = await preflight(production.gateway, surface, VITE);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
  });
});

describe('origin settings are validated', () => {
  for (const bad of ['*', 'https://shop.example.com/', 'https://shop.example.com/app', 'shop.example.com', 'ftp://shop.example.com']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(
        () => loadConfig({ MOBILE_CORS_ORIGINS: bad }),
        (error) => error instanceof ConfigError && error.problems.some((p) => p.startsWith('MOBILE_CORS_ORIGINS') && p.includes('exact origin')),
      );
    });
  }

  it('takes a comma-separated list, spaces allowed; an empty value allows none', () => {
    assert.deepEqual(loadConfig({ WEB_CORS_ORIGINS: 'https://a.example, http://localhost:8080' }).cors.origins.web, ['https://a.example', 'http://localhost:8080']);
    assert.deepEqual(loadConfig({ WEB_CORS_ORIGINS: '' }).cors.origins.web, []);
  });
});
