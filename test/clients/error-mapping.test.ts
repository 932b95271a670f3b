import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import got, { Options, RequestError } from 'got';
import { UpstreamError, abortedByTimeout, cancelled, notFound } from '../../clients/errors.ts';
import { AccountsClient } from '../../clients/accounts/accounts-client.ts';
import { InventoryClient } from '../../clients/inventory/inventory-client.ts';
import { freePort } from '../../bench/processes/free-port.ts';
import { faultError, statusError } from '../../clients/inventory/upstream-errors.ts';
import { toUpstreamError as grpcError } from '../../clients/orders/grpc-errors.ts';
import { codeForStatus, toUpstreamError as httpError } from '../../clients/rest/error-mapping.ts';

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

describe('REST and SOAP transport failures (what got throws)', () => {
  /** The error got raises when the socket fails with `code`. */
  const socketError = (code: string): RequestError => new RequestError(`connect ${code} 127.0.0.1:1`, Object.assign(new Error(`connect ${code}`), { code }), new Options({ url: 'http://127.0.0.1:1/users' }));

  it('every unreachable or dropped connection is UNAVAILABLE, naming the socket code; another request error is INTERNAL', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
      const error = httpError(socketError(code), 'accounts', 'GET /users');
      assert.deepEqual({ code: error.code, service: error.service, operation: error.operation, message: error.message }, { code: 'UNAVAILABLE', service: 'accounts', operation: 'GET /users', message: `accounts GET /users: ${code}` });
    }
    const odd = httpError(socketError('ERR_STREAM_PREMATURE_CLOSE'), 'catalog', 'GET /products');
    assert.equal(odd.code, 'INTERNAL');
    assert.equal(odd.message, 'catalog GET /products: connect ERR_STREAM_PREMATURE_CLOSE 127.0.0.1:1');
  });

  it('a failure during an aborted call is CANCELLED, or TIMEOUT when the signal’s reason is a deadline', () => {
    const controller = new AbortController();
    controller.abort();
    assert.equal(httpError(socketError('ECONNRESET'), 'accounts', 'GET /users', controller.signal).code, 'CANCELLED', 'the reset is the abort, not the backend');
    const timedOut = AbortSignal.abort(new DOMException('deadline', 'TimeoutError'));
    assert.equal(httpError(socketError('ECONNRESET'), 'accounts', 'GET /users', timedOut).code, 'TIMEOUT');
    const abortError = Object.assign(socketError('ABORT_ERR'), { name: 'AbortError' });
    assert.equal(httpError(abortError, 'accounts', 'GET /users').code, 'CANCELLED', 'got’s own AbortError, whatever the signal');
    assert.equal(httpError(socketError('ECONNRESET'), 'accounts', 'GET /users', new AbortController().signal).code, 'UNAVAILABLE', 'a signal that did not abort changes nothing');
  });

  it('an UpstreamError passes unchanged; anything else thrown is INTERNAL with its message', () => {
    const upstream = notFound('catalog', 'GET /products', 'product p1');
    assert.equal(httpError(upstream, 'accounts', 'GET /users'), upstream);
    const plain = httpError(new TypeError('boom'), 'accounts', 'GET /users');
    assert.deepEqual({ code: plain.code, message: plain.message }, { code: 'INTERNAL', message: 'accounts GET /users: boom' });
    assert.ok(plain.cause instanceof TypeError, 'the cause stays for the logs');
    assert.equal(httpError('a string', 'accounts', 'GET /users').message, 'accounts GET /users: a string');
  });

  it('codeForStatus: a status below 400 that reached the mapping is INTERNAL', () => {
    assert.equal(codeForStatus(302), 'INTERNAL');
    assert.equal(codeForStatus(399), 'INTERNAL');
  });
});

describe('HTTP answers got throws for (REST parses JSON, SOAP reads text)', () => {
  const ANSWERS: Record<string, [number, string]> = {
    '/problem': [400, '{"errors":[{"field":"displayName"},{"field":"locale"}]}'],
    '/null': [400, 'null'],
    '/no-errors': [400, '{"errors":[]}'],
    '/numeric-field': [400, '{"errors":[{"field":7}]}'],
    '/not-json': [400, 'refused'],
    '/gone': [404, '{"errors":[{"field":"id"}]}'],
    '/broken': [200, '{not json'],
  };
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((request, response) => {
      const [status, body] = ANSWERS[request.url ?? ''] ?? [500, ''];
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** What `path` answered, as the accounts client maps it. */
  const mapped = async (path: string, responseType: 'json' | 'text' = 'json'): Promise<UpstreamError> => {
    const thrown = await got(`${base}${path}`, { responseType, retry: { limit: 0 } }).then(() => assert.fail('answered'), (e: unknown) => e);
    return httpError(thrown, 'accounts', 'PATCH /users/{id}');
  };

  it('a 400 names the first field of its problem body, parsed or read as text', async () => {
    for (const responseType of ['json', 'text'] as const) {
      const error = await mapped('/problem', responseType);
      assert.deepEqual({ code: error.code, field: error.field, message: error.message }, { code: 'INVALID_ARGUMENT', field: 'displayName', message: 'accounts PATCH /users/{id}: HTTP 400' }, responseType);
    }
  });

  it('a 400 whose body names no field (null, no errors, a field that is not a string, not JSON) is INVALID_ARGUMENT without one', async () => {
    for (const path of ['/null', '/no-errors', '/numeric-field', '/not-json']) {
      for (const responseType of ['json', 'text'] as const) {
        const error = await mapped(path, responseType);
        assert.deepEqual({ code: error.code, field: error.field }, { code: 'INVALID_ARGUMENT', field: undefined }, `${path} (${responseType})`);
      }
    }
  });

  it('only a refusal names a field: a 404 with a problem body does not', async () => {
    const error = await mapped('/gone');
    assert.deepEqual({ code: error.code, field: error.field }, { code: 'NOT_FOUND', field: undefined });
  });

  it('a 200 whose JSON does not parse is BAD_RESPONSE', async () => {
    const error = await mapped('/broken');
    assert.equal(error.code, 'BAD_RESPONSE');
    assert.match(error.message, /^accounts PATCH \/users\/\{id\}: .*JSON/);
  });

  it('an aborted call says so in its message (for the logs)', () => {
    const error = httpError(Object.assign(new RequestError('This operation was aborted', {}, new Options({ url: base })), { name: 'AbortError' }), 'accounts', 'GET /users');
    assert.deepEqual({ code: error.code, message: error.message }, { code: 'CANCELLED', message: 'accounts GET /users: aborted' });
  });
});

describe('gRPC statuses (orders)', () => {
  const serviceError = (code: status, details: string): ServiceError =>
    Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata: new Metadata() });
  const future = () => Date.now() + 60_000;

  it('each status has the code the error vocabulary gives it', () => {
    const expected: [status, string][] = [
      [status.NOT_FOUND, 'NOT_FOUND'], [status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'], [status.OUT_OF_RANGE, 'INVALID_ARGUMENT'],
      [status.ALREADY_EXISTS, 'CONFLICT'], [status.FAILED_PRECONDITION, 'CONFLICT'], [status.UNAVAILABLE, 'UNAVAILABLE'],
      [status.DEADLINE_EXCEEDED, 'TIMEOUT'], [status.INTERNAL, 'INTERNAL'], [status.UNKNOWN, 'INTERNAL'], [status.PERMISSION_DENIED, 'INTERNAL'],
    ];
    for (const [code, mapped] of expected) {
      const error = grpcError(serviceError(code, 'no'), { operation: 'GetOrder', deadline: future() });
      assert.deepEqual({ code: error.code, service: error.service, operation: error.operation }, { code: mapped, service: 'orders', operation: 'GetOrder' }, status[code]);
      assert.equal(error.message, `orders GetOrder failed: ${status[code]} no`);
    }
  });

  it('CANCELLED is TIMEOUT once the deadline has passed or the signal’s reason is a deadline, CANCELLED when the caller went away', () => {
    const cancelledCall = serviceError(status.CANCELLED, 'Cancelled on client');
    assert.equal(grpcError(cancelledCall, { operation: 'GetOrder', deadline: Date.now() - 1_000 }).code, 'TIMEOUT');
    assert.equal(grpcError(cancelledCall, { operation: 'GetOrder', deadline: future() }).code, 'CANCELLED');
    const byCaller = new AbortController();
    byCaller.abort();
    assert.equal(grpcError(cancelledCall, { operation: 'GetOrder', deadline: future(), signal: byCaller.signal }).code, 'CANCELLED');
    const byDeadline = AbortSignal.abort(new DOMException('deadline', 'TimeoutError'));
    assert.equal(grpcError(cancelledCall, { operation: 'GetOrder', deadline: future(), signal: byDeadline }).code, 'TIMEOUT');
  });

  it('a deadline that is exactly now has passed (clock injected)', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: 1_800_000_000_000 });
    assert.equal(grpcError(serviceError(status.CANCELLED, 'Cancelled on client'), { operation: 'GetOrder', deadline: 1_800_000_000_000 }).code, 'TIMEOUT');
    assert.equal(grpcError(serviceError(status.CANCELLED, 'Cancelled on client'), { operation: 'GetOrder', deadline: 1_800_000_000_001 }).code, 'CANCELLED');
  });

  it('an INVALID_ARGUMENT names the request field its details start with, in camelCase; no other status or wording does', () => {
    const field = (code: status, details: string) => grpcError(serviceError(code, details), { operation: 'CreateOrder', deadline: future() }).field;
    assert.equal(field(status.INVALID_ARGUMENT, 'items[0].product_id: unknown product'), 'items[0].productId');
    assert.equal(field(status.OUT_OF_RANGE, 'page_token: bad'), 'pageToken');
    assert.equal(field(status.INVALID_ARGUMENT, 'request refused: too many items'), undefined, 'a field path starts the details');
    assert.equal(field(status.INVALID_ARGUMENT, 'Items: none'), undefined, 'field paths start lower-case');
    assert.equal(field(status.FAILED_PRECONDITION, 'items[0].quantity: out of stock'), undefined);
  });
});

describe('SOAP faults (inventory)', () => {
  const fault = (faultcode: string, code?: string) => faultError({ faultcode, faultstring: 'refused', code }, 'GetStockLevels');

  it('Client, VersionMismatch and MustUnderstand faults (dotted or not) are INVALID_ARGUMENT; others INTERNAL', () => {
    for (const faultcode of ['Client', 'Client.Validation', 'VersionMismatch', 'MustUnderstand']) assert.equal(fault(faultcode).code, 'INVALID_ARGUMENT', faultcode);
    for (const faultcode of ['Server', 'Server.Client', 'Receiver']) assert.equal(fault(faultcode).code, 'INTERNAL', faultcode);
  });

  it('a refusal names the input field of its reason; a server fault names none', () => {
    assert.equal(fault('Client', 'TOO_MANY_SKUS').field, 'sku');
    assert.equal(fault('Client', 'NO_SKU').field, 'sku');
    assert.equal(fault('Client', 'UNKNOWN_CURRENCY').field, 'currency');
    assert.equal(fault('Client', 'SOMETHING_ELSE').field, undefined);
    assert.equal(fault('Client').field, undefined);
    assert.equal(fault('Server', 'UNKNOWN_CURRENCY').field, undefined);
  });

  it('the message (for logs) carries the fault code, its reason and its string', () => {
    const error = fault('Client', 'NO_SKU');
    assert.deepEqual({ service: error.service, operation: error.operation, message: error.message }, { service: 'inventory', operation: 'GetStockLevels', message: 'inventory GetStockLevels fault Client (NO_SKU): refused' });
    assert.equal(fault('Server').message, 'inventory GetStockLevels fault Server: refused');
    assert.equal(statusError(503, 'GetStockLevels').message, 'inventory GetStockLevels answered HTTP 503');
    assert.equal(statusError(399, 'GetStockLevels').code, 'BAD_RESPONSE');
  });
});

describe('the error type', () => {
  it('is fast-failed only when told so, and says so', () => {
    assert.equal(new UpstreamError('x', { service: 'orders', code: 'UNAVAILABLE', operation: 'GetOrder' }).fastFailed, false);
    assert.equal(new UpstreamError('x', { service: 'orders', code: 'UNAVAILABLE', operation: 'GetOrder', fastFailed: true }).fastFailed, true);
    const error = new UpstreamError('x', { service: 'orders', code: 'UNAVAILABLE', operation: 'GetOrder', retryAfterMs: 2_000, field: 'id' });
    assert.deepEqual({ name: error.name, retryAfterMs: error.retryAfterMs, field: error.field }, { name: 'UpstreamError', retryAfterMs: 2_000, field: 'id' });
  });

  it('cancelled() and notFound() build the caller’s and the missing key’s errors', () => {
    const gone = cancelled('catalog', 'GET /products');
    assert.deepEqual({ code: gone.code, service: gone.service, operation: gone.operation, message: gone.message }, { code: 'CANCELLED', service: 'catalog', operation: 'GET /products', message: 'catalog GET /products: cancelled by the caller' });
    const missing = notFound('accounts', 'GET /users', 'user u9');
    assert.deepEqual({ code: missing.code, message: missing.message }, { code: 'NOT_FOUND', message: 'user u9 not found' });
  });

  it('abortedByTimeout: only a signal whose reason is a TimeoutError', () => {
    assert.equal(abortedByTimeout(undefined), false);
    assert.equal(abortedByTimeout(AbortSignal.abort()), false);
    assert.equal(abortedByTimeout(AbortSignal.abort(new DOMException('late', 'TimeoutError'))), true);
    assert.equal(abortedByTimeout(AbortSignal.abort(new Error('other'))), false);
  });
});
