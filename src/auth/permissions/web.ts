import { allow, and, or } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasScope, isAdminViewer, isAuthenticated, isOrderOwner, isSelf, ownsOrderArgument } from '../rules.ts';

/**
 * Who may read what on the web surface. Deny is the fallback: every type of the schema is
 * listed here with an explicit decision (a type-wide `allow` is one), which the coverage check
 * enforces at start-up and in the tests.
 */
export const webPermissions: IRules = {
  Query: {
    me: allow,
    user: isAdminViewer,
    product: allow,
    products: allow,
    order: ownsOrderArgument('id'),
  },
  Mutation: {
    placeOrder: and(isAuthenticated, hasScope('orders:write')),
    updateProfile: and(isAuthenticated, hasScope('profile:write')),
  },
  User: or(isSelf, isAdminViewer),
  Profile: allow,
  Address: allow,
  Order: { '*': or(isOrderOwner, isAdminViewer), customer: isAdminViewer },
  OrderItem: allow,
  OrderConnection: allow,
  Product: allow,
  ProductConnection: allow,
  StockLevel: allow,
  Category: allow,
  Money: allow,
  PageInfo: allow,
};
