import type { OrderSummaryResolvers } from './__generated__/resolvers-types.ts';
import { sizedImageUrl } from '../shared/images.ts';
import { formatMoney, fromMinorUnits } from '../shared/money.ts';
import { itemCountOf } from '../shared/orders.ts';
import { DEFAULT_REGION } from '../../src/region.ts';

/** The labels the schema documents on `OrderSummary.statusLabel`. */
const STATUS_LABELS: Readonly<Record<string, string>> = {
  PENDING: 'Awaiting payment',
  PAID: 'Preparing',
  SHIPPED: 'On its way',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

/** An order as a list row, ready to show. */
export const OrderSummary: OrderSummaryResolvers = {
  statusLabel: (order) => STATUS_LABELS[order.status] ?? 'Processing',
  placedAt: (order) => order.createdAt,
  itemCount: (order) => itemCountOf(order),
  // The amount and currency are the order's own; only the number format is the viewer's, so when
  // their profile cannot be read (never cached: OrderSummary has no max age) en-US formatting is shown.
  totalLabel: async (order, _args, context) =>
    formatMoney(fromMinorUnits(order.totalCents, order.currency), (await context.region().catch(() => DEFAULT_REGION)).locale),
  thumbnailUrl: async (order, { size }, context) => {
    const first = order.items[0];
    if (!first) return null;
    const product = await context.loaders.product.load(first.productId);
    return sizedImageUrl(product.imageUrl, size, 96, 32, 1024, 'size');
  },
};
