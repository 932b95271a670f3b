// The load generator's own process (forked by load-generator.ts): runs autocannon jobs sent over IPC,
// so its CPU never counts as the gateway's.
import autocannon from 'autocannon';
import type { LoadJob, LoadResult } from './load-job.ts';
import { percentile } from './percentile.ts';

const MAX_SAMPLES = 2_000_000;

async function runJob(job: LoadJob): Promise<LoadResult> {
  const samples = new Float64Array(MAX_SAMPLES);
  let count = 0;
  let withErrors = 0;
  let finished: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: job.url,
      method: job.method,
      headers: job.headers ?? {},
      ...(job.body === undefined ? {} : { body: job.body }),
      connections: job.connections,
      duration: job.durationSec,
      timeout: 10,
      // A GraphQL answer can be 200 with errors (a backend failed or was shed): count those apart.
      requests: [
        {
          onResponse: (status: number, body: string) => {
            if (status >= 200 && status < 300 && body.includes('"errors":[')) withErrors++;
          },
        },
      ],
    },
    (error, result) => finished(error, result),
  );
  // The instance re-emits each client's response with the client first; the typings omit it.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    if (statusCode >= 200 && statusCode < 300 && count < MAX_SAMPLES) samples[count++] = ms;
  });
  const result = await done;
  const sorted = samples.subarray(0, count).sort();
  let sum = 0;
  for (const ms of sorted) sum += ms;
  const durationSec = result.duration || job.durationSec;
  return {
    requests: result['2xx'],
    rps: result['2xx'] / durationSec,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: count > 0 ? sum / count : NaN,
    non2xx: result.non2xx,
    withErrors,
    errors: result.errors,
    durationSec,
  };
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  runJob(message.job).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.once('disconnect', () => process.exit(0));
