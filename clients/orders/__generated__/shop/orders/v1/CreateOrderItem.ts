// Original file: contracts/orders.proto


/**
 * One line of a CreateOrderRequest.
 */
export interface CreateOrderItem {
  /**
   * Catalog product id; must exist.
   */
  'productId'?: (string);
  /**
   * Units to order, 1..99.
   */
  'quantity'?: (number);
}

/**
 * One line of a CreateOrderRequest.
 */
export interface CreateOrderItem__Output {
  /**
   * Catalog product id; must exist.
   */
  'productId': (string);
  /**
   * Units to order, 1..99.
   */
  'quantity': (number);
}
