// Original file: contracts/orders.proto


/**
 * Request of GetOrder.
 */
export interface GetOrderRequest {
  /**
   * Id of the order to read; required.
   */
  'id'?: (string);
}

/**
 * Request of GetOrder.
 */
export interface GetOrderRequest__Output {
  /**
   * Id of the order to read; required.
   */
  'id': (string);
}
