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
    "query OrderHistory($first: Int = 20, $after: String) {\n  me {\n    id\n    name\n    profile {\n      displayName\n      currency\n    }\n    orders(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        createdAt\n        itemCount\n        total {\n          amount\n          currency\n        }\n        items {\n          quantity\n          sku\n          unitPrice {\n            amount\n            currency\n          }\n          product {\n            id\n            name\n            imageUrl(width: 120)\n            price {\n              amount\n              currency\n            }\n            stock {\n              available\n              inStock\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.OrderHistoryDocument,
    "query ProductPage($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    brand\n    imageUrl(width: 1024)\n    category {\n      id\n      name\n    }\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n      inStock\n      warehouse\n    }\n  }\n}": typeof types.ProductPageDocument,
};
const documents: Documents = {
    "query OrderHistory($first: Int = 20, $after: String) {\n  me {\n    id\n    name\n    profile {\n      displayName\n      currency\n    }\n    orders(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        createdAt\n        itemCount\n        total {\n          amount\n          currency\n        }\n        items {\n          quantity\n          sku\n          unitPrice {\n            amount\n            currency\n          }\n          product {\n            id\n            name\n            imageUrl(width: 120)\n            price {\n              amount\n              currency\n            }\n            stock {\n              available\n              inStock\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.OrderHistoryDocument,
    "query ProductPage($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    brand\n    imageUrl(width: 1024)\n    category {\n      id\n      name\n    }\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n      inStock\n      warehouse\n    }\n  }\n}": types.ProductPageDocument,
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
export function graphql(source: "query OrderHistory($first: Int = 20, $after: String) {\n  me {\n    id\n    name\n    profile {\n      displayName\n      currency\n    }\n    orders(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        createdAt\n        itemCount\n        total {\n          amount\n          currency\n        }\n        items {\n          quantity\n          sku\n          unitPrice {\n            amount\n            currency\n          }\n          product {\n            id\n            name\n            imageUrl(width: 120)\n            price {\n              amount\n              currency\n            }\n            stock {\n              available\n              inStock\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query OrderHistory($first: Int = 20, $after: String) {\n  me {\n    id\n    name\n    profile {\n      displayName\n      currency\n    }\n    orders(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        createdAt\n        itemCount\n        total {\n          amount\n          currency\n        }\n        items {\n          quantity\n          sku\n          unitPrice {\n            amount\n            currency\n          }\n          product {\n            id\n            name\n            imageUrl(width: 120)\n            price {\n              amount\n              currency\n            }\n            stock {\n              available\n              inStock\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductPage($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    brand\n    imageUrl(width: 1024)\n    category {\n      id\n      name\n    }\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n      inStock\n      warehouse\n    }\n  }\n}"): (typeof documents)["query ProductPage($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    brand\n    imageUrl(width: 1024)\n    category {\n      id\n      name\n    }\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n      inStock\n      warehouse\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;