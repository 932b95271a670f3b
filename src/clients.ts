import { AccountsClient } from '../clients/accounts/accounts-client.ts';
import { CatalogClient } from '../clients/catalog/catalog-client.ts';
import { OrdersClient } from '../clients/orders/orders-client.ts';
import { InventoryClient } from '../clients/inventory/inventory-client.ts';
import { BackendGuard } from '../clients/resilience/backend-guard.ts';
import type { ServiceName } from '../clients/errors.ts';
import type { CallOptions } from '../clients/call-options.ts';
import type { InstancePool } from '../clients/balancing/instance-pool.ts';
import type { Config } from './config.ts';

/** The typed backend clients, built once per process and closed on shutdown. */
export interface Clients {
  accounts: AccountsClient;
  catalog: CatalogClient;
  orders: OrdersClient;
  inventory: InventoryClient;
}

/** Builds one client per backend, each with its own guard (timeout, retries, breaker, bulkhead). */
export function createClients(config: Pick<Config, 'services' | 'resilience'>): Clients {
  const { services, resilience } = config;
  const { ejectAfterFailures, ejectionMs, ...guarded } = resilience;
  const guard = (service: ServiceName, timeoutMs: number): BackendGuard => new BackendGuard(service, { timeoutMs, ...guarded });
  const balancing = { ejectAfterFailures, ejectionMs };
  return {
    accounts: new AccountsClient({ baseUrl: services.accounts.urls, timeoutMs: services.accounts.timeoutMs, guard: guard('accounts', services.accounts.timeoutMs), balancing }),
    catalog: new CatalogClient({ baseUrl: services.catalog.urls, timeoutMs: services.catalog.timeoutMs, guard: guard('catalog', services.catalog.timeoutMs), balancing }),
    orders: new OrdersClient({ address: services.orders.addresses, timeoutMs: services.orders.timeoutMs, guard: guard('orders', services.orders.timeoutMs) }),
    inventory: new InventoryClient({ url: services.inventory.urls, timeoutMs: services.inventory.timeoutMs, guard: guard('inventory', services.inventory.timeoutMs), balancing }),
  };
}

/** Each backend's guard, by service name (metrics watch their circuits). */
export function guardsOf(clients: Clients): Record<ServiceName, BackendGuard> {
  return { accounts: clients.accounts.guard, catalog: clients.catalog.guard, orders: clients.orders.guard, inventory: clients.inventory.guard };
}

/** Closes every transport (keep-alive agents, the gRPC channel) and stops the breakers' timers. */
export function closeClients(clients: Clients): void {
  for (const client of Object.values(clients)) {
    client.close();
    client.guard.shutdown();
  }
}

/** The instance pools of the backends called over HTTP (gRPC balances inside its channel). */
export function poolsOf(clients: Clients): InstancePool[] {
  return [clients.accounts.pool, clients.catalog.pool, clients.inventory.pool];
}

/** Asks every backend whether it answers; resolves to the names of those that do not. */
export async function unreachableServices(clients: Clients, call: CallOptions): Promise<ServiceName[]> {
  const names = Object.keys(clients) as ServiceName[];
  const results = await Promise.allSettled(names.map((name) => clients[name].ping(call)));
  return names.filter((_, index) => results[index]?.status === 'rejected');
}
