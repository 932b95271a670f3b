/** Records held by the reference backends. Each service exposes its own slice through its contract. */

export interface ProfileRecord {
  displayName: string;
  bio: string;
  avatarUrl: string;
  /** BCP 47 language tag, e.g. `de-DE`. */
  locale: string;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  profile: ProfileRecord;
}

export interface AddressRecord {
  id: string;
  userId: string;
  label: string;
  line1: string;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  isDefault: boolean;
}

export interface CategoryRecord {
  id: string;
  name: string;
  slug: string;
}

export interface ProductRecord {
  id: string;
  sku: string;
  name: string;
  description: string;
  brand: string;
  categoryId: string;
  /** Base image URL; sizes are chosen by query parameter. */
  imageUrl: string;
  featured: boolean;
  createdAt: string;
}

export interface StockRecord {
  sku: string;
  available: number;
  warehouse: string;
  /** Price in US cents; the inventory service converts to other currencies. */
  priceCents: number;
}

export const ORDER_STATUSES = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItemRecord {
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export interface OrderRecord {
  id: string;
  userId: string;
  status: OrderStatus;
  createdAt: string;
  currency: string;
  items: OrderItemRecord[];
  totalCents: number;
}

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
