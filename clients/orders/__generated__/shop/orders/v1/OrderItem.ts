// Original file: contracts/orders.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One line of an order: a product, how many, and the price it was sold at.
 */
export interface OrderItem {
  /**
   * Catalog product id, e.g. "p42".
   */
  'productId'?: (string);
  /**
   * Stock keeping unit of the product, e.g. "SKU-000042" (the inventory service's key).
   */
  'sku'?: (string);
  /**
   * Units ordered, 1..99.
   */
  'quantity'?: (number);
  /**
   * Price of one unit when the order was placed, in cents of the order's currency.
   */
  'unitPriceCents'?: (number | string | Long);
}

/**
 * One line of an order: a product, how many, and the price it was sold at.
 */
export interface OrderItem__Output {
  /**
   * Catalog product id, e.g. "p42".
   */
  'productId': (string);
  /**
   * Stock keeping unit of the product, e.g. "SKU-000042" (the inventory service's key).
   */
  'sku': (string);
  /**
   * Units ordered, 1..99.
   */
  'quantity': (number);
  /**
   * Price of one unit when the order was placed, in cents of the order's currency.
   */
  'unitPriceCents': (number);
}
