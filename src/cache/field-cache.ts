import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { entryKey } from './cache-keys.ts';
import type { FieldCachePolicy } from './policy.ts';

/** What the field cache of one surface is built from. */
export interface FieldCacheOptions {
  /** The surface's key namespace (see `surfaceNamespace`). */
  namespace: string;
  /** Cacheable fields by coordinate (see `fieldCachePolicies`). */
  policies: ReadonlyMap<string, FieldCachePolicy>;
  /** Counts hits and misses per coordinate. */
  onLookup?: (coordinate: string, hit: boolean) => void;
}

/**
 * Wraps the resolvers of cacheable fields: a fresh cached value is returned without calling the
 * resolver; a miss resolves once per process even when many requests miss the same key at the
 * same time (no stampede), and the value is stored for the field's max age. PUBLIC entries are
 * keyed by coordinate, parent id and arguments; PRIVATE ones also by viewer and their generation,
 * and are never kept for anonymous requests. Parents without an id are not cached. Authorization
 * wraps this from outside (the rule tree is applied after), so a cached value is only returned
 * where the viewer may see the field.
 */
export function cacheFields(schema: GraphQLSchema, options: FieldCacheOptions): GraphQLSchema {
  const inflight = new Map<string, Promise<unknown>>();
  const queryType = schema.getQueryType()?.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      const policy = options.policies.get(coordinate);
      if (!policy) return field;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, GatewayContext>;
      const ttlMs = policy.maxAgeS * 1000;
      const cached: GraphQLFieldResolver<unknown, GatewayContext> = async (parent, args, context, info) => {
        const viewer = context.viewer;
        const parentId = typeName === queryType ? '' : (parent as { id?: unknown } | null)?.id;
        if (typeof parentId !== 'string' || (policy.scope === 'PRIVATE' && !viewer)) return resolve(parent, args, context, info);
        const cache = context.cache;
        const key = entryKey({
          namespace: options.namespace,
          coordinate,
          parentId,
          args,
          ...(policy.scope === 'PRIVATE' && viewer ? { viewer: { id: viewer.id, generation: await cache.generation(viewer.id) } } : {}),
        });
        const hit = await cache.get(key);
        options.onLookup?.(coordinate, hit !== undefined);
        if (hit !== undefined) {
          cache.hits++;
          return hit;
        }
        cache.misses++;
        let pending = inflight.get(key);
        if (!pending) {
          pending = Promise.resolve(resolve(parent, args, context, info));
          inflight.set(key, pending);
          const value = await pending.catch((error: unknown) => {
            inflight.delete(key);
            throw error;
          });
          // Misses that arrive until the value is in the store still join this resolution.
          if (value !== null && value !== undefined && !(value instanceof Error)) void cache.set(key, value, ttlMs).finally(() => inflight.delete(key));
          else inflight.delete(key);
          return value;
        }
        return pending;
      };
      return { ...field, resolve: cached };
    },
  });
}
