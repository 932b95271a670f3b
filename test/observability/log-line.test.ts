import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { graphql, tokenFor } from '../helpers/gateway.ts';
import { ORDER_HISTORY } from '../helpers/example-operations.ts';
import { useLoggedGateway } from '../helpers/logged-gateway.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const COOKIE_SECRET = 'cookie-secret-value-7f3a9c';
const BAD_TOKEN = 'not.a-valid.token-secret-5d21e8';

// Every request must reach the backends: no field cache answering in their place.
const logged = useLoggedGateway({ CACHE_ENABLED: 'false' });

beforeEach(() => logged.backends.control.reset());

const requestLines = (requestId: string) => logged.gateway.waitFor((line) => line.msg === 'graphql request' && line.requestId === requestId);

describe("the request log line ('graphql request')", () => {
  it('one line per request with every field, backend calls as the backends counted, no credentials', async () => {
    const token = await tokenFor(logged.gateway.config, 'u1');
    const requestId = 'log-line-test-1';
    const response = await graphql(logged.gateway, 'web', ORDER_HISTORY, {
      token,
      variables: { first: 20 },
      headers: {
        cookie: `session=${COOKIE_SECRET}`,
        'apollographql-client-name': 'shop-web',
        'apollographql-client-version': '3.14.1',
        'x-request-id': requestId,
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
      },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.errors, undefined);

    const lines = await requestLines(requestId);
    assert.equal(lines.length, 1, 'exactly one line');
    const line = lines[0] as Record<string, unknown>;
    const expectedCalls = Object.fromEntries(SERVICES.map((s) => [s, logged.backends.control.stats(s).calls]));
    assert.ok(Object.values(expectedCalls).every((calls) => calls > 0), 'the page calls all four backends');
    assert.equal(line.traceId, TRACE_ID);
    assert.equal(line.surface, 'web');
    assert.equal(line.operation, 'OrderHistory');
    assert.deepEqual(line.client, { name: 'shop-web', version: '3.14.1' });
    assert.equal(line.viewerId, 'u1');
    assert.equal(line.status, 200);
    assert.equal(typeof line.durationMs, 'number');
    assert.ok((line.durationMs as number) > 0);
    assert.deepEqual(line.backendCalls, expectedCalls);
    assert.deepEqual(line.errorCodes, []);

    const raw = logged.gateway.raw();
    assert.ok(!raw.includes(token), 'the bearer token is not logged');
    assert.ok(!raw.includes(COOKIE_SECRET), 'the cookie is not logged');
  });

  it('a refused token: one line with status 401 and UNAUTHENTICATED, the token not logged', async () => {
    const requestId = 'log-line-test-401';
    const response = await graphql(logged.gateway, 'web', ORDER_HISTORY, { token: BAD_TOKEN, headers: { 'x-request-id': requestId } });
    assert.equal(response.status, 401);
    const lines = await requestLines(requestId);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.status, 401);
    assert.deepEqual(lines[0]?.errorCodes, ['UNAUTHENTICATED']);
    assert.equal(lines[0]?.viewerId, null);
    assert.deepEqual(lines[0]?.backendCalls, {});
    assert.ok(!logged.gateway.raw().includes(BAD_TOKEN), 'the refused token is not logged');
  });

  it('an unparsable query: one line with status 400 and GRAPHQL_PARSE_FAILED', async () => {
    const requestId = 'log-line-test-400';
    const response = await graphql(logged.gateway, 'web', '{ me { id ', { headers: { 'x-request-id': requestId } });
    assert.equal(response.status, 400);
    const lines = await requestLines(requestId);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.status, 400);
    assert.deepEqual(lines[0]?.errorCodes, ['GRAPHQL_PARSE_FAILED']);
    assert.equal(lines[0]?.operation, null);
  });
});
