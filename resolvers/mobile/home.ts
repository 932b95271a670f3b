import type { HomeResolvers } from './__generated__/resolvers-types.ts';
import { intInRange } from '../shared/arguments.ts';

/** The home screen: each field comes from its own backend, all in one round trip. */
export const Home: HomeResolvers = {
  greeting: async (_home, _args, context) => {
    if (!context.viewer) return 'Welcome';
    const user = await context.loaders.user.load(context.viewer.id);
    return `Hello, ${user.profile.displayName}`;
  },
  recentOrders: async (_home, { first }, context) => {
    if (!context.viewer) return [];
    const page = await context.clients.orders.listOrdersByUser(
      { userId: context.viewer.id, pageSize: intInRange(first, 3, 1, 10, 'first') },
      context.call,
    );
    for (const order of page.orders) context.loaders.order.prime(order.id, order);
    return page.orders;
  },
  featured: async (_home, { first }, context) => {
    const products = await context.clients.catalog.featuredProducts(intInRange(first, 10, 1, 20, 'first'), context.call);
    for (const product of products) context.loaders.product.prime(product.id, product);
    return products;
  },
};
