import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { startInventory } from '../../backends/inventory/server.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';
import { InventoryClient, type Currency } from '../../clients/inventory/inventory-client.ts';

const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let backend: RunningServer;
let client: InventoryClient;

const sku = (n: number): string => `SKU-${String(n).padStart(6, '0')}`;

const upstream = (code: UpstreamErrorCode, field?: string) => (error: unknown) => {
  assert.ok(error instanceof UpstreamError, `not an UpstreamError: ${String(error)}`);
  assert.equal(error.service, 'inventory');
  assert.equal(error.code, code);
  if (field !== undefined) assert.equal(error.field, field);
  return true;
};

before(async () => {
  backend = await startInventory({ dataset, control, host: '127.0.0.1', port: 0 });
  client = new InventoryClient({ url: backend.url });
});
afterEach(() => control.reset());
after(async () => {
  client.close();
  control.releaseAll();
  await backend.close();
});

describe('InventoryClient against the reference backend', () => {
  test('returns the dataset values of known SKUs, in request order, once each', async () => {
    const levels = await client.getStockLevels([sku(7), 'SKU-UNKNOWN', sku(2), sku(7)], 'USD');
    const expected = [sku(7), sku(2)].map((s) => {
      const stock = dataset.stock.get(s);
      assert.ok(stock);
      return { sku: s, available: stock.available, warehouse: stock.warehouse, price: { amount: (stock.priceCents / 100).toFixed(2), currency: 'USD' } };
    });
    assert.deepEqual(levels, expected);
  });

  test('prices in the requested currency, JPY without decimals', async () => {
    const [level] = await client.getStockLevels([sku(1)], 'JPY');
    assert.equal(level?.price.currency, 'JPY');
    assert.match(level?.price.amount ?? '', /^\d+$/);
  });

  test('sends the trace headers of the call', async () => {
    await client.getStockLevels([sku(1)], 'EUR', { requestId: 'req-42', traceparent: '00-trace-span-01', viewerId: 'u9' });
    const [recorded] = control.stats('inventory').recent;
    assert.equal(recorded?.requestId, 'req-42');
    assert.equal(recorded?.traceparent, '00-trace-span-01');
    assert.equal(recorded?.viewerId, 'u9');
  });

  test('more than 25 SKUs throws INVALID_ARGUMENT without calling; none returns [] without calling', async () => {
    const skus = Array.from({ length: 26 }, (_, i) => sku(i + 1));
    await assert.rejects(client.getStockLevels(skus, 'USD'), upstream('INVALID_ARGUMENT', 'sku'));
    assert.deepEqual(await client.getStockLevels([], 'USD'), []);
    assert.equal(control.stats('inventory').calls, 0);
  });

  test('a soap:Client fault becomes INVALID_ARGUMENT', async () => {
    await assert.rejects(client.getStockLevels([sku(1)], 'CHF' as Currency), upstream('INVALID_ARGUMENT', 'currency'));
  });

  test('a soap:Server fault becomes INTERNAL', async () => {
    control.setFaults('inventory', { errorRate: 1 });
    await assert.rejects(client.getStockLevels([sku(1)], 'USD'), upstream('INTERNAL'));
  });

  test('a down backend is UNAVAILABLE, and the client recovers when it is back', async () => {
    await client.getStockLevels([sku(1)], 'USD');
    control.setFaults('inventory', { down: true });
    await assert.rejects(client.getStockLevels([sku(1)], 'USD'), upstream('UNAVAILABLE'));
    await assert.rejects(client.ping(), upstream('UNAVAILABLE'));
    control.setFaults('inventory', { down: false });
    assert.equal((await client.getStockLevels([sku(1)], 'USD')).length, 1);
    await client.ping();
  });

  test('a hanging backend is a TIMEOUT after the client timeout or the call deadline', async () => {
    control.setFaults('inventory', { hang: true });
    const impatient = new InventoryClient({ url: backend.url, timeoutMs: 100 });
    try {
      await assert.rejects(impatient.getStockLevels([sku(1)], 'USD'), upstream('TIMEOUT'));
      await assert.rejects(client.getStockLevels([sku(1)], 'USD', { deadline: Date.now() + 50 }), upstream('TIMEOUT'));
    } finally {
      impatient.close();
    }
  });

  test('an aborted call rejects with an UpstreamError', async () => {
    control.setFaults('inventory', { hang: true });
    const controller = new AbortController();
    const pending = client.getStockLevels([sku(1)], 'USD', { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, upstream('CANCELLED'));
  });
});

describe('InventoryClient against a misbehaving server', () => {
  let reply: { status: number; body: string } = { status: 200, body: '' };
  let fake: Server;
  let fakeClient: InventoryClient;
  const envelope = (inner: string): string =>
    `<?xml version="1.0"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="urn:shop:inventory:v1"><S:Body>${inner}</S:Body></S:Envelope>`;

  before(async () => {
    fake = createServer((_req, res) => {
      res.writeHead(reply.status, { 'content-type': 'text/xml; charset=utf-8' }).end(reply.body);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakeClient = new InventoryClient({ url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/soap` });
  });
  after(async () => {
    fakeClient.close();
    await new Promise<void>((resolve) => fake.close(() => resolve()));
  });

  const answerWith = async (status: number, body: string) => {
    reply = { status, body };
    return fakeClient.getStockLevels(['SKU-1'], 'EUR');
  };

  test('reads any envelope prefix, entities and an empty response', async () => {
    const item = '<i:item><i:sku>A&amp;B</i:sku><i:available>3</i:available><i:warehouse>X&#45;1</i:warehouse><i:price currency="EUR">1.50</i:price></i:item>';
    assert.deepEqual(await answerWith(200, envelope(`<i:GetStockLevelsResponse>${item}</i:GetStockLevelsResponse>`)), [
      { sku: 'A&B', available: 3, warehouse: 'X-1', price: { amount: '1.50', currency: 'EUR' } },
    ]);
    assert.deepEqual(await answerWith(200, envelope('<i:GetStockLevelsResponse/>')), []);
  });

  test('a response of the wrong shape is BAD_RESPONSE', async () => {
    const noWarehouse = '<i:item><i:sku>SKU-1</i:sku><i:available>3</i:available><i:price currency="EUR">1.50</i:price></i:item>';
    await assert.rejects(answerWith(200, envelope(`<i:GetStockLevelsResponse>${noWarehouse}</i:GetStockLevelsResponse>`)), upstream('BAD_RESPONSE'));
    const negative = '<i:item><i:sku>SKU-1</i:sku><i:available>-3</i:available><i:warehouse>W</i:warehouse><i:price currency="EUR">1.50</i:price></i:item>';
    await assert.rejects(answerWith(200, envelope(`<i:GetStockLevelsResponse>${negative}</i:GetStockLevelsResponse>`)), upstream('BAD_RESPONSE'));
    const otherCurrency = '<i:item><i:sku>SKU-1</i:sku><i:available>3</i:available><i:warehouse>W</i:warehouse><i:price currency="GBP">1.50</i:price></i:item>';
    await assert.rejects(answerWith(200, envelope(`<i:GetStockLevelsResponse>${otherCurrency}</i:GetStockLevelsResponse>`)), upstream('BAD_RESPONSE'));
    await assert.rejects(answerWith(200, envelope('<i:SomethingElse/>')), upstream('BAD_RESPONSE'));
  });

  test('malformed XML and DOCTYPEs are BAD_RESPONSE, never expanded', async () => {
    await assert.rejects(answerWith(200, '<S:Envelope><S:Body>'), upstream('BAD_RESPONSE'));
    await assert.rejects(answerWith(200, '{"items": []}'), upstream('BAD_RESPONSE'));
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      envelope('<i:GetStockLevelsResponse><i:missing>&xxe;</i:missing></i:GetStockLevelsResponse>');
    await assert.rejects(answerWith(200, xxe), (error) => upstream('BAD_RESPONSE')(error) && !String((error as Error).message).includes('root:'));
  });

  test('HTTP statuses without a SOAP answer: 503 is UNAVAILABLE, other 500s INTERNAL, a refusal INVALID_ARGUMENT', async () => {
    await assert.rejects(answerWith(503, 'busy'), upstream('UNAVAILABLE'));
    await assert.rejects(answerWith(500, '<html>oops</html>'), upstream('INTERNAL'));
    await assert.rejects(answerWith(404, 'not here'), upstream('BAD_RESPONSE'));
    await assert.rejects(answerWith(431, 'request header fields too large'), upstream('INVALID_ARGUMENT'));
  });

  test('a fault with any prefix maps by its code', async () => {
    const fault = (code: string) => envelope(`<S:Fault><faultcode>S:${code}</faultcode><faultstring>no</faultstring></S:Fault>`);
    await assert.rejects(answerWith(500, fault('Client')), upstream('INVALID_ARGUMENT'));
    await assert.rejects(answerWith(500, fault('Server')), upstream('INTERNAL'));
  });
});
