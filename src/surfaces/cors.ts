import type { FastifyCorsOptions } from '@fastify/cors';

/** The request headers GraphQL clients send (Apollo Client, Apollo Kotlin/iOS, urql, graphql-request). */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
  'x-request-id',
] as const;

/** Response headers a page may read: the request id for support, `retry-after` on 429 and 503. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after'] as const;

/**
 * @fastify/cors options for one surface: exact `origins` only (no wildcard, no credentials: the
 * token travels in `authorization`, never in a cookie), GET and POST, the headers above, and
 * preflights cached by the browser for `maxAgeSeconds`. A page from another origin gets no
 * `Access-Control-Allow-Origin`, so its browser refuses the response; `Vary: Origin` keeps shared
 * caches from mixing the two. An OPTIONS without the preflight headers is answered like a preflight
 * (204), not with the plugin's plain-text 400.
 */
export function corsOptions(origins: readonly string[], maxAgeSeconds: number): FastifyCorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: false,
    maxAge: maxAgeSeconds,
    strictPreflight: false,
  };
}
