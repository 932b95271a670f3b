import DataLoader from 'dataloader';
import { notFound, type ServiceName } from '../clients/errors.ts';
import type { CallOptions } from '../clients/call-options.ts';
import { ACCOUNTS_BATCH_LIMIT, type User, type Address } from '../clients/accounts/accounts-client.ts';
import { CATALOG_BATCH_LIMIT, type Product, type Category } from '../clients/catalog/catalog-client.ts';
import { ORDERS_BATCH_LIMIT, type Order } from '../clients/orders/orders-client.ts';
import { MAX_SKUS_PER_CALL, type Currency, type StockLevel } from '../clients/inventory/inventory-client.ts';
import type { Clients } from './clients.ts';

/** Batch limits of the backends, as their clients enforce them: a loader never asks for more keys in one call. */
export const BATCH_LIMITS: Readonly<Record<ServiceName, number>> = {
  accounts: ACCOUNTS_BATCH_LIMIT,
  catalog: CATALOG_BATCH_LIMIT,
  orders: ORDERS_BATCH_LIMIT,
  inventory: MAX_SKUS_PER_CALL,
};

/** The per-request loaders: every by-id read goes through one of them. */
export interface Loaders {
  user: DataLoader<string, User>;
  /** Addresses by user id (a user without addresses gets an empty list). */
  addresses: DataLoader<string, Address[]>;
  product: DataLoader<string, Product>;
  category: DataLoader<string, Category>;
  order: DataLoader<string, Order>;
  /** Stock and price by SKU, priced in the viewer's currency. */
  stock: DataLoader<string, StockLevel>;
}

/** How loaders are built for one request. */
export interface LoaderOptions {
  clients: Clients;
  call: CallOptions;
  /** The currency prices are asked in; resolved once per request, when first needed. */
  currency: () => Promise<Currency>;
  /**
   * `false` turns batching and per-request deduplication off (one backend call per key): the naive
   * path, kept for the benchmark's comparison. Default `true`.
   */
  batching?: boolean;
  /** Told the keys of every batched call as it is made (for `extensions.plan`). */
  onBatch?: (service: ServiceName, method: string, keys: number) => void;
}

/** Builds fresh loaders for one request; they die with it (the cross-request cache is the field cache). */
export function createLoaders(options: LoaderOptions): Loaders {
  const { clients, call } = options;
  const batching = options.batching ?? true;
  const byId = <V>(
    service: ServiceName,
    operation: string,
    what: string,
    fetch: (ids: readonly string[]) => Promise<V[]>,
    idOf: (value: V) => string,
  ): DataLoader<string, V> =>
    new DataLoader<string, V>(
      async (ids) => {
        options.onBatch?.(service, operation, ids.length);
        const found = new Map((await fetch(ids)).map((value) => [idOf(value), value]));
        return ids.map((id) => found.get(id) ?? notFound(service, operation, `${what} ${id}`));
      },
      batching ? { maxBatchSize: BATCH_LIMITS[service] } : { maxBatchSize: 1, cache: false },
    );

  return {
    user: byId('accounts', 'GET /users', 'user', (ids) => clients.accounts.getUsers(ids, call), (u) => u.id),
    addresses: new DataLoader<string, Address[]>(
      async (userIds) => {
        options.onBatch?.('accounts', 'GET /addresses', userIds.length);
        const byUser = Map.groupBy(await clients.accounts.getAddresses(userIds, call), (a) => a.userId);
        return userIds.map((id) => byUser.get(id) ?? []);
      },
      batching ? { maxBatchSize: BATCH_LIMITS.accounts } : { maxBatchSize: 1, cache: false },
    ),
    product: byId('catalog', 'GET /products', 'product', (ids) => clients.catalog.getProducts(ids, call), (p) => p.id),
    category: byId('catalog', 'GET /categories', 'category', (ids) => clients.catalog.getCategories(ids, call), (c) => c.id),
    order: byId('orders', 'BatchGetOrders', 'order', (ids) => clients.orders.batchGetOrders(ids, call), (o) => o.id),
    stock: byId(
      'inventory',
      'GetStockLevels',
      'stock of',
      async (skus) => clients.inventory.getStockLevels(skus, await options.currency(), call),
      (s) => s.sku,
    ),
  };
}
