import type { QueryResolvers } from './__generated__/resolvers-types.ts';
import { intInRange, optionalText } from '../shared/arguments.ts';
import { nullIfNotFound } from '../shared/not-found.ts';
import { productConnection } from '../shared/products.ts';

/** Root fields of the web surface. */
export const Query: QueryResolvers = {
  me: (_root, _args, context) => (context.viewer ? context.loaders.user.load(context.viewer.id) : null),
  user: (_root, { id }, context) => nullIfNotFound(context.loaders.user.load(id)),
  product: (_root, { id }, context) => nullIfNotFound(context.loaders.product.load(id)),
  products: async (_root, { filter, first, after }, context) => {
    const text = optionalText(filter?.text);
    const categoryId = optionalText(filter?.categoryId);
    const page = await context.clients.catalog.searchProducts(
      { first: intInRange(first, 20, 1, 100, 'first'), ...(text ? { text } : {}), ...(categoryId ? { categoryId } : {}), ...(after ? { after } : {}) },
      context.call,
    );
    return productConnection(page, context);
  },
  order: (_root, { id }, context) => nullIfNotFound(context.loaders.order.load(id)),
};
