import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderRecord, ProductRecord } from '../../backends/data/model.ts';
import { graphql, tokenFor, type GraphQLBody, useGateway } from '../helpers/gateway.ts';
import { withoutCost } from '../helpers/cost-extension.ts';
import { craftToken } from '../helpers/auth-tokens.ts';

// Who gets what, per surface and field: the spec of src/auth/permissions/{web,mobile}.ts.
//   data      — the field answers, no error
//   null      — the field answers null, no error (e.g. `me` when anonymous)
//   FORBIDDEN — the field is null with exactly one FORBIDDEN error at its path; the rest of the
//               response keeps its data (a non-null mutation result nulls `data` as GraphQL says)
//   UNAUTHENTICATED — the same, for fields that need a signed-in viewer, asked anonymously
//   partial   — the field answers, but its protected sub-field (`protectedPath`) is null with
//               exactly one FORBIDDEN error there

type ViewerName = 'anonymous' | 'A' | 'B' | 'admin';
type Outcome = 'data' | 'null' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'partial';
type Surface = 'web' | 'mobile';

/** A is u1, B is u2, the admin is u3 with the admin role. */
const VIEWERS: Readonly<Record<ViewerName, { id: string; roles: string[] } | null>> = {
  anonymous: null,
  A: { id: 'u1', roles: [] },
  B: { id: 'u2', roles: [] },
  admin: { id: 'u3', roles: ['admin'] },
};

interface Row {
  surface: Surface;
  /** What the row is about, as it reads in the test name. */
  subject: string;
  operation: string;
  /** The root field the outcome is about. */
  field: string;
  variables?: (viewerId: string | null) => Record<string, unknown>;
  expect: Readonly<Record<ViewerName, Outcome>>;
  /** For `partial`: where the protected sub-field sits. */
  protectedPath?: (string | number)[];
  /** Further checks on the field's value when the outcome is `data` or `partial`. */
  check?: (value: Record<string, unknown>, viewerId: string | null) => void;
}

const shop = useGateway();
const tokens = new Map<ViewerName, string>();
let keyCounter = 0;
/** An order of A whose lines are well stocked, so reordering it cannot run out. */
let ordersOfA: OrderRecord;
/** A well-stocked product for placeOrder. */
let stocked: ProductRecord;
let anyProduct: ProductRecord;

const freshKey = (): string => `matrix-key-${++keyCounter}-${process.pid}`;
const ordersOf = (userId: string): OrderRecord[] => shop.backends.dataset.ordersByUser.get(userId) ?? [];
const available = (sku: string): number => shop.backends.dataset.stock.get(sku)?.available ?? 0;

before(async () => {
  await shop.ready();
  for (const [name, viewer] of Object.entries(VIEWERS) as [ViewerName, (typeof VIEWERS)[ViewerName]][]) {
    if (viewer) tokens.set(name, await tokenFor(shop.gateway.config, viewer.id, { roles: viewer.roles }));
  }
  const wellStocked = ordersOf('u1').find((order) => order.items.every((line) => available(line.sku) >= 10 * line.quantity));
  assert.ok(wellStocked, 'u1 has an order whose lines are well stocked');
  ordersOfA = wellStocked;
  const product = shop.backends.dataset.productList.find((p) => available(p.sku) >= 20);
  assert.ok(product);
  stocked = product;
  anyProduct = shop.backends.dataset.productList[0] as ProductRecord;
});

const everyone = (outcome: Outcome): Record<ViewerName, Outcome> => ({ anonymous: outcome, A: outcome, B: outcome, admin: outcome });
const signedIn = (outcome: Outcome, anonymous: Outcome): Record<ViewerName, Outcome> => ({ anonymous, A: outcome, B: outcome, admin: outcome });
const isViewer = (value: Record<string, unknown>, viewerId: string | null) => assert.equal(value['id'], viewerId);

const ROWS: readonly Row[] = [
  // ── web root fields ────────────────────────────────────────────────────────────────────────────
  { surface: 'web', subject: 'me', field: 'me', operation: '{ me { id name } }', expect: signedIn('data', 'null'), check: isViewer },
  {
    surface: 'web', subject: 'user(id: u1)', field: 'user', operation: '{ user(id: "u1") { id name } }',
    expect: { anonymous: 'FORBIDDEN', A: 'FORBIDDEN', B: 'FORBIDDEN', admin: 'data' },
    check: (user) => assert.equal(user['id'], 'u1'),
  },
  {
    surface: 'web', subject: 'product(id)', field: 'product', operation: 'query ($id: ID!) { product(id: $id) { id name price { amount } } }',
    variables: () => ({ id: anyProduct.id }), expect: everyone('data'), check: (p) => assert.equal(p['id'], anyProduct.id),
  },
  { surface: 'web', subject: 'products', field: 'products', operation: '{ products(first: 2) { totalCount nodes { id } } }', expect: everyone('data') },
  {
    surface: 'web', subject: "order(id) of A's order", field: 'order', operation: 'query ($id: ID!) { order(id: $id) { id status total { amount } } }',
    variables: () => ({ id: ordersOfA.id }), expect: { anonymous: 'FORBIDDEN', A: 'data', B: 'FORBIDDEN', admin: 'data' },
    check: (order) => assert.equal(order['id'], ordersOfA.id),
  },
  {
    surface: 'web', subject: 'placeOrder', field: 'placeOrder', operation: 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }',
    variables: () => ({ input: { items: [{ productId: stocked.id, quantity: 1 }], idempotencyKey: freshKey() } }),
    expect: signedIn('data', 'UNAUTHENTICATED'), check: (order) => assert.equal(order['status'], 'PENDING'),
  },
  {
    surface: 'web', subject: 'updateProfile (bio set to its current value)', field: 'updateProfile',
    operation: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
    variables: (viewerId) => ({ input: { bio: shop.backends.dataset.users.get(viewerId ?? 'u1')?.profile.bio } }),
    expect: signedIn('data', 'UNAUTHENTICATED'), check: isViewer,
  },
  // ── web protected fields ───────────────────────────────────────────────────────────────────────
  {
    surface: 'web', subject: 'User.email/addresses/orders of oneself via me', field: 'me',
    operation: '{ me { id email addresses { id } orders(first: 2) { totalCount nodes { id } } } }',
    expect: signedIn('data', 'null'),
    check: (me, viewerId) => {
      assert.equal(me['id'], viewerId);
      assert.equal(me['email'], shop.backends.dataset.users.get(viewerId as string)?.email);
    },
  },
  {
    surface: 'web', subject: 'User.email/addresses/orders of B via user(id: u2)', field: 'user',
    operation: '{ user(id: "u2") { id email addresses { id } orders(first: 2) { totalCount } } }',
    expect: { anonymous: 'FORBIDDEN', A: 'FORBIDDEN', B: 'FORBIDDEN', admin: 'data' },
    check: (user) => assert.equal(user['email'], shop.backends.dataset.users.get('u2')?.email),
  },
  {
    surface: 'web', subject: "Order.customer (and its User fields) of A's order", field: 'order',
    operation: 'query ($id: ID!) { order(id: $id) { id customer { id email addresses { id } orders(first: 1) { totalCount } } } }',
    variables: () => ({ id: ordersOfA.id }), protectedPath: ['order', 'customer'],
    expect: { anonymous: 'FORBIDDEN', A: 'partial', B: 'FORBIDDEN', admin: 'data' },
    check: (order, viewerId) => {
      assert.equal(order['id'], ordersOfA.id);
      if (viewerId === 'u3') assert.equal((order['customer'] as { id: string }).id, 'u1');
    },
  },
  {
    surface: 'web', subject: 'product + user(id: u2) in one query (partial data)', field: 'user',
    operation: 'query ($id: ID!) { product(id: $id) { id } user(id: "u2") { id } }',
    variables: () => ({ id: anyProduct.id }), expect: { anonymous: 'FORBIDDEN', A: 'FORBIDDEN', B: 'FORBIDDEN', admin: 'data' },
  },
  // ── mobile root fields ─────────────────────────────────────────────────────────────────────────
  {
    surface: 'mobile', subject: 'home', field: 'home', operation: '{ home { greeting recentOrders { id } featured(first: 2) { id } } }',
    expect: everyone('data'),
    check: (home, viewerId) => {
      const name = viewerId ? shop.backends.dataset.users.get(viewerId)?.profile.displayName : undefined;
      assert.equal(home['greeting'], name ? `Hello, ${name}` : 'Welcome');
      const ownIds = new Set(ordersOf(viewerId ?? '').map((o) => o.id));
      const recent = home['recentOrders'] as { id: string }[];
      assert.equal(recent.length, viewerId ? 3 : 0);
      assert.ok(recent.every((o) => ownIds.has(o.id)), 'recent orders are the viewer’s own');
    },
  },
  {
    surface: 'mobile', subject: 'product(id)', field: 'product', operation: 'query ($id: ID!) { product(id: $id) { id name priceLabel } }',
    variables: () => ({ id: anyProduct.id }), expect: everyone('data'),
  },
  {
    surface: 'mobile', subject: 'search', field: 'search', operation: 'query ($text: String!) { search(text: $text, first: 2) { totalCount nodes { id } } }',
    variables: () => ({ text: anyProduct.brand }), expect: everyone('data'),
  },
  {
    surface: 'mobile', subject: 'orders (OrderSummary of oneself)', field: 'orders',
    operation: '{ orders(first: 3) { totalCount nodes { id statusLabel totalLabel } } }',
    expect: signedIn('data', 'UNAUTHENTICATED'),
    check: (connection, viewerId) => {
      const own = ordersOf(viewerId as string);
      assert.equal(connection['totalCount'], own.length);
      assert.deepEqual((connection['nodes'] as { id: string }[]).map((o) => o.id), own.slice(0, 3).map((o) => o.id));
    },
  },
  {
    surface: 'mobile', subject: "reorder of A's order", field: 'reorder',
    operation: 'mutation ($orderId: ID!, $key: String!) { reorder(orderId: $orderId, idempotencyKey: $key) { id itemCount } }',
    variables: () => ({ orderId: ordersOfA.id, key: freshKey() }), expect: { anonymous: 'UNAUTHENTICATED', A: 'data', B: 'FORBIDDEN', admin: 'data' },
  },
  {
    surface: 'mobile', subject: 'product + orders in one query (partial data)', field: 'orders',
    operation: 'query ($id: ID!) { product(id: $id) { id } orders(first: 1) { totalCount } }',
    variables: () => ({ id: anyProduct.id }), expect: signedIn('data', 'UNAUTHENTICATED'),
  },
];

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | null | undefined)?.[key], data);
}

/** Exactly one error, with `code` (FORBIDDEN unless told), at `path`, whose field is null. */
function assertOneError(body: GraphQLBody, path: (string | number)[], code = 'FORBIDDEN'): void {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  const [error] = body.errors ?? [];
  assert.equal(error?.extensions?.code, code);
  assert.deepEqual(error?.path, path);
  assert.equal(valueAt(body.data, path) ?? null, null);
}

function assertOutcome(row: Row, viewerId: string | null, outcome: Outcome, body: GraphQLBody): void {
  const value = valueAt(body.data, [row.field]);
  switch (outcome) {
    case 'data':
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.ok(value !== null && value !== undefined, `${row.field} has data`);
      break;
    case 'null':
      assert.deepEqual(withoutCost(body), { data: { [row.field]: null } });
      return;
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED': {
      assertOneError(body, [row.field], outcome);
      // Everything else asked for still answers (unless the refused field is a non-null mutation result).
      for (const [field, other] of Object.entries(body.data ?? {})) if (field !== row.field) assert.notEqual(other, null, `${field} keeps its data`);
      return;
    }
    case 'partial':
      assert.ok(row.protectedPath, 'a partial row names its protected path');
      assertOneError(body, row.protectedPath);
      assert.ok(value !== null && value !== undefined, `${row.field} keeps its data`);
      break;
  }
  row.check?.(value as Record<string, unknown>, viewerId);
}

for (const surface of ['web', 'mobile'] as const) {
  describe(`${surface} authorization matrix`, () => {
    for (const row of ROWS.filter((r) => r.surface === surface)) {
      for (const viewerName of Object.keys(VIEWERS) as ViewerName[]) {
        const outcome = row.expect[viewerName];
        it(`${row.subject} — ${viewerName}: ${outcome}`, async () => {
          const viewerId = VIEWERS[viewerName]?.id ?? null;
          const token = tokens.get(viewerName);
          const response = await graphql(shop.gateway, surface, row.operation, { variables: row.variables?.(viewerId) ?? {}, ...(token ? { token } : {}) });
          assert.equal(response.status, 200);
          assertOutcome(row, viewerId, outcome, response.body);
        });
      }
    }
  });
}

describe('token scopes (a token with a scope claim holds only what it names)', () => {
  const scoped = (scope: string) => craftToken(shop.gateway.config, { claims: { sub: 'u1', scope } });
  const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';
  const UPDATE = 'mutation ($bio: String) { updateProfile(input: { bio: $bio }) { id } }';
  const placeVariables = () => ({ input: { items: [{ productId: stocked.id, quantity: 1 }], idempotencyKey: freshKey() } });
  const ownBio = () => ({ bio: shop.backends.dataset.users.get('u1')?.profile.bio });

  it('profile:write may update the profile but not place an order', async () => {
    const token = await scoped('profile:write');
    assert.deepEqual(withoutCost((await graphql(shop.gateway, 'web', UPDATE, { token, variables: ownBio() })).body), { data: { updateProfile: { id: 'u1' } } });
    const before = shop.backends.control.stats('orders').byMethod['CreateOrder'] ?? 0;
    const refused = await graphql(shop.gateway, 'web', PLACE, { token, variables: placeVariables() });
    assertOneError(refused.body, ['placeOrder']);
    assert.equal(shop.backends.control.stats('orders').byMethod['CreateOrder'] ?? 0, before, 'no order was created');
  });

  it('orders:write may place an order and reorder, but not update the profile', async () => {
    const token = await scoped('orders:read orders:write');
    const placed = await graphql(shop.gateway, 'web', PLACE, { token, variables: placeVariables() });
    assert.equal(placed.body.errors, undefined, JSON.stringify(placed.body.errors));
    const reordered = await graphql(shop.gateway, 'mobile', 'mutation ($id: ID!, $key: String!) { reorder(orderId: $id, idempotencyKey: $key) { id } }', {
      token,
      variables: { id: ordersOfA.id, key: freshKey() },
    });
    assert.equal(reordered.body.errors, undefined, JSON.stringify(reordered.body.errors));
    assertOneError((await graphql(shop.gateway, 'web', UPDATE, { token, variables: ownBio() })).body, ['updateProfile']);
  });

  // A present claim that is not a non-empty, space-separated string is refused: never read as "every scope".
  for (const [what, scope] of [
    ['an empty string', ''],
    ['a blank string', '   '],
    ['an array', ['orders:read']],
    ['an array naming the scope', ['profile:write']],
    ['a number', 42],
    ['an object', { 'profile:write': true }],
    ['doubled spaces', 'orders:read  profile:write'],
  ] as const) {
    it(`a scope claim that is ${what} makes the token invalid: 401, no backend call`, async () => {
      const token = await craftToken(shop.gateway.config, { claims: { sub: 'u1', scope } });
      const before = shop.backends.control.stats('accounts').calls;
      const refused = await graphql(shop.gateway, 'web', UPDATE, { token, variables: ownBio() });
      assert.equal(refused.status, 401);
      assert.equal(refused.body.data, undefined);
      assert.equal(refused.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      assert.equal(shop.backends.control.stats('accounts').calls, before, 'the profile was neither read nor written');
    });
  }

  it('a sub claim that is not an id shape (a comma, a number) makes the token invalid', async () => {
    for (const sub of ['u1,u2', 7]) {
      const token = await craftToken(shop.gateway.config, { claims: { sub } });
      const refused = await graphql(shop.gateway, 'web', '{ me { id } }', { token });
      assert.equal(refused.status, 401, `sub ${JSON.stringify(sub)}`);
    }
  });
});
