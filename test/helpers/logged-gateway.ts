import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Backends } from '../../backends/start.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { startTestGateway, useGateway, type GatewayFixture, type TestGateway } from './gateway.ts';

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
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const gateway = await startTestGateway(backends, { LOG_LEVEL: 'info', LOG_PRETTY: 'false', ...env }, { logger: (config) => createLogger(config.log, sink) });
  const lines = (): Record<string, unknown>[] =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    ...gateway,
    raw: () => text,
    lines,
    async waitFor(match) {
      for (let i = 0; i < 40 && !lines().some(match); i++) await sleep(50);
      return lines().filter(match);
    },
  };
}

/** {@link useGateway} with a gateway whose log is captured (see {@link startLoggedGateway}). */
export function useLoggedGateway(env: Record<string, string> = {}): GatewayFixture<LoggedGateway> {
  return useGateway(env, { start: (backends, gatewayEnv) => startLoggedGateway(backends, gatewayEnv) });
}
