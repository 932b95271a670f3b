import { readFileSync } from 'node:fs';

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** The example operations the frontends send, by surface and file name (without `.graphql`). */
export type ExampleOperation =
  | { surface: 'web'; name: 'order-history' | 'product-page' }
  | { surface: 'mobile'; name: 'home' | 'product-detail' | 'search' };

/** Reads one example operation's GraphQL text, exactly as the frontend sends it. */
export function exampleOperation(operation: ExampleOperation): string {
  return readFileSync(new URL(`${operation.surface}/operations/${operation.name}.graphql`, EXAMPLES), 'utf8');
}

/** The web order-history page (variables `first`, `after`). */
export const ORDER_HISTORY = exampleOperation({ surface: 'web', name: 'order-history' });
/** The web product page (variable `id`). */
export const PRODUCT_PAGE = exampleOperation({ surface: 'web', name: 'product-page' });
/** The mobile home screen (no variables). */
export const HOME_SCREEN = exampleOperation({ surface: 'mobile', name: 'home' });
/** The mobile product detail screen (variable `id`). */
export const PRODUCT_DETAIL = exampleOperation({ surface: 'mobile', name: 'product-detail' });
/** The mobile search screen (variables `text`, `first`, `after`). */
export const SEARCH_SCREEN = exampleOperation({ surface: 'mobile', name: 'search' });
