import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { pino } from 'pino';
import type { GatewayContext } from '../../src/context.ts';
import { errorLogPlugin } from '../../src/observability/error-log.ts';
import { formatError } from '../../src/surfaces/format-error.ts';
import { useLoggedGateway } from '../helpers/logged-gateway.ts';
import { graphql } from '../helpers/gateway.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

const logged = useLoggedGateway({ CACHE_ENABLED: 'false' });

describe('error logs', () => {
  it('a backend failure is logged once, with request id, trace id, path, service, code and cause', async () => {
    logged.backends.control.setFaults('inventory', { down: true });
    try {
      const ids = ['p1', 'p2', 'p3'];
      const query = `{ ${ids.map((id, i) => `a${i}: product(id: "${id}") { id stock { available } }`).join(' ')} }`;
      const { status, body } = await graphql(logged.gateway, 'web', query, { headers: { 'x-request-id': 'logs-a-failure', traceparent: TRACEPARENT } });
      assert.equal(status, 200);
      assert.deepEqual(
        [...new Set(body.errors?.map((error) => error.extensions?.code))],
        ['BACKEND_UNAVAILABLE'],
      );
      const lines = await logged.gateway.waitFor((line) => line.requestId === 'logs-a-failure' && line.msg === 'backend failure');
      assert.equal(lines.length, 1, 'one failed batch, one line');
      const [line] = lines;
      assert.equal(line?.level, 40);
      assert.equal(line?.traceId, TRACE_ID);
      assert.equal(line?.service, 'inventory');
      assert.equal(line?.code, 'BACKEND_UNAVAILABLE');
      assert.equal(line?.paths, body.errors?.length);
      assert.match(String(line?.path), /^a\d\.stock$/);
      assert.ok(Array.isArray(line?.cause) && line.cause.length > 0, JSON.stringify(line));
    } finally {
      logged.backends.control.reset();
    }
  });

  it('a masked error is logged at error with its message and stack; the client sees neither', async () => {
    let written = '';
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          written += chunk.toString('utf8');
          done();
        },
      }),
    );
    const server = new ApolloServer<GatewayContext>({
      typeDefs: 'type Query { fine: String, broken: String }',
      resolvers: { Query: { fine: () => 'fine', broken: () => { throw new Error('pool exhausted at /srv/gateway/src/db.ts:12'); } } },
      formatError,
      plugins: [errorLogPlugin()],
    });
    await server.start();
    try {
      const context = { requestId: 'masked-1', surface: 'web', logger: logger.child({ requestId: 'masked-1' }), record: { traceparent: TRACEPARENT } } as unknown as GatewayContext;
      const response = await server.executeOperation({ query: '{ fine broken }' }, { contextValue: context });
      assert.equal(response.body.kind, 'single');
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      assert.deepEqual(errors?.map((error) => [error.message, error.extensions?.code]), [['Internal server error', 'INTERNAL_SERVER_ERROR']]);
      const lines = written.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(lines.length, 1);
      const [line] = lines;
      assert.equal(line?.msg, 'masked error');
      assert.equal(line?.level, 50);
      assert.equal(line?.requestId, 'masked-1');
      assert.equal(line?.traceId, TRACE_ID);
      assert.equal(line?.path, 'broken');
      assert.match(JSON.stringify(line?.err), /pool exhausted at \/srv\/gateway\/src\/db\.ts:12/);
    } finally {
      await server.stop();
    }
  });
});
