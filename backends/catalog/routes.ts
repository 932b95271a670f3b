import type { Dataset } from '../data/model.ts';
import { pickByIds } from '../rest/batch.ts';
import { ProblemError } from '../rest/problem.ts';
import type { RestBackend } from '../rest/rest-backend.ts';
import { searchIndex, searchProducts, type SearchQuery } from './search.ts';

/** Serves the catalog contract (contracts/catalog.openapi.yaml) from the dataset. */
export function registerCatalogRoutes(backend: RestBackend, dataset: Dataset): void {
  // Products never change after seeding: index them and pick the featured ones once.
  const index = searchIndex(dataset.productList);
  const featured = dataset.productList.filter((p) => p.featured);

  backend.route<{ Querystring: { ids: string[] } }>('GET', '/products', (request) => {
    const { found, missing } = pickByIds(request.query.ids, (id) => dataset.products.get(id));
    return { products: found, missing };
  });

  backend.route<{ Querystring: SearchQuery }>('GET', '/products/search', (request) => searchProducts(index, request.query));

  backend.route<{ Querystring: { limit: number } }>('GET', '/products/featured', (request) => ({
    products: featured.slice(0, request.query.limit),
  }));

  backend.route<{ Params: { id: string } }>('GET', '/products/{id}', (request) => {
    const product = dataset.products.get(request.params.id);
    if (!product) throw new ProblemError(404, `no product ${request.params.id}`);
    return product;
  });

  backend.route<{ Querystring: { ids?: string[] } }>('GET', '/categories', (request) => {
    const { ids } = request.query;
    if (ids === undefined) return { categories: [...dataset.categories.values()], missing: [] };
    const { found, missing } = pickByIds(ids, (id) => dataset.categories.get(id));
    return { categories: found, missing };
  });

  backend.route('GET', '/healthz', () => ({ status: 'ok' }));
}
