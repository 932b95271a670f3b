import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { entryKey } from './cache-keys.ts';
import type { FieldCachePolicy } from './policy.ts';
import type { SharedWork } from './shared-work.ts';

/** What the field cache of one surface is built from. */
export interface FieldCacheOptions {
  /** The surface's key namespace (see `surfaceNamespace`). */
  namespace: string;
  /** Cacheable fields by coordinate (see `fieldCachePolicies`). */
  policies: ReadonlyMap<string, FieldCachePolicy>;
  /** Counts hits and misses per coordinate. */
  onLookup?: (coordinate: string, hit: boolean) => void;
  /** `Type.field` coordinates of values read from inventory, keyed by product id (`Product.stock`, see `stockFields`): retired by the product's generation. */
  stockFields?: readonly string[];
}

/** A resolution that several requests' misses of one key wait on, and the work it runs in. */
interface SharedMiss {
  value: Promise<unknown>;
  work: SharedWork;
}

/**
 * Wraps the resolvers of cacheable fields: a fresh cached value is returned without calling the
 * resolver; a miss resolves once per process even when many requests miss the same key at the
 * same time (no stampede), and the value is stored for the field's max age. PUBLIC entries are
 * keyed by coordinate, parent id and arguments; PRIVATE ones also by viewer and their generation,
 * and are never kept for anonymous requests; stock fields also by their product's generation.
 * Parents without an id are not cached. A shared miss runs in the work of the request that started
 * it, which the others join (see {@link SharedWork}): it is cancelled only when every request
 * waiting on it has gone, and runs until the latest of their deadlines. Authorization
 * wraps this from outside (the rule tree is applied after), so a cached value is only returned
 * where the viewer may see the field.
 */
export function cacheFields(schema: GraphQLSchema, options: FieldCacheOptions): GraphQLSchema {
  const inflight = new Map<string, SharedMiss>();
  const queryType = schema.getQueryType()?.name;
  const stockFields = new Set(options.stockFields ?? []);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      const policy = options.policies.get(coordinate);
      if (!policy) return field;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, GatewayContext>;
      const ttlMs = policy.maxAgeS * 1000;
      const miss = async (key: string, parent: unknown, args: Record<string, unknown>, context: GatewayContext, info: GraphQLResolveInfo): Promise<unknown> => {
        const cache = context.cache;
        cache.misses++;
        const joined = inflight.get(key);
        if (joined) {
          // The miss runs in the request that started it: this one now keeps that work alive.
          const leave = joined.work.join(context.work.owner);
          return joined.value.finally(leave);
        }
        const value = Promise.resolve(resolve(parent, args, context, info));
        inflight.set(key, { value, work: context.work });
        const resolved = await value.catch((error: unknown) => {
          inflight.delete(key);
          throw error;
        });
        // Misses that arrive until the value is in the store still join this resolution.
        if (resolved !== null && resolved !== undefined && !(resolved instanceof Error)) void cache.set(key, resolved, ttlMs).finally(() => inflight.delete(key));
        else inflight.delete(key);
        return resolved;
      };
      // No async function and no await on the way to a hit: the key is built as soon as the
      // generations it needs are known (at once when this request already read them), and a hit
      // is returned from the store read's own continuation.
      const lookup = (key: string, parent: unknown, args: Record<string, unknown>, context: GatewayContext, info: GraphQLResolveInfo): Promise<unknown> =>
        context.cache.get(key).then((hit) => {
          options.onLookup?.(coordinate, hit !== undefined);
          if (hit === undefined) return miss(key, parent, args, context, info);
          context.cache.hits++;
          return hit;
        });
      const isStock = stockFields.has(coordinate);
      const cached: GraphQLFieldResolver<unknown, GatewayContext> = (parent, args, context, info) => {
        const viewer = context.viewer;
        const parentId = typeName === queryType ? '' : (parent as { id?: unknown } | null)?.id;
        if (typeof parentId !== 'string' || (policy.scope === 'PRIVATE' && !viewer)) return resolve(parent, args, context, info);
        const cache = context.cache;
        const keyOf = (viewerGeneration: string | undefined, entityGeneration: string | undefined): string =>
          entryKey({
            namespace: options.namespace,
            coordinate,
            parentId,
            args,
            ...(viewerGeneration !== undefined && viewer ? { viewer: { id: viewer.id, generation: viewerGeneration } } : {}),
            ...(entityGeneration !== undefined ? { entityGeneration } : {}),
          });
        const withEntity = (viewerGeneration: string | undefined): string | Promise<string> => {
          if (!isStock) return keyOf(viewerGeneration, undefined);
          const known = cache.knownProductGeneration(parentId);
          if (known !== undefined) return keyOf(viewerGeneration, known);
          return cache.productGeneration(parentId).then((generation) => keyOf(viewerGeneration, generation));
        };
        let key: string | Promise<string>;
        if (policy.scope === 'PRIVATE' && viewer) {
          const known = cache.knownGeneration(viewer.id);
          key = known !== undefined ? withEntity(known) : cache.generation(viewer.id).then(withEntity);
        } else key = withEntity(undefined);
        if (typeof key === 'string') return lookup(key, parent, args, context, info);
        return key.then((built) => lookup(built, parent, args, context, info));
      };
      return { ...field, resolve: cached };
    },
  });
}
