import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A gateway running as its own process (`node src/main.ts`), as a replica runs. */
export interface ReplicaProcess {
  child: ChildProcess;
  /** Public port and admin port, both picked by the system (PORT=0, ADMIN_PORT=0). */
  port: number;
  adminPort: number;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Every log line so far. */
  logs: string[];
}

/**
 * Starts `node src/main.ts` with `env` (and PATH), listening on free ports on 127.0.0.1, and
 * resolves once its log lines name both ports. Fails with the process's output if it exits first.
 */
export async function startReplica(env: Record<string, string>, startTimeoutMs = 30_000): Promise<ReplicaProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ADMIN_HOST: '127.0.0.1', ADMIN_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let port = 0;
  let adminPort = 0;
  let buffered = '';
  const read = (chunk: Buffer): void => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      logs.push(line);
      let message = line;
      try {
        message = String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
      } catch {
        // Not JSON (an early failure on stderr): kept as it is.
      }
      const endpoint = /endpoint: http:\/\/[^\s/]+:(\d+)\//.exec(message);
      if (endpoint) port = Number(endpoint[1]);
      const admin = /^admin\b.*http:\/\/[^\s/]+:(\d+)/.exec(message);
      if (admin) adminPort = Number(admin[1]);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const deadline = Date.now() + startTimeoutMs;
  while (!(port && adminPort)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway replica did not start (exit ${child.exitCode}):\n${logs.join('\n')}`);
    }
    await sleep(25);
  }
  return { child, port, adminPort, exited, logs };
}

/** One server's line of HAProxy's statistics. */
export interface ServerStats {
  /** `UP`, `DOWN`, `MAINT`, ... */
  status: string;
  /** Requests sent to it that HAProxy had to try again (connection failed or closed before an answer). */
  retries: number;
  /** Requests HAProxy moved to another server after failing on this one. */
  redispatches: number;
}

/** HAProxy (Debian's package) in front of replicas, configured from deploy/compose/haproxy.cfg. */
export interface Balancer {
  /** The Unix socket HAProxy serves HTTP on (no TCP port to pick). */
  socketPath: string;
  /** What HAProxy holds for each server, by name. */
  servers(): Promise<Record<string, ServerStats>>;
  stop(): Promise<void>;
}

/**
 * Starts HAProxy with the compose balancer's configuration, changed only where a test must:
 * it serves on a Unix socket in `directory` instead of port 80, and its servers are the given
 * replicas (name -> public and admin port on 127.0.0.1) instead of the DNS template.
 */
export async function startBalancer(directory: string, replicas: Record<string, { port: number; adminPort: number }>): Promise<Balancer> {
  const socketPath = join(directory, 'balancer.sock');
  const statsPath = join(directory, 'balancer-admin.sock');
  const serverLines = Object.entries(replicas).map(([name, { port, adminPort }]) => `  server ${name} 127.0.0.1:${port} port ${adminPort}`);
  const source = readFileSync(join(ROOT, 'deploy/compose/haproxy.cfg'), 'utf8');
  const config = source
    .replace(/^global$/m, `global\n  stats socket ${statsPath} level admin`)
    .replace(/^ {2}bind :80$/m, `  bind unix@${socketPath}`)
    .replace(/^ {2}server-template .*$/m, serverLines.join('\n'))
    // The container's DNS server exists only under Docker.
    .replace(/^resolvers docker\n(?: {2}.*\n)*/m, '');
  if (config.includes('server-template') || !config.includes(socketPath)) throw new Error('deploy/compose/haproxy.cfg changed shape: update startBalancer');
  const configPath = join(directory, 'haproxy.cfg');
  writeFileSync(configPath, config);
  const child = spawn('haproxy', ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = once(child, 'exit');
  const spawned = await Promise.race([once(child, 'spawn').then(() => true), once(child, 'error').then(([error]) => error as Error)]);
  if (spawned instanceof Error) throw new Error(`haproxy could not start (${spawned.message}); .ci/run installs it`);

  const servers = async (): Promise<Record<string, ServerStats>> => {
    const csv = await new Promise<string>((resolve, reject) => {
      const socket = connect(statsPath);
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.end('show stat\n');
    });
    const rows = csv.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(','));
    const header = csv.split('\n')[0]!.replace(/^# /, '').split(',');
    const column = (row: string[], name: string): string => row[header.indexOf(name)] ?? '';
    return Object.fromEntries(
      rows
        .filter((row) => row[0] === 'gateways' && row[1] !== 'BACKEND')
        .map((row) => [row[1]!, { status: column(row, 'status').split(' ')[0]!, retries: Number(column(row, 'wretr')), redispatches: Number(column(row, 'wredis')) }]),
    );
  };
  for (let waited = 0; ; waited += 50) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output.join('')}`);
    try {
      await servers();
      break;
    } catch (error) {
      if (waited > 10_000) throw new Error(`haproxy's admin socket did not answer:\n${output.join('')}`, { cause: error });
      await sleep(50);
    }
  }
  return {
    socketPath,
    servers,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One HTTP exchange through the balancer's socket. */
export interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POSTs a GraphQL operation through the balancer, on a kept-alive connection of `agent`. */
export function postThrough(
  socketPath: string,
  agent: http.Agent,
  path: string,
  payload: { query: string; variables?: Record<string, unknown> },
  headers: Record<string, string> = {},
): Promise<Exchange> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { socketPath, agent, method: 'POST', path, headers: { host: 'gateway', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
