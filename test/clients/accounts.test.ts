import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startAccounts } from '../../backends/accounts/server.ts';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { AccountsClient } from '../../clients/accounts/accounts-client.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';

const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let server: RunningServer;
let client: AccountsClient;

const upstream = (code: UpstreamErrorCode, extra: Partial<UpstreamError> = {}) => (error: unknown) => {
  assert.ok(error instanceof UpstreamError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.service, 'accounts');
  for (const [key, value] of Object.entries(extra)) assert.equal(error[key as keyof UpstreamError], value);
  return true;
};

before(async () => {
  server = await startAccounts({ dataset, control, host: '127.0.0.1', port: 0 });
  client = new AccountsClient({ baseUrl: server.url });
});
after(async () => {
  client.close();
  control.releaseAll();
  await server.close();
});
beforeEach(() => control.reset());

describe('AccountsClient: methods', () => {
  it('getUsers answers found users in request order and leaves unknown ids out', async () => {
    const users = await client.getUsers(['u4', 'nope', 'u2']);
    assert.deepEqual(users, [dataset.users.get('u4'), dataset.users.get('u2')]);
    assert.deepEqual(await client.getUsers([]), []);
  });

  it('getUsers refuses more than 100 ids without calling the service', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `u${i + 1}`);
    await assert.rejects(client.getUsers(ids), upstream('INVALID_ARGUMENT', { field: 'ids', operation: 'GET /users' }));
    assert.equal(control.stats('accounts').calls, 0);
    assert.equal((await client.getUsers(ids.slice(0, 100))).length, 100);
  });

  it('getAddresses answers every address of the users, and refuses more than 100 ids without a call', async () => {
    assert.deepEqual(await client.getAddresses(['u3']), dataset.addressesByUser.get('u3'));
    const ids = Array.from({ length: 101 }, (_, i) => `u${i + 1}`);
    await assert.rejects(client.getAddresses(ids), upstream('INVALID_ARGUMENT', { field: 'userIds' }));
    assert.equal(control.stats('accounts').calls, 1);
  });

  it('updateProfile changes the profile and answers the user', async () => {
    const user = await client.updateProfile('u30', { displayName: 'Quinn', currency: 'GBP' });
    assert.equal(user.profile.displayName, 'Quinn');
    assert.equal(user.profile.currency, 'GBP');
    assert.equal(dataset.users.get('u30')?.profile.displayName, 'Quinn');
  });

  it('updateProfile maps a 400 to INVALID_ARGUMENT with the field, a 404 to NOT_FOUND', async () => {
    await assert.rejects(client.updateProfile('u30', { displayName: '' }), upstream('INVALID_ARGUMENT', { field: 'displayName' }));
    await assert.rejects(client.updateProfile('u30', { bio: 'x'.repeat(281) }), upstream('INVALID_ARGUMENT', { field: 'bio' }));
    await assert.rejects(client.updateProfile('u99999', { bio: 'hi' }), upstream('NOT_FOUND'));
  });

  it('ping resolves while the service is up', async () => {
    await client.ping();
    assert.equal(control.stats('accounts').byMethod['GET /healthz'], 1);
  });
});

describe('AccountsClient: transport', () => {
  it('sends the trace headers of the call', async () => {
    const call = { requestId: 'req-42', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', viewerId: 'u7' };
    await client.getUsers(['u1', 'u2'], call);
    await client.updateProfile('u31', { bio: 'traced' }, call);
    const recent = control.stats('accounts').recent;
    assert.deepEqual(recent, [
      { method: 'GET /users', keys: 2, ...call },
      { method: 'PATCH /users/{id}/profile', ...call },
    ]);
  });

  it('reuses one kept-alive connection for sequential calls', async () => {
    const fresh = new AccountsClient({ baseUrl: server.url });
    let sockets = 0;
    const onSocket = (): void => {
      sockets++;
    };
    diagnostics.subscribe('net.client.socket', onSocket);
    try {
      for (let i = 1; i <= 5; i++) await fresh.getUsers([`u${i}`]);
    } finally {
      diagnostics.unsubscribe('net.client.socket', onSocket);
      fresh.close();
    }
    assert.equal(control.stats('accounts').calls, 5);
    assert.equal(sockets, 1);
  });

  it('maps an injected server error to INTERNAL', async () => {
    control.setFaults('accounts', { errorRate: 1 });
    await assert.rejects(client.getUsers(['u1']), upstream('INTERNAL'));
  });

  it('maps a down service to UNAVAILABLE and recovers when it is back', async () => {
    control.setFaults('accounts', { down: true });
    await assert.rejects(client.getUsers(['u1']), upstream('UNAVAILABLE'));
    await assert.rejects(client.ping(), upstream('UNAVAILABLE'));
    control.setFaults('accounts', { down: false });
    assert.equal((await client.getUsers(['u1'])).length, 1);
  });

  it('maps a hanging service to TIMEOUT after timeoutMs, or at the call deadline', async () => {
    const impatient = new AccountsClient({ baseUrl: server.url, timeoutMs: 100 });
    control.setFaults('accounts', { hang: true });
    try {
      await assert.rejects(impatient.getUsers(['u1']), upstream('TIMEOUT'));
      await assert.rejects(client.getUsers(['u1'], { deadline: Date.now() + 100 }), upstream('TIMEOUT'));
    } finally {
      control.setFaults('accounts', { hang: false });
      impatient.close();
    }
    assert.equal(control.stats('accounts').calls, 2);
  });

  it('stops when the call signal aborts', async () => {
    control.setFaults('accounts', { hang: true });
    const controller = new AbortController();
    const pending = client.getUsers(['u1'], { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, upstream('CANCELLED'));
    await assert.rejects(client.getUsers(['u1'], { signal: AbortSignal.timeout(50) }), upstream('TIMEOUT'));
    control.setFaults('accounts', { hang: false });
  });

  it('maps an unparsable or misshapen answer to BAD_RESPONSE', async () => {
    const liar = http.createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(request.url?.startsWith('/users?') ? '{"people": []}' : '{not json');
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    const confused = new AccountsClient({ baseUrl: `http://127.0.0.1:${(liar.address() as AddressInfo).port}` });
    try {
      await assert.rejects(confused.getUsers(['u1']), upstream('BAD_RESPONSE'), 'misshapen');
      await assert.rejects(confused.getAddresses(['u1']), upstream('BAD_RESPONSE'), 'unparsable');
    } finally {
      confused.close();
      liar.closeAllConnections();
      await new Promise((resolve) => liar.close(resolve));
    }
  });
});
