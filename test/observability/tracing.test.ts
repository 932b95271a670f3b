import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICES, type CallRecord } from '../../backends/control/control-plane.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';
import { ORDER_HISTORY } from '../helpers/example-operations.ts';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Every request must reach the backends: no field cache answering in their place.
const shop = useGateway({ CACHE_ENABLED: 'false' });
let token: string;

before(async () => {
  await shop.ready();
  token = await tokenFor(shop.gateway.config, 'u1');
});

beforeEach(() => shop.backends.control.reset());

/** Sends the order-history page (it calls all four backends) and returns every call they received, by service. */
async function orderHistory(headers: Record<string, string>) {
  const response = await graphql(shop.gateway, 'web', ORDER_HISTORY, { token, variables: { first: 5 }, headers });
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined);
  const calls = Object.fromEntries(SERVICES.map((s) => [s, shop.backends.control.stats(s).recent])) as Record<(typeof SERVICES)[number], CallRecord[]>;
  for (const service of SERVICES) assert.ok(calls[service].length > 0, `${service} was called`);
  return { response, calls: Object.entries(calls) };
}

describe('trace context and request id reach every kind of backend (REST, gRPC, SOAP)', () => {
  it('the caller’s trace continues with a new span id; x-request-id is echoed and forwarded', async () => {
    const requestId = 'trace-test-42';
    const { response, calls } = await orderHistory({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, 'x-request-id': requestId });
    assert.equal(response.headers.get('x-request-id'), requestId);
    for (const [service, received] of calls) {
      for (const call of received) {
        const match = TRACEPARENT.exec(call.traceparent ?? '');
        assert.ok(match, `${service} ${call.method}: traceparent ${call.traceparent}`);
        assert.equal(match[1], TRACE_ID, `${service}: same trace`);
        assert.notEqual(match[2], SPAN_ID, `${service}: a span of its own`);
        assert.equal(call.requestId, requestId, `${service}: request id`);
        assert.equal(call.viewerId, 'u1', `${service}: viewer id`);
      }
    }
  });

  it('without an incoming traceparent a valid new trace is started', async () => {
    const { calls } = await orderHistory({});
    const traceIds = new Set<string>();
    for (const [service, received] of calls) {
      for (const call of received) {
        const match = TRACEPARENT.exec(call.traceparent ?? '');
        assert.ok(match, `${service}: traceparent ${call.traceparent}`);
        assert.notEqual(match[1], '0'.repeat(32));
        assert.notEqual(match[2], '0'.repeat(16));
        traceIds.add(match[1] as string);
      }
    }
    assert.equal(traceIds.size, 1, 'one trace for the whole request');
  });

  it('an invalid traceparent starts a new trace too', async () => {
    const { calls } = await orderHistory({ traceparent: `00-${'0'.repeat(32)}-${SPAN_ID}-01` });
    for (const [, received] of calls) for (const call of received) assert.doesNotMatch(call.traceparent ?? '', /^00-0{32}-/);
  });

  it('an invalid x-request-id is replaced by a generated one, echoed and forwarded', async () => {
    const invalid = 'not valid/with spaces and ${}';
    const { response, calls } = await orderHistory({ 'x-request-id': invalid });
    const generated = response.headers.get('x-request-id') ?? '';
    assert.notEqual(generated, invalid);
    assert.match(generated, UUID);
    for (const [service, received] of calls) for (const call of received) assert.equal(call.requestId, generated, service);
  });
});
