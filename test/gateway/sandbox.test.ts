import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { withoutCost } from '../helpers/cost-extension.ts';

const SURFACES = ['web', 'mobile'] as const;
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-secret-for-tests-0123456789abcdef' };
const INTROSPECTION_QUERY = '{ __schema { queryType { name } } }';
/** What a browser sends when it navigates to a URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let backends: Backends;

before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

function browserGet(gateway: TestGateway, surface: string): Promise<Response> {
  return fetch(`${gateway.url}/${surface}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
}

async function introspect(gateway: TestGateway, surface: string): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(`${gateway.url}/${surface}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: INTROSPECTION_QUERY }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** The local explorer: GraphiQL from the gateway's own bundle for this endpoint, and Sandbox one link away. */
async function assertSandbox(gateway: TestGateway, surface: string): Promise<void> {
  const response = await browserGet(gateway, surface);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scripts, ['/explorer/explorer.js'], 'one script, from the gateway itself');
  assert.doesNotMatch(html, /https?:\/\//, 'no resource from another host');
  assert.match(html, new RegExp(`"surface":"${surface}"`));
  const bundle = await fetch(`${gateway.url}/explorer/explorer.js`);
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await bundle.text(), /GraphiQL/);
  // Apollo Sandbox stays available, at ?sandbox, targeting this very endpoint.
  const sandbox = await fetch(`${gateway.url}/${surface}/graphql?sandbox`, { headers: { accept: BROWSER_ACCEPT } });
  assert.equal(sandbox.status, 200);
  const sandboxHtml = await sandbox.text();
  assert.match(sandboxHtml, /embeddable-sandbox\.cdn\.apollographql\.com/);
  assert.match(sandboxHtml, /initialEndpoint/);
  assert.match(sandboxHtml, /window\.location\.href/);
}

/** The explorer is off: a short page saying so, with no explorer, no Sandbox and no CSRF error. */
async function assertNoLandingPage(gateway: TestGateway, surface: string): Promise<void> {
  for (const url of [`${gateway.url}/${surface}/graphql`, `${gateway.url}/${surface}/graphql?sandbox`]) {
    const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, /The explorer is off/);
    assert.doesNotMatch(html, /<script|sandbox\.cdn|Cross-Site/i);
  }
  const bundle = await fetch(`${gateway.url}/explorer/explorer.js`);
  assert.equal(bundle.status, 404);
}

async function assertIntrospectionRefused(gateway: TestGateway, surface: string): Promise<void> {
  const { status, body } = await introspect(gateway, surface);
  assert.equal(status, 400);
  assert.equal(body.data, undefined);
  assert.equal(body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.match(body.errors?.[0]?.message ?? '', /introspection is not allowed/i);
}

async function assertIntrospectionServed(gateway: TestGateway, surface: string): Promise<void> {
  const { status, body } = await introspect(gateway, surface);
  assert.equal(status, 200);
  assert.deepEqual(withoutCost(body), { data: { __schema: { queryType: { name: 'Query' } } } });
}

describe('development (default)', () => {
  let gateway: TestGateway;
  before(async () => {
    gateway = await startTestGateway(backends, { NODE_ENV: 'development' });
  });
  after(() => gateway?.close());

  for (const surface of SURFACES) {
    it(`a browser GET on /${surface}/graphql serves the local explorer for that endpoint, Sandbox at ?sandbox`, async () => {
      await assertSandbox(gateway, surface);
    });
    it(`/${surface}/graphql answers introspection`, async () => {
      await assertIntrospectionServed(gateway, surface);
    });
  }

  it('the explorer page is for browsers only: a GET query asking for JSON still gets JSON', async () => {
    const url = `${gateway.url}/web/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    assert.equal(response.status, 200);
    assert.deepEqual(withoutCost(await response.json()), { data: { __typename: 'Query' } });
  });
});

describe('production', () => {
  let gateway: TestGateway;
  before(async () => {
    gateway = await startTestGateway(backends, PRODUCTION);
  });
  after(() => gateway?.close());

  for (const surface of SURFACES) {
    it(`a browser GET on /${surface}/graphql gets a short page saying the explorer is off`, async () => {
      await assertNoLandingPage(gateway, surface);
    });
    it(`/${surface}/graphql refuses introspection`, async () => {
      await assertIntrospectionRefused(gateway, surface);
    });
  }

  it('__type is introspection too, and refused', async () => {
    const response = await fetch(`${gateway.url}/mobile/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __type(name: "Query") { name } }' }),
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('__typename is not introspection and is served', async () => {
    const response = await fetch(`${gateway.url}/web/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(withoutCost(await response.json()), { data: { __typename: 'Query' } });
  });
});

describe('SANDBOX and INTROSPECTION override the environment default', () => {
  it('production with SANDBOX=true and INTROSPECTION=true serves both', async () => {
    const gateway = await startTestGateway(backends, { ...PRODUCTION, SANDBOX: 'true', INTROSPECTION: 'true' });
    try {
      for (const surface of SURFACES) {
        await assertSandbox(gateway, surface);
        await assertIntrospectionServed(gateway, surface);
      }
    } finally {
      await gateway.close();
    }
  });

  it('development with SANDBOX=false and INTROSPECTION=false serves neither', async () => {
    const gateway = await startTestGateway(backends, { NODE_ENV: 'development', SANDBOX: 'false', INTROSPECTION: 'false' });
    try {
      for (const surface of SURFACES) {
        await assertNoLandingPage(gateway, surface);
        await assertIntrospectionRefused(gateway, surface);
      }
    } finally {
      await gateway.close();
    }
  });

  it('the two switches are independent: Sandbox on, introspection off', async () => {
    const gateway = await startTestGateway(backends, { NODE_ENV: 'development', SANDBOX: 'true', INTROSPECTION: '0' });
    try {
      await assertSandbox(gateway, 'web');
      await assertIntrospectionRefused(gateway, 'web');
    } finally {
      await gateway.close();
    }
  });

  it('the two switches are independent: Sandbox off, introspection on', async () => {
    const gateway = await startTestGateway(backends, { ...PRODUCTION, SANDBOX: '0', INTROSPECTION: '1' });
    try {
      await assertNoLandingPage(gateway, 'mobile');
      await assertIntrospectionServed(gateway, 'mobile');
    } finally {
      await gateway.close();
    }
  });
});
