import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import { closeClients, createClients } from '../../src/clients.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { backendEnv, type TestGateway } from './gateway.ts';

/** A test gateway whose JSON log lines (the process logger's, redaction included) are captured. */
export interface LoggedGateway extends TestGateway {
  /** Everything written to the log so far, exactly as written. */
  raw(): string;
  /** The log lines so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Waits (up to 2 s) for a line matching `match` and returns every matching line. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]>;
}

/** Starts a gateway on a free port logging at `info` into memory; `env` overrides the defaults. */
export async function startLoggedGateway(backends: Backends, env: Record<string, string> = {}): Promise<LoggedGateway> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', LOG_PRETTY: 'false', ...backendEnv(backends), ...env });
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const clients = createClients(config);
  const { app } = await buildApp({ config, logger: createLogger(config.log, sink), clients });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const lines = (): Record<string, unknown>[] =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    config,
    raw: () => text,
    lines,
    async waitFor(match) {
      for (let i = 0; i < 40 && !lines().some(match); i++) await sleep(50);
      return lines().filter(match);
    },
    async close() {
      await app.close();
      closeClients(clients);
    },
  };
}
