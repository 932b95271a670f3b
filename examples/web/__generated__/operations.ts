/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in UTC, written as an ISO 8601 string, e.g. `2025-03-01T12:00:00.000Z`. */
  DateTime: { input: string; output: string; }
};

/** A delivery address. */
export type Address = {
  __typename?: 'Address';
  /** City. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['output'];
  /** Stable address id. */
  id: Scalars['ID']['output'];
  /** Whether orders ship here unless told otherwise. */
  isDefault: Scalars['Boolean']['output'];
  /** The user's name for it, e.g. Home. */
  label: Scalars['String']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** Postal code. */
  postalCode: Scalars['String']['output'];
};

/** Whether a cached value may be shared between viewers (PUBLIC) or belongs to one viewer (PRIVATE). */
export type CacheControlScope =
  /** Cached per viewer only. */
  | 'PRIVATE'
  /** Shared by every viewer. */
  | 'PUBLIC';

/** A product category. */
export type Category = {
  __typename?: 'Category';
  /** Stable category id. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** URL-friendly name. */
  slug: Scalars['String']['output'];
};

/** An amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal amount as text, exact, e.g. `12.34` (no binary rounding). */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, e.g. `EUR`. */
  currency: Scalars['String']['output'];
};

/** Changes the web shop can make. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Places an order for the viewer. Retrying with the same idempotency key returns the same order. */
  placeOrder: Order;
  /** Changes the viewer's profile; returns the updated user. */
  updateProfile: User;
};


/** Changes the web shop can make. */
export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


/** Changes the web shop can make. */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** An order, as the orders service holds it. */
export type Order = {
  __typename?: 'Order';
  /** When it was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** Who placed it; back office only (admin). Null when the accounts service cannot answer. */
  customer?: Maybe<User>;
  /** Stable order id. */
  id: Scalars['ID']['output'];
  /** Number of units across all lines. */
  itemCount: Scalars['Int']['output'];
  /** The order's lines. */
  items: Array<OrderItem>;
  /** Where the order is in its life. */
  status: OrderStatus;
  /** What the whole order cost. */
  total: Money;
};

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page. */
  nodes: Array<Order>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many orders match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One line of an order. */
export type OrderItem = {
  __typename?: 'OrderItem';
  /** The product bought. Null when the catalog cannot answer. */
  product?: Maybe<Product>;
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** Stock keeping unit of the product. */
  sku: Scalars['String']['output'];
  /** Price of one unit when the order was placed. */
  unitPrice: Money;
};

/** One product and how many of it, when placing an order. */
export type OrderLineInput = {
  /** The product to buy. */
  productId: Scalars['ID']['input'];
  /** How many, 1 to 99. */
  quantity: Scalars['Int']['input'];
};

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled; nothing will ship. */
  | 'CANCELLED'
  /** Arrived. */
  | 'DELIVERED'
  /** Paid, waiting to ship. */
  | 'PAID'
  /** Placed, not yet paid. */
  | 'PENDING'
  /** On its way. */
  | 'SHIPPED';

/** Where a page of a cursor connection ends, and whether more follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; pass it as `after` to fetch the next page. Null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** An order to place. */
export type PlaceOrderInput = {
  /** A key the client makes once per order (e.g. a UUID) and reuses on retry: the same key never creates a second order. */
  idempotencyKey: Scalars['String']['input'];
  /** The lines, 1 to 50. */
  items: Array<OrderLineInput>;
};

/** A product of the catalog, with its live price and stock from inventory. */
export type Product = {
  __typename?: 'Product';
  /** Brand name. */
  brand: Scalars['String']['output'];
  /** The product's category. Null when the catalog cannot answer. */
  category?: Maybe<Category>;
  /** Long description. */
  description: Scalars['String']['output'];
  /** Whether the shop features it on its front page. */
  featured: Scalars['Boolean']['output'];
  /** Stable product id. */
  id: Scalars['ID']['output'];
  /** Image URL at the requested width. */
  imageUrl: Scalars['String']['output'];
  /** Product name. */
  name: Scalars['String']['output'];
  /** Current price in the viewer's currency (USD when anonymous). Null when inventory cannot answer. */
  price?: Maybe<Money>;
  /** Stock keeping unit. */
  sku: Scalars['String']['output'];
  /** Current stock. Null when inventory cannot answer. */
  stock?: Maybe<StockLevel>;
};


/** A product of the catalog, with its live price and stock from inventory. */
export type ProductImageUrlArgs = {
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page. */
  nodes: Array<Product>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many products match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** What a product search matches. */
export type ProductFilter = {
  /** Only products of this category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Case-insensitive text found in the product's name or brand. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** A user's public face and regional settings. */
export type Profile = {
  __typename?: 'Profile';
  /** Picture URL. */
  avatarUrl: Scalars['String']['output'];
  /** A short text about the user. */
  bio: Scalars['String']['output'];
  /** ISO 4217 currency prices are shown in, e.g. `EUR`. */
  currency: Scalars['String']['output'];
  /** Name shown to others. */
  displayName: Scalars['String']['output'];
  /** BCP 47 language tag used to format numbers, prices and dates, e.g. `de-DE`. */
  locale: Scalars['String']['output'];
};

/** Entry points of the web shop and back office. */
export type Query = {
  __typename?: 'Query';
  /** The signed-in viewer; null when the request is anonymous. */
  me?: Maybe<User>;
  /** One order, by id: its owner or an admin only. */
  order?: Maybe<Order>;
  /** One product, by id; null when it does not exist. */
  product?: Maybe<Product>;
  /** Products matching a filter, a page at a time. */
  products: ProductConnection;
  /** Any user, by id. Back office only (admin). */
  user?: Maybe<User>;
};


/** Entry points of the web shop and back office. */
export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


/** Entry points of the web shop and back office. */
export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


/** Entry points of the web shop and back office. */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points of the web shop and back office. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** How much of a product is in stock. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** Units that can be ordered now. */
  available: Scalars['Int']['output'];
  /** Whether at least one unit can be ordered. */
  inStock: Scalars['Boolean']['output'];
  /** Warehouse that ships it. */
  warehouse: Scalars['String']['output'];
};

/** Profile fields to change; absent fields keep their value. */
export type UpdateProfileInput = {
  /** A short text, at most 280 characters. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217 currency: USD, EUR, GBP or JPY. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to others, 1 to 60 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** BCP 47 language tag, e.g. `fr-FR`. */
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** A shop customer, as the accounts service knows them. */
export type User = {
  __typename?: 'User';
  /** Delivery addresses, the default first. Null when the accounts service cannot answer. */
  addresses?: Maybe<Array<Address>>;
  /** Login and contact e-mail. */
  email: Scalars['String']['output'];
  /** Stable user id. */
  id: Scalars['ID']['output'];
  /** When the account was created. */
  memberSince: Scalars['DateTime']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** The user's orders, newest first. Null when the orders service cannot answer. */
  orders?: Maybe<OrderConnection>;
  /** What the user chose to show and their regional settings. */
  profile: Profile;
};


/** A shop customer, as the accounts service knows them. */
export type UserOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrderStatus>;
};

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled; nothing will ship. */
  | 'CANCELLED'
  /** Arrived. */
  | 'DELIVERED'
  /** Paid, waiting to ship. */
  | 'PAID'
  /** Placed, not yet paid. */
  | 'PENDING'
  /** On its way. */
  | 'SHIPPED';

export type OrderHistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrderHistoryQuery = { me: { id: string, name: string, profile: { displayName: string, currency: string }, orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: OrderStatus, createdAt: string, itemCount: number, total: { amount: string, currency: string }, items: Array<{ quantity: number, sku: string, unitPrice: { amount: string, currency: string }, product: { id: string, name: string, imageUrl: string, price: { amount: string, currency: string } | null, stock: { available: number, inStock: boolean } | null } | null }> }> } | null } | null };

export type ProductPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductPageQuery = { product: { id: string, sku: string, name: string, description: string, brand: string, imageUrl: string, category: { id: string, name: string } | null, price: { amount: string, currency: string } | null, stock: { available: number, inStock: boolean, warehouse: string } | null } | null };


export const OrderHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"width"},"value":{"kind":"IntValue","value":"120"}}]},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderHistoryQuery, OrderHistoryQueryVariables>;
export const ProductPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"width"},"value":{"kind":"IntValue","value":"1024"}}]},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"}}]}}]}}]}}]} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;