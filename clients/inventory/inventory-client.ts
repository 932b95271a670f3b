import got, { type Got } from 'got';
import { effectiveTimeoutMs, traceHeaders, type CallOptions } from '../call-options.ts';
import { UpstreamError } from '../errors.ts';
import { BadSoapResponseError, GET_STOCK_LEVELS_ACTION, getStockLevelsEnvelope, readStockLevelsReply } from './soap.ts';
import type { Currency, StockLevel } from './types.ts';
import { faultError, statusError } from './upstream-errors.ts';
import { keepAliveAgents } from '../rest/agents.ts';
import { toUpstreamError } from '../rest/error-mapping.ts';
import { timeoutOnlyGuard, type BackendGuard } from '../resilience/backend-guard.ts';
import { InstancePool, type BalancingOptions } from '../balancing/instance-pool.ts';

export { CURRENCIES, type Currency, type StockLevel } from './types.ts';

/** Most SKUs one GetStockLevels call may carry (the contract's batch limit). */
export const MAX_SKUS_PER_CALL = 25;
const OPERATION = 'GetStockLevels';

const badResponse = (cause: Error): UpstreamError =>
  new UpstreamError(`inventory ${OPERATION}: ${cause.message}`, { service: 'inventory', code: 'BAD_RESPONSE', operation: OPERATION, cause });

// SOAP 1.1 answers with 200 or, for a Fault, 500; any other status, or a 500 that is not a Fault, carries no answer.
function stockLevelsOf(statusCode: number, body: string, currency: Currency): StockLevel[] {
  if (statusCode !== 200 && statusCode !== 500) throw statusError(statusCode, OPERATION);
  let reply;
  try {
    reply = readStockLevelsReply(body);
  } catch (error) {
    throw statusCode === 500 ? statusError(500, OPERATION, error) : badResponse(error as Error);
  }
  if ('fault' in reply) throw faultError(reply.fault, OPERATION);
  if (statusCode !== 200) throw statusError(statusCode, OPERATION);
  if (reply.items.some((item) => item.price.currency !== currency)) throw badResponse(new BadSoapResponseError(`prices are not in ${currency}`));
  return reply.items;
}

/** Options of an {@link InventoryClient}. */
export interface InventoryClientOptions {
  /** The SOAP endpoint, e.g. `http://127.0.0.1:4004/soap`, or one per instance (calls are spread over them). */
  url: string | readonly string[];
  /** Spreading calls over the instances and ejecting failing ones. Default: see {@link BalancingOptions}. */
  balancing?: BalancingOptions;
  /** Longest a call may take, in milliseconds; a call's deadline can only shorten it. Default 3000. */
  timeoutMs?: number;
  /** Retries, circuit breaker and bulkhead for this backend. Default: the timeout only. */
  guard?: BackendGuard;
}

/**
 * Typed client of the inventory service (SOAP 1.1, contracts/inventory.wsdl). One got instance
 * with the REST clients' keep-alive agents and transport error mapping, and no retries; every
 * error is an {@link UpstreamError}.
 */
export class InventoryClient {
  readonly #timeoutMs: number;
  readonly #agents = keepAliveAgents();
  readonly #got: Got;
  /** Deadline, retries (GetStockLevels is a read) and circuit breaker of this backend. */
  readonly guard: BackendGuard;
  /** The service's instances: which one each attempt goes to. */
  readonly pool: InstancePool;

  constructor(options: InventoryClientOptions) {
    this.pool = new InstancePool('inventory', typeof options.url === 'string' ? [options.url] : options.url, options.balancing);
    this.#timeoutMs = options.timeoutMs ?? 3000;
    this.guard = options.guard ?? timeoutOnlyGuard('inventory', this.#timeoutMs);
    this.#got = got.extend({ agent: this.#agents, retry: { limit: 0 }, throwHttpErrors: false, followRedirect: false });
  }

  /**
   * Stock and price of up to 25 SKUs in `currency`: the known ones, in request order, each once.
   * SKUs the service does not know are left out (the caller maps them to not found).
   * More than 25 SKUs throws INVALID_ARGUMENT without calling; none returns `[]` without calling.
   */
  async getStockLevels(skus: readonly string[], currency: Currency, call: CallOptions = {}): Promise<StockLevel[]> {
    if (skus.length > MAX_SKUS_PER_CALL) {
      throw new UpstreamError(`at most ${MAX_SKUS_PER_CALL} SKUs per call, got ${skus.length}`, {
        service: 'inventory',
        code: 'INVALID_ARGUMENT',
        operation: OPERATION,
        field: 'sku',
      });
    }
    if (skus.length === 0) return [];
    const body = getStockLevelsEnvelope(skus, currency);
    const tried = new Set<string>();
    return this.guard.run(OPERATION, true, call, (attemptCall) =>
      this.pool.attempt(tried, attemptCall.signal, async (url) => {
        const response = await this.#send(OPERATION, () =>
          // Not `got.post`: that alias copies the options into a new object on every call.
          this.#got(url, {
            method: 'POST',
            body,
            headers: { ...traceHeaders(attemptCall), 'content-type': 'text/xml; charset=utf-8', soapaction: `"${GET_STOCK_LEVELS_ACTION}"` },
            timeout: { request: effectiveTimeoutMs(this.#timeoutMs, attemptCall) },
            signal: attemptCall.signal,
          }),
          attemptCall.signal,
        );
        return stockLevelsOf(response.statusCode, response.body, currency);
      }),
    );
  }

  /** Checks that an instance answers (`GET /healthz` next to the SOAP endpoint); throws UNAVAILABLE or TIMEOUT otherwise. */
  async ping(call: CallOptions = {}): Promise<void> {
    await this.pool.attempt(new Set(), call.signal, (url) => this.#ping(url, call));
  }

  async #ping(url: string, call: CallOptions): Promise<void> {
    const response = await this.#send('ping', () =>
      this.#got.get(new URL('/healthz', url), {
        headers: traceHeaders(call),
        timeout: { request: effectiveTimeoutMs(this.#timeoutMs, call) },
        signal: call.signal,
      }),
      call.signal,
    );
    if (response.statusCode !== 200) {
      throw new UpstreamError(`inventory ping answered HTTP ${response.statusCode}`, { service: 'inventory', code: 'UNAVAILABLE', operation: 'ping' });
    }
  }

  /** Closes the keep-alive connections. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #send<T>(operation: string, request: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toUpstreamError(error, 'inventory', operation, signal);
    }
  }
}
