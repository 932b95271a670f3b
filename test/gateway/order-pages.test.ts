import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, tokenFor, useGateway } from '../helpers/gateway.ts';

// Walking a user's orders page by page reaches every order once, in the backend's order, and the
// last page says so: `hasNextPage: false`, `endCursor: null` (no cursor to an empty page).

const shop = useGateway({ CACHE_ENABLED: 'false' });
const USER = 'u1';

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const WEB = 'query ($first: Int, $after: String) { me { orders(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }';
const MOBILE = 'query ($first: Int, $after: String) { orders(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';

async function walk(surface: 'web' | 'mobile', first: number): Promise<Page[]> {
  const { gateway } = shop;
  const token = await tokenFor(gateway.config, USER);
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const { body } = await graphql(gateway, surface, surface === 'web' ? WEB : MOBILE, { token, variables: { first, after } });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const page = (surface === 'web' ? (body.data?.me as { orders: Page }).orders : body.data?.orders) as Page;
    pages.push(page);
    after = page.pageInfo.endCursor;
    assert.ok(pages.length <= 100, 'paging ends');
  } while (pages.at(-1)?.pageInfo.hasNextPage);
  return pages;
}

describe('the last page of a user’s orders', () => {
  for (const surface of ['web', 'mobile'] as const) {
    it(`${surface}: a short last page and an exactly full last page both end with hasNextPage false and endCursor null`, async () => {
      const expected = (shop.backends.dataset.ordersByUser.get(USER) ?? []).map((order) => order.id);
      assert.ok(expected.length >= 20, `test data: ${USER} has ${expected.length} orders`);
      const divisor = [10, 8, 6, 5, 4, 3, 2].find((d) => expected.length % d === 0) ?? 1;
      const short = [7, 9, 11].find((size) => expected.length % size !== 0) ?? 7;
      for (const size of [short, expected.length / divisor]) {
        const pages = await walk(surface, size);
        assert.deepEqual(pages.flatMap((page) => page.nodes.map((node) => node.id)), expected, `pages of ${size}`);
        assert.equal(pages.length, Math.ceil(expected.length / size), `pages of ${size}: no empty page at the end`);
        const last = pages.at(-1);
        assert.deepEqual(last?.pageInfo, { hasNextPage: false, endCursor: null }, `pages of ${size}`);
        for (const page of pages.slice(0, -1)) {
          assert.equal(page.pageInfo.hasNextPage, true);
          assert.equal(typeof page.pageInfo.endCursor, 'string');
        }
      }
    });
  }
});
