import type { ProductResolvers, StockLevelResolvers } from './__generated__/resolvers-types.ts';
import { sizedImageUrl } from '../shared/images.ts';
import { priceOf, stockOf } from '../shared/products.ts';

/** A catalog product with live price and stock from inventory. */
export const Product: ProductResolvers = {
  imageUrl: (product, { width }) => sizedImageUrl(product.imageUrl, width, 640, 32, 2048, 'width'),
  category: (product, _args, context) => context.loaders.category.load(product.categoryId),
  price: (product, _args, context) => priceOf(product, context),
  stock: (product, _args, context) => stockOf(product, context),
};

/** Stock of one SKU. */
export const StockLevel: StockLevelResolvers = {
  inStock: (stock) => stock.available > 0,
};
