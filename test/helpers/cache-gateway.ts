import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '@redis/client';
import type { Backends } from '../../backends/start.ts';
import { SERVICES, type ServiceName } from '../../backends/control/control-plane.ts';
import { startTestGateway, type TestGateway } from './gateway.ts';
import { REDIS_SERVER_URL } from './redis-server.ts';

/** The Redis database of the shared-Redis test: flushing it touches nothing else on the server. */
export const TEST_REDIS_URL = `${REDIS_SERVER_URL}/7`;
/** The differential test's own database, so that its flush never races the shared-Redis test (files run in parallel). */
export const DIFFERENTIAL_REDIS_URL = `${REDIS_SERVER_URL}/10`;

/** A gateway for the cache tests: see {@link startTestGateway} (its own Redis connection when `REDIS_URL` is set). */
export const startCacheGateway = (backends: Backends, env: Record<string, string> = {}): Promise<TestGateway> => startTestGateway(backends, env);

/** Polls `condition` every 20 ms until it holds; false when `timeoutMs` passed first. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await sleep(20);
  }
  return condition();
}

/** Empties one Redis database (never the whole server). */
export async function flushRedisDb(url: string = TEST_REDIS_URL): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}

/** Calls each backend received since the last `control.reset()`. */
export function backendCalls(backends: Backends): Record<ServiceName, number> {
  return Object.fromEntries(SERVICES.map((service) => [service, backends.control.stats(service).calls])) as Record<ServiceName, number>;
}

/** A `redis-server` this test owns, on `port`, persisting nothing. */
export interface PrivateRedis {
  url: string;
  /** Kills it and waits for it to exit. */
  stop(): Promise<void>;
}

/** Spawns `redis-server` on `port` and waits until it answers PING. Rejects when the binary is missing or it never answers. */
export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  failed.catch(() => undefined);
  const url = `redis://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  const answers = async (): Promise<boolean> => {
    const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 200 } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch {
      return false;
    } finally {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    }
  };
  const ready = await Promise.race([waitUntil(answers, 5_000), failed]);
  if (!ready) {
    await stop();
    throw new Error(`redis-server on port ${port} did not answer`);
  }
  return { url, stop };
}

/** Whether a `redis-server` binary can be run here. */
export async function hasRedisServer(): Promise<boolean> {
  const child = spawn('redis-server', ['--version'], { stdio: 'ignore' });
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
