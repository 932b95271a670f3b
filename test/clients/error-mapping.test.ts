import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { UpstreamError } from '../../clients/errors.ts';
import { AccountsClient } from '../../clients/accounts/accounts-client.ts';
import { InventoryClient } from '../../clients/inventory/inventory-client.ts';
import { freePort } from '../../bench/processes/free-port.ts';
import { statusError } from '../../clients/inventory/upstream-errors.ts';
import { codeForStatus } from '../../clients/rest/error-mapping.ts';

// REST and SOAP clients map HTTP failures one way: the same status or transport failure is the
// same code whichever client met it.

describe('one HTTP error mapping for REST and SOAP', () => {
  it('a status without an answer maps to the same code for both (504 included)', () => {
    for (const status of [400, 408, 409, 413, 429, 431, 500, 501, 502, 503, 504]) {
      assert.equal(statusError(status, 'GetStockLevels').code, codeForStatus(status), `HTTP ${status}`);
    }
    assert.equal(codeForStatus(504), 'UNAVAILABLE');
  });

  it('each status has the code the error vocabulary gives it', () => {
    const expected: Record<number, string> = {
      400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 408: 'TIMEOUT', 409: 'CONFLICT', 413: 'INVALID_ARGUMENT', 429: 'UNAVAILABLE', 431: 'INVALID_ARGUMENT',
      499: 'INVALID_ARGUMENT', 500: 'INTERNAL', 501: 'INTERNAL', 502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'UNAVAILABLE',
    };
    for (const [status, code] of Object.entries(expected)) assert.equal(codeForStatus(Number(status)), code, `HTTP ${status}`);
    assert.equal(statusError(404, 'GetStockLevels').code, 'BAD_RESPONSE', 'no SOAP endpoint at that address');
    assert.equal(statusError(302, 'GetStockLevels').code, 'BAD_RESPONSE');
  });

  it('a refused connection (a closed port) is UNAVAILABLE for a REST and a SOAP client', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const rest = new AccountsClient({ baseUrl: closed });
    const soap = new InventoryClient({ url: `${closed}/soap` });
    try {
      for (const call of [rest.getUsers(['u1']), soap.getStockLevels(['SKU-000001'], 'USD')]) {
        const error = await call.then(() => assert.fail('answered'), (e: unknown) => e);
        assert.ok(error instanceof UpstreamError, String(error));
        assert.equal(error.code, 'UNAVAILABLE');
        assert.match(error.message, /ECONNREFUSED/);
      }
    } finally {
      rest.close();
      soap.close();
    }
  });

  describe('the inventory client on a server that never answers', () => {
    let server: Server;
    let client: InventoryClient;
    before(async () => {
      // Reads the request and never answers: only the client's deadline or signal ends the call.
      server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      client = new InventoryClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap`, timeoutMs: 10_000 });
    });
    after(async () => {
      client.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const codeOf = async (call: Promise<unknown>): Promise<string> => {
      const error = await call.then(() => assert.fail('answered'), (e: unknown) => e);
      assert.ok(error instanceof UpstreamError, String(error));
      return error.code;
    };

    it('a signal aborted by a timeout is TIMEOUT, one aborted by the caller is CANCELLED', async () => {
      assert.equal(await codeOf(client.getStockLevels(['SKU-000001'], 'USD', { signal: AbortSignal.timeout(100) })), 'TIMEOUT');
      const controller = new AbortController();
      const pending = codeOf(client.getStockLevels(['SKU-000001'], 'USD', { signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      assert.equal(await pending, 'CANCELLED');
    });
  });
});
