import type { Resolvers } from './__generated__/resolvers-types.ts';
import { DateTime } from '../shared/scalars.ts';
import { Query } from './query.ts';
import { Mutation } from './mutation.ts';
import { Home } from './home.ts';
import { ProductCard, ProductDetail } from './product.ts';
import { OrderSummary } from './order-summary.ts';

/** Every resolver of the mobile surface. */
export const mobileResolvers: Resolvers = { DateTime, Query, Mutation, Home, ProductCard, ProductDetail, OrderSummary };
