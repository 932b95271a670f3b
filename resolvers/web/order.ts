import type { OrderItemResolvers, OrderResolvers } from './__generated__/resolvers-types.ts';
import { fromMinorUnits } from '../shared/money.ts';
import { itemCountOf } from '../shared/orders.ts';

/** An order from the orders service. */
export const Order: OrderResolvers = {
  total: (order) => fromMinorUnits(order.totalCents, order.currency),
  itemCount: (order) => itemCountOf(order),
  items: (order) => order.items.map((item) => ({ ...item, currency: order.currency })),
  customer: (order, _args, context) => context.loaders.user.load(order.userId),
};

/** One line of an order; its product comes from the catalog. */
export const OrderItem: OrderItemResolvers = {
  unitPrice: (line) => fromMinorUnits(line.unitPriceCents, line.currency),
  product: (line, _args, context) => context.loaders.product.load(line.productId),
};
