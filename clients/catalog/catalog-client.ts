import type { CallOptions } from '../call-options.ts';
import { envelope } from '../rest/shape.ts';
import { RestTransport, type RestClientOptions } from '../rest/rest-transport.ts';
import type { InstancePool } from '../balancing/instance-pool.ts';
import type { BackendGuard } from '../resilience/backend-guard.ts';
import type { Category, CategoryBatch, Product, ProductBatch, ProductList, ProductPage } from './types.ts';

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
export class CatalogClient {
  readonly #http: RestTransport;

  /** `timeoutMs` defaults to 2000 ms. */
  constructor(options: RestClientOptions) {
    this.#http = new RestTransport('catalog', options);
  }

  /** Deadline, retries and circuit breaker of this backend. */
  get guard(): BackendGuard {
    return this.#http.guard;
  }

  /** The backend's instances and where calls go. */
  get pool(): InstancePool {
    return this.#http.pool;
  }

  /** Products by id, in request order, each once; unknown ids are left out. At most 50 ids. */
  async getProducts(ids: readonly string[], call: CallOptions = {}): Promise<Product[]> {
    const operation = 'GET /products';
    this.#http.checkBatch(operation, 'ids', ids.length, CATALOG_BATCH_LIMIT);
    if (ids.length === 0) return [];
    const body = await this.#http.request<unknown>({ operation, path: 'products', searchParams: { ids: ids.join(',') } }, call);
    return envelope<ProductBatch>(body, 'products', 'array', 'catalog', operation).products;
  }

  /** One page of products matching the search; INVALID_ARGUMENT (field `after`) for a bad cursor. */
  async searchProducts(params: ProductSearch, call: CallOptions = {}): Promise<ProductPage> {
    const operation = 'GET /products/search';
    const searchParams: Record<string, string | number> = {};
    if (params.text !== undefined) searchParams.q = params.text;
    if (params.categoryId !== undefined) searchParams.categoryId = params.categoryId;
    if (params.first !== undefined) searchParams.first = params.first;
    if (params.after !== undefined) searchParams.after = params.after;
    const body = await this.#http.request<unknown>({ operation, path: 'products/search', searchParams }, call);
    return envelope<ProductPage>(body, 'items', 'array', 'catalog', operation);
  }

  /** Featured products in catalog order; `limit` 1..50, default 10. */
  async featuredProducts(limit = 10, call: CallOptions = {}): Promise<Product[]> {
    const operation = 'GET /products/featured';
    const body = await this.#http.request<unknown>({ operation, path: 'products/featured', searchParams: { limit } }, call);
    return envelope<ProductList>(body, 'products', 'array', 'catalog', operation).products;
  }

  /** Categories by id (request order, each once, unknown left out), or every category when `ids` is absent. At most 50 ids. */
  async getCategories(ids?: readonly string[], call: CallOptions = {}): Promise<Category[]> {
    const operation = 'GET /categories';
    if (ids !== undefined) {
      this.#http.checkBatch(operation, 'ids', ids.length, CATALOG_BATCH_LIMIT);
      if (ids.length === 0) return [];
    }
    const searchParams = ids === undefined ? undefined : { ids: ids.join(',') };
    const body = await this.#http.request<unknown>({ operation, path: 'categories', ...(searchParams ? { searchParams } : {}) }, call);
    return envelope<CategoryBatch>(body, 'categories', 'array', 'catalog', operation).categories;
  }

  /** Resolves when the service answers its health check. */
  async ping(call: CallOptions = {}): Promise<void> {
    const operation = 'GET /healthz';
    const body = await this.#http.request<unknown>({ operation, path: 'healthz' }, call);
    envelope(body, 'status', 'string', 'catalog', operation);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#http.close();
  }
}
