import DataLoader from 'dataloader';
import { generationKey, productGenerationKey } from './cache-keys.ts';
import type { CacheStore, CacheWrite } from './cache-store.ts';

/** Generation of a viewer who never changed anything. */
const FIRST_GENERATION = '0';

/**
 * The field cache as one request sees it: reads made in the same tick go to the store as one
 * `getMany`, writes made in the same tick as one `setMany`, and each key is read once.
 */
export class RequestCache {
  readonly #store: CacheStore;
  readonly #reads: DataLoader<string, unknown>;
  #writes: CacheWrite[] = [];
  #flushed: Promise<void> = Promise.resolve();
  readonly #generations = new Map<string, Promise<string>>();
  /** Generations this request has read, by key: later lookups build their keys without waiting. */
  readonly #knownGenerations = new Map<string, string>();
  /** Fields answered from the cache. */
  hits = 0;
  /** Cacheable fields that had to be resolved. */
  misses = 0;

  constructor(store: CacheStore) {
    this.#store = store;
    this.#reads = new DataLoader<string, unknown>((keys) => store.getMany([...keys]));
  }

  /** The cached value, or undefined on a miss. */
  get(key: string): Promise<unknown> {
    return this.#reads.load(key);
  }

  /** Stores a value for `ttlMs`; written with the other writes of this tick. Resolves once the store has it (never rejects). */
  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (this.#writes.length === 0) this.#flushed = new Promise((resolve) => setImmediate(() => void this.#flush().then(resolve)));
    this.#writes.push({ key, value, ttlMs });
    return this.#flushed;
  }

  /** The viewer's current cache generation (read once per request). */
  generation(viewerId: string): Promise<string> {
    return this.#generation(generationKey(viewerId));
  }

  /** A product's current stock generation (read once per request). */
  productGeneration(productId: string): Promise<string> {
    return this.#generation(productGenerationKey(productId));
  }

  /** The viewer's generation if this request has already read it, else undefined (then call {@link generation}). */
  knownGeneration(viewerId: string): string | undefined {
    return this.#knownGenerations.get(generationKey(viewerId));
  }

  /** A product's stock generation if this request has already read it, else undefined (then call {@link productGeneration}). */
  knownProductGeneration(productId: string): string | undefined {
    return this.#knownGenerations.get(productGenerationKey(productId));
  }

  #generation(key: string): Promise<string> {
    let generation = this.#generations.get(key);
    if (!generation) {
      generation = this.get(key).then((value) => {
        const read = typeof value === 'string' ? value : FIRST_GENERATION;
        this.#knownGenerations.set(key, read);
        return read;
      });
      this.#generations.set(key, generation);
    }
    return generation;
  }

  #flush(): Promise<void> {
    const writes = this.#writes;
    this.#writes = [];
    return this.#store.setMany(writes);
  }
}
