import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HTTP_ERROR_CODES, refuseOnSocket, type Refusal } from './refusal.ts';

/** Node's codes for the client errors the gateway answers with a refusal of their own. */
const REFUSALS: Readonly<Record<string, Refusal>> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: HTTP_ERROR_CODES[431] ?? 'HEADERS_TOO_LARGE', message: 'The request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: HTTP_ERROR_CODES[408] ?? 'REQUEST_TIMEOUT', message: 'The request was not received in time' },
};
const MALFORMED: Refusal = { status: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP' };

/**
 * Fastify's `clientErrorHandler`: errors Node's HTTP server raises on a connection before a
 * request exists (headers too large, request timeout, bytes that are not HTTP) are answered as
 * GraphQL errors with a stable code (431 `HEADERS_TOO_LARGE`, 408 `REQUEST_TIMEOUT`, 400
 * `BAD_REQUEST`), never Fastify's own JSON shape. The first two are logged at info, anything else
 * at warn with its cause; a reset connection is let go in silence.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = error.code ? REFUSALS[error.code] : undefined;
  const refusal = known ?? MALFORMED;
  if (known) this.log.info({ code: refusal.code, status: refusal.status }, 'client error refused');
  else this.log.warn({ err: error, code: refusal.code, status: refusal.status }, 'malformed request refused');
  // A response already under way cannot be replaced by another one: the connection just ends.
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || response?.headersSent) {
    socket.destroy(error);
    return;
  }
  refuseOnSocket(socket, refusal);
}
