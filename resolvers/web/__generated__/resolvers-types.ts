import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, Address as AddressModel } from '../../../clients/accounts/accounts-client.ts';
import type { Product as ProductModel, Category as CategoryModel } from '../../../clients/catalog/catalog-client.ts';
import type { Order as OrderModel } from '../../../clients/orders/orders-client.ts';
import type { OrderLine as OrderLineModel } from '../../shared/models.ts';
import type { StockLevel as StockLevelModel } from '../../../clients/inventory/inventory-client.ts';
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
  /** A key the client makes once per order (e.g. a UUID) and reuses on retry: the same key never creates a second order. 8 to 128 characters of A-Z a-z 0-9 . _ : - */
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
  /** Current price in the viewer's currency (USD when anonymous). Null when inventory, or accounts for a signed-in viewer's currency, cannot answer. */
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
  /** Case-insensitive text found in the product's name or brand, at most 100 characters. */
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
  /** ISO 4217 currency: USD, EUR, GBP or JPY (at most 3 characters). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to others, 1 to 60 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** BCP 47 language tag, e.g. `fr-FR`, at most 35 characters. */
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
  Address: ResolverTypeWrapper<AddressModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversTypes['Order']> }>;
  OrderItem: ResolverTypeWrapper<OrderLineModel>;
  OrderLineInput: OrderLineInput;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlaceOrderInput: PlaceOrderInput;
  Product: ResolverTypeWrapper<ProductModel>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'nodes'> & { nodes: Array<ResolversTypes['Product']> }>;
  ProductFilter: ProductFilter;
  Profile: ResolverTypeWrapper<Profile>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StockLevel: ResolverTypeWrapper<StockLevelModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Address: AddressModel;
  Boolean: Scalars['Boolean']['output'];
  Category: CategoryModel;
  DateTime: Scalars['DateTime']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderConnection: Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Order']> };
  OrderItem: OrderLineModel;
  OrderLineInput: OrderLineInput;
  PageInfo: PageInfo;
  PlaceOrderInput: PlaceOrderInput;
  Product: ProductModel;
  ProductConnection: Omit<ProductConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Product']> };
  ProductFilter: ProductFilter;
  Profile: Profile;
  Query: Record<PropertyKey, never>;
  StockLevel: StockLevelModel;
  String: Scalars['String']['output'];
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
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

export type AddressResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CategoryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MoneyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  placeOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type OrderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['OrderItem']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderItemResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderItem'] = ResolversParentTypes['OrderItem']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  featured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ProductImageUrlArgs, 'width'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['StockLevel']>, ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProfileResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Profile'] = ResolversParentTypes['Profile']> = {
  avatarUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bio?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  locale?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
};

export type StockLevelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  addresses?: Resolver<Maybe<Array<ResolversTypes['Address']>>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, RequireFields<UserOrdersArgs, 'first'>>;
  profile?: Resolver<ResolversTypes['Profile'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  Address?: AddressResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderItem?: OrderItemResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
