import type { OrderItem } from '../../clients/orders/orders-client.ts';

/** An order line with its order's currency, so its prices can be shaped on their own. */
export interface OrderLine extends OrderItem {
  readonly currency: string;
}
