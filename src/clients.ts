import { AccountsClient } from '../clients/accounts/accounts-client.ts';
import { CatalogClient } from '../clients/catalog/catalog-client.ts';
import { OrdersClient } from '../clients/orders/orders-client.ts';
import { InventoryClient } from '../clients/inventory/inventory-client.ts';
import type { ServiceName } from '../clients/errors.ts';
import type { CallOptions } from '../clients/call-options.ts';
import type { Config } from './config.ts';

/** The typed backend clients, built once per process and closed on shutdown. */
export interface Clients {
  accounts: AccountsClient;
  catalog: CatalogClient;
  orders: OrdersClient;
  inventory: InventoryClient;
}

/** Builds one client per backend from the configuration (transports are created here, once). */
export function createClients(services: Config['services']): Clients {
  return {
    accounts: new AccountsClient({ baseUrl: services.accounts.url, timeoutMs: services.accounts.timeoutMs }),
    catalog: new CatalogClient({ baseUrl: services.catalog.url, timeoutMs: services.catalog.timeoutMs }),
    orders: new OrdersClient({ address: services.orders.address, timeoutMs: services.orders.timeoutMs }),
    inventory: new InventoryClient({ url: services.inventory.url, timeoutMs: services.inventory.timeoutMs }),
  };
}

/** Closes every transport (keep-alive agents, the gRPC channel). */
export function closeClients(clients: Clients): void {
  for (const client of Object.values(clients)) client.close();
}

/** Asks every backend whether it answers; resolves to the names of those that do not. */
export async function unreachableServices(clients: Clients, call: CallOptions): Promise<ServiceName[]> {
  const names = Object.keys(clients) as ServiceName[];
  const results = await Promise.allSettled(names.map((name) => clients[name].ping(call)));
  return names.filter((_, index) => results[index]?.status === 'rejected');
}
