import { UpstreamError, type ServiceName, type UpstreamErrorCode } from '../errors.ts';

/** How a pool spreads calls and when it stops sending to an instance. Every field has a default. */
export interface BalancingOptions {
  /** Consecutive failures of one instance that eject it (Envoy's `consecutive_5xx`). Default 5. */
  ejectAfterFailures?: number;
  /** How long an ejected instance gets no calls, in milliseconds (Envoy's `base_ejection_time`). Default 30000. */
  ejectionMs?: number;
  /** Clock, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** One instance of a backend, as the pool sees it. */
export interface Instance {
  /** Its address as configured: a base URL, or `host:port`. */
  readonly address: string;
  /** Calls sent to it and not yet answered. */
  readonly pending: number;
  /** Failures in a row since its last success or return. */
  readonly consecutiveFailures: number;
  /** When an ejection ends, epoch milliseconds; 0 when it is not ejected. */
  readonly ejectedUntil: number;
}

/** What a pool reports to its observers (metrics). */
export type PoolEvent =
  | { type: 'call'; service: ServiceName; instance: string; outcome: 'ok' | 'failure' | 'other' }
  | { type: 'ejected' | 'returned'; service: ServiceName; instance: string };

/** The outcomes that say an instance is failing; the caller's input, an entity's state or a cancelled call never do. */
const INSTANCE_FAILURES: ReadonlySet<UpstreamErrorCode> = new Set(['UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE', 'INTERNAL']);

interface MutableInstance {
  address: string;
  pending: number;
  consecutiveFailures: number;
  ejectedUntil: number;
}

/**
 * The instances of one backend: each call goes to the available instance with the fewest calls
 * pending, ties taken in turn (round robin), so an idle pool rotates and a slow instance gets
 * less. Passive outlier detection, as Envoy does it: an instance that fails
 * `ejectAfterFailures` times in a row gets no calls for `ejectionMs`, then returns with a clean
 * slate. The last available instance is never ejected: with every instance failing, calls still
 * go somewhere and the circuit breaker decides.
 */
export class InstancePool {
  readonly service: ServiceName;
  readonly #instances: MutableInstance[];
  readonly #ejectAfter: number;
  readonly #ejectionMs: number;
  readonly #now: () => number;
  readonly #observers = new Set<(event: PoolEvent) => void>();
  #next = 0;

  constructor(service: ServiceName, addresses: readonly string[], options: BalancingOptions = {}) {
    if (addresses.length === 0) throw new Error(`${service}: at least one instance address is needed`);
    this.service = service;
    this.#instances = [...new Set(addresses)].map((address) => ({ address, pending: 0, consecutiveFailures: 0, ejectedUntil: 0 }));
    this.#ejectAfter = options.ejectAfterFailures ?? 5;
    this.#ejectionMs = options.ejectionMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  /** A snapshot of every instance, in configured order. */
  get instances(): readonly Instance[] {
    this.#returnDue();
    return this.#instances.map((instance) => ({ ...instance }));
  }

  /** Calls `observer` on every call outcome, ejection and return; returns a function that stops it. */
  observe(observer: (event: PoolEvent) => void): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /**
   * Runs one attempt on an instance: one not in `tried` when there is one (a retry goes elsewhere),
   * adding the chosen one to it. A failure counts against the instance only when it is the
   * instance's ({@link INSTANCE_FAILURES}) and `signal` had not aborted.
   */
  async attempt<T>(tried: Set<string>, signal: AbortSignal | undefined, send: (address: string) => Promise<T>): Promise<T> {
    const instance = this.#pick(tried);
    tried.add(instance.address);
    instance.pending++;
    try {
      const result = await send(instance.address);
      this.#succeeded(instance);
      return result;
    } catch (error) {
      const failed = error instanceof UpstreamError && INSTANCE_FAILURES.has(error.code) && !error.fastFailed && !signal?.aborted;
      if (failed) this.#failed(instance);
      else this.#emit({ type: 'call', service: this.service, instance: instance.address, outcome: 'other' });
      throw error;
    } finally {
      instance.pending--;
    }
  }

  #pick(tried: ReadonlySet<string>): MutableInstance {
    this.#returnDue();
    const count = this.#instances.length;
    const untried = this.#instances.filter((instance) => !tried.has(instance.address));
    const candidates = untried.length > 0 ? untried : this.#instances;
    const available = candidates.filter((instance) => instance.ejectedUntil === 0);
    // Everything left is ejected (only when retrying past the healthy ones): the one back soonest.
    if (available.length === 0) return candidates.reduce((a, b) => (a.ejectedUntil <= b.ejectedUntil ? a : b));
    let best: MutableInstance | undefined;
    for (let step = 0; step < count; step++) {
      const instance = this.#instances[(this.#next + step) % count]!;
      if (available.includes(instance) && (!best || instance.pending < best.pending)) best = instance;
    }
    this.#next = (this.#instances.indexOf(best!) + 1) % count;
    return best!;
  }

  #succeeded(instance: MutableInstance): void {
    instance.consecutiveFailures = 0;
    this.#emit({ type: 'call', service: this.service, instance: instance.address, outcome: 'ok' });
  }

  #failed(instance: MutableInstance): void {
    instance.consecutiveFailures++;
    this.#emit({ type: 'call', service: this.service, instance: instance.address, outcome: 'failure' });
    if (instance.ejectedUntil !== 0 || instance.consecutiveFailures < this.#ejectAfter) return;
    const othersAvailable = this.#instances.some((other) => other !== instance && other.ejectedUntil === 0);
    if (!othersAvailable) return;
    instance.ejectedUntil = this.#now() + this.#ejectionMs;
    this.#emit({ type: 'ejected', service: this.service, instance: instance.address });
  }

  #returnDue(): void {
    const now = this.#now();
    for (const instance of this.#instances) {
      if (instance.ejectedUntil === 0 || instance.ejectedUntil > now) continue;
      instance.ejectedUntil = 0;
      instance.consecutiveFailures = 0;
      this.#emit({ type: 'returned', service: this.service, instance: instance.address });
    }
  }

  #emit(event: PoolEvent): void {
    for (const observer of this.#observers) observer(event);
  }
}
