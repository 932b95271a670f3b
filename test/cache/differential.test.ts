import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Backends } from '../../backends/start.ts';
import { createRandom, type Random } from '../../backends/data/random.ts';
import { graphql, startTestBackends, tokenFor, type GraphQLBody, type TestGateway } from '../helpers/gateway.ts';
import { DIFFERENTIAL_REDIS_URL, flushRedisDb, startCacheGateway } from '../helpers/cache-gateway.ts';

const SEED = 20_240_611;
/** Steps; each sends one operation for two to three viewers in a row, to every gateway. */
const STEPS = 120;
const USERS = ['u1', 'u2', 'u3', 'u4'] as const;
const ADMIN = 'u3';
/** A small pool, so that viewers keep asking for what another viewer just cached. */
const PRODUCT_IDS = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
const SEARCH_TEXTS = ['a', 'mug', 'globex', 'watch', 'pro'];

/** A viewer: anonymous, or a user with their token. */
interface Viewer {
  name: string;
  userId?: string;
  token?: string;
}

/** One operation to send. */
interface Operation {
  label: string;
  surface: 'web' | 'mobile';
  query: string;
  variables: Record<string, unknown>;
}

const WEB_PRODUCTS = `query($first: Int, $filter: ProductFilter) { products(first: $first, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { id name price { amount currency } stock { available inStock } category { id name } } } }`;
const WEB_PRODUCT = `query($id: ID!) { product(id: $id) { id name brand price { amount currency } stock { available inStock warehouse } category { name slug } } }`;
const WEB_ME = `{ me { id name email profile { displayName currency locale } orders(first: 3) { totalCount nodes { id status createdAt total { amount currency } items { quantity product { id name price { amount currency } } } } } } }`;
const WEB_USER = `query($id: ID!) { user(id: $id) { id name email orders(first: 2) { totalCount nodes { id total { amount currency } } } } }`;
const WEB_ORDER = `query($id: ID!) { order(id: $id) { id status total { amount currency } items { quantity sku product { id name stock { available } } } } }`;
const MOBILE_HOME = `{ home { greeting recentOrders(first: 3) { id statusLabel totalLabel } featured(first: 5) { id name priceLabel inStock } } }`;
const MOBILE_PRODUCT = `query($id: ID!) { product(id: $id) { id name categoryName priceLabel inStock stockLabel } }`;
const MOBILE_SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) { totalCount nodes { id name priceLabel inStock } } }`;
const MOBILE_ORDERS = `{ orders(first: 3) { totalCount nodes { id statusLabel placedAt totalLabel thumbnailUrl } } }`;

let backends: Backends;
let uncached: TestGateway;
let memory: TestGateway;
let redis: TestGateway;
let viewers: Viewer[];

before(async () => {
  await flushRedisDb(DIFFERENTIAL_REDIS_URL);
  backends = await startTestBackends();
  [uncached, memory, redis] = await Promise.all([
    startCacheGateway(backends, { CACHE_ENABLED: 'false' }),
    startCacheGateway(backends),
    startCacheGateway(backends, { REDIS_URL: DIFFERENTIAL_REDIS_URL }),
  ]);
  viewers = [
    { name: 'anonymous' },
    ...(await Promise.all(
      USERS.map(async (userId) => ({
        name: userId,
        userId,
        token: await tokenFor(uncached.config, userId, userId === ADMIN ? { roles: ['admin'] } : {}),
      })),
    )),
  ];
});

after(async () => {
  await Promise.all([uncached?.close(), memory?.close(), redis?.close()]);
  await backends?.close();
});

/** An order id of `userId` (their own) or of someone else. */
function orderOf(random: Random, userId: string): string {
  const orders = backends.dataset.ordersByUser.get(userId) ?? [];
  return random.pick(orders.slice(0, 5)).id;
}

/** A random operation: public, private and protected ones on both surfaces. */
function randomOperation(random: Random): Operation {
  const productId = random.pick(PRODUCT_IDS);
  const kind = random.int(0, 9);
  switch (kind) {
    case 0: {
      const filter = random.pick([undefined, { text: random.pick(SEARCH_TEXTS) }, { categoryId: `c${random.int(1, 4)}` }]);
      return { label: 'web products', surface: 'web', query: WEB_PRODUCTS, variables: { first: random.int(2, 6), ...(filter ? { filter } : {}) } };
    }
    case 1:
      return { label: 'web product', surface: 'web', query: WEB_PRODUCT, variables: { id: productId } };
    case 2:
      return { label: 'web me', surface: 'web', query: WEB_ME, variables: {} };
    case 3:
      return { label: 'web user(id)', surface: 'web', query: WEB_USER, variables: { id: random.pick(USERS) } };
    case 4:
      return { label: 'web order(id)', surface: 'web', query: WEB_ORDER, variables: { id: orderOf(random, random.pick(USERS)) } };
    case 5:
      return { label: 'mobile home', surface: 'mobile', query: MOBILE_HOME, variables: {} };
    case 6:
      return { label: 'mobile product', surface: 'mobile', query: MOBILE_PRODUCT, variables: { id: productId } };
    case 7:
      return { label: 'mobile search', surface: 'mobile', query: MOBILE_SEARCH, variables: { text: random.pick(SEARCH_TEXTS), first: random.int(2, 5) } };
    case 8:
      return { label: 'mobile orders', surface: 'mobile', query: MOBILE_ORDERS, variables: {} };
    default:
      return { label: 'mobile product (priceLabel)', surface: 'mobile', query: `query($id: ID!) { product(id: $id) { id priceLabel } }`, variables: { id: productId } };
  }
}

/** What must be equal: the status, the data, and each error's path and code (messages may differ in wording). */
function comparable(response: { status: number; body: GraphQLBody }) {
  return {
    status: response.status,
    data: response.body.data,
    errors: (response.body.errors ?? []).map((error) => `${(error.path ?? []).join('.')}:${String(error.extensions?.code)}`).sort(),
  };
}

describe('randomized differential: cached answers equal uncached ones for every viewer', () => {
  it(`${STEPS} steps of random operations by anonymous, u1, u2, u3 (admin) and u4, against memory and Redis`, async () => {
    const random = createRandom(SEED);
    const differences: string[] = [];
    let requests = 0;
    let errorsSeen = 0;
    for (let step = 0; step < STEPS; step++) {
      const operation = randomOperation(random);
      // The same operation for several viewers in a row: each one right after another's identical request.
      const group = Array.from({ length: random.int(2, 3) }, () => random.pick(viewers));
      for (const viewer of group) {
        const options = { variables: operation.variables, ...(viewer.token ? { token: viewer.token } : {}) };
        const expected = comparable(await graphql(uncached, operation.surface, operation.query, options));
        errorsSeen += expected.errors.length > 0 ? 1 : 0;
        for (const [name, gateway] of [
          ['memory', memory],
          ['redis', redis],
        ] as const) {
          const actual = comparable(await graphql(gateway, operation.surface, operation.query, options));
          requests++;
          try {
            assert.deepEqual(actual, expected);
          } catch {
            differences.push(`step ${step} ${operation.label} ${JSON.stringify(operation.variables)} as ${viewer.name} on ${name}:\n  cached:   ${JSON.stringify(actual).slice(0, 400)}\n  uncached: ${JSON.stringify(expected).slice(0, 400)}`);
          }
        }
      }
    }
    assert.deepEqual(differences.slice(0, 5), [], `${differences.length} differences in ${requests} cached requests`);
    assert.ok(requests >= 400, `${requests} cached requests compared`);
    assert.ok(errorsSeen > 0, 'protected operations were refused at least once (the mix covers errors too)');
  });

  it('the cached gateways did answer from the cache (the comparison was not vacuous)', async () => {
    for (const gateway of [memory, redis]) {
      const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
      const hits = text
        .split('\n')
        .filter((line) => line.startsWith('gateway_cache_lookups_total{') && line.includes('result="hit"'))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
      assert.ok(hits > 100, `${hits} cache hits`);
    }
  });
});
