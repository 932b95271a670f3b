// Original file: contracts/orders.proto

import type { CreateOrderItem as _shop_orders_v1_CreateOrderItem, CreateOrderItem__Output as _shop_orders_v1_CreateOrderItem__Output } from '../../../shop/orders/v1/CreateOrderItem.ts';

/**
 * Request of CreateOrder.
 */
export interface CreateOrderRequest {
  /**
   * Who places the order; required.
   */
  'userId'?: (string);
  /**
   * What to order: at least one line. The same product may appear on several lines.
   */
  'items'?: (_shop_orders_v1_CreateOrderItem)[];
  /**
   * Caller-chosen key, unique per intended order for this user (1..200 characters), e.g. a UUID.
   * Retrying with the same key and request returns the original order.
   */
  'idempotencyKey'?: (string);
}

/**
 * Request of CreateOrder.
 */
export interface CreateOrderRequest__Output {
  /**
   * Who places the order; required.
   */
  'userId': (string);
  /**
   * What to order: at least one line. The same product may appear on several lines.
   */
  'items': (_shop_orders_v1_CreateOrderItem__Output)[];
  /**
   * Caller-chosen key, unique per intended order for this user (1..200 characters), e.g. a UUID.
   * Retrying with the same key and request returns the original order.
   */
  'idempotencyKey': (string);
}
