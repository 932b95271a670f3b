import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';
import { graphql, startTestBackends, startTestGateway, type TestGateway } from '../helpers/gateway.ts';

const PRODUCT = '{ product(id: "p1") { id } }';
const SLOW_PRODUCT = '{ product(id: "p3") { id stock { available } } }';

let backends: Backends;
before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

/** Opens a connection that sends a request's headers and a piece of its body, then nothing more. */
async function idleBody(gateway: TestGateway): Promise<{ socket: Socket; received: () => string }> {
  const { port } = new URL(gateway.url);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined);
  socket.write('POST /web/graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
  return { socket, received: () => received };
}

async function inFlight(gateway: TestGateway): Promise<number> {
  return sumOf(await scrape(gateway.adminUrl), 'gateway_in_flight_requests');
}

describe('slow and idle clients', () => {
  it('idle bodies at the cap take no turn: a normal client is served, and they are cut after the body timeout', { timeout: 20_000 }, async () => {
    const gateway = await startTestGateway(backends, { MAX_IN_FLIGHT_REQUESTS: '2', MAX_QUEUED_REQUESTS: '0', HEADERS_TIMEOUT_MS: '300', BODY_TIMEOUT_MS: '600' });
    try {
      const idle = await Promise.all(Array.from({ length: 4 }, () => idleBody(gateway)));
      // All four have arrived (or, when a turn is taken before the body, been refused).
      for (let i = 0; i < 100 && (await inFlight(gateway)) < 4; i++) await new Promise((resolve) => setTimeout(resolve, 10));

      const served = await graphql(gateway, 'web', PRODUCT);
      assert.equal(served.status, 200, JSON.stringify(served.body));
      assert.deepEqual(served.body.data, { product: { id: 'p1' } });

      await Promise.all(idle.map(({ socket }) => (socket.closed ? undefined : once(socket, 'close'))));
      for (const { received } of idle) assert.match(received(), /^HTTP\/1\.1 408 /);
      for (let i = 0; i < 100 && (await inFlight(gateway)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(await inFlight(gateway), 0, 'requests cut by the timeout leave the in-flight gauge');
    } finally {
      await gateway.close();
    }
  });

  it("a request's deadline counts from its arrival: the wait for a turn is part of it", { timeout: 20_000 }, async () => {
    const gateway = await startTestGateway(backends, { MAX_IN_FLIGHT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '5', REQUEST_TIMEOUT_MS: '1000', CACHE_ENABLED: 'false' });
    try {
      backends.control.setFaults('inventory', { latencyMs: 700 });
      const first = graphql(gateway, 'web', SLOW_PRODUCT);
      while (backends.control.stats('inventory').calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      // Waits about 700 ms for its turn, then needs 700 ms more: past its 1000 ms from arrival.
      const second = await graphql(gateway, 'web', SLOW_PRODUCT);
      assert.equal((await first).status, 200);
      assert.deepEqual(
        second.body.errors?.map((error) => error.extensions?.code),
        ['BACKEND_TIMEOUT'],
      );
    } finally {
      backends.control.reset();
      await gateway.close();
    }
  });
});
