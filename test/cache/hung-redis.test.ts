import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Backends } from '../../backends/start.ts';
import { TEST_REDIS_URL, waitUntil } from '../helpers/cache-gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';
import { graphql, startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';

const QUERY = '{ product(id: "p7") { id name price { amount } } }';

/**
 * A Redis that can hang: a proxy on port 0 in front of the test Redis. While hung it accepts
 * connections and commands but answers nothing (commands are held, as a stopped Redis holds
 * them, and delivered in order when it answers again). Counts the commands sent while hung.
 */
async function startHangingRedis(): Promise<{ url: string; hang(on: boolean): void; heldCommands: () => number; quiet(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(TEST_REDIS_URL);
  let hung = false;
  let held = 0;
  let lastCommandAt = 0;
  const pairs: { client: Socket; upstream: Socket; queued: Buffer[] }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const pair = { client, upstream, queued: [] as Buffer[] };
    pairs.push(pair);
    client.on('data', (chunk: Buffer) => {
      lastCommandAt = performance.now();
      if (!hung) return void upstream.write(chunk);
      held += (chunk.toString('latin1').match(/(?:^|\r\n)\*\d+\r\n\$/g) ?? []).length;
      pair.queued.push(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    hang(on) {
      hung = on;
      if (!on) for (const pair of pairs) for (const chunk of pair.queued.splice(0)) pair.upstream.write(chunk);
    },
    heldCommands: () => held,
    // Writes of an earlier response may still be on their way: wait until the gateway has said nothing for a while.
    async quiet() {
      while (performance.now() - lastCommandAt < 300) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let backends: Backends;
before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

const metric = async (gateway: TestGateway, name: string) => sumOf(await scrape(gateway.adminUrl), name);

/** Long enough that a Redis that answers is never taken for a hung one on a loaded machine. */
const REDIS_TIMEOUT_MS = 1_000;

describe('a Redis that hangs (connection open, no replies)', () => {
  it('costs a request at most one timeout, then none while its breaker is open; every request is served', { timeout: 30_000 }, async () => {
    const redis = await startHangingRedis();
    const gateway = await startTestGateway(backends, { REDIS_URL: redis.url, REDIS_TIMEOUT_MS: String(REDIS_TIMEOUT_MS), REDIS_BREAKER_RESET_MS: '60000' });
    try {
      const token = await tokenFor(gateway.config, 'u3');
      assert.equal((await graphql(gateway, 'web', QUERY, { token })).status, 200);
      await redis.quiet();
      assert.equal(await metric(gateway, 'gateway_redis_timeouts_total'), 0, 'Redis answered in time before the hang');
      redis.hang(true);

      const first = await graphql(gateway, 'web', QUERY, { token });
      assert.equal(first.status, 200);
      assert.equal((first.body.data?.product as { id: string } | undefined)?.id, 'p7');
      assert.equal(redis.heldCommands(), 1, 'the first request sent Redis one command, then stopped asking');
      assert.equal(await metric(gateway, 'gateway_redis_timeouts_total'), 1);
      assert.equal(await metric(gateway, 'gateway_redis_breaker_state'), 2, 'open');

      for (let i = 0; i < 5; i++) assert.equal((await graphql(gateway, 'web', QUERY, { token })).status, 200);
      assert.equal(redis.heldCommands(), 1, 'no command reaches a Redis whose breaker is open');
      assert.equal(await metric(gateway, 'gateway_redis_timeouts_total'), 1, 'no more timeouts');
    } finally {
      redis.hang(false);
      await gateway.close();
      await redis.close();
    }
  });

  it('once it answers again, one probe closes the breaker and Redis is used again', { timeout: 30_000 }, async () => {
    const redis = await startHangingRedis();
    const gateway = await startTestGateway(backends, { REDIS_URL: redis.url, REDIS_TIMEOUT_MS: String(REDIS_TIMEOUT_MS), REDIS_BREAKER_RESET_MS: '300' });
    try {
      redis.hang(true);
      assert.equal((await graphql(gateway, 'web', QUERY)).status, 200);
      assert.equal(await metric(gateway, 'gateway_redis_breaker_state'), 2);
      redis.hang(false);
      assert.ok(await waitUntil(async () => (await metric(gateway, 'gateway_redis_breaker_state')) === 1, 5_000), 'half-open after the reset time');
      assert.equal((await graphql(gateway, 'web', QUERY)).status, 200);
      assert.equal(await metric(gateway, 'gateway_redis_breaker_state'), 0, 'the probe closed it');
    } finally {
      await gateway.close();
      await redis.close();
    }
  });
});
