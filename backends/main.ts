// Runs the four reference backends and their control plane as one process:
// node backends/main.ts [--host 127.0.0.1] [--accounts-port 4001] [--catalog-port 4002]
//   [--orders-port 4003] [--inventory-port 4004] [--control-port 4005]
import { parseArgs } from 'node:util';
import { startBackends } from './start.ts';
import { startControlServer } from './control/control-server.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'accounts-port': { type: 'string', default: '4001' },
    'catalog-port': { type: 'string', default: '4002' },
    'orders-port': { type: 'string', default: '4003' },
    'inventory-port': { type: 'string', default: '4004' },
    'control-port': { type: 'string', default: '4005' },
  },
});
const port = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`--${name} must be a port number, got ${values[name]}`);
    process.exit(2);
  }
  return value;
};

const startedAt = performance.now();
const backends = await startBackends({
  host: values.host,
  ports: { accounts: port('accounts-port'), catalog: port('catalog-port'), orders: port('orders-port'), inventory: port('inventory-port') },
});
const control = await startControlServer(backends.control, values.host, port('control-port'));
const addresses = {
  accounts: backends.accounts.url,
  catalog: backends.catalog.url,
  orders: backends.orders.url,
  inventory: backends.inventory.url,
  control: control.url,
};
console.log(`reference backends ready in ${Math.round(performance.now() - startedAt)} ms`);
for (const [name, url] of Object.entries(addresses)) console.log(`  ${name.padEnd(9)} ${url}`);
process.send?.({ ready: addresses });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([backends.close(), control.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// Started by `npm start`: never outlive the supervising process.
if (process.send) process.once('disconnect', () => void stop());
