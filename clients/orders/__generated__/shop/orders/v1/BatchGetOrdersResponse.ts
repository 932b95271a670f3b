// Original file: contracts/orders.proto

import type { Order as _shop_orders_v1_Order, Order__Output as _shop_orders_v1_Order__Output } from '../../../shop/orders/v1/Order.ts';

/**
 * Response of BatchGetOrders.
 */
export interface BatchGetOrdersResponse {
  /**
   * The orders found, in the order their ids were first asked for, each once.
   */
  'orders'?: (_shop_orders_v1_Order)[];
  /**
   * The ids asked for that match no order, in request order, each once.
   */
  'missingIds'?: (string)[];
}

/**
 * Response of BatchGetOrders.
 */
export interface BatchGetOrdersResponse__Output {
  /**
   * The orders found, in the order their ids were first asked for, each once.
   */
  'orders': (_shop_orders_v1_Order__Output)[];
  /**
   * The ids asked for that match no order, in request order, each once.
   */
  'missingIds': (string)[];
}
