// `npm start`: the reference backends (unless BACKENDS=external) and the gateway, each in its own
// process; Ctrl-C or SIGTERM stops both. Children also stop by themselves if this process dies.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { loadConfigOrExit } from '../src/config.ts';

const config = loadConfigOrExit();

const children: { child: ChildProcess; exited: Promise<unknown> }[] = [];
const track = (child: ChildProcess): ChildProcess => {
  children.push({ child, exited: once(child, 'exit') });
  return child;
};
const portOf = (url: string): string => new URL(url.includes('://') ? url : `grpc://${url}`).port;

async function startBackends(): Promise<void> {
  const { services } = config;
  const lists = [services.accounts.urls, services.catalog.urls, services.orders.addresses, services.inventory.urls];
  if (lists.some((list) => list.length > 1)) {
    throw new Error('BACKENDS=embedded starts one instance of each backend: give one address per backend, or set BACKENDS=external');
  }
  const child = track(fork(new URL('../backends/main.ts', import.meta.url), [
    '--accounts-port', portOf(services.accounts.urls[0]!),
    '--catalog-port', portOf(services.catalog.urls[0]!),
    '--orders-port', portOf(services.orders.addresses[0]!),
    '--inventory-port', portOf(services.inventory.urls[0]!),
    '--control-port', String(config.backendsControlPort),
  ]));
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [undefined])])) as [unknown];
  if (!message) throw new Error('the reference backends did not start');
}

function startGateway(): ChildProcess {
  return track(fork(new URL('../src/main.ts', import.meta.url)));
}

async function stopAll(code: number): Promise<never> {
  for (const { child, exited } of [...children].reverse()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
  process.exit(code);
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

const startedAt = performance.now();
try {
  if (config.backends === 'embedded') await startBackends();
  const gateway = startGateway();
  gateway.once('exit', (code) => void stopAll(code ?? 1));
  console.log(`demo starting (${Math.round(performance.now() - startedAt)} ms so far); Ctrl-C stops everything`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
