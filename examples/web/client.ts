/**
 * The web team's typed client for `/web/graphql`: one method per operation in
 * `examples/web/operations/`, each typed by the documents GraphQL Code Generator wrote to
 * `__generated__/graphql.ts` (`npm run codegen`). Nothing here is hand-typed: change an
 * operation, regenerate, and the compiler shows every caller that must change.
 */
import { GraphQLClient } from 'graphql-request';
import {
  OrderHistoryDocument,
  ProductPageDocument,
  type OrderHistoryQuery,
  type OrderHistoryQueryVariables,
  type ProductPageQuery,
} from './__generated__/graphql.ts';

/** How to reach the web endpoint and who is asking. */
export interface WebClientOptions {
  /** The endpoint, e.g. `http://localhost:4000/web/graphql`. */
  url: string;
  /** A JWT with audience `web` (`npm run token -- u1`); omitted, the viewer is anonymous. */
  token?: string;
  /** Sent as `apollographql-client-name`; default `shop-web`. */
  clientName?: string;
  /** Sent as `apollographql-client-version`; default `1.0.0`. */
  clientVersion?: string;
}

/**
 * The web operations. Every method resolves with the operation's `data`, and rejects with
 * graphql-request's `ClientError` when the response carries any error (its `response.data` holds
 * the partial result, `response.errors[i].extensions.code` the reason) or the HTTP status is not 2xx.
 */
export interface WebClient {
  /** The viewer's order-history page; `first` defaults to 20, `after` is the previous `endCursor`. */
  orderHistory(variables?: OrderHistoryQueryVariables): Promise<OrderHistoryQuery>;
  /** The product page for one product id. */
  productPage(id: string): Promise<ProductPageQuery>;
}

/** Creates a web client; it holds no connection, so there is nothing to close. */
export function createWebClient(options: WebClientOptions): WebClient {
  const client = new GraphQLClient(options.url, {
    headers: {
      'apollographql-client-name': options.clientName ?? 'shop-web',
      'apollographql-client-version': options.clientVersion ?? '1.0.0',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
  });
  return {
    orderHistory: (variables = {}) => client.request(OrderHistoryDocument, variables),
    productPage: (id) => client.request(ProductPageDocument, { id }),
  };
}
