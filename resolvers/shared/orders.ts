import type { Order } from '../../clients/orders/orders-client.ts';
import type { GatewayContext } from '../../src/context.ts';
import { intInRange } from './arguments.ts';

/** Arguments of a paged order list. */
export interface OrderPageArgs {
  first?: number | null;
  after?: string | null;
  status?: Order['status'] | null;
}

/** One page of a user's orders as a connection; the orders are primed into the per-request loader. */
export async function orderConnection(userId: string, args: OrderPageArgs, maxPageSize: number, context: GatewayContext) {
  const page = await context.clients.orders.listOrdersByUser(
    {
      userId,
      pageSize: intInRange(args.first, 10, 1, maxPageSize, 'first'),
      ...(args.after ? { pageToken: args.after } : {}),
      ...(args.status ? { status: args.status } : {}),
    },
    context.call,
  );
  for (const order of page.orders) context.loaders.order.prime(order.id, order);
  return {
    nodes: page.orders,
    pageInfo: { hasNextPage: page.nextPageToken !== '', endCursor: page.nextPageToken || null },
    totalCount: page.totalSize,
  };
}

/** Units across all lines of an order. */
export function itemCountOf(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity, 0);
}
