import { UpstreamError } from '../../clients/errors.ts';

/** Resolves to null when the backend says the entity does not exist; other failures pass. */
export async function nullIfNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
