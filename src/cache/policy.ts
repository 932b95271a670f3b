import { getDirective } from '@graphql-tools/utils';
import { getNamedType, isCompositeType, isIntrospectionType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';

/** How one field's resolved value may be cached. */
export interface FieldCachePolicy {
  /** Seconds the value stays fresh (> 0). */
  maxAgeS: number;
  /** PUBLIC values are shared by all viewers; PRIVATE ones are kept per viewer (and never for anonymous requests). */
  scope: 'PUBLIC' | 'PRIVATE';
}

interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/**
 * The fields whose resolver results the field cache keeps, by coordinate (`Type.field`), from
 * the schema's `@cacheControl` hints with Apollo's precedence: the field's own hint, else its
 * return type's. Only fields with a resolver of their own and a positive max age qualify (a
 * default resolver just reads its parent, which is cached already or not at all); a scope
 * is PRIVATE when the field or its type says so.
 */
export function fieldCachePolicies(schema: GraphQLSchema): Map<string, FieldCachePolicy> {
  const policies = new Map<string, FieldCachePolicy>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      const own = hintOf(schema, field);
      const returned = getNamedType(field.type);
      const inherited = isCompositeType(returned) ? hintOfType(schema, returned) : undefined;
      const maxAge = own?.maxAge ?? inherited?.maxAge;
      if (maxAge === undefined || maxAge <= 0) continue;
      const scope = own?.scope === 'PRIVATE' || inherited?.scope === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
      policies.set(`${type.name}.${field.name}`, { maxAgeS: maxAge, scope });
    }
  }
  return policies;
}

function hintOf(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): CacheHint | undefined {
  return getDirective(schema, field, 'cacheControl')?.[0] as CacheHint | undefined;
}

function hintOfType(schema: GraphQLSchema, type: Parameters<typeof getDirective>[1]): CacheHint | undefined {
  return getDirective(schema, type, 'cacheControl')?.[0] as CacheHint | undefined;
}
