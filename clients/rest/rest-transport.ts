import got, { type Got, type OptionsOfJSONResponseBody } from 'got';
import { keepAliveAgents, type KeepAliveAgents } from './agents.ts';
import { effectiveTimeoutMs, traceHeaders, type CallOptions } from '../call-options.ts';
import { UpstreamError, type ServiceName } from '../errors.ts';
import { toUpstreamError } from './error-mapping.ts';
import { timeoutOnlyGuard, type BackendGuard } from '../resilience/backend-guard.ts';
import { InstancePool, type BalancingOptions } from '../balancing/instance-pool.ts';

/** Options of a REST client. */
export interface RestClientOptions {
  /** The service's base URL, e.g. `http://127.0.0.1:4001`, or one per instance (calls are spread over them). */
  baseUrl: string | readonly string[];
  /** Spreading calls over the instances and ejecting failing ones. Default: see {@link BalancingOptions}. */
  balancing?: BalancingOptions;
  /** Longest a call may take, in milliseconds; a nearer call deadline shortens it. Default 2000. */
  timeoutMs?: number;
  /** Retries, circuit breaker and bulkhead for this backend. Default: the timeout only. */
  guard?: BackendGuard;
}

/** One request to a REST backend. */
export interface RestRequest {
  /** Name for errors and logs, the contract's `METHOD /path`, e.g. `GET /users/{id}`. */
  operation: string;
  method?: 'GET' | 'PATCH';
  /** Path relative to the base URL, without a leading slash, e.g. `users/u1`. */
  path: string;
  searchParams?: Record<string, string | number>;
  /** JSON body. */
  json?: unknown;
}

/**
 * The absolute URL of a request on one instance, as got's `prefixUrl` and `searchParams` would make it:
 * the base URL with one trailing slash, the path, and the query encoded by `URLSearchParams`.
 */
export function requestUrl(baseUrl: string, request: Pick<RestRequest, 'path' | 'searchParams'>): string {
  const url = baseUrl.endsWith('/') ? baseUrl + request.path : `${baseUrl}/${request.path}`;
  if (request.searchParams === undefined) return url;
  const query = new URLSearchParams();
  for (const key in request.searchParams) query.append(key, String(request.searchParams[key]));
  const encoded = query.toString();
  return encoded === '' ? url : `${url}?${encoded}`;
}

/** Default timeout of a REST call, in milliseconds. */
const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * The HTTP transport of one REST service: one got instance with keep-alive agents, built once per
 * client. Every call carries the trace headers, honours the signal and the deadline, is not retried,
 * and fails only with {@link UpstreamError}.
 */
export class RestTransport {
  readonly service: ServiceName;
  readonly #timeoutMs: number;
  readonly #agents: KeepAliveAgents;
  readonly #got: Got;
  /** Deadline, retries (GET only) and circuit breaker of this backend. */
  readonly guard: BackendGuard;
  /** The backend's instances: which one each attempt goes to. */
  readonly pool: InstancePool;

  constructor(service: ServiceName, options: RestClientOptions) {
    this.service = service;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.guard = options.guard ?? timeoutOnlyGuard(service, this.#timeoutMs);
    this.pool = new InstancePool(service, typeof options.baseUrl === 'string' ? [options.baseUrl] : options.baseUrl, options.balancing);
    this.#agents = keepAliveAgents();
    this.#got = got.extend({
      agent: this.#agents,
      responseType: 'json',
      // Retries are a policy decision of the caller (later: with a budget), never hidden here.
      retry: { limit: 0 },
      headers: { accept: 'application/json, application/problem+json' },
    });
  }

  /** Sends one request through the guard (GETs may be retried, on another instance when there is one) and resolves with the parsed JSON body. */
  request<T>(request: RestRequest, call: CallOptions): Promise<T> {
    const tried = new Set<string>();
    return this.guard.run(request.operation, (request.method ?? 'GET') === 'GET', call, (attemptCall) =>
      this.pool.attempt(tried, attemptCall.signal, (baseUrl) => this.#send<T>(baseUrl, request, attemptCall)),
    );
  }

  /**
   * One attempt on one instance: trace headers, the attempt's deadline and signal; failures become UpstreamErrors.
   * The URL is built here and only the options a call needs are passed: got merges and validates every
   * option it is given, and its `prefixUrl` and `searchParams` merges cost about a quarter of a call.
   */
  async #send<T>(baseUrl: string, request: RestRequest, call: CallOptions): Promise<T> {
    const options: OptionsOfJSONResponseBody = { headers: traceHeaders(call), timeout: { request: effectiveTimeoutMs(this.#timeoutMs, call) } };
    if (call.signal !== undefined) options.signal = call.signal;
    if (request.method !== undefined && request.method !== 'GET') options.method = request.method;
    if (request.json !== undefined) options.json = request.json;
    try {
      const response = await this.#got<T>(requestUrl(baseUrl, request), options);
      return response.body;
    } catch (error) {
      throw toUpstreamError(error, this.service, request.operation, call.signal);
    }
  }

  /** Refuses a batch over the backend's limit before any call is made. */
  checkBatch(operation: string, field: string, size: number, limit: number): void {
    if (size <= limit) return;
    throw new UpstreamError(`${this.service} ${operation}: ${size} ${field} exceed the limit of ${limit}`, {
      service: this.service,
      code: 'INVALID_ARGUMENT',
      operation,
      field,
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }
}
