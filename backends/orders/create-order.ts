import { status } from '@grpc/grpc-js';
import type { Dataset, OrderItemRecord, OrderRecord, StockRecord } from '../data/model.ts';
import type { CreateOrderRequest__Output } from '../../clients/orders/__generated__/shop/orders/v1/CreateOrderRequest.ts';
import { RpcError, invalidArgument } from './rpc.ts';

const MAX_QUANTITY = 99;
const MAX_LINES = 100;
const MAX_KEY_LENGTH = 200;

/** CreateOrder with its idempotency memory: `(user, key)` → the request it placed and the order. */
export function createOrderHandler(dataset: Dataset): (request: CreateOrderRequest__Output) => OrderRecord {
  const placed = new Map<string, { fingerprint: string; orderId: string }>();

  return (request) => {
    const lines = validate(dataset, request);
    const memoryKey = JSON.stringify([request.userId, request.idempotencyKey]);
    const fingerprint = JSON.stringify(lines.map((line) => [line.productId, line.quantity]));
    const earlier = placed.get(memoryKey);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw new RpcError(status.ALREADY_EXISTS, 'idempotency_key: already used by this user for a different order');
      return dataset.orders.get(earlier.orderId) as OrderRecord;
    }

    const stockBySku = new Map<string, { stock: StockRecord; needed: number }>();
    for (const line of lines) {
      const stock = dataset.stock.get(line.sku);
      if (!stock) throw new RpcError(status.FAILED_PRECONDITION, `items: no stock record for ${line.sku}`);
      const entry = stockBySku.get(line.sku) ?? { stock, needed: 0 };
      entry.needed += line.quantity;
      stockBySku.set(line.sku, entry);
    }
    for (const { stock, needed } of stockBySku.values()) {
      if (stock.available < needed) throw new RpcError(status.FAILED_PRECONDITION, `items: not enough stock for ${stock.sku} (${stock.available} available, ${needed} wanted)`);
    }
    for (const entry of stockBySku.values()) entry.stock.available -= entry.needed;

    const items: OrderItemRecord[] = lines.map((line) => ({ ...line, unitPriceCents: (stockBySku.get(line.sku) as { stock: StockRecord }).stock.priceCents }));
    const order: OrderRecord = {
      id: nextOrderId(dataset),
      userId: request.userId,
      status: 'PENDING',
      createdAt: new Date().toISOString(),
      currency: 'USD',
      items,
      totalCents: items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0),
    };
    dataset.orders.set(order.id, order);
    const history = dataset.ordersByUser.get(order.userId);
    if (history) history.unshift(order);
    else dataset.ordersByUser.set(order.userId, [order]);
    placed.set(memoryKey, { fingerprint, orderId: order.id });
    return order;
  };
}

function validate(dataset: Dataset, request: CreateOrderRequest__Output): Omit<OrderItemRecord, 'unitPriceCents'>[] {
  if (!request.userId) throw invalidArgument('user_id', 'required');
  if (!request.idempotencyKey) throw invalidArgument('idempotency_key', 'required');
  if (request.idempotencyKey.length > MAX_KEY_LENGTH) throw invalidArgument('idempotency_key', `at most ${MAX_KEY_LENGTH} characters`);
  if (request.items.length === 0) throw invalidArgument('items', 'at least one item is required');
  if (request.items.length > MAX_LINES) throw invalidArgument('items', `at most ${MAX_LINES} items`);
  return request.items.map((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw invalidArgument(`items[${index}].quantity`, `must be between 1 and ${MAX_QUANTITY}`);
    }
    const product = item.productId ? dataset.products.get(item.productId) : undefined;
    if (!product) throw invalidArgument(`items[${index}].product_id`, item.productId ? `unknown product ${item.productId}` : 'required');
    return { productId: product.id, sku: product.sku, quantity: item.quantity };
  });
}

// Orders are never deleted, so the next free number is found at once in practice.
function nextOrderId(dataset: Dataset): string {
  let n = dataset.orders.size + 1;
  while (dataset.orders.has(`o${n}`)) n++;
  return `o${n}`;
}
