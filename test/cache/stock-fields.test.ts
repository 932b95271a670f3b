import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { pino } from 'pino';
import type { Backends } from '../../backends/start.ts';
import type { ServiceName } from '../../clients/errors.ts';
import { loadConfig } from '../../src/config.ts';
import { closeClients, createClients, type Clients } from '../../src/clients.ts';
import { createContext, type GatewayContext } from '../../src/context.ts';
import { createCacheStore, type CacheStore } from '../../src/cache/cache-store.ts';
import { createInvalidator } from '../../src/cache/invalidation.ts';
import { RequestCache } from '../../src/cache/request-cache.ts';
import { SURFACE_NAMES } from '../../src/surface-names.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';
import { stockFields } from '../../src/surfaces/surface.ts';
import { backendEnv, startTestBackends } from '../helpers/gateway.ts';

// The field cache keys stock fields by their parent's id as a product id: these types are products.
const PRODUCT_TYPES = new Set(['Product', 'ProductCard', 'ProductDetail']);

let backends: Backends;
let clients: Clients;
let store: CacheStore;
const logger = pino({ level: 'silent' });

before(async () => {
  backends = await startTestBackends();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...backendEnv(backends) });
  clients = createClients(config);
  store = await createCacheStore({ maxMegabytes: 8, logger });
});
after(async () => {
  if (clients) closeClients(clients);
  await backends?.close();
});

/** A fresh request context for u1 (an admin, so no field is cut short), telling which services its calls reached. */
function probeContext(reached: Set<ServiceName>): GatewayContext {
  const record = { requestId: 'probe', arrivedAt: Date.now(), surface: 'probe', traceparent: '', backendCalls: {}, cacheHits: 0, errorCodes: new Set<string>() };
  return createContext({
    requestId: 'probe',
    surface: 'web',
    logger,
    viewer: { id: 'u1', roles: ['admin'], scopes: 'all' },
    clientAddress: '127.0.0.1',
    clients,
    batching: true,
    record,
    cache: new RequestCache(store),
    invalidate: createInvalidator(store),
    call: { requestId: 'probe', deadline: Date.now() + 10_000, observer: (report) => reached.add(report.service) },
  });
}

/** A real parent value of each object type whose fields have resolvers, read from the backends. */
async function parents(): Promise<Record<string, unknown>> {
  const context = probeContext(new Set());
  const [product, user, order] = await Promise.all([context.loaders.product.load('p1'), context.loaders.user.load('u1'), context.loaders.order.load('o1')]);
  const stock = await context.loaders.stock.load(product.sku);
  const item = order.items[0];
  assert.ok(item);
  return {
    Product: product,
    ProductCard: product,
    ProductDetail: product,
    StockLevel: stock,
    User: user,
    Order: order,
    OrderSummary: order,
    OrderItem: { ...item, currency: order.currency },
    Home: { id: 'home' },
  };
}

for (const surface of SURFACE_NAMES) {
  describe(`stock fields of /${surface}/graphql`, () => {
    it('are exactly the fields whose resolver reads inventory, all on products', async () => {
      const definition = surfaceDefinition(surface);
      const schema = makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
      const parentOf = await parents();
      const readInventory: string[] = [];
      const rootTypes = new Set([schema.getQueryType(), schema.getMutationType()].map((type) => type?.name));
      for (const type of Object.values(schema.getTypeMap())) {
        // Root fields have no parent id to key by (and mutations must not run here).
        if (!isObjectType(type) || type.name.startsWith('__') || rootTypes.has(type.name)) continue;
        for (const field of Object.values(type.getFields())) {
          if (!field.resolve) continue;
          assert.ok(type.name in parentOf, `no parent value for ${type.name}: add one so its fields are probed`);
          const args = Object.fromEntries(field.args.filter((arg) => arg.defaultValue !== undefined).map((arg) => [arg.name, arg.defaultValue]));
          const reached = new Set<ServiceName>();
          await Promise.resolve(field.resolve(parentOf[type.name], args, probeContext(reached), {} as GraphQLResolveInfo)).catch(() => undefined);
          if (reached.has('inventory')) readInventory.push(`${type.name}.${field.name}`);
        }
      }
      const derived = stockFields(definition.callSources);
      assert.ok(readInventory.length > 0);
      assert.deepEqual([...derived].sort(), readInventory.sort());
      for (const coordinate of derived) assert.ok(PRODUCT_TYPES.has(coordinate.split('.')[0] ?? ''), `${coordinate} is not a field of a product`);
    });
  });
}
