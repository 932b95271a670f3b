import type { ProductCardResolvers, ProductDetailResolvers } from './__generated__/resolvers-types.ts';
import { sizedImageUrl } from '../shared/images.ts';
import { inStockOf, priceLabelOf, stockOf } from '../shared/products.ts';

const LOW_STOCK = 5;

/** A product as a list card. */
export const ProductCard: ProductCardResolvers = {
  thumbnailUrl: (product, { size }) => sizedImageUrl(product.imageUrl, size, 160, 32, 1024, 'size'),
  priceLabel: (product, _args, context) => priceLabelOf(product, context),
  inStock: (product, _args, context) => inStockOf(product, context),
};

/** A product as the detail screen shows it. */
export const ProductDetail: ProductDetailResolvers = {
  imageUrl: (product, { width }) => sizedImageUrl(product.imageUrl, width, 750, 32, 2048, 'width'),
  categoryName: async (product, _args, context) => (await context.loaders.category.load(product.categoryId)).name,
  priceLabel: (product, _args, context) => priceLabelOf(product, context),
  inStock: (product, _args, context) => inStockOf(product, context),
  stockLabel: async (product, _args, context) => {
    const { available } = await stockOf(product, context);
    if (available === 0) return 'Out of stock';
    return available <= LOW_STOCK ? `Only ${available} left` : 'In stock';
  },
};
