import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { codeForStatus } from '../../clients/rest/error-mapping.ts';
import { statusError } from '../../clients/inventory/upstream-errors.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy.ts';

// A backend 4xx is the caller's fault: never retried, never a breaker failure, BAD_USER_INPUT.

const REFUSED = 20;
const SEARCH = '{ products(filter: { text: "lamp" }) { nodes { id } } }';

let backends: Backends;
let proxy: FlakyProxy;
let gateway: TestGateway;

before(async () => {
  backends = await startTestBackends();
  // The catalog refuses the first REFUSED requests as a server refuses an oversized request line.
  proxy = await startFlakyProxy(backends.catalog.url, (n) => n <= REFUSED, { status: 431 });
  gateway = await startTestGateway(backends, { CATALOG_URL: proxy.url, CACHE_ENABLED: 'false' });
});

after(async () => {
  await gateway?.close();
  await proxy?.close();
  await backends?.close();
});

describe('a backend 4xx', () => {
  it('is mapped as the caller’s input on every protocol that carries a status', () => {
    for (const status of [400, 401, 403, 413, 414, 415, 422, 431]) assert.equal(codeForStatus(status), 'INVALID_ARGUMENT', `HTTP ${status}`);
    assert.equal(codeForStatus(404), 'NOT_FOUND');
    assert.equal(codeForStatus(409), 'CONFLICT');
    assert.equal(codeForStatus(429), 'UNAVAILABLE');
    assert.equal(codeForStatus(500), 'INTERNAL');
    assert.equal(statusError(431, 'GetStockLevels').code, 'INVALID_ARGUMENT');
    assert.equal(statusError(503, 'GetStockLevels').code, 'UNAVAILABLE');
    assert.equal(statusError(404, 'GetStockLevels').code, 'BAD_RESPONSE', 'no SOAP endpoint at that address');
  });

  it('is answered BAD_USER_INPUT without retry, and many of them leave the circuit closed for the others', async () => {
    backends.control.reset();
    for (let i = 0; i < REFUSED; i++) {
      const response = await graphql(gateway, 'web', SEARCH);
      assert.equal(response.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(response.body.errors));
      assert.equal(response.body.errors?.[0]?.extensions?.service, 'catalog');
    }
    assert.equal(proxy.received, REFUSED, 'one call per request: none was retried');
    assert.equal(backends.control.stats('catalog').calls, 0, 'the refusals never reached the catalog');

    // A signed-in user's honest request right after: served, not failed fast by an open circuit.
    const token = await tokenFor(gateway.config, 'u7');
    const honest = await graphql(gateway, 'web', '{ product(id: "p3") { id name } }', { token });
    assert.equal(honest.body.errors, undefined, JSON.stringify(honest.body.errors));
    assert.equal((honest.body.data?.['product'] as { id?: string } | undefined)?.id, 'p3');
    assert.equal(backends.control.stats('catalog').calls, 1);
  });

  it('a cursor the catalog refuses names the argument', async () => {
    const response = await graphql(gateway, 'web', '{ products(after: "not-a-cursor") { nodes { id } } }');
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(response.body.errors?.[0]?.extensions?.argument, 'after');
  });
});
