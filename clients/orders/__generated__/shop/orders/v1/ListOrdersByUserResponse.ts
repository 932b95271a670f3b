// Original file: contracts/orders.proto

import type { Order as _shop_orders_v1_Order, Order__Output as _shop_orders_v1_Order__Output } from '../../../shop/orders/v1/Order.ts';

/**
 * Response of ListOrdersByUser.
 */
export interface ListOrdersByUserResponse {
  /**
   * This page of orders, newest first.
   */
  'orders'?: (_shop_orders_v1_Order)[];
  /**
   * Token for the next page; empty when this is the last page.
   */
  'nextPageToken'?: (string);
  /**
   * How many orders match the request over all pages (user and status filter).
   */
  'totalSize'?: (number);
}

/**
 * Response of ListOrdersByUser.
 */
export interface ListOrdersByUserResponse__Output {
  /**
   * This page of orders, newest first.
   */
  'orders': (_shop_orders_v1_Order__Output)[];
  /**
   * Token for the next page; empty when this is the last page.
   */
  'nextPageToken': (string);
  /**
   * How many orders match the request over all pages (user and status filter).
   */
  'totalSize': (number);
}
