import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Remembers a child so {@link killAllChildren} can end it by pid, whatever happens to the run. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends `signal` to every tracked child still running, by pid (synchronous: safe in an `exit` handler). */
export function killAllChildren(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of running) {
    if (!child.pid || !alive(child)) continue;
    try {
      process.kill(child.pid, signal);
    } catch {
      // Already gone between the check and the kill.
    }
  }
}

/**
 * Stops one child: closes its IPC channel and sends SIGTERM, then SIGKILL if it has not exited after `graceMs` (default 5,000 ms).
 * Resolves once it has exited.
 */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!child.pid || !alive(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Children started over IPC (gateway, backends) also shut down gracefully when it closes.
  if (child.connected) child.disconnect();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  if ((await Promise.race([exited, late])) === 'late' && alive(child)) {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

/** Kills every tracked child when this process exits or is interrupted, even after a failure. */
export function killChildrenOnExit(): void {
  process.once('exit', () => killAllChildren());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}
