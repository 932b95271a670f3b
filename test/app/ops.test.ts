import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, afterEach, describe, it } from 'node:test';
import { withoutCost } from '../helpers/cost-extension.ts';
import { backendEnv, graphql, startTestGateway, type TestGateway, useGateway } from '../helpers/gateway.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PRODUCT_QUERY = '{ product(id: "p1") { id name } }';

const shop = useGateway();
afterEach(() => shop.backends.control.reset());

describe('/healthz', () => {
  it('answers 200 without asking any backend', async () => {
    shop.backends.control.reset();
    const response = await fetch(`${shop.gateway.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    for (const service of ['accounts', 'catalog', 'orders', 'inventory'] as const) assert.equal(shop.backends.control.stats(service).calls, 0);
  });

  it('stays 200 while a backend is down: alive is not ready', async () => {
    shop.backends.control.setFaults('orders', { down: true });
    const response = await fetch(`${shop.gateway.url}/healthz`);
    assert.equal(response.status, 200);
  });
});

/**
 * Runs a fault test against a gateway of its own, so that what the fault leaves behind in the
 * gateway (circuit breaker state, for one) cannot leak into other tests.
 */
async function withOwnGateway(run: (own: TestGateway) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  const own = await startTestGateway(shop.backends, env, { waitForRedisMs: 0 });
  try {
    await run(own);
  } finally {
    await own.close();
  }
}

describe('admin listener', () => {
  it('serves /readyz, /status and /metrics; the public port serves none of them', async () => {
    for (const path of ['/readyz', '/status', '/metrics', '/healthz']) assert.equal((await fetch(`${shop.gateway.adminUrl}${path}`)).status, 200, path);
    for (const path of ['/readyz', '/status', '/metrics']) assert.equal((await fetch(`${shop.gateway.url}${path}`)).status, 404, `public ${path}`);
  });
});

describe('/readyz (admin): can this process serve', () => {
  it('answers 200 when started', async () => {
    const response = await fetch(`${shop.gateway.adminUrl}/readyz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ready' });
  });

  it('stays 200 with Redis and a backend down, asks no backend, and /status names both', async () => {
    const closed = await closedPort();
    await withOwnGateway(
      async (own) => {
        shop.backends.control.setFaults('catalog', { down: true });
        const ready = await fetch(`${own.adminUrl}/readyz`);
        assert.equal(ready.status, 200);
        assert.deepEqual(await ready.json(), { status: 'ready' });
        for (const service of ['accounts', 'catalog', 'orders', 'inventory'] as const) assert.equal(shop.backends.control.stats(service).calls, 0, `${service} asked by a probe`);
        const status = (await (await fetch(`${own.adminUrl}/status`)).json()) as { backends: Record<string, { reachable: boolean }>; redis: unknown };
        assert.deepEqual(
          Object.fromEntries(Object.entries(status.backends).map(([name, state]) => [name, state.reachable])),
          { accounts: true, catalog: false, orders: true, inventory: true },
        );
        assert.deepEqual(status.redis, { configured: true, reachable: false, breaker: 'closed' });
      },
      { REDIS_URL: `redis://127.0.0.1:${closed}` },
    );
  });

  it('answers 503 saturated while every turn is taken and the line is full', () =>
    withOwnGateway(
      async (own) => {
        shop.backends.control.setFaults('catalog', { latencyMs: 400 });
        const busy = graphql(own, 'web', PRODUCT_QUERY);
        while (shop.backends.control.stats('catalog').calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        const during = await fetch(`${own.adminUrl}/readyz`);
        assert.equal(during.status, 503);
        assert.deepEqual(await during.json(), { status: 'not-ready', reason: 'saturated' });
        assert.equal((await busy).status, 200);
        assert.equal((await fetch(`${own.adminUrl}/readyz`)).status, 200);
      },
      { MAX_IN_FLIGHT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0', CACHE_ENABLED: 'false' },
    ));
});

async function closedPort(): Promise<number> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return port;
}

describe('x-request-id', () => {
  it('keeps a well-formed id, echoes it and passes it to the backends', async () => {
    const id = 'checkout-7f3a:42.retry_1';
    const { status, headers, body } = await graphql(shop.gateway, 'web', PRODUCT_QUERY, { headers: { 'x-request-id': id } });
    assert.equal(status, 200);
    assert.deepEqual(body.data, { product: { id: 'p1', name: shop.backends.dataset.products.get('p1')?.name } });
    assert.equal(headers.get('x-request-id'), id);
    const calls = shop.backends.control.stats('catalog').recent;
    assert.ok(calls.length > 0);
    for (const call of calls) assert.equal(call.requestId, id);
  });

  for (const [kind, id] of [
    ['with spaces', 'two words'],
    ['with a header injection attempt', 'abc\tdef'],
    ['too long', 'x'.repeat(129)],
    ['with non-ASCII characters', 'ид-1'],
  ] as const) {
    it(`replaces an id ${kind} with a generated UUID`, async () => {
      // fetch only sends Latin-1 header values: the non-ASCII id goes percent-encoded, still malformed.
      const sent = /^[\t\x20-\x7e]*$/.test(id) ? id : encodeURIComponent(id);
      const response = await fetch(`${shop.gateway.url}/healthz`, { headers: { 'x-request-id': sent } });
      const echoed = response.headers.get('x-request-id') ?? '';
      assert.notEqual(echoed, sent);
      assert.match(echoed, UUID);
    });
  }

  it('generates a fresh UUID per request when none is given', async () => {
    const [a, b] = await Promise.all([fetch(`${shop.gateway.url}/healthz`), fetch(`${shop.gateway.url}/web/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })]);
    const first = a.headers.get('x-request-id') ?? '';
    const second = b.headers.get('x-request-id') ?? '';
    assert.match(first, UUID);
    assert.match(second, UUID, 'rejected requests carry one too');
    assert.notEqual(first, second);
  });

  it('the 404 JSON carries the id too', async () => {
    const response = await fetch(`${shop.gateway.url}/nowhere`, { headers: { 'x-request-id': 'trace-404' } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('x-request-id'), 'trace-404');
  });
});

/** A gateway process started as production starts it: `node src/main.ts`. */
interface SpawnedGateway {
  child: ChildProcessWithoutNullStreams;
  /** The log lines written so far, parsed. */
  lines: Record<string, unknown>[];
  /** Endpoint URL per surface, read from the start-up log. */
  endpoints: Record<string, string>;
  /** The admin listener's base URL, read from the start-up log. */
  admin: string;
  exited: Promise<number | null>;
}

async function spawnGateway(env: Record<string, string>): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', ADMIN_PORT: '0', LOG_PRETTY: 'false', LOG_LEVEL: 'info', ...backendEnv(shop.backends), ...env },
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines: Record<string, unknown>[] = [];
  const endpoints: Record<string, string> = {};
  let admin = '';
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      const match = /^(web|mobile) endpoint: (http:\/\/\S+)$/.exec(String(entry.msg));
      if (match?.[1] && match[2]) endpoints[match[1]] = match[2];
      admin = /^admin: (http:\/\/\S+)$/.exec(String(entry.msg))?.[1] ?? admin;
      if (endpoints.web && endpoints.mobile && admin) resolve();
    });
    void exited.then((code) => reject(new Error(`gateway exited (${code}) before listening: ${stderr}`)));
  });
  await ready;
  return { child, lines, endpoints, admin, exited };
}

describe('a gateway process', () => {
  let spawned: SpawnedGateway | undefined;
  after(async () => {
    if (spawned && spawned.child.exitCode === null) {
      spawned.child.kill('SIGKILL');
      await spawned.exited;
    }
  });

  it('logs one JSON line per endpoint, serves, and exits 0 on SIGTERM after finishing an in-flight request', async () => {
    spawned = await spawnGateway({});
    const { child, lines, endpoints, exited } = spawned;
    assert.match(endpoints.web ?? '', /^http:\/\/127\.0\.0\.1:\d+\/web\/graphql$/);
    assert.match(endpoints.mobile ?? '', /^http:\/\/127\.0\.0\.1:\d+\/mobile\/graphql$/);
    const base = new URL(endpoints.web ?? '').origin;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);

    // A request still waiting on a slow backend when SIGTERM arrives must be answered, not cut.
    shop.backends.control.setFaults('catalog', { latencyMs: 300 });
    const inFlight = fetch(endpoints.web ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PRODUCT_QUERY }),
    });
    while (shop.backends.control.stats('catalog').calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(child.kill('SIGTERM'));

    const response = await inFlight;
    assert.equal(response.status, 200);
    // Tells the client not to reuse the connection, so the process need not wait for it.
    assert.equal(response.headers.get('connection'), 'close');
    assert.deepEqual(withoutCost(await response.json()), { data: { product: { id: 'p1', name: shop.backends.dataset.products.get('p1')?.name } } });
    assert.equal(await exited, 0);
    const messages = lines.map((line) => line.msg);
    assert.ok(messages.includes('shutting down: draining in-flight requests'), JSON.stringify(messages));
    assert.ok(messages.includes('stopped'), JSON.stringify(messages));
    assert.ok(!messages.includes('drain time over: closing remaining connections'), 'shutdown waited for the drain timer');
  });

  it('at SIGTERM turns readiness off first, keeps serving new and in-flight requests through the drain delay, then exits 0', async () => {
    spawned = await spawnGateway({ DRAIN_DELAY_MS: '1500', CACHE_ENABLED: 'false' });
    const { child, lines, endpoints, admin, exited } = spawned;
    const web = endpoints.web ?? '';
    assert.equal((await fetch(`${admin}/readyz`)).status, 200);
    const ask = () => fetch(web, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRODUCT_QUERY }) });

    shop.backends.control.setFaults('catalog', { latencyMs: 300 });
    const inFlight = ask();
    while (shop.backends.control.stats('catalog').calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(child.kill('SIGTERM'));
    let readiness = 200;
    while (readiness === 200) readiness = (await fetch(`${admin}/readyz`)).status;
    assert.equal(readiness, 503);
    assert.deepEqual(await (await fetch(`${admin}/readyz`)).json(), { status: 'not-ready', reason: 'draining' });

    // Arrives after readiness went off, while the load balancer may still route here: served.
    const arriving = await ask();
    assert.equal(arriving.status, 200);
    assert.equal(arriving.headers.get('connection'), 'close');
    assert.deepEqual(withoutCost(await arriving.json()), { data: { product: { id: 'p1', name: shop.backends.dataset.products.get('p1')?.name } } });
    assert.equal((await inFlight).status, 200);
    assert.ok(
      !lines.some((line) => line.msg === 'shutting down: draining in-flight requests'),
      'the listener closed before the drain delay was over',
    );
    assert.equal(await exited, 0);
    const messages = lines.map((line) => line.msg);
    assert.ok(messages.indexOf('shutting down: readiness off, still accepting during the drain delay') < messages.indexOf('shutting down: draining in-flight requests'));
  });
});
