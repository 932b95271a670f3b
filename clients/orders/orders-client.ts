import { credentials } from '@grpc/grpc-js';
import { effectiveTimeoutMs, type CallOptions } from '../call-options.ts';
import { UpstreamError } from '../errors.ts';
import type { OrderServiceClient } from './__generated__/shop/orders/v1/OrderService.ts';
import type { BatchGetOrdersResponse__Output } from './__generated__/shop/orders/v1/BatchGetOrdersResponse.ts';
import type { ListOrdersByUserResponse__Output } from './__generated__/shop/orders/v1/ListOrdersByUserResponse.ts';
import type { Order__Output } from './__generated__/shop/orders/v1/Order.ts';
import { loadOrdersProto } from './proto.ts';
import { toOrder, type Order, type OrderStatus } from './types.ts';
import { callUnary, type StartUnary } from './unary.ts';
import { timeoutOnlyGuard, type BackendGuard } from '../resilience/backend-guard.ts';
import { ROUND_ROBIN_CHANNEL_OPTIONS, grpcTarget } from '../balancing/grpc-target.ts';

export type { Order, OrderItem, OrderStatus } from './types.ts';

/** Most ids one BatchGetOrders call takes (the contract's limit). */
export const ORDERS_BATCH_LIMIT = 100;

/** Options of {@link OrdersClient}. */
export interface OrdersClientOptions {
  /**
   * The orders service, `host:port`: one address (a DNS name may resolve to many instances) or
   * several IP addresses. Calls are spread over the instances round robin.
   */
  address: string | readonly string[];
  /** Longest a call may take, in milliseconds; a nearer `CallOptions.deadline` shortens it. Default 2000. */
  timeoutMs?: number;
  /** Retries, circuit breaker and bulkhead for this backend. Default: the timeout only. */
  guard?: BackendGuard;
}

/** Parameters of {@link OrdersClient.listOrdersByUser}. */
export interface ListOrdersByUserParams {
  userId: string;
  /** Orders per page, 1..100. Default (unset or 0): the service's default of 20. */
  pageSize?: number;
  /** `nextPageToken` of the previous page; unset for the first page. */
  pageToken?: string;
  /** Only orders with this status. Default: every status. */
  status?: OrderStatus;
}

/** One page of a user's orders. */
export interface OrdersPage {
  /** Newest first. */
  orders: Order[];
  /** Token of the next page; `''` on the last page. */
  nextPageToken: string;
  /** Orders matching the request over all pages. */
  totalSize: number;
}

/** Input of {@link OrdersClient.createOrder}. */
export interface CreateOrderInput {
  userId: string;
  /** At least one line; quantity 1..99 each. */
  items: { productId: string; quantity: number }[];
  /** Same key and same input again return the original order instead of placing a second one. */
  idempotencyKey: string;
}

/**
 * Typed client of the orders service (gRPC, contracts/orders.proto). One channel, opened at
 * construction and closed by {@link OrdersClient.close}. Every call carries a deadline and the
 * trace metadata of its {@link CallOptions}, and throws only {@link UpstreamError}.
 */
export class OrdersClient {
  readonly #client: OrderServiceClient;
  readonly #timeoutMs: number;
  /** Deadline, retries (reads, and CreateOrder which always carries an idempotency key) and circuit breaker. */
  readonly guard: BackendGuard;

  constructor(options: OrdersClientOptions) {
    const { OrderService } = loadOrdersProto().shop.orders.v1;
    const target = grpcTarget(typeof options.address === 'string' ? [options.address] : options.address);
    this.#client = new OrderService(target, credentials.createInsecure(), ROUND_ROBIN_CHANNEL_OPTIONS);
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.guard = options.guard ?? timeoutOnlyGuard('orders', this.#timeoutMs);
  }

  /**
   * The orders found among up to 100 ids, in request order, each once; unknown ids are left out.
   * More than 100 ids throw `INVALID_ARGUMENT` without calling; no ids return `[]` without calling.
   */
  async batchGetOrders(ids: readonly string[], call: CallOptions = {}): Promise<Order[]> {
    const operation = 'BatchGetOrders';
    if (ids.length > ORDERS_BATCH_LIMIT) {
      throw new UpstreamError(`orders ${operation} takes at most ${ORDERS_BATCH_LIMIT} ids, got ${ids.length}`, { service: 'orders', code: 'INVALID_ARGUMENT', operation, field: 'ids' });
    }
    if (ids.length === 0) return [];
    const response = await this.#unary<BatchGetOrdersResponse__Output>(operation, call, (metadata, options, callback) =>
      this.#client.BatchGetOrders({ ids: [...ids] }, metadata, options, callback),
    );
    return response.orders.map((order) => toOrder(order, operation));
  }

  /** One page of a user's orders, newest first; an unknown user has none. */
  async listOrdersByUser(params: ListOrdersByUserParams, call: CallOptions = {}): Promise<OrdersPage> {
    const operation = 'ListOrdersByUser';
    const request = { userId: params.userId, pageSize: params.pageSize ?? 0, pageToken: params.pageToken ?? '', ...(params.status ? { status: params.status } : {}) };
    const response = await this.#unary<ListOrdersByUserResponse__Output>(operation, call, (metadata, options, callback) =>
      this.#client.ListOrdersByUser(request, metadata, options, callback),
    );
    return { orders: response.orders.map((order) => toOrder(order, operation)), nextPageToken: response.nextPageToken, totalSize: response.totalSize };
  }

  /** Places an order (idempotent per user and key); `CONFLICT` for a reused key or missing stock. */
  async createOrder(input: CreateOrderInput, call: CallOptions = {}): Promise<Order> {
    const operation = 'CreateOrder';
    const order = await this.#unary<Order__Output>(operation, call, (metadata, options, callback) => this.#client.CreateOrder(input, metadata, options, callback));
    return toOrder(order, operation);
  }

  /** Resolves once the channel is connected, within the call's deadline; `UNAVAILABLE` otherwise. */
  ping(call: CallOptions = {}): Promise<void> {
    const operation = 'ping';
    const deadline = Date.now() + effectiveTimeoutMs(this.#timeoutMs, call);
    return new Promise<void>((resolve, reject) => {
      this.#client.waitForReady(deadline, (error) => {
        if (error) reject(new UpstreamError(`orders not reachable: ${error.message}`, { service: 'orders', code: 'UNAVAILABLE', operation, cause: error }));
        else resolve();
      });
    });
  }

  /** Closes the channel; calls in flight fail with `UNAVAILABLE` or `INTERNAL`. */
  close(): void {
    this.#client.close();
  }

  // Every RPC of this service is safe to retry: reads, and CreateOrder, whose idempotency key is required.
  #unary<Response>(operation: string, call: CallOptions, start: StartUnary<Response>): Promise<Response> {
    return this.guard.run(operation, true, call, (attemptCall) => callUnary<Response>({ operation, timeoutMs: this.#timeoutMs, call: attemptCall }, start));
  }
}
