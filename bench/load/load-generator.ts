import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../paths.ts';
import { stopChild, track } from '../processes/children.ts';
import type { LoadJob, LoadResult } from './load-job.ts';

/** The load generator: autocannon in its own process. */
export interface LoadGenerator {
  pid: number;
  /** Runs one job; rejects if it fails or takes longer than its duration plus 60 s. */
  run(job: LoadJob): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** Forks the load-generator process (bench/load/load-worker.ts). */
export function startLoadGenerator(): LoadGenerator {
  const child = track(fork(resolve(ROOT, 'bench/load/load-worker.ts'), [], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let nextId = 0;
  return {
    pid: child.pid as number,
    run(job) {
      const id = ++nextId;
      return new Promise<LoadResult>((resolveRun, reject) => {
        const timer = setTimeout(() => finish(new Error(`load run exceeded ${job.durationSec + 60} s`)), (job.durationSec + 60) * 1_000);
        function finish(error: Error | null, result?: LoadResult): void {
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolveRun(result as LoadResult);
        }
        function onMessage(message: { id: number; result?: LoadResult; error?: string }): void {
          if (message.id !== id) return;
          finish(message.error ? new Error(`load generator: ${message.error}`) : null, message.result);
        }
        function onExit(code: number | null): void {
          finish(new Error(`load generator exited (code ${code})`));
        }
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send({ id, job });
      });
    },
    stop: () => stopChild(child, 2_000),
  };
}
