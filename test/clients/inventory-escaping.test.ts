import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ControlPlane } from '../../backends/control/control-plane.ts';
import type { RunningServer } from '../../backends/http/http-backend.ts';
import { startInventory } from '../../backends/inventory/server.ts';
import { seedDataset } from '../../backends/data/seed.ts';
import { InventoryClient } from '../../clients/inventory/inventory-client.ts';

// A SKU is data, never markup: `&`, `<` and a closing tag inside one travel escaped in the SOAP
// request, reach the service as the very same string, and add no element of their own.

const dataset = seedDataset({ users: 10, products: 20, orders: 20 });
const control = new ControlPlane();
const HOSTILE = ['A&B', 'C<D', 'E</inv:sku><inv:sku>SKU-000001', "F>'\""] as const;
let backend: RunningServer;
let client: InventoryClient;

before(async () => {
  const template = dataset.stock.get('SKU-000001');
  assert.ok(template);
  for (const sku of HOSTILE) dataset.stock.set(sku, { ...template, sku });
  backend = await startInventory({ dataset, control, host: '127.0.0.1', port: 0 });
  client = new InventoryClient({ url: backend.url });
});
after(async () => {
  client.close();
  await backend.close();
});

test('SKUs holding &, <, > and </inv:sku> reach the service exactly, one element each', async () => {
  const levels = await client.getStockLevels(HOSTILE, 'USD');
  assert.deepEqual(
    levels.map((level) => level.sku),
    [...HOSTILE],
  );
  assert.deepEqual(control.stats('inventory').batchSizes['GetStockLevels'], [HOSTILE.length], 'the service read as many SKUs as were sent');
});
