// Original file: contracts/orders.proto

/**
 * Where an order is in its life. The values after the zero value are the shop's own status
 * names, unprefixed, so they read the same in every layer.
 */
export const OrderStatus = {
  /**
   * Not set. Never stored on an order; as a filter it means "any status".
   */
  ORDER_STATUS_UNSPECIFIED: 'ORDER_STATUS_UNSPECIFIED',
  /**
   * Placed, not paid yet. Every new order starts here.
   */
  PENDING: 'PENDING',
  /**
   * Paid, waiting to be shipped.
   */
  PAID: 'PAID',
  /**
   * Handed to the carrier.
   */
  SHIPPED: 'SHIPPED',
  /**
   * Received by the customer.
   */
  DELIVERED: 'DELIVERED',
  /**
   * Cancelled before delivery.
   */
  CANCELLED: 'CANCELLED',
} as const;

/**
 * Where an order is in its life. The values after the zero value are the shop's own status
 * names, unprefixed, so they read the same in every layer.
 */
export type OrderStatus =
  /**
   * Not set. Never stored on an order; as a filter it means "any status".
   */
  | 'ORDER_STATUS_UNSPECIFIED'
  | 0
  /**
   * Placed, not paid yet. Every new order starts here.
   */
  | 'PENDING'
  | 1
  /**
   * Paid, waiting to be shipped.
   */
  | 'PAID'
  | 2
  /**
   * Handed to the carrier.
   */
  | 'SHIPPED'
  | 3
  /**
   * Received by the customer.
   */
  | 'DELIVERED'
  | 4
  /**
   * Cancelled before delivery.
   */
  | 'CANCELLED'
  | 5

/**
 * Where an order is in its life. The values after the zero value are the shop's own status
 * names, unprefixed, so they read the same in every layer.
 */
export type OrderStatus__Output = typeof OrderStatus[keyof typeof OrderStatus]
