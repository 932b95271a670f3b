import { UpstreamError } from '../errors.ts';
import type { Order__Output } from './__generated__/shop/orders/v1/Order.ts';
import type { OrderItem__Output } from './__generated__/shop/orders/v1/OrderItem.ts';
import { OrderStatus as OrderStatusValues, type OrderStatus__Output } from './__generated__/shop/orders/v1/OrderStatus.ts';

/** Status of an order as the client returns it: the contract's values minus the unset zero value. */
export type OrderStatus = Exclude<OrderStatus__Output, 'ORDER_STATUS_UNSPECIFIED'>;

/** One line of an order (contracts/orders.proto `OrderItem`, camelCase, amounts in cents as numbers). */
export type OrderItem = OrderItem__Output;

/** An order (contracts/orders.proto `Order`, camelCase); `status` is always a real status. */
export interface Order extends Omit<Order__Output, 'status' | 'items'> {
  status: OrderStatus;
  items: OrderItem[];
}

/** Every {@link OrderStatus}, in contract order. */
export const ORDER_STATUSES: readonly OrderStatus[] = Object.values(OrderStatusValues).filter(
  (value): value is OrderStatus => value !== OrderStatusValues.ORDER_STATUS_UNSPECIFIED,
);

/** Narrows a decoded order; a status the contract does not allow on an order is a broken response. */
export function toOrder(order: Order__Output, operation: string): Order {
  const { status } = order;
  if (!(ORDER_STATUSES as readonly string[]).includes(status)) {
    throw new UpstreamError(`order ${order.id} has no valid status (${String(status)})`, { service: 'orders', code: 'BAD_RESPONSE', operation });
  }
  return { ...order, status: status as OrderStatus };
}
