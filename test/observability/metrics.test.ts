import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICES } from '../../backends/control/control-plane.ts';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';
import { HOME_SCREEN } from '../helpers/example-operations.ts';
import { parsePrometheusText, scrape, sumOf } from '../helpers/prometheus-text.ts';

// Every request must reach the backends: no field cache answering in their place.
const shop = useGateway({ CACHE_ENABLED: 'false' });

describe('GET /metrics', () => {
  it('is Prometheus text format: every family has HELP and TYPE, every sample parses', async () => {
    const { gateway } = shop;
    const response = await fetch(`${gateway.adminUrl}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const exposition = parsePrometheusText(await response.text());
    assert.ok(exposition.samples.length > 0);
    for (const [name, family] of exposition.families) assert.ok(family.help, `${name} has HELP`);
    const types = Object.fromEntries([...exposition.families].map(([name, family]) => [name, family.type]));
    assert.equal(types.gateway_request_duration_seconds, 'histogram');
    assert.equal(types.gateway_backend_call_duration_seconds, 'histogram');
    assert.equal(types.gateway_authentication_failures_total, 'counter');
    assert.equal(types.gateway_in_flight_requests, 'gauge');
    assert.equal(types.gateway_circuit_state, 'gauge');
    assert.equal(types.nodejs_eventloop_lag_seconds, 'gauge');
    assert.ok(exposition.samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds'), 'event-loop lag sampled');
    for (const service of SERVICES) {
      assert.equal(sumOf(exposition, 'gateway_circuit_state', { service }), 0, `${service} circuit closed`);
      assert.ok(exposition.samples.some((s) => s.name === 'gateway_circuit_state' && s.labels.service === service), `${service} circuit state present`);
    }
  });

  it('counters move with traffic: requests per operation, backend calls per service, auth failures', async () => {
    const { backends, gateway } = shop;
    const token = await tokenFor(gateway.config, 'u2');
    const requests = { name: 'gateway_request_duration_seconds_count', labels: { surface: 'mobile', operation: 'HomeScreen', outcome: 'ok' } };
    const before = await scrape(gateway.adminUrl);
    backends.control.reset();
    const n = 4;
    for (let i = 0; i < n; i++) {
      const response = await graphql(gateway, 'mobile', HOME_SCREEN, { token });
      assert.equal(response.body.errors, undefined);
    }
    await graphql(gateway, 'web', '{ me { id } }', { token: 'not-a-token' });
    const afterTraffic = await scrape(gateway.adminUrl);

    assert.equal(sumOf(afterTraffic, requests.name, requests.labels) - sumOf(before, requests.name, requests.labels), n);
    for (const service of SERVICES) {
      const calls = (e: typeof before) => sumOf(e, 'gateway_backend_call_duration_seconds_count', { service, outcome: 'ok' });
      assert.equal(calls(afterTraffic) - calls(before), backends.control.stats(service).calls, `${service}: attempts as the backend counted`);
    }
    const authFailures = (e: typeof before) => sumOf(e, 'gateway_authentication_failures_total', { surface: 'web' });
    assert.equal(authFailures(afterTraffic) - authFailures(before), 1);
    const rejected = (e: typeof before) => sumOf(e, 'gateway_request_duration_seconds_count', { surface: 'web', outcome: 'rejected' });
    assert.equal(rejected(afterTraffic) - rejected(before), 1);
    assert.equal(sumOf(afterTraffic, 'gateway_in_flight_requests', { surface: 'mobile' }), 0, 'nothing in flight once answered');
  });
});
