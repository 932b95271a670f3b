import type { CallOptions } from '../call-options.ts';
import type { ServiceName } from '../errors.ts';
import type { InstancePool } from '../balancing/instance-pool.ts';
import type { BackendGuard } from '../resilience/backend-guard.ts';
import { envelope } from './shape.ts';
import { RestTransport, type RestClientOptions } from './rest-transport.ts';

/** A by-id read of a REST backend: `GET /<path>?<param>=a,b,c` answering `{ <key>: [...] }`. */
export interface BatchRead {
  /** The backend's name for the call, e.g. `GET /users`. */
  operation: string;
  path: string;
  /** The query parameter carrying the comma-separated ids. */
  param: string;
  /** The body's array of entities. */
  key: string;
  /** Most ids the backend takes in one call. */
  limit: number;
}

/**
 * What every typed REST client shares: its transport (with the backend's guard and instances),
 * reads by id through a batch endpoint, the health check, and closing. A client adds its calls.
 */
export abstract class RestServiceClient {
  protected readonly http: RestTransport;

  /** `timeoutMs` defaults to 2000 ms. */
  constructor(service: ServiceName, options: RestClientOptions) {
    this.http = new RestTransport(service, options);
  }

  /** Deadline, retries and circuit breaker of this backend. */
  get guard(): BackendGuard {
    return this.http.guard;
  }

  /** The backend's instances and where calls go. */
  get pool(): InstancePool {
    return this.http.pool;
  }

  /** Entities by id as the backend answers them; more ids than `read.limit` are refused before any call, none make no call. */
  protected async getBatch<T>(read: BatchRead, ids: readonly string[], call: CallOptions): Promise<T[]> {
    this.http.checkBatch(read.operation, read.param, ids.length, read.limit);
    if (ids.length === 0) return [];
    const body = await this.http.request<unknown>({ operation: read.operation, path: read.path, searchParams: { [read.param]: ids.join(',') } }, call);
    return envelope<Record<string, T[]>>(body, read.key, 'array', this.http.service, read.operation)[read.key] as T[];
  }

  /** Resolves when the service answers its health check. */
  async ping(call: CallOptions = {}): Promise<void> {
    const operation = 'GET /healthz';
    const body = await this.http.request<unknown>({ operation, path: 'healthz' }, call);
    envelope(body, 'status', 'string', this.http.service, operation);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.http.close();
  }
}
