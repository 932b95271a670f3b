import type { MutationResolvers } from './__generated__/resolvers-types.ts';
import { requireViewer } from '../shared/access.ts';
import { badInput } from '../shared/arguments.ts';
import { nullIfNotFound } from '../shared/not-found.ts';
import { idempotencyKey } from '../shared/order-input.ts';
import { evictAfterOrder } from '../shared/eviction.ts';

/** Mutations of the mobile surface. */
export const Mutation: MutationResolvers = {
  reorder: async (_root, { orderId, idempotencyKey: key }, context) => {
    const viewer = requireViewer(context);
    const checkedKey = idempotencyKey(key, 'idempotencyKey');
    const previous = await nullIfNotFound(context.loaders.order.load(orderId));
    if (!previous) throw badInput('orderId', 'no such order');
    const order = await context.clients.orders.createOrder(
      {
        userId: viewer.id,
        items: previous.items.map((item) => ({ productId: item.productId, quantity: item.quantity })),
        idempotencyKey: checkedKey,
      },
      context.call,
    );
    await evictAfterOrder(context, viewer.id, order);
    return order;
  },
};
