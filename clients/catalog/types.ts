import type { components } from './__generated__/catalog.ts';

/** A product of the catalog (contract schema `Product`). */
export type Product = components['schemas']['Product'];
/** A product category (contract schema `Category`). */
export type Category = components['schemas']['Category'];
/** One page of search results (contract schema `ProductPage`). */
export type ProductPage = components['schemas']['ProductPage'];
/** Paging state of a search page (contract schema `PageInfo`). */
export type PageInfo = components['schemas']['PageInfo'];
/** Body of `GET /products`. */
export type ProductBatch = components['schemas']['ProductBatch'];
/** Body of `GET /products/featured`. */
export type ProductList = components['schemas']['ProductList'];
/** Body of `GET /categories`. */
export type CategoryBatch = components['schemas']['CategoryBatch'];
