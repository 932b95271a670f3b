import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_NAMES, type ServiceName } from '../../clients/errors.ts';

/** The reference backend services: the services the gateway's clients speak to. */
export const SERVICES = SERVICE_NAMES;
export type { ServiceName };

/** Fault knobs of one service. All off by default. */
export interface Faults {
  /** Delay added before every call is handled, in milliseconds. Default 0. */
  latencyMs: number;
  /** Fraction of calls (0..1) answered with the protocol's server error. Default 0. */
  errorRate: number;
  /** When true, calls are received but never answered until the knob is turned off. */
  hang: boolean;
  /** When true, the service is unreachable: HTTP connections are reset, gRPC calls get UNAVAILABLE. */
  down: boolean;
}

/** Trace headers a call arrived with, kept so tests can check propagation. */
export interface CallHeaders {
  requestId?: string;
  traceparent?: string;
  viewerId?: string;
}

/** One call received by a service. */
export interface CallRecord extends CallHeaders {
  method: string;
  /** Keys asked for, for batch calls. */
  keys?: number;
}

/** Counters of one service since the last reset. */
export interface ServiceStats {
  /** Calls received (calls refused while `down` are not received). */
  calls: number;
  /** Calls per method name. */
  byMethod: Record<string, number>;
  /** Keys per batch call, in arrival order, per method name (the most recent {@link RECENT_CALLS} of each). */
  batchSizes: Record<string, number[]>;
  /** The most recent calls, newest last (at most {@link RECENT_CALLS}). */
  recent: CallRecord[];
}

/** What the fault gate decided for one call. */
export type GateOutcome = 'ok' | 'error' | 'down';

export const RECENT_CALLS = 1_000;
const NO_FAULTS: Faults = Object.freeze({ latencyMs: 0, errorRate: 0, hang: false, down: false });

/** Appends, dropping the oldest past {@link RECENT_CALLS}: long benchmark runs must not grow the counters without end. */
function keepRecent<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT_CALLS) list.shift();
}

const emptyStats = (): ServiceStats => ({ calls: 0, byMethod: {}, batchSizes: {}, recent: [] });

/**
 * Counters and fault knobs shared by the reference backends.
 * Used in-process by tests and benchmarks, and over HTTP through the control server.
 * Emits `faults` (service, faults) whenever a knob changes.
 */
export class ControlPlane extends EventEmitter<{ faults: [ServiceName, Faults] }> {
  #stats = new Map<ServiceName, ServiceStats>(SERVICES.map((s) => [s, emptyStats()]));
  #faults = new Map<ServiceName, Faults>(SERVICES.map((s) => [s, NO_FAULTS]));
  #releaseHangs = new Map<ServiceName, Set<() => void>>(SERVICES.map((s) => [s, new Set()]));

  /** Counts one received call. */
  record(service: ServiceName, call: CallRecord): void {
    const stats = this.#stats.get(service) as ServiceStats;
    stats.calls++;
    stats.byMethod[call.method] = (stats.byMethod[call.method] ?? 0) + 1;
    if (call.keys !== undefined) keepRecent((stats.batchSizes[call.method] ??= []), call.keys);
    keepRecent(stats.recent, call);
  }

  /** A copy of one service's counters. */
  stats(service: ServiceName): ServiceStats {
    return structuredClone(this.#stats.get(service) as ServiceStats);
  }

  /** Copies of every service's counters. */
  allStats(): Record<ServiceName, ServiceStats> {
    return Object.fromEntries(SERVICES.map((s) => [s, this.stats(s)])) as Record<ServiceName, ServiceStats>;
  }

  /** Clears every counter and turns every fault knob off. */
  reset(): void {
    for (const service of SERVICES) {
      this.#stats.set(service, emptyStats());
      this.setFaults(service, NO_FAULTS);
    }
  }

  /** The current knobs of one service. */
  faults(service: ServiceName): Faults {
    return this.#faults.get(service) as Faults;
  }

  /** Changes some knobs of one service; the others keep their value. */
  setFaults(service: ServiceName, change: Partial<Faults>): Faults {
    const next = Object.freeze({ ...this.faults(service), ...change });
    this.#faults.set(service, next);
    if (!next.hang) this.#release(service);
    this.emit('faults', service, next);
    return next;
  }

  /** Lets every hung call go: used on close so no server waits forever. */
  releaseAll(): void {
    for (const service of SERVICES) this.#release(service);
  }

  /**
   * Applies the knobs to one call before it is handled: `down` first, then added latency,
   * then hang (waits until the knob turns off), then the error rate.
   */
  async gate(service: ServiceName): Promise<GateOutcome> {
    let faults = this.faults(service);
    if (faults.down) return 'down';
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (this.faults(service).hang) {
      await new Promise<void>((resolve) => (this.#releaseHangs.get(service) as Set<() => void>).add(resolve));
    }
    faults = this.faults(service);
    if (faults.down) return 'down';
    return faults.errorRate > 0 && Math.random() < faults.errorRate ? 'error' : 'ok';
  }

  #release(service: ServiceName): void {
    const waiting = this.#releaseHangs.get(service) as Set<() => void>;
    for (const resolve of waiting) resolve();
    waiting.clear();
  }
}

/** Validates a service name from outside (the control API). */
export function isServiceName(value: string): value is ServiceName {
  return (SERVICES as readonly string[]).includes(value);
}
