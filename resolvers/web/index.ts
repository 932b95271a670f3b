import type { Resolvers } from './__generated__/resolvers-types.ts';
import { DateTime } from '../shared/scalars.ts';
import { Query } from './query.ts';
import { Mutation } from './mutation.ts';
import { User } from './user.ts';
import { Order, OrderItem } from './order.ts';
import { Product, StockLevel } from './product.ts';

/** Every resolver of the web surface. */
export const webResolvers: Resolvers = { DateTime, Query, Mutation, User, Order, OrderItem, Product, StockLevel };
