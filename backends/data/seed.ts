import { ORDER_STATUSES } from '../../clients/orders/types.ts';
import { createRandom } from './random.ts';
import {
  type AddressRecord,
  type CategoryRecord,
  type Dataset,
  type OrderRecord,
  type ProductRecord,
  type StockRecord,
  type UserRecord,
} from './model.ts';

/** Sizes of the generated shop. Defaults: 10,000 users, 5,000 products, 100,000 orders. */
export interface SeedOptions {
  seed?: number;
  users?: number;
  products?: number;
  orders?: number;
}

/** The first users are heavy buyers so that every demo and test user has a long order history. */
const HEAVY_USERS = 100;
const HEAVY_USER_ORDERS = 40;

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'Linus', 'Radia', 'Tim', 'Hedy', 'Dennis', 'Karen', 'John'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Torvalds', 'Perlman', 'Berners-Lee', 'Lamarr', 'Ritchie', 'Jones', 'McCarthy'];
const LOCALES = [
  { locale: 'en-US', currency: 'USD', country: 'US', city: 'Portland' },
  { locale: 'en-GB', currency: 'GBP', country: 'GB', city: 'Leeds' },
  { locale: 'de-DE', currency: 'EUR', country: 'DE', city: 'Köln' },
  { locale: 'fr-FR', currency: 'EUR', country: 'FR', city: 'Lyon' },
  { locale: 'ja-JP', currency: 'JPY', country: 'JP', city: 'Osaka' },
] as const;
const CATEGORY_NAMES = ['Books', 'Music', 'Games', 'Kitchen', 'Garden', 'Tools', 'Toys', 'Sports', 'Outdoors', 'Office', 'Lighting', 'Audio', 'Cameras', 'Bags', 'Shoes', 'Watches', 'Bikes', 'Coffee', 'Tea', 'Stationery'];
const ADJECTIVES = ['Compact', 'Classic', 'Ultra', 'Eco', 'Smart', 'Pro', 'Vintage', 'Travel', 'Deluxe', 'Everyday'];
const NOUNS = ['Kettle', 'Lamp', 'Backpack', 'Notebook', 'Speaker', 'Grinder', 'Drill', 'Racket', 'Tent', 'Mug', 'Chair', 'Headphones', 'Camera', 'Watch', 'Bottle'];
const BRANDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];
const WAREHOUSES = ['AMS-1', 'FRA-2', 'IAD-1', 'NRT-1'];
const EPOCH = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Builds the deterministic shop: the same options always give the same data. */
export function seedDataset(options: SeedOptions = {}): Dataset {
  const random = createRandom(options.seed ?? 42);
  const userCount = options.users ?? 10_000;
  const productCount = options.products ?? 5_000;
  const orderCount = options.orders ?? 100_000;

  const users = new Map<string, UserRecord>();
  const addressesByUser = new Map<string, AddressRecord[]>();
  for (let i = 1; i <= userCount; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const place = random.pick(LOCALES);
    const id = `u${i}`;
    users.set(id, {
      id,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
      createdAt: new Date(EPOCH - random.int(1, 900) * DAY_MS).toISOString(),
      profile: {
        displayName: first,
        bio: `${first} likes ${random.pick(CATEGORY_NAMES).toLowerCase()}.`,
        avatarUrl: `https://img.example.com/avatars/${id}.png`,
        locale: place.locale,
        currency: place.currency,
      },
    });
    const addresses: AddressRecord[] = [];
    const addressCount = random.int(1, 3);
    for (let a = 1; a <= addressCount; a++) {
      addresses.push({
        id: `${id}-a${a}`,
        userId: id,
        label: a === 1 ? 'Home' : a === 2 ? 'Work' : 'Other',
        line1: `${random.int(1, 400)} ${random.pick(LAST_NAMES)} Street`,
        city: place.city,
        postalCode: pad(random.int(1000, 99999), 5),
        country: place.country,
        isDefault: a === 1,
      });
    }
    addressesByUser.set(id, addresses);
  }

  const categories = new Map<string, CategoryRecord>();
  CATEGORY_NAMES.forEach((name, index) => {
    const id = `c${index + 1}`;
    categories.set(id, { id, name, slug: name.toLowerCase() });
  });

  const products = new Map<string, ProductRecord>();
  const productList: ProductRecord[] = [];
  const stock = new Map<string, StockRecord>();
  for (let i = 1; i <= productCount; i++) {
    const id = `p${i}`;
    const sku = `SKU-${pad(i, 6)}`;
    const brand = random.pick(BRANDS);
    const name = `${brand} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    const product: ProductRecord = {
      id,
      sku,
      name,
      description: `The ${name}: built to last, tested by people who use it every day.`,
      brand,
      categoryId: `c${random.int(1, CATEGORY_NAMES.length)}`,
      imageUrl: `https://img.example.com/products/${id}`,
      featured: i % 250 === 1,
      createdAt: new Date(EPOCH - random.int(1, 700) * DAY_MS).toISOString(),
    };
    products.set(id, product);
    productList.push(product);
    stock.set(sku, {
      sku,
      available: random.next() < 0.1 ? 0 : random.int(1, 500),
      warehouse: random.pick(WAREHOUSES),
      priceCents: random.int(199, 49_999),
    });
  }

  const orders = new Map<string, OrderRecord>();
  const ordersByUser = new Map<string, OrderRecord[]>();
  const heavyOrders = Math.min(HEAVY_USERS, userCount) * HEAVY_USER_ORDERS;
  for (let i = 1; i <= orderCount; i++) {
    const userNumber = i <= heavyOrders ? ((i - 1) % Math.min(HEAVY_USERS, userCount)) + 1 : random.int(1, userCount);
    const userId = `u${userNumber}`;
    const items = [];
    const itemCount = random.int(1, 4);
    let totalCents = 0;
    for (let k = 0; k < itemCount; k++) {
      const product = productList[random.int(0, productList.length - 1)] as ProductRecord;
      const quantity = random.int(1, 3);
      const unitPriceCents = (stock.get(product.sku) as StockRecord).priceCents;
      totalCents += quantity * unitPriceCents;
      items.push({ productId: product.id, sku: product.sku, quantity, unitPriceCents });
    }
    const order: OrderRecord = {
      id: `o${i}`,
      userId,
      status: random.pick(ORDER_STATUSES),
      createdAt: new Date(EPOCH + random.int(0, 600) * DAY_MS + random.int(0, DAY_MS - 1)).toISOString(),
      currency: 'USD',
      items,
      totalCents,
    };
    orders.set(order.id, order);
    const list = ordersByUser.get(userId);
    if (list) list.push(order);
    else ordersByUser.set(userId, [order]);
  }
  for (const list of ordersByUser.values()) {
    list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id)));
  }

  return { users, addressesByUser, categories, products, productList, stock, orders, ordersByUser };
}
