import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failuresNote, figuresOf, measureAB } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, operation, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const PROBE_REQUESTS = 20;

function lineCount(path: string): number {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** Scenario 7: web order history with JSON logs at info (to a file) versus `LOG_LEVEL=silent`. */
export const loggingScenario: Scenario = {
  id: 'logging',
  title: 'logging on (info, JSON to file) vs silent',
  async run(ctx) {
    const logFile = join(ctx.tmpDir, 'gateway-logging.log');
    // A fresh silent gateway, started with the logging one: same age, same warm-up, only the level differs.
    const silent = await ctx.gateway('logging-silent');
    const logging = await ctx.gateway('logging', { LOG_LEVEL: 'info' }, { stdoutFile: logFile });
    const token = await tokenFor(silent.env, BENCH_USER);
    const query = operation('web', 'order-history');
    const specOn = graphqlRequest(logging.url, 'web', query, { variables: { first: 20 }, token });
    const specOff = graphqlRequest(silent.url, 'web', query, { variables: { first: 20 }, token });

    // Lines per request, counted on a few sequential requests: is there one line per request at all?
    const before = lineCount(logFile);
    for (let i = 0; i < PROBE_REQUESTS; i++) await checkRequest(specOn);
    await new Promise((r) => setTimeout(r, 200));
    const linesPerRequest = (lineCount(logFile) - before) / PROBE_REQUESTS;
    await checkRequest(specOff);

    const common = { connections: ctx.settings.connections, durationSec: ctx.settings.durationSec };
    const { a, b } = await measureAB(ctx, { spec: specOn, gatewayPid: logging.pid, ...common }, { spec: specOff, gatewayPid: silent.pid, ...common });
    const rpsRatio = a.rps && b.rps ? a.rps / b.rps : null;
    const costPercent = rpsRatio === null ? null : (1 - rpsRatio) * 100;
    return {
      rows: [
        { variant: 'LOG_LEVEL=info (JSON file)', figures: figuresOf(a), note: `${linesPerRequest} log lines/request; throughput cost ${costPercent?.toFixed(1)}%${failuresNote(a)}` },
        { variant: 'LOG_LEVEL=silent', figures: figuresOf(b), note: failuresNote(b).replace(/^; /, '') },
      ],
      metrics: { rpsOn: a.rps, rpsOff: b.rps, rpsRatio, costPercent, linesPerRequest, cpuMsPerOpOn: a.cpuMsPerOp, cpuMsPerOpOff: b.cpuMsPerOp },
      notes: [`log file: ${logFile}`],
    };
  },
};
