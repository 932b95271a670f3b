// Original file: contracts/orders.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchGetOrdersRequest as _shop_orders_v1_BatchGetOrdersRequest, BatchGetOrdersRequest__Output as _shop_orders_v1_BatchGetOrdersRequest__Output } from '../../../shop/orders/v1/BatchGetOrdersRequest.ts';
import type { BatchGetOrdersResponse as _shop_orders_v1_BatchGetOrdersResponse, BatchGetOrdersResponse__Output as _shop_orders_v1_BatchGetOrdersResponse__Output } from '../../../shop/orders/v1/BatchGetOrdersResponse.ts';
import type { CreateOrderRequest as _shop_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _shop_orders_v1_CreateOrderRequest__Output } from '../../../shop/orders/v1/CreateOrderRequest.ts';
import type { GetOrderRequest as _shop_orders_v1_GetOrderRequest, GetOrderRequest__Output as _shop_orders_v1_GetOrderRequest__Output } from '../../../shop/orders/v1/GetOrderRequest.ts';
import type { ListOrdersByUserRequest as _shop_orders_v1_ListOrdersByUserRequest, ListOrdersByUserRequest__Output as _shop_orders_v1_ListOrdersByUserRequest__Output } from '../../../shop/orders/v1/ListOrdersByUserRequest.ts';
import type { ListOrdersByUserResponse as _shop_orders_v1_ListOrdersByUserResponse, ListOrdersByUserResponse__Output as _shop_orders_v1_ListOrdersByUserResponse__Output } from '../../../shop/orders/v1/ListOrdersByUserResponse.ts';
import type { Order as _shop_orders_v1_Order, Order__Output as _shop_orders_v1_Order__Output } from '../../../shop/orders/v1/Order.ts';

/**
 * Reads and places orders. Batch calls take at most 100 ids.
 */
export interface OrderServiceClient extends grpc.Client {
  /**
   * Up to 100 orders by id in one call. Unknown ids are listed in `missing_ids`, never an error.
   * Errors: INVALID_ARGUMENT when `ids` is empty, longer than 100, or holds an empty id.
   */
  BatchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  BatchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  BatchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  BatchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Up to 100 orders by id in one call. Unknown ids are listed in `missing_ids`, never an error.
   * Errors: INVALID_ARGUMENT when `ids` is empty, longer than 100, or holds an empty id.
   */
  batchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  batchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  batchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  batchGetOrders(argument: _shop_orders_v1_BatchGetOrdersRequest, callback: grpc.requestCallback<_shop_orders_v1_BatchGetOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Places a PENDING order in USD, priced from the current stock prices, and takes the
   * quantities from the available stock.
   * Idempotent per (user_id, idempotency_key): repeating a request returns the original order
   * without placing a second one or taking stock again.
   * Errors: INVALID_ARGUMENT for a missing user id or idempotency key, no items, a quantity
   * outside 1..99 or an unknown product; ALREADY_EXISTS when the key was already used by this
   * user for a different request; FAILED_PRECONDITION when there is not enough stock.
   */
  CreateOrder(argument: _shop_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  /**
   * Places a PENDING order in USD, priced from the current stock prices, and takes the
   * quantities from the available stock.
   * Idempotent per (user_id, idempotency_key): repeating a request returns the original order
   * without placing a second one or taking stock again.
   * Errors: INVALID_ARGUMENT for a missing user id or idempotency key, no items, a quantity
   * outside 1..99 or an unknown product; ALREADY_EXISTS when the key was already used by this
   * user for a different request; FAILED_PRECONDITION when there is not enough stock.
   */
  createOrder(argument: _shop_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  /**
   * One order by id.
   * Errors: INVALID_ARGUMENT when `id` is empty; NOT_FOUND when no order has that id.
   */
  GetOrder(argument: _shop_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  /**
   * One order by id.
   * Errors: INVALID_ARGUMENT when `id` is empty; NOT_FOUND when no order has that id.
   */
  getOrder(argument: _shop_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_shop_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  /**
   * One page of a user's orders, newest first. A user without orders (or one this service has
   * never heard of: it does not know users) gets an empty page.
   * Errors: INVALID_ARGUMENT when `user_id` is empty, `page_size` is above 100, `page_token`
   * was not issued by this service, or `status` is not a known value.
   */
  ListOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One page of a user's orders, newest first. A user without orders (or one this service has
   * never heard of: it does not know users) gets an empty page.
   * Errors: INVALID_ARGUMENT when `user_id` is empty, `page_size` is above 100, `page_token`
   * was not issued by this service, or `status` is not a known value.
   */
  listOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  listOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  listOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  listOrdersByUser(argument: _shop_orders_v1_ListOrdersByUserRequest, callback: grpc.requestCallback<_shop_orders_v1_ListOrdersByUserResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Reads and places orders. Batch calls take at most 100 ids.
 */
export interface OrderServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Up to 100 orders by id in one call. Unknown ids are listed in `missing_ids`, never an error.
   * Errors: INVALID_ARGUMENT when `ids` is empty, longer than 100, or holds an empty id.
   */
  BatchGetOrders: grpc.handleUnaryCall<_shop_orders_v1_BatchGetOrdersRequest__Output, _shop_orders_v1_BatchGetOrdersResponse>;
  
  /**
   * Places a PENDING order in USD, priced from the current stock prices, and takes the
   * quantities from the available stock.
   * Idempotent per (user_id, idempotency_key): repeating a request returns the original order
   * without placing a second one or taking stock again.
   * Errors: INVALID_ARGUMENT for a missing user id or idempotency key, no items, a quantity
   * outside 1..99 or an unknown product; ALREADY_EXISTS when the key was already used by this
   * user for a different request; FAILED_PRECONDITION when there is not enough stock.
   */
  CreateOrder: grpc.handleUnaryCall<_shop_orders_v1_CreateOrderRequest__Output, _shop_orders_v1_Order>;
  
  /**
   * One order by id.
   * Errors: INVALID_ARGUMENT when `id` is empty; NOT_FOUND when no order has that id.
   */
  GetOrder: grpc.handleUnaryCall<_shop_orders_v1_GetOrderRequest__Output, _shop_orders_v1_Order>;
  
  /**
   * One page of a user's orders, newest first. A user without orders (or one this service has
   * never heard of: it does not know users) gets an empty page.
   * Errors: INVALID_ARGUMENT when `user_id` is empty, `page_size` is above 100, `page_token`
   * was not issued by this service, or `status` is not a known value.
   */
  ListOrdersByUser: grpc.handleUnaryCall<_shop_orders_v1_ListOrdersByUserRequest__Output, _shop_orders_v1_ListOrdersByUserResponse>;
  
}

export interface OrderServiceDefinition extends grpc.ServiceDefinition {
  BatchGetOrders: MethodDefinition<_shop_orders_v1_BatchGetOrdersRequest, _shop_orders_v1_BatchGetOrdersResponse, _shop_orders_v1_BatchGetOrdersRequest__Output, _shop_orders_v1_BatchGetOrdersResponse__Output>
  CreateOrder: MethodDefinition<_shop_orders_v1_CreateOrderRequest, _shop_orders_v1_Order, _shop_orders_v1_CreateOrderRequest__Output, _shop_orders_v1_Order__Output>
  GetOrder: MethodDefinition<_shop_orders_v1_GetOrderRequest, _shop_orders_v1_Order, _shop_orders_v1_GetOrderRequest__Output, _shop_orders_v1_Order__Output>
  ListOrdersByUser: MethodDefinition<_shop_orders_v1_ListOrdersByUserRequest, _shop_orders_v1_ListOrdersByUserResponse, _shop_orders_v1_ListOrdersByUserRequest__Output, _shop_orders_v1_ListOrdersByUserResponse__Output>
}
