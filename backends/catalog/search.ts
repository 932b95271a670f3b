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

/** Case-insensitive substring match of `q` on name or brand, optional category, in catalog order. */
export function searchProducts(products: readonly ProductRecord[], query: SearchQuery): ProductPage {
  const start = query.after === undefined ? 0 : decodeCursor(query.after);
  const text = query.q?.toLowerCase() ?? '';
  const matches = products.filter(
    (p) =>
      (query.categoryId === undefined || p.categoryId === query.categoryId) &&
      (text === '' || p.name.toLowerCase().includes(text) || p.brand.toLowerCase().includes(text)),
  );
  const items = matches.slice(start, start + query.first);
  const end = start + items.length;
  return {
    items,
    pageInfo: { endCursor: items.length > 0 ? encodeCursor(end) : null, hasNextPage: end < matches.length },
    totalCount: matches.length,
  };
}
