import { invalidArgument } from './rpc.ts';

const PREFIX = 'v1:';

/**
 * Page tokens name the last order of the previous page rather than an offset, so orders placed
 * during a walk (they go to the front) never shift a page and repeat an order.
 */
export function encodePageToken(lastOrderId: string): string {
  return Buffer.from(PREFIX + lastOrderId, 'utf8').toString('base64url');
}

/** The last order id a token names; throws INVALID_ARGUMENT for anything this service did not issue. */
export function decodePageToken(token: string): string {
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) throw invalidArgument('page_token', 'not a token issued by this service');
  return text.slice(PREFIX.length);
}
