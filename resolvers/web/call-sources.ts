import type { CallSource, CallSources } from '../../src/limits/call-plan.ts';

const viewer: CallSource = { service: 'accounts', method: 'GET /users', batched: true, viewerKey: true };
const stock: CallSource = { service: 'inventory', method: 'GetStockLevels', batched: true };

/**
 * The backend calls of the web resolvers, by field, for the call plan (`npm run cost`). Prices
 * and stock are read in the viewer's currency, so they also read the viewer once.
 */
export const webCallSources: CallSources = {
  'Query.me': [viewer],
  'Query.user': [{ service: 'accounts', method: 'GET /users', batched: true }],
  'Query.product': [{ service: 'catalog', method: 'GET /products', batched: true }],
  'Query.products': [{ service: 'catalog', method: 'GET /products/search', batched: false }],
  'Query.order': [{ service: 'orders', method: 'BatchGetOrders', batched: true }],
  'User.addresses': [{ service: 'accounts', method: 'GET /addresses', batched: true }],
  'User.orders': [{ service: 'orders', method: 'ListOrdersByUser', batched: false }],
  'Order.customer': [{ service: 'accounts', method: 'GET /users', batched: true }],
  'OrderItem.product': [{ service: 'catalog', method: 'GET /products', batched: true }],
  'Product.category': [{ service: 'catalog', method: 'GET /categories', batched: true }],
  'Product.price': [stock, viewer],
  'Product.stock': [stock, viewer],
  'Mutation.placeOrder': [{ service: 'orders', method: 'CreateOrder', batched: false }],
  'Mutation.updateProfile': [{ service: 'accounts', method: 'PATCH /users/{id}/profile', batched: false }],
};
