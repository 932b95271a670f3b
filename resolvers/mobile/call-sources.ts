import type { CallSource, CallSources } from '../../src/limits/call-plan.ts';

const viewer: CallSource = { service: 'accounts', method: 'GET /users', batched: true, viewerKey: true };
const stock: CallSource = { service: 'inventory', method: 'GetStockLevels', batched: true };
const product: CallSource = { service: 'catalog', method: 'GET /products', batched: true };

/**
 * The backend calls of the mobile resolvers, by field, for the call plan (`npm run cost`).
 * Labels formatted for the viewer (prices, totals) and stock in the viewer's currency also read
 * the viewer once.
 */
export const mobileCallSources: CallSources = {
  'Query.product': [product],
  'Query.search': [{ service: 'catalog', method: 'GET /products/search', batched: false }],
  'Query.orders': [{ service: 'orders', method: 'ListOrdersByUser', batched: false }],
  'Home.greeting': [viewer],
  'Home.recentOrders': [{ service: 'orders', method: 'ListOrdersByUser', batched: false }],
  'Home.featured': [{ service: 'catalog', method: 'GET /products/featured', batched: false }],
  'OrderSummary.totalLabel': [viewer],
  'OrderSummary.thumbnailUrl': [product],
  'ProductCard.priceLabel': [stock, viewer],
  'ProductCard.inStock': [stock, viewer],
  'ProductDetail.categoryName': [{ service: 'catalog', method: 'GET /categories', batched: true }],
  'ProductDetail.priceLabel': [stock, viewer],
  'ProductDetail.inStock': [stock, viewer],
  'ProductDetail.stockLabel': [stock, viewer],
  'Mutation.reorder': [
    { service: 'orders', method: 'BatchGetOrders', batched: true },
    { service: 'orders', method: 'CreateOrder', batched: false },
  ],
};
