import { isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import type { IRules } from 'graphql-shield';

/**
 * Fields of the schema for which the rule tree makes no explicit decision (so they would fall
 * back to deny silently), as `Type.field` coordinates. A type-wide rule or a `'*'` entry counts
 * as a decision for every field of its type.
 */
export function undecidedFields(schema: GraphQLSchema, rules: IRules): string[] {
  const missing: string[] = [];
  const tree = rules as Record<string, unknown>;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const decision = tree[type.name];
    const typeWide = decision !== undefined && (typeof decision !== 'object' || decision === null || !isFieldMap(decision));
    for (const field of Object.keys(type.getFields())) {
      if (typeWide) continue;
      const map = decision as Record<string, unknown> | undefined;
      if (map?.[field] === undefined && map?.['*'] === undefined) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}

function isFieldMap(value: object): boolean {
  // A shield rule is a class instance; a field map is a plain object, with or without a prototype
  // (shield reads a prototype-less map as a field map too, and denies the fields it does not name).
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
