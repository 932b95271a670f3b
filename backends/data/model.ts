/**
 * Records held by the reference backends. Each service exposes its own slice through its contract,
 * so a record is the contract's type (generated from contracts/ and named by the clients): the
 * backends store exactly what they serve.
 */
import type { Address, Profile, User } from '../../clients/accounts/types.ts';
import type { Category, Product } from '../../clients/catalog/types.ts';
import type { Order, OrderItem } from '../../clients/orders/types.ts';

/** A user's profile (accounts `Profile`). */
export type ProfileRecord = Profile;
/** A user with its profile (accounts `User`). */
export type UserRecord = User;
/** A postal address (accounts `Address`). */
export type AddressRecord = Address;
/** A product category (catalog `Category`). */
export type CategoryRecord = Category;
/** A product (catalog `Product`). */
export type ProductRecord = Product;

export interface StockRecord {
  sku: string;
  available: number;
  warehouse: string;
  /** Price in US cents; the inventory service converts to other currencies. */
  priceCents: number;
}

/** One line of an order (orders `OrderItem`). */
export type OrderItemRecord = OrderItem;
/** An order (orders `Order`). */
export type OrderRecord = Order;

/** The whole shop. Mutations (profile updates, new orders, stock taken) change it in place. */
export interface Dataset {
  users: Map<string, UserRecord>;
  addressesByUser: Map<string, AddressRecord[]>;
  categories: Map<string, CategoryRecord>;
  products: Map<string, ProductRecord>;
  /** Products in catalog order (the order search pages through). */
  productList: ProductRecord[];
  stock: Map<string, StockRecord>;
  orders: Map<string, OrderRecord>;
  /** Each user's orders, newest first. */
  ordersByUser: Map<string, OrderRecord[]>;
}
