import type { FastifyReply, FastifyRequest } from 'fastify';

/** GraphQL request errors on a well-formed request (Apollo answers them 400). */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);
const NAMES_APPLICATION_JSON = /(?:^|,)\s*application\/json\s*(?:[;,]|$)/i;

/**
 * GraphQL over HTTP: under `application/json` a well-formed request is answered 200 even when
 * parsing, validation or variable coercion fails. Applied only when the client names
 * `application/json` in Accept and got it: clients preferring `application/graphql-response+json`,
 * or accepting anything, keep Apollo's 4xx, which says more.
 */
export async function legacyJsonStatus(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (
    reply.statusCode === 400 &&
    typeof payload === 'string' &&
    NAMES_APPLICATION_JSON.test(request.headers.accept ?? '') &&
    String(reply.getHeader('content-type')).startsWith('application/json') &&
    onlyRequestErrors(payload)
  ) {
    reply.code(200);
  }
  return payload;
}

function onlyRequestErrors(payload: string): boolean {
  try {
    const body = JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] };
    return Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}
