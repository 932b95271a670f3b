/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query HomeScreen {\n  home {\n    greeting\n    recentOrders(first: 3) {\n      id\n      statusLabel\n      itemCount\n      totalLabel\n      placedAt\n      thumbnailUrl(size: 96)\n    }\n    featured(first: 10) {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}": typeof types.HomeScreenDocument,
    "query ProductDetailScreen($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    brand\n    description\n    imageUrl(width: 750)\n    categoryName\n    priceLabel\n    inStock\n    stockLabel\n  }\n}": typeof types.ProductDetailScreenDocument,
    "query SearchScreen($text: String!, $first: Int = 20, $after: String) {\n  search(text: $text, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}": typeof types.SearchScreenDocument,
};
const documents: Documents = {
    "query HomeScreen {\n  home {\n    greeting\n    recentOrders(first: 3) {\n      id\n      statusLabel\n      itemCount\n      totalLabel\n      placedAt\n      thumbnailUrl(size: 96)\n    }\n    featured(first: 10) {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}": types.HomeScreenDocument,
    "query ProductDetailScreen($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    brand\n    description\n    imageUrl(width: 750)\n    categoryName\n    priceLabel\n    inStock\n    stockLabel\n  }\n}": types.ProductDetailScreenDocument,
    "query SearchScreen($text: String!, $first: Int = 20, $after: String) {\n  search(text: $text, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}": types.SearchScreenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HomeScreen {\n  home {\n    greeting\n    recentOrders(first: 3) {\n      id\n      statusLabel\n      itemCount\n      totalLabel\n      placedAt\n      thumbnailUrl(size: 96)\n    }\n    featured(first: 10) {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}"): (typeof documents)["query HomeScreen {\n  home {\n    greeting\n    recentOrders(first: 3) {\n      id\n      statusLabel\n      itemCount\n      totalLabel\n      placedAt\n      thumbnailUrl(size: 96)\n    }\n    featured(first: 10) {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductDetailScreen($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    brand\n    description\n    imageUrl(width: 750)\n    categoryName\n    priceLabel\n    inStock\n    stockLabel\n  }\n}"): (typeof documents)["query ProductDetailScreen($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    brand\n    description\n    imageUrl(width: 750)\n    categoryName\n    priceLabel\n    inStock\n    stockLabel\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchScreen($text: String!, $first: Int = 20, $after: String) {\n  search(text: $text, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}"): (typeof documents)["query SearchScreen($text: String!, $first: Int = 20, $after: String) {\n  search(text: $text, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      thumbnailUrl(size: 160)\n      priceLabel\n      inStock\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;