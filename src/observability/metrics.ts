import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServiceName } from '../../clients/errors.ts';
import type { BackendGuard, CircuitState } from '../../clients/resilience/backend-guard.ts';
import type { AttemptReport } from '../../clients/call-options.ts';
import type { RedisGuard } from '../redis.ts';
import type { InstancePool } from '../../clients/balancing/instance-pool.ts';

const CIRCUIT_VALUE: Readonly<Record<CircuitState, number>> = { closed: 0, halfOpen: 1, open: 2 };
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as label values; later ones are counted as `other` (bounded cardinality). */
const MAX_OPERATION_LABELS = 200;

/** The gateway's Prometheus metrics, in a registry of its own (one per app). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #operations = new Set<string>();
  readonly requestDuration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'GraphQL requests by surface, operation and outcome (ok, error, rejected, aborted: the client went away or was cut before its answer).',
    labelNames: ['surface', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly backendDuration = new Histogram({
    name: 'gateway_backend_call_duration_seconds',
    help: 'Backend call attempts by service, method and outcome (ok or the failure code).',
    labelNames: ['service', 'method', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly authFailures = new Counter({
    name: 'gateway_authentication_failures_total',
    help: 'Requests refused because their token was invalid, by surface.',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'gateway_in_flight_requests',
    help: 'GraphQL requests being served now, by surface.',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'gateway_cache_lookups_total',
    help: 'Field cache lookups by surface, field coordinate and result (hit, miss).',
    labelNames: ['surface', 'coordinate', 'result'] as const,
    registers: [this.registry],
  });
  readonly cacheFailures = new Counter({
    name: 'gateway_cache_failures_total',
    help: 'Field cache store operations that failed or timed out (the request fell through to the backends).',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly limitRejections = new Counter({
    name: 'gateway_throttle_rejections_total',
    help: 'Requests refused by a limit before execution, by surface and reason (the error code, e.g. THROTTLED, COST_LIMIT_EXCEEDED).',
    labelNames: ['surface', 'reason'] as const,
    registers: [this.registry],
  });
  readonly throttleFallbacks = new Counter({
    name: 'gateway_throttle_fallbacks_total',
    help: 'Budget charges made in process memory because Redis did not answer, by surface.',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });
  readonly circuitState = new Gauge({
    name: 'gateway_circuit_state',
    help: 'Circuit breaker state per backend: 0 closed, 1 half-open, 2 open.',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly instanceCalls = new Counter({
    name: 'gateway_backend_instance_calls_total',
    help: 'Backend call attempts per instance (REST and SOAP backends) by outcome: ok, failure (counts towards ejection), other (not the instance\'s failure: not found, bad input, cancelled).',
    labelNames: ['service', 'instance', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly instanceEjections = new Counter({
    name: 'gateway_backend_instance_ejections_total',
    help: 'Times a backend instance was ejected for failing repeatedly.',
    labelNames: ['service', 'instance'] as const,
    registers: [this.registry],
  });
  readonly #pools: InstancePool[] = [];
  readonly instanceEjected = new Gauge({
    name: 'gateway_backend_instance_ejected',
    help: 'Whether a backend instance is ejected now (1) or takes calls (0).',
    labelNames: ['service', 'instance'] as const,
    registers: [this.registry],
    collect: () => this.#collectInstances(),
  });
  readonly instancePending = new Gauge({
    name: 'gateway_backend_instance_pending_calls',
    help: 'Calls sent to a backend instance and not yet answered.',
    labelNames: ['service', 'instance'] as const,
    registers: [this.registry],
    collect: () => this.#collectInstances(),
  });

  readonly redisTimeouts = new Counter({
    name: 'gateway_redis_timeouts_total',
    help: 'Redis commands that did not answer within REDIS_TIMEOUT_MS (each opens the Redis breaker).',
    registers: [this.registry],
  });

  constructor() {
    // Process metrics, including nodejs_eventloop_lag_seconds.
    collectDefaultMetrics({ register: this.registry });
  }

  /** Follows each backend's circuit state. */
  watchCircuits(guards: Record<ServiceName, BackendGuard>): void {
    for (const [service, guard] of Object.entries(guards)) {
      this.circuitState.set({ service }, CIRCUIT_VALUE[guard.state]);
      guard.onStateChange((state) => this.circuitState.set({ service }, CIRCUIT_VALUE[state]));
    }
  }

  /** Counts each instance's calls and ejections, and reports its state at every scrape. */
  watchInstances(pools: readonly InstancePool[]): void {
    for (const pool of pools) {
      this.#pools.push(pool);
      pool.observe((event) => {
        const labels = { service: event.service, instance: event.instance };
        if (event.type === 'call') this.instanceCalls.inc({ ...labels, outcome: event.outcome });
        else if (event.type === 'ejected') this.instanceEjections.inc(labels);
      });
    }
  }

  #collectInstances(): void {
    for (const pool of this.#pools) {
      for (const instance of pool.instances) {
        const labels = { service: pool.service, instance: instance.address };
        this.instanceEjected.set(labels, instance.ejectedUntil === 0 ? 0 : 1);
        this.instancePending.set(labels, instance.pending);
      }
    }
  }

  /** Follows the Redis guard: its timeouts, and its breaker state at each scrape. */
  watchRedis(guard: RedisGuard): void {
    guard.onTimeout = () => this.redisTimeouts.inc();
    new Gauge({
      name: 'gateway_redis_breaker_state',
      help: 'Redis breaker state: 0 closed, 1 half-open, 2 open (Redis not asked: the cache misses, budgets are kept per process).',
      registers: [this.registry],
      // Read at scrape time: the breaker half-opens by the clock, not by an event.
      collect() {
        this.set(CIRCUIT_VALUE[guard.state]);
      },
    });
  }

  /** Records one backend attempt. */
  observeAttempt(report: AttemptReport): void {
    this.backendDuration.observe({ service: report.service, method: report.operation, outcome: report.outcome }, report.durationMs / 1000);
  }

  /**
   * Counts field cache lookups of one surface (see {@link cacheLookups}), through one bound
   * counter per coordinate and outcome: no label hashing on every cached field.
   */
  cacheLookupCounter(surface: string): (coordinate: string, hit: boolean) => void {
    const bound = new Map<string, ReturnType<typeof this.cacheLookups.labels>>();
    return (coordinate, hit) => {
      const key = `${coordinate}:${hit}`;
      let counter = bound.get(key);
      if (!counter) bound.set(key, (counter = this.cacheLookups.labels({ surface, coordinate, result: hit ? 'hit' : 'miss' })));
      counter.inc();
    };
  }

  /** A label value for a client-supplied operation name, with bounded cardinality. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.#operations.has(name)) return name;
    if (this.#operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.#operations.add(name);
    return name;
  }
}
