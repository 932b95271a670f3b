import type { ProductRecord } from '../data/model.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** Search input, validated by the contract (`first` already defaulted). */
export interface SearchQuery {
  q?: string;
  categoryId?: string;
  first: number;
  after?: string;
}

/** One page of search results, as the contract's ProductPage. */
export interface ProductPage {
  items: ProductRecord[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** A product with its searchable text lowercased once. */
export interface SearchEntry {
  product: ProductRecord;
  name: string;
  brand: string;
}

/** The search index of a catalog (products never change after seeding, so it is built once). */
export function searchIndex(products: readonly ProductRecord[]): SearchEntry[] {
  return products.map((product) => ({ product, name: product.name.toLowerCase(), brand: product.brand.toLowerCase() }));
}

/** Case-insensitive substring match of `q` on name or brand, optional category, in catalog order. */
export function searchProducts(index: readonly SearchEntry[], query: SearchQuery): ProductPage {
  const start = query.after === undefined ? 0 : decodeCursor(query.after);
  const text = query.q?.toLowerCase() ?? '';
  const matches: ProductRecord[] = [];
  for (const entry of index) {
    if (query.categoryId !== undefined && entry.product.categoryId !== query.categoryId) continue;
    if (text === '' || entry.name.includes(text) || entry.brand.includes(text)) matches.push(entry.product);
  }
  const items = matches.slice(start, start + query.first);
  const end = start + items.length;
  return {
    items,
    pageInfo: { endCursor: items.length > 0 ? encodeCursor(end) : null, hasNextPage: end < matches.length },
    totalCount: matches.length,
  };
}
