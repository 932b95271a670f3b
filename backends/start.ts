import { ControlPlane } from './control/control-plane.ts';
import { seedDataset, type SeedOptions } from './data/seed.ts';
import type { Dataset } from './data/model.ts';
import type { RunningServer } from './http/http-backend.ts';
import { startAccounts } from './accounts/server.ts';
import { startCatalog } from './catalog/server.ts';
import { startOrders } from './orders/server.ts';
import { startInventory } from './inventory/server.ts';

/** Where each reference backend listens; port 0 (the default) picks a free port. */
export interface BackendsOptions {
  host?: string;
  ports?: Partial<Record<'accounts' | 'catalog' | 'orders' | 'inventory', number>>;
  seed?: SeedOptions;
  /** Reuse an existing dataset (tests that compare with direct reads). */
  dataset?: Dataset;
}

/** The four running reference backends and their shared control plane. */
export interface Backends {
  control: ControlPlane;
  dataset: Dataset;
  accounts: RunningServer;
  catalog: RunningServer;
  /** `url` is the gRPC target, `host:port`. */
  orders: RunningServer;
  /** `url` is the SOAP endpoint. */
  inventory: RunningServer;
  close(): Promise<void>;
}

/** Seeds the shop and starts the four reference backends. */
export async function startBackends(options: BackendsOptions = {}): Promise<Backends> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  const dataset = options.dataset ?? seedDataset(options.seed);
  const control = new ControlPlane();
  const common = { dataset, control, host };
  const [accounts, catalog, orders, inventory] = await Promise.all([
    startAccounts({ ...common, port: ports.accounts ?? 0 }),
    startCatalog({ ...common, port: ports.catalog ?? 0 }),
    startOrders({ ...common, port: ports.orders ?? 0 }),
    startInventory({ ...common, port: ports.inventory ?? 0 }),
  ]);
  return {
    control,
    dataset,
    accounts,
    catalog,
    orders,
    inventory,
    async close() {
      control.releaseAll();
      await Promise.all([accounts.close(), catalog.close(), orders.close(), inventory.close()]);
    },
  };
}
