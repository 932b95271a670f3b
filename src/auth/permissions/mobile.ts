import { allow, and, or } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasScope, isAdminViewer, isAuthenticated, isOrderOwner, ownsOrderArgument } from '../rules.ts';

/**
 * Who may read what on the mobile surface. Deny is the fallback: every type is listed with an
 * explicit decision, enforced by the coverage check.
 */
export const mobilePermissions: IRules = {
  Query: {
    home: allow,
    product: allow,
    search: allow,
    orders: isAuthenticated,
  },
  Mutation: {
    reorder: and(isAuthenticated, hasScope('orders:write'), ownsOrderArgument('orderId')),
  },
  Home: allow,
  OrderSummary: or(isOrderOwner, isAdminViewer),
  OrderSummaryConnection: allow,
  ProductCard: allow,
  ProductDetail: allow,
  ProductCardConnection: allow,
  PageInfo: allow,
  Money: allow,
};
