/** The result of a batch read: found entities in request order, unknown ids in request order. */
export interface Batch<T> {
  found: T[];
  missing: string[];
}

/** Looks ids up, answering each distinct id once. */
export function pickByIds<T>(ids: readonly string[], lookup: (id: string) => T | undefined): Batch<T> {
  const batch: Batch<T> = { found: [], missing: [] };
  for (const id of new Set(ids)) {
    const entity = lookup(id);
    if (entity === undefined) batch.missing.push(id);
    else batch.found.push(entity);
  }
  return batch;
}
