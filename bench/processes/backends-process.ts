import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../paths.ts';
import { stopChild, track } from './children.ts';

/** Where the reference backends listen; `orders` is a gRPC `host:port`, `inventory` the SOAP URL. */
export interface BackendAddresses {
  accounts: string;
  catalog: string;
  orders: string;
  inventory: string;
  control: string;
}

/** The reference backends running in their own process. */
export interface BackendsProcess {
  pid: number;
  addresses: BackendAddresses;
  stop(): Promise<void>;
}

/**
 * Forks `node backends/main.ts` with every port 0 and waits for its `{ready}` IPC message
 * (at most `timeoutMs`, default 60,000 ms: seeding the full dataset takes a moment).
 */
export async function startBackendsProcess(timeoutMs = 60_000): Promise<BackendsProcess> {
  const ports = ['accounts', 'catalog', 'orders', 'inventory', 'control'].flatMap((name) => [`--${name}-port`, '0']);
  const child = track(
    fork(resolve(ROOT, 'backends/main.ts'), ['--host', '127.0.0.1', ...ports], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  );
  const addresses = await new Promise<BackendAddresses>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`backends not ready after ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message: { ready?: BackendAddresses }) => {
      if (!message.ready) return;
      clearTimeout(timer);
      resolveReady(message.ready);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`backends exited before ready (code ${code}, signal ${signal})`));
    });
  });
  return { pid: child.pid as number, addresses, stop: () => stopChild(child) };
}
