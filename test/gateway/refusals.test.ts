import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { beforeEach, describe, it } from 'node:test';
import Fastify from 'fastify';
import { clientErrorHandler } from '../../src/surfaces/client-error-handler.ts';
import { useGateway } from '../helpers/gateway.ts';

const SERVICES = ['accounts', 'catalog', 'orders', 'inventory'] as const;
const BODY_LIMIT_BYTES = 4_096;
/** What Apollo Client 4 sends. */
const APOLLO_CLIENT_ACCEPT = 'application/graphql-response+json,application/json;q=0.9';

const shop = useGateway({ BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES), MOBILE_MAX_BATCH: '2', MOBILE_MAX_COST: '50' });
beforeEach(() => shop.backends.control.reset());

interface Case {
  name: string;
  status: number;
  code: string;
  /** The status when the client names `application/json` (GraphQL over HTTP's legacy rule); default `status`. */
  jsonStatus?: number;
  send(headers: Record<string, string>): Promise<Response>;
}

const post = (body: string, headers: Record<string, string>, path = '/mobile/graphql') =>
  fetch(`${shop.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const CASES: Case[] = [
  { name: 'an abuse limit (aliases)', status: 400, code: 'ALIAS_LIMIT_EXCEEDED', send: (h) => post(JSON.stringify({ query: aliases(40) }), h) },
  {
    name: 'a batch over the limit',
    status: 400,
    code: 'BATCH_LIMIT_EXCEEDED',
    send: (h) => post(JSON.stringify([1, 2, 3].map(() => ({ query: '{ __typename }' }))), h),
  },
  { name: 'an invalid token', status: 401, code: 'UNAUTHENTICATED', send: (h) => post(JSON.stringify({ query: '{ __typename }' }), { ...h, authorization: 'Bearer nope' }) },
  {
    name: 'a body over the limit',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    send: (h) => post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } }), h),
  },
  { name: 'an unsupported content type', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', send: (h) => post('{ __typename }', { ...h, 'content-type': 'text/plain' }) },
  { name: 'an unknown route', status: 404, code: 'NOT_FOUND', send: (h) => post('{}', h, '/mobile/nope') },
  { name: 'malformed JSON', status: 400, code: 'BAD_REQUEST', send: (h) => post('{"query":', h) },
  {
    name: 'an operation over the cost limit',
    status: 400,
    code: 'COST_LIMIT_EXCEEDED',
    send: (h) => post(JSON.stringify({ query: '{ search(text: "a", first: 50) { nodes { name priceLabel inStock } } }' }), h),
  },
  { name: 'a validation failure', status: 400, jsonStatus: 200, code: 'GRAPHQL_VALIDATION_FAILED', send: (h) => post(JSON.stringify({ query: '{ nope }' }), h) },
  {
    name: 'a subscription operation',
    status: 400,
    jsonStatus: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    send: (h) => post(JSON.stringify({ query: 'subscription { __typename }' }), h),
  },
  {
    name: 'a persisted query whose hash does not match its text',
    status: 400,
    code: 'DOCUMENT_HASH_MISMATCH',
    send: (h) => post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } }), h),
  },
  {
    name: 'a persisted query of an unknown version',
    status: 400,
    code: 'BAD_REQUEST',
    send: (h) => post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 9, sha256Hash: sha256('{ __typename }') } } }), h),
  },
];

const ACCEPTS = [
  { accept: APOLLO_CLIENT_ACCEPT, type: 'application/graphql-response+json', label: 'Apollo Client 4 (prefers application/graphql-response+json)' },
  { accept: 'application/graphql-response+json', type: 'application/graphql-response+json', label: 'application/graphql-response+json only' },
  { accept: 'application/json', type: 'application/json', label: 'application/json named' },
  { accept: '*/*', type: 'application/json', label: 'anything' },
  { accept: undefined, type: 'application/json', label: 'no Accept header' },
] as const;

for (const { accept, type, label } of ACCEPTS) {
  describe(`every refusal, for a client accepting ${label}`, () => {
    for (const refusal of CASES) {
      it(`${refusal.name}: ${type}, a GraphQL error with code ${refusal.code}`, async () => {
        const response = await refusal.send(accept ? { accept } : {});
        const text = await response.text();
        const status = accept === 'application/json' ? (refusal.jsonStatus ?? refusal.status) : refusal.status;
        assert.equal(response.status, status, text);
        assert.equal(response.headers.get('content-type'), `${type}; charset=utf-8`);
        const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
        assert.equal(body.errors[0]?.extensions.code, refusal.code, text);
        assert.equal(typeof body.errors[0]?.message, 'string');
        assert.doesNotMatch(body.errors[0]?.message ?? '', /Internal server error/);
        if (status !== 200) assert.equal(body.data, undefined);
        for (const service of SERVICES) assert.equal(shop.backends.control.stats(service).calls, 0, service);
      });
    }
  });
}

describe('refusals Node raises before a request exists', () => {
  /** Sends raw bytes and reads until the server closes the connection. */
  function raw(bytes: string, port = Number(new URL(shop.gateway.url).port)): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
    });
  }

  function parse(response: string): { status: number; contentType: string | undefined; code: unknown } {
    const [head = '', body = ''] = response.split('\r\n\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
    const contentType = /^content-type: (.*)$/im.exec(head)?.[1];
    const parsed = JSON.parse(body) as { errors: { extensions: { code: unknown } }[] };
    return { status, contentType, code: parsed.errors[0]?.extensions.code };
  }

  it('headers over the size limit: 431 HEADERS_TOO_LARGE', async () => {
    const response = await raw(`POST /mobile/graphql HTTP/1.1\r\nhost: x\r\nx-padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.deepEqual(parse(response), { status: 431, contentType: 'application/json; charset=utf-8', code: 'HEADERS_TOO_LARGE' });
  });

  it('bytes that are not HTTP: 400 BAD_REQUEST', async () => {
    const response = await raw('NOT HTTP AT ALL\r\n\r\n');
    assert.deepEqual(parse(response), { status: 400, contentType: 'application/json; charset=utf-8', code: 'BAD_REQUEST' });
  });

  it('a request that timed out: 408 REQUEST_TIMEOUT (the handler the gateway installs)', async () => {
    // Node raises the timeout on the server's side of a connection after its check interval; it is
    // raised here at once, on a listener with the gateway's handler (431 and 400 above prove the wiring).
    const app = Fastify({ clientErrorHandler });
    // Its body never completes, so the handler never answers before the timeout does.
    app.post('/', async () => 'unreachable');
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      app.server.once('connection', (serverSide: Socket) => {
        serverSide.once('data', () => app.server.emit('clientError', Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), serverSide));
      });
      const address = app.server.address();
      const response = await raw('POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{', typeof address === 'object' && address ? address.port : 0);
      assert.deepEqual(parse(response), { status: 408, contentType: 'application/json; charset=utf-8', code: 'REQUEST_TIMEOUT' });
    } finally {
      await app.close();
    }
  });
});
