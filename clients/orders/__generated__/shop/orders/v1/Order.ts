// Original file: contracts/orders.proto

import type { OrderStatus as _shop_orders_v1_OrderStatus, OrderStatus__Output as _shop_orders_v1_OrderStatus__Output } from '../../../shop/orders/v1/OrderStatus.ts';
import type { OrderItem as _shop_orders_v1_OrderItem, OrderItem__Output as _shop_orders_v1_OrderItem__Output } from '../../../shop/orders/v1/OrderItem.ts';
import type { Long } from '@grpc/proto-loader';

/**
 * An order placed by a user.
 */
export interface Order {
  /**
   * Order id, e.g. "o17".
   */
  'id'?: (string);
  /**
   * Id of the user who placed it, e.g. "u3".
   */
  'userId'?: (string);
  /**
   * Current status; never ORDER_STATUS_UNSPECIFIED.
   */
  'status'?: (_shop_orders_v1_OrderStatus);
  /**
   * When the order was placed, RFC 3339 in UTC, e.g. "2024-05-01T12:30:00.000Z".
   */
  'createdAt'?: (string);
  /**
   * ISO 4217 currency code of every amount in the order; "USD" today.
   */
  'currency'?: (string);
  /**
   * The order lines, in the order they were placed; at least one.
   */
  'items'?: (_shop_orders_v1_OrderItem)[];
  /**
   * Sum of quantity * unit_price_cents over the items, in cents of `currency`.
   */
  'totalCents'?: (number | string | Long);
}

/**
 * An order placed by a user.
 */
export interface Order__Output {
  /**
   * Order id, e.g. "o17".
   */
  'id': (string);
  /**
   * Id of the user who placed it, e.g. "u3".
   */
  'userId': (string);
  /**
   * Current status; never ORDER_STATUS_UNSPECIFIED.
   */
  'status': (_shop_orders_v1_OrderStatus__Output);
  /**
   * When the order was placed, RFC 3339 in UTC, e.g. "2024-05-01T12:30:00.000Z".
   */
  'createdAt': (string);
  /**
   * ISO 4217 currency code of every amount in the order; "USD" today.
   */
  'currency': (string);
  /**
   * The order lines, in the order they were placed; at least one.
   */
  'items': (_shop_orders_v1_OrderItem__Output)[];
  /**
   * Sum of quantity * unit_price_cents over the items, in cents of `currency`.
   */
  'totalCents': (number);
}
