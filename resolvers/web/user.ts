import type { UserResolvers } from './__generated__/resolvers-types.ts';
import { orderConnection } from '../shared/orders.ts';

/** A user: accounts data, with addresses and orders fetched on demand. */
export const User: UserResolvers = {
  memberSince: (user) => user.createdAt,
  addresses: (user, _args, context) => context.loaders.addresses.load(user.id),
  orders: (user, args, context) => orderConnection(user.id, args, 100, context),
};
