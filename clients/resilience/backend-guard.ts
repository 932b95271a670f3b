import { setTimeout as sleep } from 'node:timers/promises';
import CircuitBreaker from 'opossum';
import { UpstreamError, abortedByTimeout, cancelled, type ServiceName, type UpstreamErrorCode } from '../errors.ts';
import type { CallOptions } from '../call-options.ts';
import { RetryBudget, backoffMs } from './retry-budget.ts';
import { Bulkhead } from './bulkhead.ts';

/** How one backend is protected. Every field has a default. */
export interface GuardOptions {
  /** Longest a logical call may take, all attempts included, in milliseconds. Default 2000. */
  timeoutMs?: number;
  /** Most attempts of an idempotent call (1 = never retry). Default 3. */
  maxAttempts?: number;
  /** Share of calls that may be retries, 0..1. Default 0.2. */
  retryRatio?: number;
  /** First backoff step, in milliseconds (full jitter, doubling). Default 25. */
  retryBaseMs?: number;
  /** Longest backoff, in milliseconds. Default 500. */
  retryMaxMs?: number;
  /** Failure percentage over the rolling window that opens the circuit. Default 50. */
  breakerErrorPercent?: number;
  /** Calls needed in the window before the circuit may open. Default 10. */
  breakerVolume?: number;
  /** Time the circuit stays open before one probe call is let through, in milliseconds. Default 5000. */
  breakerResetMs?: number;
  /** Rolling window of the failure statistics, in milliseconds. Default 10000. */
  breakerWindowMs?: number;
  /** Most calls in flight at once (bulkhead); further calls wait for a slot within their deadline. Default 256. */
  maxConcurrent?: number;
  /** Calls that may wait for a slot; more fail fast. Default 4 × maxConcurrent. */
  maxWaiting?: number;
  /** Circuit breaker and bulkhead on. Default true. */
  breaker?: boolean;
}

/** A guard that only enforces the timeout: no retries, no breaker (clients used on their own, tests). */
export function timeoutOnlyGuard(service: ServiceName, timeoutMs: number): BackendGuard {
  return new BackendGuard(service, { timeoutMs, maxAttempts: 1, breaker: false });
}

/** Circuit states, as exported in metrics: 0 closed, 1 half-open, 2 open. */
export type CircuitState = 'closed' | 'halfOpen' | 'open';

const DEFAULT_MAX_CONCURRENT = 256;

/** What a call may be retried on: the backend failed or could not be reached, not the input. */
const RETRYABLE: ReadonlySet<UpstreamErrorCode> = new Set(['UNAVAILABLE', 'INTERNAL']);
/** Answers that say nothing bad about the backend's health: the caller's input or the entity's state. */
const NOT_A_FAILURE: ReadonlySet<UpstreamErrorCode> = new Set(['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT']);

/** The caller went away (its signal aborted for a reason other than a deadline). */
const callerGone = (signal: AbortSignal | undefined): boolean => signal?.aborted === true && !abortedByTimeout(signal);

/**
 * Deadline, retries and circuit breaker of one backend. Every call of a client runs through
 * `run`: the call gets one deadline for all its attempts (the nearer of the call's own and the
 * backend timeout), idempotent calls are retried on backend failures within a retry budget with
 * jittered backoff (honouring Retry-After), and a breaker (opossum) opens when the backend keeps
 * failing, failing calls fast with `UNAVAILABLE` until a half-open probe succeeds.
 */
export class BackendGuard {
  readonly service: ServiceName;
  readonly #options: Required<GuardOptions>;
  readonly #budget: RetryBudget;
  readonly #breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  readonly #bulkhead: Bulkhead | undefined;
  readonly #listeners = new Set<(state: CircuitState) => void>();

  constructor(service: ServiceName, options: GuardOptions = {}) {
    this.service = service;
    this.#options = {
      timeoutMs: 2_000,
      maxAttempts: 3,
      retryRatio: 0.2,
      retryBaseMs: 25,
      retryMaxMs: 500,
      breakerErrorPercent: 50,
      breakerVolume: 10,
      breakerResetMs: 5_000,
      breakerWindowMs: 10_000,
      maxConcurrent: DEFAULT_MAX_CONCURRENT,
      maxWaiting: 4 * (options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT),
      breaker: true,
      ...options,
    };
    this.#bulkhead = this.#options.breaker ? new Bulkhead(this.#options.maxConcurrent, this.#options.maxWaiting) : undefined;
    this.#budget = new RetryBudget(this.#options.retryRatio, 10);
    this.#breaker = new CircuitBreaker((attempt: () => Promise<unknown>) => attempt(), {
      enabled: this.#options.breaker,
      timeout: false,
      errorThresholdPercentage: this.#options.breakerErrorPercent,
      volumeThreshold: this.#options.breakerVolume,
      resetTimeout: this.#options.breakerResetMs,
      rollingCountTimeout: this.#options.breakerWindowMs,
      // opossum counts a filtered error as a success (and a success closes a half-open circuit). That
      // is right for a refusal (the backend answered) but not for a cancellation, which says nothing:
      // it is filtered while closed (never a failure), and in half-open it reopens the circuit, so
      // the next probe, not a caller who left, decides whether the backend is back.
      errorFilter: (error: unknown) =>
        error instanceof UpstreamError && (NOT_A_FAILURE.has(error.code) || (error.code === 'CANCELLED' && !this.#breaker.halfOpen)),
    });
    const notify = (): void => {
      for (const listener of this.#listeners) listener(this.state);
    };
    this.#breaker.on('open', notify);
    this.#breaker.on('halfOpen', notify);
    this.#breaker.on('close', notify);
  }

  /** The circuit's current state. */
  get state(): CircuitState {
    return this.#breaker.opened ? 'open' : this.#breaker.halfOpen ? 'halfOpen' : 'closed';
  }

  /** Calls `listener` on every circuit state change; returns a function that stops it. */
  onStateChange(listener: (state: CircuitState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Runs one logical call. `attempt` receives the call options with the shared deadline and must
   * fail only with {@link UpstreamError}. `idempotent` allows retries (reads, and writes carrying
   * an idempotency key).
   */
  async run<T>(operation: string, idempotent: boolean, call: CallOptions, attempt: (call: CallOptions) => Promise<T>): Promise<T> {
    const deadline = Math.min(call.deadline ?? Number.POSITIVE_INFINITY, Date.now() + this.#options.timeoutMs);
    const attemptCall: CallOptions = { ...call, deadline };
    this.#budget.deposit();
    for (let number = 1; ; number++) {
      // A caller who left before an attempt (or during a backoff) gets no attempt at all.
      if (callerGone(call.signal)) throw cancelled(this.service, operation, call.signal?.reason);
      const started = performance.now();
      try {
        const result = (await this.#fire(operation, deadline, call.signal, () => attempt(attemptCall))) as T;
        call.observer?.({ service: this.service, operation, outcome: 'ok', durationMs: performance.now() - started, attempt: number });
        return result;
      } catch (error) {
        const failure = error instanceof UpstreamError ? error : new UpstreamError(`${this.service} ${operation} failed`, { service: this.service, code: 'INTERNAL', operation, cause: error });
        call.observer?.({ service: this.service, operation, outcome: failure.code, durationMs: performance.now() - started, attempt: number });
        const delay = Math.max(backoffMs(number, this.#options.retryBaseMs, this.#options.retryMaxMs), failure.retryAfterMs ?? 0);
        const retry =
          idempotent &&
          number < this.#options.maxAttempts &&
          RETRYABLE.has(failure.code) &&
          !failure.fastFailed &&
          !call.signal?.aborted &&
          Date.now() + delay < deadline &&
          this.#budget.tryWithdraw();
        if (!retry) throw failure;
        await sleep(delay, undefined, call.signal ? { signal: call.signal } : {}).catch(() => undefined);
      }
    }
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.#breaker.shutdown();
  }

  async #fire(operation: string, deadline: number, signal: AbortSignal | undefined, attempt: () => Promise<unknown>): Promise<unknown> {
    const fastFail = (reason: string, cause: unknown): UpstreamError =>
      new UpstreamError(`${this.service} ${operation}: ${reason}`, { service: this.service, code: 'UNAVAILABLE', operation, cause, fastFailed: true });
    // An open circuit fails at once, without queueing for a slot.
    if (this.#breaker.opened) throw fastFail('circuit open', undefined);
    let release: (() => void) | undefined;
    try {
      release = await this.#bulkhead?.acquire(deadline, signal);
    } catch (error) {
      if (callerGone(signal)) throw cancelled(this.service, operation, error);
      throw fastFail(`bulkhead ${(error as Error).message}: ${this.#options.maxConcurrent} calls in flight`, error);
    }
    // Whatever a protocol made of an aborted call, the breaker must see a cancellation as one.
    const classified = async (): Promise<unknown> => {
      try {
        return await attempt();
      } catch (error) {
        throw callerGone(signal) && !(error instanceof UpstreamError && error.code === 'CANCELLED') ? cancelled(this.service, operation, error) : error;
      }
    };
    try {
      return await this.#breaker.fire(classified);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'EOPENBREAKER') throw fastFail('circuit open', error);
      throw error;
    } finally {
      release?.();
    }
  }
}
