import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import Negotiator from 'negotiator';

/**
 * A request the gateway refuses, answered as a GraphQL error: `{ errors: [{ message,
 * extensions: { code, ...extensions } }] }` with an HTTP status.
 */
export interface Refusal {
  /** The HTTP status (4xx or 5xx). */
  status: number;
  /** The stable `extensions.code` (README "Error codes clients see"). */
  code: string;
  /** A message written for the client. */
  message: string;
  /** More `extensions` entries beside the code, e.g. a limit's figures. */
  extensions?: Readonly<Record<string, unknown>>;
  /** Response headers, e.g. `retry-after` or `www-authenticate`. */
  headers?: Readonly<Record<string, string>>;
}

/** The two media types a GraphQL response is served as (GraphQL over HTTP). */
export const GRAPHQL_MEDIA_TYPES = {
  graphqlResponse: 'application/graphql-response+json',
  json: 'application/json',
} as const;

/** One of {@link GRAPHQL_MEDIA_TYPES}. */
export type GraphQLMediaType = (typeof GRAPHQL_MEDIA_TYPES)[keyof typeof GRAPHQL_MEDIA_TYPES];

/**
 * The media type of a response to this `Accept` header, negotiated exactly as Apollo Server
 * negotiates its own responses (`application/json` first, for clients that accept anything), so a
 * refusal and an executed operation reach a client in the same type. A client that accepts
 * neither type gets `application/json`: a refusal is never itself refused.
 */
export function responseMediaType(accept: string | undefined): GraphQLMediaType {
  if (!accept) return GRAPHQL_MEDIA_TYPES.json;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([GRAPHQL_MEDIA_TYPES.json, GRAPHQL_MEDIA_TYPES.graphqlResponse]);
  return preferred === GRAPHQL_MEDIA_TYPES.graphqlResponse ? preferred : GRAPHQL_MEDIA_TYPES.json;
}

/** Codes of a well-formed request refused by parsing, validation or variable coercion. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);
const NAMES_APPLICATION_JSON = /(?:^|,)\s*application\/json\s*(?:[;,]|$)/i;

/**
 * The status of a response carrying these error codes. GraphQL over HTTP: under
 * `application/json` a well-formed request is answered 200 even when parsing, validation or
 * variable coercion fails. Applied only when the client names `application/json` and gets it:
 * clients preferring `application/graphql-response+json`, or accepting anything, keep the 4xx,
 * which says more.
 */
export function negotiatedStatus(accept: string | undefined, status: number, codes: readonly unknown[]): number {
  const legacyJson =
    status === 400 &&
    codes.length > 0 &&
    codes.every((code) => typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) &&
    NAMES_APPLICATION_JSON.test(accept ?? '') &&
    responseMediaType(accept) === GRAPHQL_MEDIA_TYPES.json;
  return legacyJson ? 200 : status;
}

/** The response body of a refusal. */
export function refusalBody(refusal: Refusal): string {
  return JSON.stringify({ errors: [{ message: refusal.message, extensions: { ...refusal.extensions, code: refusal.code } }] });
}

/**
 * Answers a request with a refusal: the status, the headers, the media type negotiated from the
 * request's `Accept` (see {@link responseMediaType}) and a GraphQL error body. The one way the
 * gateway refuses a request outside Apollo Server's own pipeline.
 */
export function refuse(reply: FastifyReply, refusal: Refusal): FastifyReply {
  for (const [name, value] of Object.entries(refusal.headers ?? {})) reply.header(name, value);
  return reply
    .code(refusal.status)
    .type(`${responseMediaType(reply.request.headers.accept)}; charset=utf-8`)
    .send(refusalBody(refusal));
}

/** Stable codes for refusals made by the HTTP layer, by status. */
export const HTTP_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/**
 * Writes a refusal straight to a socket, for errors Node's HTTP parser raises before there is a
 * request (headers too large, a request that timed out, bytes that are not HTTP). There are no
 * parsed headers to negotiate with, so the body is `application/json`; the socket is then closed.
 */
export function refuseOnSocket(socket: Socket, refusal: Refusal): void {
  const body = refusalBody(refusal);
  const head = [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}`,
    `content-type: ${GRAPHQL_MEDIA_TYPES.json}; charset=utf-8`,
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    ...Object.entries(refusal.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
