import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system) a process has used so far, in milliseconds, read from `/proc/<pid>/stat` (Linux). */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1_000) / clockTicks();
}

/** Resident memory of a process, in MB: `rssMb` now, `peakMb` the high-water mark (`/proc/<pid>/status`). */
export function residentMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1_024, peakMb: kb('VmHWM') / 1_024 };
}

/** Samples a process's RSS every `intervalMs` (default 100 ms) until stopped; `stop()` returns the peak seen, in MB. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number } {
  let peak = residentMemory(pid).rssMb;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentMemory(pid).rssMb);
    } catch {
      clearInterval(timer);
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peak = Math.max(peak, residentMemory(pid).rssMb);
      } catch {
        // The process is gone: keep the last peak.
      }
      return peak;
    },
  };
}
