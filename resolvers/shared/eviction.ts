import type { Order } from '../../clients/orders/orders-client.ts';
import type { GatewayContext } from '../../src/context.ts';

/** After an order is placed: the viewer's cached lists and the stock of what they bought are stale. */
export async function evictAfterOrder(context: GatewayContext, viewerId: string, order: Order): Promise<void> {
  await Promise.all([context.invalidate.viewerChanged(viewerId), context.invalidate.stockChanged(order.items.map((item) => item.productId))]);
}
