import type { QueryResolvers } from './__generated__/resolvers-types.ts';
import { requireViewer } from '../shared/access.ts';
import { badInput, intInRange, optionalText } from '../shared/arguments.ts';
import { nullIfNotFound } from '../shared/not-found.ts';
import { orderConnection } from '../shared/orders.ts';
import { productConnection } from '../shared/products.ts';

/** Root fields of the mobile surface: one per screen. */
export const Query: QueryResolvers = {
  home: () => ({ id: 'home' }),
  product: (_root, { id }, context) => nullIfNotFound(context.loaders.product.load(id)),
  search: async (_root, { text, first, after }, context) => {
    const query = optionalText(text);
    if (!query) throw badInput('text', 'must not be empty');
    const page = await context.clients.catalog.searchProducts(
      { text: query, first: intInRange(first, 20, 1, 50, 'first'), ...(after ? { after } : {}) },
      context.call,
    );
    return productConnection(page, context);
  },
  orders: (_root, args, context) => orderConnection(requireViewer(context).id, args, 50, context),
};
