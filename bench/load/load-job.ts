/** One load run, sent to the load-generator process. */
export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections (one request in flight on each). */
  connections: number;
  /** How long to send, in seconds. */
  durationSec: number;
}

/** What one load run measured; latencies in milliseconds from every 2xx response (not autocannon's whole-ms histogram). */
export interface LoadResult {
  /** 2xx responses. */
  requests: number;
  /** 2xx responses per second of the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  /** 2xx responses whose body holds GraphQL `errors` (partial answers). */
  withErrors: number;
  /** Connection errors and timeouts. */
  errors: number;
  durationSec: number;
}
