import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { surfaceDefinition } from '../../src/surfaces/index.ts';
import type { Dataset, ProductRecord, UserRecord } from '../../backends/data/model.ts';
import type { OrderHistoryQuery, ProductPageQuery } from '../../examples/web/__generated__/graphql.ts';
import type { HomeScreenQuery, ProductDetailScreenQuery, SearchScreenQuery } from '../../examples/mobile/__generated__/graphql.ts';
import { graphql, tokenFor, useGateway, type GraphQLBody } from '../helpers/gateway.ts';
import { HOME_SCREEN, ORDER_HISTORY, PRODUCT_DETAIL, PRODUCT_PAGE, SEARCH_SCREEN } from '../helpers/example-operations.ts';
import { featuredProducts } from '../helpers/batch-predictions.ts';
import { convertedPrice, expectedStock, minorUnits, moneyLabel, productOf, sizedImage, userWithLocale } from '../helpers/shop-expectations.ts';

const shop = useGateway();
let dataset: Dataset;

/** One viewer per regional setting the shop has: each must see its own currency and formatting. */
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'] as const;
const ANONYMOUS = { locale: 'en-US', currency: 'USD' } as const;

before(async () => {
  await shop.ready();
  dataset = shop.backends.dataset;
});

/** Runs one operation as `user` (anonymous when null) and returns its data, failing on any error. */
async function query<T>(surface: 'web' | 'mobile', document: string, user: UserRecord | null, variables: Record<string, unknown> = {}): Promise<T> {
  const token = user ? await tokenFor(shop.gateway.config, user.id) : undefined;
  const response = await graphql(shop.gateway, surface, document, { variables, ...(token ? { token } : {}) });
  assert.equal(response.status, 200);
  assertNoErrors(response.body);
  return response.body.data as T;
}

function assertNoErrors(body: GraphQLBody): void {
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
}

const regionOf = (user: UserRecord | null) => (user ? user.profile : ANONYMOUS);
const iso = (instant: string): string => new Date(instant).toISOString();

/** The first product, one out of stock, one with only a few units left and one well stocked. */
function sampleProducts(): ProductRecord[] {
  const byAvailability = (test: (available: number) => boolean) => dataset.productList.find((p) => test(dataset.stock.get(p.sku)?.available ?? -1));
  const picks = [dataset.productList[0], byAvailability((n) => n === 0), byAvailability((n) => n > 0 && n <= 5), byAvailability((n) => n > 5)];
  assert.ok(picks.every((p) => p !== undefined), 'the dataset has every kind of stock level');
  return [...new Set(picks as ProductRecord[])];
}

describe('web OrderHistory equals the backends’ records', () => {
  for (const locale of ['de-DE', 'ja-JP'] as const) {
    it(`orders, lines, products, prices (${locale} viewer) and stock`, async () => {
      const user = userWithLocale(dataset, locale);
      const all = dataset.ordersByUser.get(user.id) ?? [];
      assert.ok(all.length > 20, 'a heavy user with more than one page');
      const { me } = await query<OrderHistoryQuery>('web', ORDER_HISTORY, user, { first: 20 });
      assert.ok(me?.orders);
      assert.deepEqual({ id: me.id, name: me.name, profile: me.profile }, { id: user.id, name: user.name, profile: { displayName: user.profile.displayName, currency: user.profile.currency } });
      assert.equal(me.orders.totalCount, all.length);
      assert.equal(me.orders.pageInfo.hasNextPage, true);
      assert.equal(typeof me.orders.pageInfo.endCursor, 'string');
      const expected = all.slice(0, 20).map((order) => ({
        id: order.id,
        status: order.status,
        createdAt: iso(order.createdAt),
        itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
        total: minorUnits(order.totalCents, order.currency),
        items: order.items.map((item) => {
          const product = productOf(dataset, item.productId);
          const stock = expectedStock(dataset, product, user.profile.currency);
          return {
            quantity: item.quantity,
            sku: item.sku,
            unitPrice: minorUnits(item.unitPriceCents, order.currency),
            product: {
              id: product.id,
              name: product.name,
              imageUrl: sizedImage(product.imageUrl, 120),
              price: stock.price,
              stock: { available: stock.available, inStock: stock.available > 0 },
            },
          };
        }),
      }));
      assert.deepEqual(me.orders.nodes, expected);
    });
  }
});

describe('web ProductPage equals the catalog and inventory', () => {
  for (const locale of [...LOCALES, null]) {
    it(`priced in the ${locale ?? 'anonymous'} viewer's currency`, async () => {
      const user = locale ? userWithLocale(dataset, locale) : null;
      for (const product of sampleProducts()) {
        const { product: page } = await query<ProductPageQuery>('web', PRODUCT_PAGE, user, { id: product.id });
        const stock = expectedStock(dataset, product, regionOf(user).currency);
        const category = dataset.categories.get(product.categoryId);
        assert.ok(category);
        assert.deepEqual(page, {
          id: product.id,
          sku: product.sku,
          name: product.name,
          description: product.description,
          brand: product.brand,
          imageUrl: sizedImage(product.imageUrl, 1024),
          category: { id: category.id, name: category.name },
          price: stock.price,
          stock: { available: stock.available, inStock: stock.available > 0, warehouse: stock.warehouse },
        });
      }
    });
  }

  it('an unknown product is null, not an error', async () => {
    const { product } = await query<ProductPageQuery>('web', PRODUCT_PAGE, null, { id: 'p999999' });
    assert.equal(product, null);
  });
});

/** The detail screen's availability text (the schema's examples: `Only 3 left`; 5 or fewer is "low"). */
function stockLabel(available: number): string {
  if (available === 0) return 'Out of stock';
  return available <= 5 ? `Only ${available} left` : 'In stock';
}

describe('mobile ProductDetailScreen equals the catalog and inventory', () => {
  for (const locale of [...LOCALES, null]) {
    it(`priceLabel in the ${locale ?? 'anonymous'} viewer's locale and currency`, async () => {
      const user = locale ? userWithLocale(dataset, locale) : null;
      const region = regionOf(user);
      for (const product of sampleProducts()) {
        const { product: detail } = await query<ProductDetailScreenQuery>('mobile', PRODUCT_DETAIL, user, { id: product.id });
        const stock = expectedStock(dataset, product, region.currency);
        assert.deepEqual(detail, {
          id: product.id,
          name: product.name,
          brand: product.brand,
          description: product.description,
          imageUrl: sizedImage(product.imageUrl, 750),
          categoryName: dataset.categories.get(product.categoryId)?.name,
          priceLabel: moneyLabel(stock.price, region.locale),
          inStock: stock.available > 0,
          stockLabel: stockLabel(stock.available),
        });
      }
    });
  }

  it('different viewers see the same price in their own currency and format', async () => {
    const product = sampleProducts()[0] as ProductRecord;
    const labels = new Map<string, string | null>();
    for (const locale of LOCALES) {
      const { product: detail } = await query<ProductDetailScreenQuery>('mobile', PRODUCT_DETAIL, userWithLocale(dataset, locale), { id: product.id });
      labels.set(locale, detail?.priceLabel ?? null);
    }
    assert.match(labels.get('en-US') ?? '', /^\$/);
    assert.match(labels.get('en-GB') ?? '', /^£/);
    assert.match(labels.get('de-DE') ?? '', /,\d\d\s€$/);
    assert.match(labels.get('fr-FR') ?? '', /,\d\d\s€$/);
    assert.match(labels.get('ja-JP') ?? '', /^[¥￥]\d[\d,]*$/);
    // One label per currency: de-DE and fr-FR both write euros as `12,34 €`.
    assert.equal(new Set(['en-US', 'en-GB', 'de-DE', 'ja-JP'].map((l) => labels.get(l))).size, 4);
  });
});

describe('mobile SearchScreen equals the catalog’s matches', () => {
  it('two pages of matches in catalog order, priced for the viewer', async () => {
    const user = userWithLocale(dataset, 'en-GB');
    const text = 'lamp';
    const matches = dataset.productList.filter((p) => p.name.toLowerCase().includes(text) || p.brand.toLowerCase().includes(text));
    assert.ok(matches.length > 10, 'enough matches for two pages');
    const card = (product: ProductRecord) => {
      const stock = expectedStock(dataset, product, user.profile.currency);
      return {
        id: product.id,
        name: product.name,
        thumbnailUrl: sizedImage(product.imageUrl, 160),
        priceLabel: moneyLabel(stock.price, user.profile.locale),
        inStock: stock.available > 0,
      };
    };
    const first = await query<SearchScreenQuery>('mobile', SEARCH_SCREEN, user, { text: 'LAMP', first: 10 });
    assert.equal(first.search.totalCount, matches.length);
    assert.equal(first.search.pageInfo.hasNextPage, true);
    assert.deepEqual(first.search.nodes, matches.slice(0, 10).map(card));
    const second = await query<SearchScreenQuery>('mobile', SEARCH_SCREEN, user, { text: 'LAMP', first: 10, after: first.search.pageInfo.endCursor });
    assert.equal(second.search.totalCount, matches.length);
    assert.equal(second.search.pageInfo.hasNextPage, matches.length > 20);
    assert.deepEqual(second.search.nodes, matches.slice(10, 20).map(card));
  });
});

/** The labels the mobile schema documents for each status (`OrderSummary.statusLabel`: "PENDING `Awaiting payment`, ..."). */
function documentedStatusLabels(schema: GraphQLSchema): Record<string, string> {
  const type = schema.getType('OrderSummary');
  assert.ok(isObjectType(type));
  const description = type.getFields()['statusLabel']?.description ?? '';
  return Object.fromEntries([...description.matchAll(/([A-Z_]+) `([^`]+)`/g)].map(([, status, label]) => [status, label]));
}
const MOBILE_SCHEMA = buildSchema(surfaceDefinition('mobile').typeDefs.join('\n'), { assumeValidSDL: true });
const STATUS_LABELS = documentedStatusLabels(MOBILE_SCHEMA);

it('the mobile schema documents a label for every order status', () => {
  const statuses = MOBILE_SCHEMA.getType('OrderStatus');
  assert.ok(isEnumType(statuses));
  assert.deepEqual(Object.keys(STATUS_LABELS).sort(), statuses.getValues().map((value) => value.name).sort());
});

describe('mobile HomeScreen equals the backends’ records', () => {
  for (const locale of ['fr-FR', 'ja-JP', 'en-GB'] as const) {
    it(`greeting, recent orders and featured cards (${locale} viewer)`, async () => {
      const user = userWithLocale(dataset, locale);
      const { home } = await query<HomeScreenQuery>('mobile', HOME_SCREEN, user);
      const featured = featuredProducts(dataset, 10);
      assert.ok(featured.length > 0);
      assert.deepEqual(home, {
        greeting: `Hello, ${user.profile.displayName}`,
        recentOrders: (dataset.ordersByUser.get(user.id) ?? []).slice(0, 3).map((order) => ({
          id: order.id,
          statusLabel: STATUS_LABELS[order.status],
          itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
          // Totals stay in the order's own currency, written the viewer's way.
          totalLabel: moneyLabel(minorUnits(order.totalCents, order.currency), locale),
          placedAt: iso(order.createdAt),
          thumbnailUrl: sizedImage(productOf(dataset, order.items[0]?.productId ?? '').imageUrl, 96),
        })),
        featured: featured.map((product) => {
          const stock = expectedStock(dataset, product, user.profile.currency);
          return {
            id: product.id,
            name: product.name,
            thumbnailUrl: sizedImage(product.imageUrl, 160),
            priceLabel: moneyLabel(stock.price, locale),
            inStock: stock.available > 0,
          };
        }),
      });
    });
  }

  it('anonymous: a generic greeting, no orders, USD prices', async () => {
    const { home } = await query<HomeScreenQuery>('mobile', HOME_SCREEN, null);
    assert.equal(home.greeting, 'Welcome');
    assert.deepEqual(home.recentOrders, []);
    assert.deepEqual(
      home.featured?.map((card) => card.priceLabel),
      featuredProducts(dataset, 10).map((p) => moneyLabel(convertedPrice(dataset.stock.get(p.sku)?.priceCents ?? 0, 'USD'), 'en-US')),
    );
  });
});
