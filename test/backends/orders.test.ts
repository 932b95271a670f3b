import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, Metadata, credentials, status, type ServiceError, type requestCallback } from '@grpc/grpc-js';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import type { Dataset } from '../../backends/data/model.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { startOrders } from '../../backends/orders/server.ts';
import { loadOrdersProto } from '../../clients/orders/proto.ts';
import type { OrderServiceClient } from '../../clients/orders/__generated__/shop/orders/v1/OrderService.ts';
import type { Order__Output } from '../../clients/orders/__generated__/shop/orders/v1/Order.ts';
import type { BatchGetOrdersResponse__Output } from '../../clients/orders/__generated__/shop/orders/v1/BatchGetOrdersResponse.ts';
import type { ListOrdersByUserRequest } from '../../clients/orders/__generated__/shop/orders/v1/ListOrdersByUserRequest.ts';
import type { ListOrdersByUserResponse__Output } from '../../clients/orders/__generated__/shop/orders/v1/ListOrdersByUserResponse.ts';
import type { CreateOrderRequest } from '../../clients/orders/__generated__/shop/orders/v1/CreateOrderRequest.ts';

let dataset: Dataset;
let control: ControlPlane;
let server: RunningServer;
let client: OrderServiceClient;
let raw: Client;

type Start<T> = (metadata: Metadata, options: { deadline: number }, callback: requestCallback<T>) => unknown;

/** Runs one call with a deadline (default 5 s) and optional metadata. */
function rpc<T>(start: Start<T>, deadlineMs = 5000, metadata = new Metadata()): Promise<T> {
  return new Promise((resolve, reject) => {
    start(metadata, { deadline: Date.now() + deadlineMs }, (error, value) => (error ? reject(error) : resolve(value as T)));
  });
}

/** The gRPC status a call failed with (fails the test when the call succeeds). */
async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  assert.fail('expected the call to fail');
}

const getOrder = (id: string, deadlineMs?: number): Promise<Order__Output> => rpc<Order__Output>((m, o, cb) => client.GetOrder({ id }, m, o, cb), deadlineMs);
const batchGet = (ids: string[]): Promise<BatchGetOrdersResponse__Output> => rpc<BatchGetOrdersResponse__Output>((m, o, cb) => client.BatchGetOrders({ ids }, m, o, cb));
const list = (request: ListOrdersByUserRequest): Promise<ListOrdersByUserResponse__Output> => rpc<ListOrdersByUserResponse__Output>((m, o, cb) => client.ListOrdersByUser(request, m, o, cb));
const create = (request: CreateOrderRequest): Promise<Order__Output> => rpc<Order__Output>((m, o, cb) => client.CreateOrder(request, m, o, cb));

/** Sends bytes as they are, to check what the server does with requests no typed client would send. */
function sendRaw(method: string, bytes: number[]): Promise<Buffer> {
  const identity = (buffer: Buffer): Buffer => buffer;
  return new Promise((resolve, reject) => {
    raw.makeUnaryRequest(`/shop.orders.v1.OrderService/${method}`, identity, identity, Buffer.from(bytes), new Metadata(), { deadline: Date.now() + 5000 }, (error, value) =>
      error ? reject(error) : resolve(value as Buffer),
    );
  });
}

before(async () => {
  dataset = seedDataset({ users: 300, products: 400, orders: 5000 });
  control = new ControlPlane();
  server = await startOrders({ dataset, control, host: '127.0.0.1', port: 0 });
  const { OrderService } = loadOrdersProto().shop.orders.v1;
  client = new OrderService(server.url, credentials.createInsecure());
  raw = new Client(server.url, credentials.createInsecure());
});

after(async () => {
  client.close();
  raw.close();
  control.releaseAll();
  await server.close();
});

beforeEach(() => control.reset());

describe('GetOrder', () => {
  it('returns the stored order in camelCase with numbers for int64 amounts', async () => {
    const order = await getOrder('o1');
    const stored = dataset.orders.get('o1');
    assert.deepEqual(order, { ...stored, items: stored?.items });
    assert.equal(typeof order.totalCents, 'number');
  });

  it('answers NOT_FOUND for an unknown id and INVALID_ARGUMENT for an empty one', async () => {
    assert.equal((await failure(getOrder('o999999'))).code, status.NOT_FOUND);
    const empty = await failure(getOrder(''));
    assert.equal(empty.code, status.INVALID_ARGUMENT);
    assert.match(empty.details, /^id: /);
  });
});

describe('BatchGetOrders', () => {
  it('returns found orders in request order, each once, and lists the missing ids', async () => {
    const response = await batchGet(['o5', 'nope', 'o2', 'o5', 'o3', 'nope']);
    assert.deepEqual(
      response.orders.map((order) => order.id),
      ['o5', 'o2', 'o3'],
    );
    assert.deepEqual(response.missingIds, ['nope']);
  });

  it('takes 100 ids and refuses 101 or none with INVALID_ARGUMENT', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `o${i + 1}`);
    assert.equal((await batchGet(ids.slice(0, 100))).orders.length, 100);
    const tooMany = await failure(batchGet(ids));
    assert.equal(tooMany.code, status.INVALID_ARGUMENT);
    assert.match(tooMany.details, /^ids: /);
    assert.equal((await failure(batchGet([]))).code, status.INVALID_ARGUMENT);
    assert.equal((await failure(batchGet(['o1', '']))).code, status.INVALID_ARGUMENT);
  });
});

describe('ListOrdersByUser', () => {
  it('pages through a heavy user’s whole history newest first, without duplicates', async () => {
    const expected = dataset.ordersByUser.get('u1')?.map((order) => order.id) ?? [];
    assert.ok(expected.length >= 40);
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await list({ userId: 'u1', pageSize: 7, pageToken });
      assert.equal(page.totalSize, expected.length);
      assert.ok(page.orders.length <= 7);
      seen.push(...page.orders.map((order) => order.id));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    assert.deepEqual(seen, expected);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(pages, Math.ceil(expected.length / 7));
  });

  it('uses 20 per page by default and filters by status', async () => {
    assert.equal((await list({ userId: 'u2' })).orders.length, 20);
    const paid = await list({ userId: 'u2', status: 'PAID', pageSize: 100 });
    const expected = dataset.ordersByUser.get('u2')?.filter((order) => order.status === 'PAID') ?? [];
    assert.ok(expected.length > 0);
    assert.deepEqual(
      paid.orders.map((order) => order.id),
      expected.map((order) => order.id),
    );
    assert.equal(paid.totalSize, expected.length);
    assert.equal(paid.nextPageToken, '');
  });

  it('gives an unknown user an empty page', async () => {
    assert.deepEqual(await list({ userId: 'u-nobody' }), { orders: [], nextPageToken: '', totalSize: 0 });
  });

  it('refuses a bad page token, a page size above 100 and a missing user id', async () => {
    for (const request of [{ userId: 'u1', pageToken: 'garbage!' }, { userId: 'u1', pageToken: Buffer.from('v1:o999999').toString('base64url') }, { userId: 'u1', pageSize: 101 }, {}]) {
      assert.equal((await failure(list(request))).code, status.INVALID_ARGUMENT, JSON.stringify(request));
    }
  });
});

describe('CreateOrder', () => {
  it('places a PENDING order priced from stock, takes the stock, and puts it first in the history', async () => {
    const product = dataset.products.get('p3');
    const stock = dataset.stock.get(product?.sku ?? '');
    assert.ok(product && stock);
    stock.available = 50;
    const order = await create({ userId: 'u7', items: [{ productId: 'p3', quantity: 2 }], idempotencyKey: 'first' });
    assert.equal(order.status, 'PENDING');
    assert.equal(order.currency, 'USD');
    assert.deepEqual(order.items, [{ productId: 'p3', sku: product.sku, quantity: 2, unitPriceCents: stock.priceCents }]);
    assert.equal(order.totalCents, 2 * stock.priceCents);
    assert.equal(stock.available, 48);
    assert.equal(dataset.ordersByUser.get('u7')?.[0]?.id, order.id);
    assert.deepEqual(await getOrder(order.id), order);
  });

  it('is idempotent per user and key: the same request once, a different one ALREADY_EXISTS', async () => {
    const stock = dataset.stock.get('SKU-000004');
    assert.ok(stock);
    stock.available = 10;
    const ordersBefore = dataset.orders.size;
    const request = { userId: 'u8', items: [{ productId: 'p4', quantity: 3 }], idempotencyKey: 'retry-me' };
    const first = await create(request);
    const again = await create(request);
    assert.deepEqual(again, first);
    assert.equal(dataset.orders.size, ordersBefore + 1);
    assert.equal(stock.available, 7);
    const changed = await failure(create({ ...request, items: [{ productId: 'p4', quantity: 4 }] }));
    assert.equal(changed.code, status.ALREADY_EXISTS);
    // The key belongs to one user: another user may use it for their own order.
    assert.notEqual((await create({ ...request, userId: 'u9' })).id, first.id);
  });

  it('refuses bad input with INVALID_ARGUMENT naming the field, and missing stock with FAILED_PRECONDITION', async () => {
    const base = { userId: 'u1', items: [{ productId: 'p1', quantity: 1 }], idempotencyKey: 'bad-input' };
    const cases: [CreateOrderRequest, RegExp][] = [
      [{ ...base, userId: '' }, /^user_id: /],
      [{ ...base, idempotencyKey: '' }, /^idempotency_key: /],
      [{ ...base, items: [] }, /^items: /],
      [{ ...base, items: [{ productId: 'p1', quantity: 0 }] }, /^items\[0\]\.quantity: /],
      [{ ...base, items: [{ productId: 'p1', quantity: 1 }, { productId: 'p1', quantity: 100 }] }, /^items\[1\]\.quantity: /],
      [{ ...base, items: [{ productId: 'p-unknown', quantity: 1 }] }, /^items\[0\]\.product_id: /],
      [{}, /^user_id: /],
    ];
    for (const [request, field] of cases) {
      const error = await failure(create(request));
      assert.equal(error.code, status.INVALID_ARGUMENT, JSON.stringify(request));
      assert.match(error.details, field);
    }
    const stock = dataset.stock.get('SKU-000005');
    assert.ok(stock);
    stock.available = 1;
    const short = await failure(create({ ...base, items: [{ productId: 'p5', quantity: 2 }], idempotencyKey: 'short' }));
    assert.equal(short.code, status.FAILED_PRECONDITION);
    assert.equal(stock.available, 1);
  });
});

describe('malformed requests', () => {
  it('answers wrong wire types and undecodable bytes with an error and keeps serving', async () => {
    // Field 1 (id) sent as a number: decodes to an empty id.
    assert.equal((await failure(sendRaw('GetOrder', [0x08, 0x05]))).code, status.INVALID_ARGUMENT);
    // Field 4 (status) set to an enum number the contract does not define.
    assert.equal((await failure(sendRaw('ListOrdersByUser', [0x0a, 0x02, 0x75, 0x31, 0x20, 0x09]))).code, status.INVALID_ARGUMENT);
    assert.equal((await failure(sendRaw('GetOrder', [0xff, 0xff, 0xff]))).code, status.INTERNAL);
    assert.equal((await failure(sendRaw('BatchGetOrders', []))).code, status.INVALID_ARGUMENT);
    assert.equal((await failure(sendRaw('CreateOrder', []))).code, status.INVALID_ARGUMENT);
    assert.equal((await getOrder('o1')).id, 'o1');
  });
});

describe('control plane', () => {
  it('counts calls per method, keys per batch and the trace metadata', async () => {
    const metadata = new Metadata();
    metadata.set('x-request-id', 'req-1');
    metadata.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    metadata.set('x-viewer-id', 'u1');
    await rpc<Order__Output>((m, o, cb) => client.GetOrder({ id: 'o1' }, m, o, cb), 5000, metadata);
    await batchGet(['o1', 'o2', 'o3']);
    await batchGet(['o4']);
    await list({ userId: 'u1' });
    const stats = control.stats('orders');
    assert.equal(stats.calls, 4);
    assert.deepEqual(stats.byMethod, { GetOrder: 1, BatchGetOrders: 2, ListOrdersByUser: 1 });
    assert.deepEqual(stats.batchSizes, { BatchGetOrders: [3, 1] });
    const first = stats.recent[0];
    assert.equal(first?.requestId, 'req-1');
    assert.equal(first?.traceparent, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    assert.equal(first?.viewerId, 'u1');
  });

  it('adds latency', async () => {
    control.setFaults('orders', { latencyMs: 60 });
    const started = performance.now();
    await getOrder('o1');
    assert.ok(performance.now() - started >= 55);
  });

  it('answers INTERNAL at error rate 1', async () => {
    control.setFaults('orders', { errorRate: 1 });
    assert.equal((await failure(getOrder('o1'))).code, status.INTERNAL);
    control.setFaults('orders', { errorRate: 0 });
    assert.equal((await getOrder('o1')).id, 'o1');
  });

  it('hangs until the knob is turned off: a short deadline expires, then calls succeed', async () => {
    control.setFaults('orders', { hang: true });
    assert.equal((await failure(getOrder('o1', 100))).code, status.DEADLINE_EXCEEDED);
    control.setFaults('orders', { hang: false });
    assert.equal((await getOrder('o1')).id, 'o1');
  });

  it('answers UNAVAILABLE while down, without counting the calls, and recovers', async () => {
    control.setFaults('orders', { down: true });
    assert.equal((await failure(getOrder('o1'))).code, status.UNAVAILABLE);
    assert.equal(control.stats('orders').calls, 0);
    control.setFaults('orders', { down: false });
    assert.equal((await getOrder('o1')).id, 'o1');
  });
});

describe('close', () => {
  it('does not wait forever for a hung call', async () => {
    const own = new ControlPlane();
    const other = await startOrders({ dataset, control: own, host: '127.0.0.1', port: 0 });
    const { OrderService } = loadOrdersProto().shop.orders.v1;
    const hungClient = new OrderService(other.url, credentials.createInsecure());
    own.setFaults('orders', { hang: true });
    const hung = new Promise<ServiceError | null>((resolve) => hungClient.GetOrder({ id: 'o1' }, (error) => resolve(error)));
    await rpc<Order__Output>((m, o, cb) => client.GetOrder({ id: 'o1' }, m, o, cb)); // let the hung call reach the server
    await other.close();
    const error = await hung;
    assert.ok(error, 'the hung call ends with an error');
    hungClient.close();
  });
});
