import { ProblemError } from '../rest/problem.ts';

const PREFIX = 'o:';

/** The opaque cursor of a position in a result list (the offset of the next item). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; anything else is a 400 naming `after`. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = /^o:(0|[1-9]\d{0,8})$/.test(text) ? Number(text.slice(PREFIX.length)) : NaN;
  // Re-encoding rejects lookalikes that base64url decoding would tolerate.
  if (Number.isNaN(offset) || encodeCursor(offset) !== cursor) {
    throw new ProblemError(400, 'invalid cursor', [{ field: 'after', message: 'must be an endCursor from a previous page' }]);
  }
  return offset;
}
