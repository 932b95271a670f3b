import { createHash } from 'node:crypto';

/** Key prefix of every field-cache entry. */
const CACHE_PREFIX = 'bff:fc';

/** The namespace of one surface's entries: its name and a digest of its SDL, so a schema change starts afresh. */
export function surfaceNamespace(surface: string, typeDefs: readonly string[]): string {
  const version = createHash('sha256').update(typeDefs.join('\n')).digest('hex').slice(0, 12);
  return `${CACHE_PREFIX}:${surface}:${version}`;
}

/**
 * JSON with object keys sorted, so equal arguments always give the same key. Written out rather
 * than through entries, filter and sort of pairs: field arguments are mostly none or a few scalars,
 * and keys are built on every cacheable field a request resolves.
 */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) out += (index === 0 ? '' : ',') + stableJson(value[index]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const entry = record[key];
    if (entry === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${stableJson(entry)}`;
  }
  return `${out}}`;
}

/** What identifies one cached field value. */
export interface EntryKeyParts {
  namespace: string;
  /** `Type.field`. */
  coordinate: string;
  /** Id of the parent object ('' for root fields). */
  parentId: string;
  args: Record<string, unknown>;
  /** PRIVATE entries only: the viewer and their current cache generation. */
  viewer?: { id: string; generation: string };
  /** Entries retired with their parent entity (stock fields): the entity's current cache generation. */
  entityGeneration?: string;
}

/** The key of one field value: surface namespace, coordinate, parent, arguments, and for PRIVATE entries the viewer. */
export function entryKey(parts: EntryKeyParts): string {
  const base = `${parts.namespace}:${parts.coordinate}:${parts.parentId}:${stableJson(parts.args)}`;
  const entity = parts.entityGeneration === undefined ? base : `${base}:e=${parts.entityGeneration}`;
  return parts.viewer ? `${entity}:v=${parts.viewer.id}:g=${parts.viewer.generation}` : entity;
}

/** The key holding a viewer's cache generation: changing it retires all their PRIVATE entries at once, on every surface. */
export function generationKey(viewerId: string): string {
  return `${CACHE_PREFIX}:gen:${viewerId}`;
}

/**
 * The key holding a product's stock generation: changing it retires the product's stock fields on
 * every surface, and a value resolved before the change can only land under the old generation.
 */
export function productGenerationKey(productId: string): string {
  return `${CACHE_PREFIX}:gen:product:${productId}`;
}
