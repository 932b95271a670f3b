import { graphql } from './__generated__/index.ts';

/** The home screen: greeting, recent orders and featured products in one round trip. */
export const HomeScreenQuery = graphql(`
  query AppHomeScreen {
    home {
      greeting
      recentOrders(first: 3) {
        id
        statusLabel
        totalLabel
        placedAt
      }
      featured(first: 6) {
        id
        name
        priceLabel
        inStock
      }
    }
  }
`);

/** One page of search results; `after` asks for the next page (merged by the cache's typePolicies). */
export const SearchQuery = graphql(`
  query AppSearch($text: String!, $first: Int = 5, $after: String) {
    search(text: $text, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        priceLabel
      }
    }
  }
`);
