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

/** Whether a cached value may be shared between viewers (PUBLIC) or belongs to one viewer (PRIVATE). */
export type CacheControlScope =
  /** Cached per viewer only. */
  | 'PRIVATE'
  /** Shared by every viewer. */
  | 'PUBLIC';

/** The home screen. */
export type Home = {
  __typename?: 'Home';
  /** Products the shop features. Null when the catalog cannot answer. */
  featured?: Maybe<Array<ProductCard>>;
  /** A greeting for the viewer, e.g. `Hello, Ada` (`Welcome` when anonymous). Null when the accounts service cannot answer. */
  greeting?: Maybe<Scalars['String']['output']>;
  /** The viewer's latest orders (empty when anonymous). Null when the orders service cannot answer. */
  recentOrders?: Maybe<Array<OrderSummary>>;
};


/** The home screen. */
export type HomeFeaturedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The home screen. */
export type HomeRecentOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal amount as text, exact, e.g. `12.34` (no binary rounding). */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, e.g. `EUR`. */
  currency: Scalars['String']['output'];
};

/** Changes the mobile app can make. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Orders again what an earlier order of the viewer held. Retrying with the same idempotency key returns the same order. */
  reorder: OrderSummary;
};


/** Changes the mobile app can make. */
export type MutationReorderArgs = {
  idempotencyKey: Scalars['String']['input'];
  orderId: Scalars['ID']['input'];
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

/** An order as a list row, ready to display. */
export type OrderSummary = {
  __typename?: 'OrderSummary';
  /** Stable order id. */
  id: Scalars['ID']['output'];
  /** Number of units across all lines. */
  itemCount: Scalars['Int']['output'];
  /** When it was placed. */
  placedAt: Scalars['DateTime']['output'];
  /** Status as text, e.g. `On its way`. */
  statusLabel: Scalars['String']['output'];
  /** Thumbnail of the first item's product. Null when the catalog cannot answer. */
  thumbnailUrl?: Maybe<Scalars['String']['output']>;
  /** Total formatted in the viewer's locale, in the order's currency, e.g. `$42.00`. */
  totalLabel: Scalars['String']['output'];
};


/** An order as a list row, ready to display. */
export type OrderSummaryThumbnailUrlArgs = {
  size?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of order summaries. */
export type OrderSummaryConnection = {
  __typename?: 'OrderSummaryConnection';
  /** The orders of this page. */
  nodes: Array<OrderSummary>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many orders the viewer has, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Where a page of a cursor connection ends, and whether more follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; pass it as `after` to fetch the next page. Null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A product as a list card: only what a small screen shows, ready to display. */
export type ProductCard = {
  __typename?: 'ProductCard';
  /** Stable product id. */
  id: Scalars['ID']['output'];
  /** Whether it can be ordered now. Null when inventory cannot answer. */
  inStock?: Maybe<Scalars['Boolean']['output']>;
  /** Product name. */
  name: Scalars['String']['output'];
  /** Price formatted in the viewer's locale and currency, e.g. `12,34 €`. Null when inventory cannot answer. */
  priceLabel?: Maybe<Scalars['String']['output']>;
  /** Square thumbnail URL at the requested size. */
  thumbnailUrl: Scalars['String']['output'];
};


/** A product as a list card: only what a small screen shows, ready to display. */
export type ProductCardThumbnailUrlArgs = {
  size?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of product cards. */
export type ProductCardConnection = {
  __typename?: 'ProductCardConnection';
  /** The cards of this page. */
  nodes: Array<ProductCard>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many products match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** The product detail screen. */
export type ProductDetail = {
  __typename?: 'ProductDetail';
  /** Brand name. */
  brand: Scalars['String']['output'];
  /** Category name. Null when the catalog cannot answer. */
  categoryName?: Maybe<Scalars['String']['output']>;
  /** Long description. */
  description: Scalars['String']['output'];
  /** Stable product id. */
  id: Scalars['ID']['output'];
  /** Image URL at the requested width. */
  imageUrl: Scalars['String']['output'];
  /** Whether it can be ordered now. Null when inventory cannot answer. */
  inStock?: Maybe<Scalars['Boolean']['output']>;
  /** Product name. */
  name: Scalars['String']['output'];
  /** Price formatted in the viewer's locale and currency. Null when inventory cannot answer. */
  priceLabel?: Maybe<Scalars['String']['output']>;
  /** Availability as text, e.g. `Only 3 left`. Null when inventory cannot answer. */
  stockLabel?: Maybe<Scalars['String']['output']>;
};


/** The product detail screen. */
export type ProductDetailImageUrlArgs = {
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Entry points of the mobile app: one query per screen. */
export type Query = {
  __typename?: 'Query';
  /** Everything the home screen shows, in one round trip. */
  home: Home;
  /** The viewer's orders, newest first (signed-in viewers only). Null when the orders service cannot answer. */
  orders?: Maybe<OrderSummaryConnection>;
  /** The product detail screen; null when the product does not exist. */
  product?: Maybe<ProductDetail>;
  /** Search results, a page at a time. */
  search: ProductCardConnection;
};


/** Entry points of the mobile app: one query per screen. */
export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points of the mobile app: one query per screen. */
export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


/** Entry points of the mobile app: one query per screen. */
export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};

export type HomeScreenQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeScreenQuery = { home: { greeting: string | null, recentOrders: Array<{ id: string, statusLabel: string, itemCount: number, totalLabel: string, placedAt: string, thumbnailUrl: string | null }> | null, featured: Array<{ id: string, name: string, thumbnailUrl: string, priceLabel: string | null, inStock: boolean | null }> | null } };

export type ProductDetailScreenQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductDetailScreenQuery = { product: { id: string, name: string, brand: string, description: string, imageUrl: string, categoryName: string | null, priceLabel: string | null, inStock: boolean | null, stockLabel: string | null } | null };

export type SearchScreenQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchScreenQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, thumbnailUrl: string, priceLabel: string | null, inStock: boolean | null }> } };


export const HomeScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeScreen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"greeting"}},{"kind":"Field","name":{"kind":"Name","value":"recentOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalLabel"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"96"}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"featured"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"160"}}]},{"kind":"Field","name":{"kind":"Name","value":"priceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]}}]} as unknown as DocumentNode<HomeScreenQuery, HomeScreenQueryVariables>;
export const ProductDetailScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductDetailScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"width"},"value":{"kind":"IntValue","value":"750"}}]},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"priceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"stockLabel"}}]}}]}}]} as unknown as DocumentNode<ProductDetailScreenQuery, ProductDetailScreenQueryVariables>;
export const SearchScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"160"}}]},{"kind":"Field","name":{"kind":"Name","value":"priceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]}}]} as unknown as DocumentNode<SearchScreenQuery, SearchScreenQueryVariables>;