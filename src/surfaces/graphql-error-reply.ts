import type { FastifyReply } from 'fastify';

/**
 * Answers a request rejected before GraphQL execution with a GraphQL-shaped JSON error,
 * so clients never get an HTML page or a framework-specific body.
 */
export function replyWithGraphQLError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });
}

/** Stable codes for HTTP-level rejections. */
export const HTTP_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};
