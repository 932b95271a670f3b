import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../paths.ts';
import type { BackendAddresses } from './backends-process.ts';
import { stopChild, track } from './children.ts';
import { freePort } from './free-port.ts';

/** The JWT secret every benchmarked gateway verifies with (production mode requires one). */
export const BENCH_JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';

/** How to start one gateway process. */
export interface GatewayOptions {
  /** Name shown in logs and errors. */
  name: string;
  backends: BackendAddresses;
  /** Extra environment, e.g. `{BATCHING: 'false'}` or `{LOG_LEVEL: 'info'}`. Defaults: production, silent logs, cache off. */
  env?: Record<string, string>;
  /** Where stdout goes: a file path (log lines), or nowhere (default). */
  stdoutFile?: string;
  /** Preload the memory probe and expose GC, so {@link GatewayProcess.memoryUsage} works. Default false. */
  probe?: boolean;
  /** Directory for a `--cpu-prof` profile, written when the gateway exits. Default: no profile. */
  cpuProfDir?: string;
  /** Checkout whose production build runs (e.g. a previous release's worktree). Default: this one. */
  root?: string;
  /** Script to run instead of `<root>/dist/src/main.js` (e.g. the floor server), relative to `root`. */
  entry?: string;
}

/** A gateway running in its own process. */
export interface GatewayProcess {
  name: string;
  pid: number;
  /** Its base URL; known once {@link GatewayProcess.listening} has resolved. */
  url: string;
  /** Resolves once the process listens (its port is then in `url`); rejects if it exits first. */
  listening: Promise<void>;
  /** `performance.now()` just before the fork. */
  launchedAt: number;
  /** The environment it was started with (to sign tokens with the same config). */
  env: Record<string, string>;
  child: ChildProcess;
  /** Heap and RSS after a full GC, in bytes; only with `probe: true`. */
  memoryUsage(timeoutMs?: number): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/** The environment of a benchmarked gateway pointing at `backends` on `port`. */
export function gatewayEnv(backends: BackendAddresses, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    LOG_PRETTY: 'false',
    SURFACES: 'web,mobile',
    BACKENDS: 'external',
    JWT_SECRET: BENCH_JWT_SECRET,
    ACCOUNTS_URL: backends.accounts,
    CATALOG_URL: backends.catalog,
    ORDERS_ADDRESS: backends.orders,
    INVENTORY_URL: backends.inventory,
    // One load generator is one client: budgets sized for a fleet of clients keep the throttle's
    // code path in every measurement without rejecting the load.
    WEB_THROTTLE_CAPACITY: '1000000000',
    WEB_THROTTLE_RESTORE_RATE: '1000000000',
    MOBILE_THROTTLE_CAPACITY: '1000000000',
    MOBILE_THROTTLE_RESTORE_RATE: '1000000000',
    // Every scenario measures the uncached path (each request reaches the backends), except the
    // cache scenario, which turns the field cache on for its warm variant.
    CACHE_ENABLED: 'false',
    ...extra,
  };
}

/**
 * Forks the production build as `npm run start:prod` runs it, `node --max-old-space-size=384
 * dist/src/main.js` (the runner builds it first), on a free port without waiting for it (see
 * {@link waitHealthy}).
 */
export async function launchGateway(options: GatewayOptions): Promise<GatewayProcess> {
  const root = options.root ?? ROOT;
  // This checkout's gateway and floor listen on port 0 and report the port over IPC; a previous
  // release may not, so it gets a port that was free a moment ago.
  const reportsPort = root === ROOT;
  const env = gatewayEnv(options.backends, reportsPort ? 0 : await freePort(), options.env);
  const execArgv = [
    // The production command line (`npm run start:prod`, the Dockerfile).
    '--max-old-space-size=384',
    ...(options.probe ? ['--expose-gc', '--import', resolve(ROOT, 'bench/processes/gateway-probe.js')] : []),
    ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []),
  ];
  const stdout = options.stdoutFile ? openSync(options.stdoutFile, 'a') : 'ignore';
  const launchedAt = performance.now();
  const child = track(
    fork(resolve(root, options.entry ?? 'dist/src/main.js'), [], {
      cwd: root,
      // The admin listener on a free port (several gateways run side by side); no load balancer to wait for.
      env: { PATH: process.env.PATH ?? '', ADMIN_PORT: '0', DRAIN_DELAY_MS: '0', ...env },
      execArgv,
      stdio: ['ignore', stdout, 'inherit', 'ipc'],
    }),
  );
  if (typeof stdout === 'number') closeSync(stdout);
  const gateway: GatewayProcess = {
    name: options.name,
    pid: child.pid as number,
    url: reportsPort ? '' : `http://127.0.0.1:${env.PORT}`,
    listening: reportsPort ? reportedPort(child).then((port) => void (gateway.url = `http://127.0.0.1:${port}`)) : Promise.resolve(),
    launchedAt,
    env,
    child,
    memoryUsage: (timeoutMs = 10_000) => askMemory(child, timeoutMs),
    stop: () => stopChild(child, 8_000),
  };
  // Awaited by `waitHealthy`; a launch that never listens must not leave an unhandled rejection behind.
  gateway.listening.catch(() => undefined);
  return gateway;
}

/** The public port the child reports once it listens (`{ listening: { port } }`), or why it never will. */
function reportedPort(child: ChildProcess): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onMessage = (message: { listening?: { port?: number } }) => {
      if (typeof message?.listening?.port !== 'number') return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolvePort(message.listening.port);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`exited with code ${code} before listening`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function askMemory(child: ChildProcess, timeoutMs: number): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolveUsage, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('the gateway memory probe did not answer (started without probe?)'));
    }, timeoutMs);
    function onMessage(message: { type?: string; usage?: NodeJS.MemoryUsage }): void {
      if (message.type !== 'bench:memory' || !message.usage) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolveUsage(message.usage);
    }
    child.on('message', onMessage);
    child.send({ type: 'bench:memory' });
  });
}

/**
 * Waits until the gateway listens, then polls `GET <url>/healthz` every `intervalMs` (default 10 ms)
 * until it answers 200, at most `timeoutMs` (default 20,000 ms) in all. Resolves with
 * `performance.now()` at the first 200.
 */
export async function waitHealthy(gateway: GatewayProcess, timeoutMs = 20_000, intervalMs = 10): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gateway ${gateway.name} not listening after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([gateway.listening, late]);
  } catch (error) {
    throw new Error(`gateway ${gateway.name}: ${(error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  while (performance.now() < deadline) {
    if (gateway.child.exitCode !== null) throw new Error(`gateway ${gateway.name} exited with code ${gateway.child.exitCode} while starting`);
    try {
      const response = await fetch(`${gateway.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`gateway ${gateway.name} not healthy after ${timeoutMs} ms`);
}

/** Launches a gateway and waits until `/healthz` answers. */
export async function startGateway(options: GatewayOptions): Promise<GatewayProcess> {
  const gateway = await launchGateway(options);
  try {
    await waitHealthy(gateway);
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  return gateway;
}
