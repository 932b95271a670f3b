import type { CallOptions } from '../call-options.ts';
import { envelope } from '../rest/shape.ts';
import type { RestClientOptions } from '../rest/rest-transport.ts';
import { RestServiceClient } from '../rest/rest-service-client.ts';
import type { Category, CategoryBatch, Product, ProductList, ProductPage } from './types.ts';

export type { Category, PageInfo, Product, ProductPage } from './types.ts';

/** Most ids the catalog service takes in one batch call. */
export const CATALOG_BATCH_LIMIT = 50;

/** Search input. */
export interface ProductSearch {
  /** Case-insensitive text matched against name and brand; absent matches everything. */
  text?: string;
  categoryId?: string;
  /** Page size, 1..100. Default 20 (the service's). */
  first?: number;
  /** The `endCursor` of the previous page. */
  after?: string;
}

/** Typed client of the catalog service (contracts/catalog.openapi.yaml). Fails only with `UpstreamError`. */
export class CatalogClient extends RestServiceClient {
  /** `timeoutMs` defaults to 2000 ms. */
  constructor(options: RestClientOptions) {
    super('catalog', options);
  }

  /** Products by id, in request order, each once; unknown ids are left out. At most 50 ids. */
  getProducts(ids: readonly string[], call: CallOptions = {}): Promise<Product[]> {
    return this.getBatch<Product>({ operation: 'GET /products', path: 'products', param: 'ids', key: 'products', limit: CATALOG_BATCH_LIMIT }, ids, call);
  }

  /** One page of products matching the search; INVALID_ARGUMENT (field `after`) for a bad cursor. */
  async searchProducts(params: ProductSearch, call: CallOptions = {}): Promise<ProductPage> {
    const operation = 'GET /products/search';
    const searchParams: Record<string, string | number> = {};
    if (params.text !== undefined) searchParams.q = params.text;
    if (params.categoryId !== undefined) searchParams.categoryId = params.categoryId;
    if (params.first !== undefined) searchParams.first = params.first;
    if (params.after !== undefined) searchParams.after = params.after;
    const body = await this.http.request<unknown>({ operation, path: 'products/search', searchParams }, call);
    return envelope<ProductPage>(body, 'items', 'array', 'catalog', operation);
  }

  /** Featured products in catalog order; `limit` 1..50, default 10. */
  async featuredProducts(limit = 10, call: CallOptions = {}): Promise<Product[]> {
    const operation = 'GET /products/featured';
    const body = await this.http.request<unknown>({ operation, path: 'products/featured', searchParams: { limit } }, call);
    return envelope<ProductList>(body, 'products', 'array', 'catalog', operation).products;
  }

  /** Categories by id (request order, each once, unknown left out), or every category when `ids` is absent. At most 50 ids. */
  async getCategories(ids?: readonly string[], call: CallOptions = {}): Promise<Category[]> {
    const read = { operation: 'GET /categories', path: 'categories', param: 'ids', key: 'categories', limit: CATALOG_BATCH_LIMIT };
    if (ids !== undefined) return this.getBatch<Category>(read, ids, call);
    const body = await this.http.request<unknown>({ operation: read.operation, path: read.path }, call);
    return envelope<CategoryBatch>(body, read.key, 'array', 'catalog', read.operation).categories;
  }
}
