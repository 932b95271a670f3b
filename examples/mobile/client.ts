/**
 * The mobile team's typed client for `/mobile/graphql`: one method per screen in
 * `examples/mobile/operations/`, each typed by the documents GraphQL Code Generator wrote to
 * `__generated__/graphql.ts` (`npm run codegen`). Nothing here is hand-typed.
 */
import { GraphQLClient } from 'graphql-request';
import {
  HomeScreenDocument,
  ProductDetailScreenDocument,
  SearchScreenDocument,
  type HomeScreenQuery,
  type ProductDetailScreenQuery,
  type SearchScreenQuery,
} from './__generated__/graphql.ts';

/** How to reach the mobile endpoint and which app build is asking. */
export interface MobileClientOptions {
  /** The endpoint, e.g. `http://localhost:4000/mobile/graphql`. */
  url: string;
  /** A JWT with audience `mobile` (`npm run token -- u1`); omitted, the viewer is anonymous. */
  token?: string;
  /** Sent as `apollographql-client-name`; default `shop-mobile`. */
  clientName?: string;
  /** Sent as `apollographql-client-version` (the app build, so old versions can be traced); default `1.0.0`. */
  clientVersion?: string;
}

/**
 * The mobile screens. Every method resolves with the operation's `data`, and rejects with
 * graphql-request's `ClientError` when the response carries any error (its `response.data` holds
 * the partial result, `response.errors[i].extensions.code` the reason) or the HTTP status is not 2xx.
 */
export interface MobileClient {
  /** The home screen in one round trip: greeting, three recent orders, ten featured products. */
  home(): Promise<HomeScreenQuery>;
  /** The product detail screen for one product id. */
  productDetail(id: string): Promise<ProductDetailScreenQuery>;
  /** One page of search results; `first` defaults to 20, `after` is the previous page's `endCursor`. */
  search(text: string, first?: number, after?: string): Promise<SearchScreenQuery>;
}

/** Creates a mobile client; it holds no connection, so there is nothing to close. */
export function createMobileClient(options: MobileClientOptions): MobileClient {
  const client = new GraphQLClient(options.url, {
    headers: {
      'apollographql-client-name': options.clientName ?? 'shop-mobile',
      'apollographql-client-version': options.clientVersion ?? '1.0.0',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
  });
  return {
    home: () => client.request(HomeScreenDocument),
    productDetail: (id) => client.request(ProductDetailScreenDocument, { id }),
    search: (text, first, after) => client.request(SearchScreenDocument, { text, first, after }),
  };
}
