import type { ServiceName, ServiceStats } from '../../backends/control/control-plane.ts';
import type { Dataset, OrderRecord } from '../../backends/data/model.ts';

/**
 * Keys per call each backend accepts (its contract in contracts/), restated here so the test checks the
 * gateway's loaders against the backends' contracts rather than against themselves.
 */
export const BACKEND_BATCH_LIMITS = { accounts: 100, catalog: 50, orders: 100, inventory: 25 } as const;

/** The calls one service receives for one operation. */
export interface ServiceCalls {
  /** Calls per method name. */
  byMethod: Record<string, number>;
  /** Keys per batch call per method, largest first (arrival order depends on the network). */
  batchSizes: Record<string, number[]>;
}

/** Expected calls of every service for one operation. */
export type CallPrediction = Record<ServiceName, ServiceCalls>;

/** What the control plane recorded, in the shape of a {@link ServiceCalls} prediction. */
export function observedCalls(stats: ServiceStats): ServiceCalls {
  const batchSizes = Object.fromEntries(Object.entries(stats.batchSizes).map(([method, sizes]) => [method, [...sizes].sort((a, b) => b - a)]));
  return { byMethod: stats.byMethod, batchSizes };
}

/** Total calls of a prediction for one service. */
export function totalCalls(calls: ServiceCalls): number {
  return Object.values(calls.byMethod).reduce((sum, n) => sum + n, 0);
}

/** Sizes of the batches `count` keys split into under `limit` keys per call, largest first. */
export function batchSizesFor(count: number, limit: number): number[] {
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= limit) sizes.push(Math.min(left, limit));
  return sizes;
}

/** Adds one method's calls (one per batch) to a service's expectation; zero batches add nothing. */
function withBatches(calls: ServiceCalls, method: string, sizes: number[]): ServiceCalls {
  if (sizes.length === 0) return calls;
  return {
    byMethod: { ...calls.byMethod, [method]: (calls.byMethod[method] ?? 0) + sizes.length },
    batchSizes: { ...calls.batchSizes, [method]: [...(calls.batchSizes[method] ?? []), ...sizes].sort((a, b) => b - a) },
  };
}

function withCalls(calls: ServiceCalls, method: string, count: number): ServiceCalls {
  if (count === 0) return calls;
  return { ...calls, byMethod: { ...calls.byMethod, [method]: (calls.byMethod[method] ?? 0) + count } };
}

const none = (): ServiceCalls => ({ byMethod: {}, batchSizes: {} });
const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

function userOrders(dataset: Dataset, userId: string, first: number): OrderRecord[] {
  return (dataset.ordersByUser.get(userId) ?? []).slice(0, first);
}

/** How many SKUs each product batch brings that earlier batches did not (stock is loaded per product batch). */
function newSkusPerBatch(dataset: Dataset, productIds: readonly string[]): number[] {
  const seen = new Set<string>();
  const counts: number[] = [];
  for (let start = 0; start < productIds.length; start += BACKEND_BATCH_LIMITS.catalog) {
    const skus = productIds.slice(start, start + BACKEND_BATCH_LIMITS.catalog).map((id) => dataset.products.get(id)?.sku ?? id);
    const fresh = unique(skus).filter((sku) => !seen.has(sku));
    for (const sku of fresh) seen.add(sku);
    counts.push(fresh.length);
  }
  return counts;
}

/**
 * Calls of the web OrderHistory operation (me → orders(first) → items → product → price, stock).
 * Batched: one user read (the profile's currency reuses it), one order page, distinct products in
 * batches of 50, their SKUs in batches of 25. Naive: one call per key per resolver call: the user
 * twice (`me` and the currency), one product read per order line, and two stock reads per line
 * (`price` and `stock`).
 */
export function predictOrderHistory(dataset: Dataset, userId: string, first: number): { batched: CallPrediction; naive: CallPrediction } {
  const orders = userOrders(dataset, userId, first);
  const lines = orders.flatMap((order) => order.items);
  const productIds = unique(lines.map((line) => line.productId));
  const skuBatches = newSkusPerBatch(dataset, productIds).flatMap((count) => batchSizesFor(count, BACKEND_BATCH_LIMITS.inventory));
  const anyPrice = lines.length > 0;
  return {
    batched: {
      accounts: withBatches(none(), 'GET /users', [1]),
      orders: withCalls(none(), 'ListOrdersByUser', 1),
      catalog: withBatches(none(), 'GET /products', batchSizesFor(productIds.length, BACKEND_BATCH_LIMITS.catalog)),
      inventory: withBatches(none(), 'GetStockLevels', skuBatches),
    },
    naive: {
      accounts: withBatches(none(), 'GET /users', anyPrice ? [1, 1] : [1]),
      orders: withCalls(none(), 'ListOrdersByUser', 1),
      catalog: withBatches(none(), 'GET /products', lines.map(() => 1)),
      inventory: withBatches(none(), 'GetStockLevels', lines.flatMap(() => [1, 1])),
    },
  };
}

/** Products the mobile home screen features: the catalog's first `first` featured products. */
export function featuredProducts(dataset: Dataset, first: number) {
  return dataset.productList.filter((p) => p.featured).slice(0, first);
}

/**
 * Calls of the mobile HomeScreen operation (greeting, recentOrders(3) with thumbnails,
 * featured(10) cards with priceLabel and inStock). Batched: one user read (greeting and currency),
 * one order page, the featured list, one product batch for the distinct first-line products of
 * the recent orders, one stock batch per 25 featured SKUs. Naive: the user twice, one product read
 * per recent order with lines, two stock reads per featured card (`priceLabel` and `inStock`).
 * Valid when no recent order's first product is featured (priming would then race with the order page).
 */
export function predictHomeScreen(dataset: Dataset, userId: string): { batched: CallPrediction; naive: CallPrediction } {
  const recent = userOrders(dataset, userId, 3).filter((order) => order.items.length > 0);
  const thumbnails = recent.map((order) => order.items[0]?.productId ?? '');
  const featured = featuredProducts(dataset, 10);
  const featuredSkus = unique(featured.map((p) => p.sku));
  const catalog = withCalls(none(), 'GET /products/featured', 1);
  return {
    batched: {
      accounts: withBatches(none(), 'GET /users', [1]),
      orders: withCalls(none(), 'ListOrdersByUser', 1),
      catalog: withBatches(catalog, 'GET /products', batchSizesFor(unique(thumbnails).length, BACKEND_BATCH_LIMITS.catalog)),
      inventory: withBatches(none(), 'GetStockLevels', batchSizesFor(featuredSkus.length, BACKEND_BATCH_LIMITS.inventory)),
    },
    naive: {
      accounts: withBatches(none(), 'GET /users', [1, 1]),
      orders: withCalls(none(), 'ListOrdersByUser', 1),
      catalog: withBatches(catalog, 'GET /products', thumbnails.map(() => 1)),
      inventory: withBatches(none(), 'GetStockLevels', featured.flatMap(() => [1, 1])),
    },
  };
}
