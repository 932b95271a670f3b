// Original file: contracts/orders.proto


/**
 * Request of BatchGetOrders.
 */
export interface BatchGetOrdersRequest {
  /**
   * Ids of the orders to read: 1..100 non-empty ids; duplicates are answered once.
   */
  'ids'?: (string)[];
}

/**
 * Request of BatchGetOrders.
 */
export interface BatchGetOrdersRequest__Output {
  /**
   * Ids of the orders to read: 1..100 non-empty ids; duplicates are answered once.
   */
  'ids': (string)[];
}
