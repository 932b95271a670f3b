import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { HomeModel as HomeModelModel } from '../models.ts';
import type { Product as ProductModel } from '../../../clients/catalog/catalog-client.ts';
import type { Order as OrderModel } from '../../../clients/orders/orders-client.ts';
import type { GatewayContext } from '../../../src/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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
  /** Status as text: PENDING `Awaiting payment`, PAID `Preparing`, SHIPPED `On its way`, DELIVERED `Delivered`, CANCELLED `Cancelled`. */
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
  /** Price formatted in the viewer's locale and currency, e.g. `12,34 €`. Null when inventory, or accounts for a signed-in viewer's currency, cannot answer. */
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
  /** Price formatted in the viewer's locale and currency. Null when inventory, or accounts for a signed-in viewer's currency, cannot answer. */
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



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Home: ResolverTypeWrapper<HomeModelModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderLineInput: OrderLineInput;
  OrderStatus: OrderStatus;
  OrderSummary: ResolverTypeWrapper<OrderModel>;
  OrderSummaryConnection: ResolverTypeWrapper<Omit<OrderSummaryConnection, 'nodes'> & { nodes: Array<ResolversTypes['OrderSummary']> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProductCard: ResolverTypeWrapper<ProductModel>;
  ProductCardConnection: ResolverTypeWrapper<Omit<ProductCardConnection, 'nodes'> & { nodes: Array<ResolversTypes['ProductCard']> }>;
  ProductDetail: ResolverTypeWrapper<ProductModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Home: HomeModelModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  OrderLineInput: OrderLineInput;
  OrderSummary: OrderModel;
  OrderSummaryConnection: Omit<OrderSummaryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['OrderSummary']> };
  PageInfo: PageInfo;
  ProductCard: ProductModel;
  ProductCardConnection: Omit<ProductCardConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['ProductCard']> };
  ProductDetail: ProductModel;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['String']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HomeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Home'] = ResolversParentTypes['Home']> = {
  featured?: Resolver<Maybe<Array<ResolversTypes['ProductCard']>>, ParentType, ContextType, RequireFields<HomeFeaturedArgs, 'first'>>;
  greeting?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recentOrders?: Resolver<Maybe<Array<ResolversTypes['OrderSummary']>>, ParentType, ContextType, RequireFields<HomeRecentOrdersArgs, 'first'>>;
};

export type MoneyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  reorder?: Resolver<ResolversTypes['OrderSummary'], ParentType, ContextType, RequireFields<MutationReorderArgs, 'idempotencyKey' | 'orderId'>>;
};

export type OrderSummaryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderSummary'] = ResolversParentTypes['OrderSummary']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  statusLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  thumbnailUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<OrderSummaryThumbnailUrlArgs, 'size'>>;
  totalLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrderSummaryConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderSummaryConnection'] = ResolversParentTypes['OrderSummaryConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['OrderSummary']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductCardResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductCard'] = ResolversParentTypes['ProductCard']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inStock?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  thumbnailUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ProductCardThumbnailUrlArgs, 'size'>>;
};

export type ProductCardConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductCardConnection'] = ResolversParentTypes['ProductCardConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ProductCard']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductDetailResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductDetail'] = ResolversParentTypes['ProductDetail']> = {
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categoryName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ProductDetailImageUrlArgs, 'width'>>;
  inStock?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stockLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  home?: Resolver<ResolversTypes['Home'], ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderSummaryConnection']>, ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
  product?: Resolver<Maybe<ResolversTypes['ProductDetail']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  search?: Resolver<ResolversTypes['ProductCardConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'text'>>;
};

export type Resolvers<ContextType = GatewayContext> = {
  DateTime?: GraphQLScalarType;
  Home?: HomeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderSummary?: OrderSummaryResolvers<ContextType>;
  OrderSummaryConnection?: OrderSummaryConnectionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductCard?: ProductCardResolvers<ContextType>;
  ProductCardConnection?: ProductCardConnectionResolvers<ContextType>;
  ProductDetail?: ProductDetailResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
