import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startAccounts } from '../../backends/accounts/server.ts';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';

const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let server: RunningServer;

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : {} };
}

const patch = (id: string, body: string, type = 'application/json'): Promise<Answer> =>
  call(`/users/${id}/profile`, { method: 'PATCH', headers: { 'content-type': type }, body });

const ids = (count: number, from = 1): string => Array.from({ length: count }, (_, i) => `u${from + i}`).join(',');
const firstField = (answer: Answer): unknown => (answer.body.errors as { field: string }[] | undefined)?.[0]?.field;

before(async () => {
  server = await startAccounts({ dataset, control, host: '127.0.0.1', port: 0 });
});
after(async () => {
  control.releaseAll();
  await server.close();
});
beforeEach(() => control.reset());

describe('accounts backend: reads', () => {
  it('GET /users answers found users in request order, duplicates once, and lists missing ids', async () => {
    const answer = await call('/users?ids=u3,u1,nope,u3,u2');
    assert.equal(answer.status, 200);
    const users = answer.body.users as { id: string; email: string }[];
    assert.deepEqual(users.map((u) => u.id), ['u3', 'u1', 'u2']);
    assert.equal(users[0]?.email, dataset.users.get('u3')?.email);
    assert.deepEqual(answer.body.missing, ['nope']);
  });

  it('GET /users takes 100 ids and refuses 101 with a problem naming ids', async () => {
    assert.equal((await call(`/users?ids=${ids(100)}`)).status, 200);
    const refused = await call(`/users?ids=${ids(101)}`);
    assert.equal(refused.status, 400);
    assert.match(refused.type, /^application\/problem\+json/);
    assert.equal(refused.body.status, 400);
    assert.equal(firstField(refused), 'ids');
  });

  it('GET /users without ids, or with an empty id, is a 400', async () => {
    assert.equal((await call('/users')).status, 400);
    assert.equal((await call('/users?ids=u1,,u2')).status, 400);
  });

  it('GET /users/{id} answers the user, and a 404 problem for an unknown id', async () => {
    const found = await call('/users/u7');
    assert.equal(found.status, 200);
    assert.equal(found.body.id, 'u7');
    assert.deepEqual(Object.keys(found.body.profile as object).sort(), ['avatarUrl', 'bio', 'currency', 'displayName', 'locale']);
    const missing = await call('/users/u99999');
    assert.equal(missing.status, 404);
    assert.match(missing.type, /^application\/problem\+json/);
    assert.equal(missing.body.title, 'Not Found');
  });

  it('GET /addresses answers every address of the given users', async () => {
    const answer = await call('/addresses?userIds=u1,u2');
    assert.equal(answer.status, 200);
    const expected = [...(dataset.addressesByUser.get('u1') ?? []), ...(dataset.addressesByUser.get('u2') ?? [])];
    assert.deepEqual(answer.body.addresses, expected);
    assert.equal((await call(`/addresses?userIds=${ids(101)}`)).status, 400);
    assert.equal((await call('/addresses')).status, 400);
  });

  it('GET /healthz answers ok; unknown routes are 404 problems', async () => {
    assert.deepEqual((await call('/healthz')).body, { status: 'ok' });
    const unknown = await call('/nothing-here');
    assert.equal(unknown.status, 404);
    assert.match(unknown.type, /^application\/problem\+json/);
  });

  it('refuses unknown query parameters', async () => {
    assert.equal((await call('/users?ids=u1&extra=1')).status, 400);
  });
});

describe('accounts backend: PATCH /users/{id}/profile', () => {
  it('changes the profile in place and answers the user', async () => {
    const answer = await patch('u20', JSON.stringify({ displayName: 'Zed', bio: 'New bio', locale: 'fr-FR', currency: 'EUR' }));
    assert.equal(answer.status, 200);
    assert.deepEqual(
      { ...(answer.body.profile as object) },
      { ...dataset.users.get('u20')?.profile, displayName: 'Zed', bio: 'New bio', locale: 'fr-FR', currency: 'EUR' },
    );
    assert.equal(dataset.users.get('u20')?.profile.displayName, 'Zed');
    assert.equal(((await call('/users/u20')).body.profile as { bio: string }).bio, 'New bio');
  });

  it('refuses invalid fields with a 400 naming the field, and changes nothing', async () => {
    const before = structuredClone(dataset.users.get('u21')?.profile);
    const cases: [unknown, string][] = [
      [{ displayName: '' }, 'displayName'],
      [{ displayName: 'x'.repeat(61) }, 'displayName'],
      [{ bio: 'x'.repeat(281) }, 'bio'],
      [{ locale: 'xx-YY' }, 'locale'],
      [{ currency: 'CHF' }, 'currency'],
      [{ bio: 5 }, 'bio'],
      [{ displayName: ['a'] }, 'displayName'],
      [{ avatarUrl: 'https://evil.example' }, 'avatarUrl'],
      [{}, 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await patch('u21', JSON.stringify(body));
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.type, /^application\/problem\+json/);
      assert.equal(firstField(answer), field, JSON.stringify(body));
    }
    assert.deepEqual(dataset.users.get('u21')?.profile, before);
  });

  it('refuses a body that is not an object', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) assert.equal((await patch('u21', body)).status, 400, body);
  });

  it('answers 404 for an unknown user', async () => {
    assert.equal((await patch('u99999', JSON.stringify({ bio: 'hi' }))).status, 404);
  });

  it('answers malformed JSON with 400, a wrong content type with 415, an oversized body with 413', async () => {
    const malformed = await patch('u21', '{"bio": ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.type, /^application\/problem\+json/);
    assert.equal((await patch('u21', 'bio=x', 'text/plain')).status, 415);
    assert.equal((await patch('u21', 'bio=x', 'application/x-www-form-urlencoded')).status, 415);
    const huge = await patch('u21', JSON.stringify({ bio: 'x'.repeat(2_000_000) }));
    assert.equal(huge.status, 413);
    assert.match(huge.type, /^application\/problem\+json/);
  });
});

describe('accounts backend: control plane', () => {
  it('counts calls per method and keys per batch call', async () => {
    await call('/users?ids=u1,u2,u3');
    await call(`/users?ids=${ids(7)}`);
    await call('/users/u1');
    await call('/addresses?userIds=u1,u2');
    const stats = control.stats('accounts');
    assert.equal(stats.calls, 4);
    assert.equal(stats.byMethod['GET /users'], 2);
    assert.equal(stats.byMethod['GET /users/{id}'], 1);
    assert.deepEqual(stats.batchSizes['GET /users'], [3, 7]);
    assert.deepEqual(stats.batchSizes['GET /addresses'], [2]);
  });

  it('records the trace headers of each call', async () => {
    const headers = { 'x-request-id': 'req-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x-viewer-id': 'u5' };
    await call('/users/u5', { headers });
    const last = control.stats('accounts').recent.at(-1);
    assert.deepEqual(last, { method: 'GET /users/{id}', requestId: 'req-1', traceparent: headers.traceparent, viewerId: 'u5' });
  });

  it('latencyMs delays answers by at least that much', async () => {
    control.setFaults('accounts', { latencyMs: 120 });
    const started = performance.now();
    assert.equal((await call('/users/u1')).status, 200);
    assert.ok(performance.now() - started >= 115);
  });

  it('errorRate 1 answers every call with a 500 problem', async () => {
    control.setFaults('accounts', { errorRate: 1 });
    for (let i = 0; i < 3; i++) {
      const answer = await call('/users/u1');
      assert.equal(answer.status, 500);
      assert.match(answer.type, /^application\/problem\+json/);
    }
    control.setFaults('accounts', { errorRate: 0 });
    assert.equal((await call('/users/u1')).status, 200);
  });

  it('hang holds calls unanswered until the knob is turned off', async () => {
    control.setFaults('accounts', { hang: true });
    await assert.rejects(fetch(`${server.url}/users/u1`, { signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
    assert.equal(control.stats('accounts').calls, 1);
    const pending = call('/users/u2');
    control.setFaults('accounts', { hang: false });
    assert.equal((await pending).status, 200);
  });

  it('down refuses connections until the knob is turned off', async () => {
    control.setFaults('accounts', { down: true });
    await assert.rejects(fetch(`${server.url}/users/u1`));
    control.setFaults('accounts', { down: false });
    assert.equal((await call('/users/u1')).status, 200);
  });
});
