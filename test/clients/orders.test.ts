import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Metadata, Server, ServerCredentials, status } from '@grpc/grpc-js';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { Dataset } from '../../backends/data/model.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { startOrders } from '../../backends/orders/server.ts';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';
import { OrdersClient, type Order } from '../../clients/orders/orders-client.ts';
import { loadOrdersProto } from '../../clients/orders/proto.ts';
import { toUpstreamError } from '../../clients/orders/grpc-errors.ts';

let dataset: Dataset;
let control: ControlPlane;
let server: RunningServer;
let orders: OrdersClient;

/** The UpstreamError a promise rejects with (fails the test when it resolves or throws anything else). */
async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UpstreamError, `expected UpstreamError, got ${String(error)}`);
    assert.equal(error.service, 'orders');
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Turns hang off and waits for one fresh call, so calls released late are counted in this test, not the next. */
async function settleHungCalls(): Promise<void> {
  control.setFaults('orders', { hang: false });
  assert.equal((await orders.batchGetOrders(['o1']))[0]?.id, 'o1');
}

async function expectCode(promise: Promise<unknown>, code: UpstreamErrorCode): Promise<UpstreamError> {
  const error = await upstreamError(promise);
  assert.equal(error.code, code, error.message);
  return error;
}

before(async () => {
  dataset = seedDataset({ users: 300, products: 400, orders: 5000 });
  control = new ControlPlane();
  server = await startOrders({ dataset, control, host: '127.0.0.1', port: 0 });
  orders = new OrdersClient({ address: server.url });
});

after(async () => {
  orders.close();
  control.releaseAll();
  await server.close();
});

beforeEach(() => control.reset());

describe('OrdersClient methods', () => {
  it('batchGetOrders returns the order with camelCase fields', async () => {
    const [order]: Order[] = await orders.batchGetOrders(['o1']);
    const stored = dataset.orders.get('o1');
    assert.deepEqual(order, { ...stored });
  });

  it('batchGetOrders returns found orders in request order, each once', async () => {
    const found = await orders.batchGetOrders(['o3', 'missing', 'o1', 'o3']);
    assert.deepEqual(
      found.map((order) => order.id),
      ['o3', 'o1'],
    );
    assert.deepEqual(control.stats('orders').batchSizes, { BatchGetOrders: [4] });
  });

  it('batchGetOrders refuses more than 100 ids without calling, and answers no ids without calling', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `o${i + 1}`);
    const error = await expectCode(orders.batchGetOrders(ids), 'INVALID_ARGUMENT');
    assert.equal(error.field, 'ids');
    assert.deepEqual(await orders.batchGetOrders([]), []);
    assert.equal(control.stats('orders').calls, 0);
    assert.equal((await orders.batchGetOrders(ids.slice(0, 100))).length, 100);
  });

  it('listOrdersByUser walks every page and filters by status', async () => {
    const expected = dataset.ordersByUser.get('u3')?.map((order) => order.id) ?? [];
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await orders.listOrdersByUser({ userId: 'u3', pageSize: 9, pageToken });
      assert.equal(page.totalSize, expected.length);
      seen.push(...page.orders.map((order) => order.id));
      pageToken = page.nextPageToken || undefined;
    } while (pageToken);
    assert.deepEqual(seen, expected);

    const shipped = await orders.listOrdersByUser({ userId: 'u3', status: 'SHIPPED', pageSize: 100 });
    assert.ok(shipped.orders.length > 0);
    assert.ok(shipped.orders.every((order) => order.status === 'SHIPPED'));
    assert.deepEqual(await orders.listOrdersByUser({ userId: 'nobody' }), { orders: [], nextPageToken: '', totalSize: 0 });
  });

  it('createOrder places an order once per idempotency key', async () => {
    const stock = dataset.stock.get('SKU-000010');
    assert.ok(stock);
    stock.available = 5;
    const input = { userId: 'u4', items: [{ productId: 'p10', quantity: 2 }], idempotencyKey: 'client-key' };
    const order = await orders.createOrder(input);
    assert.equal(order.status, 'PENDING');
    assert.equal(order.totalCents, 2 * stock.priceCents);
    assert.deepEqual(await orders.createOrder(input), order);
    assert.equal(stock.available, 3);
  });

  it('ping resolves when the channel is ready', async () => {
    await orders.ping();
    assert.equal(control.stats('orders').calls, 0);
  });
});

describe('OrdersClient error mapping', () => {
  it('maps NOT_FOUND, and INVALID_ARGUMENT with the field in camelCase', async () => {
    const missing = toUpstreamError(Object.assign(new Error('5 NOT_FOUND: order o0 not found'), { code: status.NOT_FOUND, details: 'order o0 not found', metadata: new Metadata() }), { operation: 'BatchGetOrders', deadline: Date.now() + 1_000 });
    assert.equal(missing.code, 'NOT_FOUND');
    const quantity = await expectCode(orders.createOrder({ userId: 'u1', items: [{ productId: 'p1', quantity: 100 }], idempotencyKey: 'k1' }), 'INVALID_ARGUMENT');
    assert.equal(quantity.field, 'items[0].quantity');
    const product = await expectCode(orders.createOrder({ userId: 'u1', items: [{ productId: 'nope', quantity: 1 }], idempotencyKey: 'k1' }), 'INVALID_ARGUMENT');
    assert.equal(product.field, 'items[0].productId');
    const token = await expectCode(orders.listOrdersByUser({ userId: 'u1', pageToken: '%%%' }), 'INVALID_ARGUMENT');
    assert.equal(token.field, 'pageToken');
    assert.equal(token.operation, 'ListOrdersByUser');
  });

  it('maps ALREADY_EXISTS and FAILED_PRECONDITION to CONFLICT', async () => {
    const stock = dataset.stock.get('SKU-000011');
    assert.ok(stock);
    stock.available = 1;
    await orders.createOrder({ userId: 'u5', items: [{ productId: 'p11', quantity: 1 }], idempotencyKey: 'once' });
    await expectCode(orders.createOrder({ userId: 'u5', items: [{ productId: 'p12', quantity: 1 }], idempotencyKey: 'once' }), 'CONFLICT');
    await expectCode(orders.createOrder({ userId: 'u5', items: [{ productId: 'p11', quantity: 1 }], idempotencyKey: 'twice' }), 'CONFLICT');
  });

  it('maps injected errors to INTERNAL and down to UNAVAILABLE', async () => {
    control.setFaults('orders', { errorRate: 1 });
    await expectCode(orders.batchGetOrders(['o1']), 'INTERNAL');
    control.setFaults('orders', { errorRate: 0, down: true });
    await expectCode(orders.batchGetOrders(['o1']), 'UNAVAILABLE');
  });

  it('maps an unreachable address to UNAVAILABLE, for calls and ping', async () => {
    const gone = await startOrders({ dataset, control: new ControlPlane(), host: '127.0.0.1', port: 0 });
    await gone.close();
    const lost = new OrdersClient({ address: gone.url, timeoutMs: 300 });
    await expectCode(lost.batchGetOrders(['o1']), 'UNAVAILABLE');
    await expectCode(lost.ping(), 'UNAVAILABLE');
    lost.close();
  });

  it('reports a response that breaks the contract as BAD_RESPONSE', async () => {
    const fake = new Server();
    fake.addService(loadOrdersProto().shop.orders.v1.OrderService.service, {
      BatchGetOrders: (_call: unknown, callback: (error: null, reply: object) => void) => callback(null, { orders: [{ id: 'o1', status: 'ORDER_STATUS_UNSPECIFIED' }] }),
    });
    const port = await new Promise<number>((resolve, reject) => fake.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
    const client = new OrdersClient({ address: `127.0.0.1:${port}` });
    await expectCode(client.batchGetOrders(['o1']), 'BAD_RESPONSE');
    client.close();
    fake.forceShutdown();
  });
});

describe('OrdersClient call options', () => {
  it('sends request id, trace context and viewer as metadata', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await orders.batchGetOrders(['o1'], { requestId: 'req-42', traceparent, viewerId: 'u1' });
    await orders.batchGetOrders(['o1'], { requestId: 'req-43' });
    const [first, second] = control.stats('orders').recent;
    assert.deepEqual(
      { method: first?.method, requestId: first?.requestId, traceparent: first?.traceparent, viewerId: first?.viewerId },
      { method: 'BatchGetOrders', requestId: 'req-42', traceparent, viewerId: 'u1' },
    );
    assert.equal(second?.requestId, 'req-43');
  });

  it('gives up with TIMEOUT at the client timeout when the backend hangs, then works again', async () => {
    const impatient = new OrdersClient({ address: server.url, timeoutMs: 500 });
    control.setFaults('orders', { hang: true });
    await expectCode(impatient.batchGetOrders(['o1']), 'TIMEOUT');
    control.setFaults('orders', { hang: false });
    assert.equal((await impatient.batchGetOrders(['o1']))[0]?.id, 'o1');
    impatient.close();
  });

  it('honours a nearer call deadline with TIMEOUT', async () => {
    control.setFaults('orders', { hang: true });
    await expectCode(orders.listOrdersByUser({ userId: 'u1' }, { deadline: Date.now() + 80 }), 'TIMEOUT');
    await settleHungCalls();
  });

  it('cancels the call when the signal aborts', async () => {
    control.setFaults('orders', { hang: true });
    const controller = new AbortController();
    const pending = orders.batchGetOrders(['o1'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await upstreamError(pending);
    assert.notEqual(error.code, 'TIMEOUT');
    assert.equal((error.cause as { code?: number }).code, 1, 'gRPC status CANCELLED');
    await expectCode(orders.batchGetOrders(['o1'], { signal: AbortSignal.timeout(50) }), 'TIMEOUT');
    await settleHungCalls();
  });

  it('does not send a call whose signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await upstreamError(orders.batchGetOrders(['o1'], { signal: controller.signal }));
    assert.equal(control.stats('orders').calls, 0);
  });
});
