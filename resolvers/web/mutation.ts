import type { MutationResolvers } from './__generated__/resolvers-types.ts';
import { requireViewer } from '../shared/access.ts';
import { badInput, optionalText } from '../shared/arguments.ts';
import { orderLines, idempotencyKey } from '../shared/order-input.ts';
import { evictAfterOrder } from '../shared/eviction.ts';

/** Mutations of the web surface. */
export const Mutation: MutationResolvers = {
  placeOrder: async (_root, { input }, context) => {
    const viewer = requireViewer(context);
    const order = await context.clients.orders.createOrder(
      { userId: viewer.id, items: orderLines(input.items, 'input.items'), idempotencyKey: idempotencyKey(input.idempotencyKey, 'input.idempotencyKey') },
      context.call,
    );
    await evictAfterOrder(context, viewer.id, order);
    return order;
  },
  updateProfile: async (_root, { input }, context) => {
    const viewer = requireViewer(context);
    const patch = Object.fromEntries(
      (['displayName', 'bio', 'locale', 'currency'] as const).flatMap((field) => {
        const value = field === 'bio' ? (input.bio ?? undefined) : optionalText(input[field]);
        return value === undefined ? [] : [[field, value]];
      }),
    );
    if (Object.keys(patch).length === 0) throw badInput('input', 'name at least one field to change');
    const user = await context.clients.accounts.updateProfile(viewer.id, patch, context.call);
    await context.invalidate.viewerChanged(viewer.id);
    context.loaders.user.clear(viewer.id).prime(viewer.id, user);
    return user;
  },
};
