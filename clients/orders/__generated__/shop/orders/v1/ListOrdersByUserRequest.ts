// Original file: contracts/orders.proto

import type { OrderStatus as _shop_orders_v1_OrderStatus, OrderStatus__Output as _shop_orders_v1_OrderStatus__Output } from '../../../shop/orders/v1/OrderStatus.ts';

/**
 * Request of ListOrdersByUser.
 */
export interface ListOrdersByUserRequest {
  /**
   * Whose orders to list; required.
   */
  'userId'?: (string);
  /**
   * Orders per page, 1..100; 0 means the default of 20.
   */
  'pageSize'?: (number);
  /**
   * Opaque token from a previous response's `next_page_token`; empty for the first page.
   * Pages stay stable while new orders are placed: a walk never repeats an order.
   */
  'pageToken'?: (string);
  /**
   * Only orders with this status; unset or ORDER_STATUS_UNSPECIFIED means every status.
   */
  'status'?: (_shop_orders_v1_OrderStatus);
  '_status'?: "status";
}

/**
 * Request of ListOrdersByUser.
 */
export interface ListOrdersByUserRequest__Output {
  /**
   * Whose orders to list; required.
   */
  'userId': (string);
  /**
   * Orders per page, 1..100; 0 means the default of 20.
   */
  'pageSize': (number);
  /**
   * Opaque token from a previous response's `next_page_token`; empty for the first page.
   * Pages stay stable while new orders are placed: a walk never repeats an order.
   */
  'pageToken': (string);
  /**
   * Only orders with this status; unset or ORDER_STATUS_UNSPECIFIED means every status.
   */
  'status'?: (_shop_orders_v1_OrderStatus__Output);
  '_status'?: "status";
}
