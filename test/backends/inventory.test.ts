import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseUntrustedXml } from '../../clients/inventory/safe-xml.ts';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { startInventory } from '../../backends/inventory/server.ts';
import { seedDataset } from '../../backends/data/seed.ts';

const SOAP_ACTION = '"urn:shop:inventory:v1#GetStockLevels"';
const dataset = seedDataset({ users: 300, products: 400, orders: 3000 });
const control = new ControlPlane();
let server: RunningServer;

// Reads the service's answers as the gateway's client does: prefixes removed, `item`/`missing` always arrays.

interface Item {
  sku: string;
  available: string;
  warehouse: string;
  price: { '#text': string; '@_currency': string };
}
interface Answer {
  status: number;
  xml: string;
  response?: { item?: Item[]; missing?: string[] };
  fault?: { faultcode: string; faultstring: string; detail: { code: string } };
}

const envelope = (inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
  `xmlns:inv="urn:shop:inventory:v1"><soap:Body>${inner}</soap:Body></soap:Envelope>`;

const request = (skus: string[], currency?: string): string =>
  envelope(`<inv:GetStockLevels>${currency ? `<inv:currency>${currency}</inv:currency>` : ''}${skus.map((s) => `<inv:sku>${s}</inv:sku>`).join('')}</inv:GetStockLevels>`);

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(server.url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: SOAP_ACTION, ...headers },
  });
  const xml = await res.text();
  const parsed = parseUntrustedXml(xml) as { Envelope: { Body: { GetStockLevelsResponse?: Answer['response'] | ''; Fault?: Answer['fault'] } } };
  const { GetStockLevelsResponse: response, Fault: fault } = parsed.Envelope.Body;
  return { status: res.status, xml, response: response === '' ? {} : response, fault };
}

function assertClientFault(answer: Answer, code: string): void {
  assert.equal(answer.status, 500);
  assert.equal(answer.fault?.faultcode, 'soap:Client');
  assert.equal(answer.fault?.detail.code, code);
}

const sku = (n: number): string => `SKU-${String(n).padStart(6, '0')}`;

before(async () => {
  server = await startInventory({ dataset, control, host: '127.0.0.1', port: 0 });
});
afterEach(() => control.reset());
after(async () => {
  control.releaseAll();
  await server.close();
});

describe('inventory backend: GetStockLevels', () => {
  test('answers known SKUs in request order, once each, in USD by default, and lists unknown ones', async () => {
    const answer = await post(request([sku(3), 'SKU-NOPE', sku(1), sku(3)]));
    assert.equal(answer.status, 200);
    const items = answer.response?.item ?? [];
    assert.deepEqual(items.map((i) => i.sku), [sku(3), sku(1)]);
    for (const item of items) {
      const stock = dataset.stock.get(item.sku);
      assert.ok(stock);
      assert.equal(Number(item.available), stock.available);
      assert.equal(item.warehouse, stock.warehouse);
      assert.equal(item.price['@_currency'], 'USD');
      assert.equal(item.price['#text'], (stock.priceCents / 100).toFixed(2));
    }
    assert.deepEqual(answer.response?.missing, ['SKU-NOPE']);
  });

  test('converts prices with the fixed rates, rounding half up; JPY has no decimals', async () => {
    const priceCents = 1999;
    const stock = dataset.stock.get(sku(5));
    assert.ok(stock);
    const original = stock.priceCents;
    stock.priceCents = priceCents;
    try {
      const expected = { USD: '19.99', EUR: '18.39', GBP: '15.79', JPY: '2999' };
      for (const [currency, amount] of Object.entries(expected)) {
        const answer = await post(request([sku(5)], currency));
        assert.deepEqual(answer.response?.item?.[0]?.price, { '#text': amount, '@_currency': currency }, currency);
      }
    } finally {
      stock.priceCents = original;
    }
  });

  test('accepts a default namespace and escapes what it echoes', async () => {
    const body = envelope('<GetStockLevels xmlns="urn:shop:inventory:v1"><sku>A&amp;B&lt;C</sku><sku>SKU-000002</sku></GetStockLevels>');
    const answer = await post(body);
    assert.equal(answer.status, 200);
    assert.match(answer.xml, /<inv:missing>A&amp;B&lt;C<\/inv:missing>/);
    assert.equal(answer.response?.item?.[0]?.sku, sku(2));
  });

  test('counts calls, batch sizes and trace headers', async () => {
    await post(request([sku(1), sku(2), sku(3)]), { 'x-request-id': 'req-1', traceparent: '00-abc-def-01', 'x-viewer-id': 'u7' });
    await post(request([sku(4)]));
    const stats = control.stats('inventory');
    assert.equal(stats.calls, 2);
    assert.deepEqual(stats.batchSizes.GetStockLevels, [3, 1]);
    assert.deepEqual(
      { requestId: stats.recent[0]?.requestId, traceparent: stats.recent[0]?.traceparent, viewerId: stats.recent[0]?.viewerId },
      { requestId: 'req-1', traceparent: '00-abc-def-01', viewerId: 'u7' },
    );
  });
});

describe('inventory backend: faults for bad input', () => {
  test('more than 25 SKUs is a Client fault naming the limit', async () => {
    const answer = await post(request(Array.from({ length: 26 }, (_, i) => sku(i + 1))));
    assertClientFault(answer, 'TOO_MANY_SKUS');
    assert.match(answer.fault?.faultstring ?? '', /25/);
  });

  test('no SKU is a Client fault', async () => {
    assertClientFault(await post(request([], 'EUR')), 'NO_SKU');
  });

  test('an unknown currency is a Client fault', async () => {
    assertClientFault(await post(request([sku(1)], 'CHF')), 'UNKNOWN_CURRENCY');
  });

  test('malformed XML is a Client fault', async () => {
    assertClientFault(await post('<soap:Envelope><soap:Body></soap:Envelope>'), 'MALFORMED_XML');
    assertClientFault(await post(''), 'MALFORMED_XML');
  });

  test('an external entity (XXE) is refused, never expanded', async () => {
    const body =
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + request(['&xxe;']);
    const answer = await post(body);
    assertClientFault(answer, 'DTD_NOT_ALLOWED');
    assert.doesNotMatch(answer.xml, /root:/);
    assert.equal(answer.response, undefined);
  });

  test('a billion-laughs document is refused, never expanded', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const body = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]>` + request(['&lol9;']);
    const answer = await post(body);
    assertClientFault(answer, 'DTD_NOT_ALLOWED');
    assert.ok(answer.xml.length < 1_000);
  });

  test('a wrong content type is a Client fault', async () => {
    assertClientFault(await post(request([sku(1)]), { 'content-type': 'application/json' }), 'WRONG_CONTENT_TYPE');
    assertClientFault(await post(request([sku(1)]), { 'content-type': 'application/soap+xml' }), 'WRONG_CONTENT_TYPE');
  });

  test('a wrong SOAPAction or an unknown operation is a Client fault', async () => {
    assertClientFault(await post(request([sku(1)]), { soapaction: '"urn:shop:inventory:v1#DeleteEverything"' }), 'UNKNOWN_OPERATION');
    assertClientFault(await post(envelope('<inv:DeleteEverything/>')), 'UNKNOWN_OPERATION');
  });

  test('a non-SOAP-1.1 envelope is a VersionMismatch fault', async () => {
    const body = '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>';
    const res = await fetch(server.url, { method: 'POST', body, headers: { 'content-type': 'text/xml', soapaction: SOAP_ACTION } });
    assert.equal(res.status, 500);
    assert.match(await res.text(), /<faultcode>soap:VersionMismatch<\/faultcode>/);
  });

  test('an oversized body is a Client fault', async () => {
    assertClientFault(await post(request([sku(1)]) + ' '.repeat(70_000)), 'BODY_TOO_LARGE');
  });
});

describe('inventory backend: contract documents and health', () => {
  test('serves the WSDL with its own address, and the XSD it imports', async () => {
    const wsdlRes = await fetch(`${server.url}?wsdl`);
    assert.equal(wsdlRes.status, 200);
    assert.match(wsdlRes.headers.get('content-type') ?? '', /^text\/xml/);
    const wsdl = await wsdlRes.text();
    assert.doesNotThrow(() => parseUntrustedXml(wsdl));
    assert.ok(wsdl.includes(`<soap:address location="${server.url}"/>`));
    assert.ok(wsdl.includes('soapAction="urn:shop:inventory:v1#GetStockLevels"'));
    const xsdRes = await fetch(`${server.url}?xsd=inventory.xsd`);
    assert.equal(xsdRes.status, 200);
    const xsd = await xsdRes.text();
    assert.doesNotThrow(() => parseUntrustedXml(xsd));
    assert.match(xsd, /targetNamespace="urn:shop:inventory:v1"/);
  });

  test('GET /healthz answers', async () => {
    const res = await fetch(new URL('/healthz', server.url));
    assert.equal(res.status, 200);
  });
});

describe('inventory backend: fault knobs', () => {
  test('latency delays the answer by at least the added time', async () => {
    control.setFaults('inventory', { latencyMs: 120 });
    const started = performance.now();
    const answer = await post(request([sku(1)]));
    // 1 ms of slack: timers are scheduled with millisecond granularity.
    assert.ok(performance.now() - started >= 119);
    assert.equal(answer.status, 200);
  });

  test('error rate 1 answers a Server fault', async () => {
    control.setFaults('inventory', { errorRate: 1 });
    const answer = await post(request([sku(1)]));
    assert.equal(answer.status, 500);
    assert.equal(answer.fault?.faultcode, 'soap:Server');
    assert.equal(answer.fault?.detail.code, 'INTERNAL_ERROR');
  });

  test('hang holds the call until the knob is turned off', async () => {
    control.setFaults('inventory', { hang: true });
    let settled = false;
    const pending = post(request([sku(1)])).finally(() => (settled = true));
    while (control.stats('inventory').calls === 0) await sleep(5);
    await sleep(50);
    assert.equal(settled, false);
    control.setFaults('inventory', { hang: false });
    assert.equal((await pending).status, 200);
  });

  test('down refuses connections until the knob is turned off', async () => {
    control.setFaults('inventory', { down: true });
    await assert.rejects(post(request([sku(1)])), TypeError);
    assert.equal(control.stats('inventory').calls, 0);
    control.setFaults('inventory', { down: false });
    assert.equal((await post(request([sku(1)]))).status, 200);
  });
});
