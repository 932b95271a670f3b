import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UpstreamError, type UpstreamErrorCode } from '../../clients/errors.ts';
import { LIMIT_CODE_SET } from '../limits/limit-error.ts';

/** The `extensions.code` a client sees for each kind of backend failure. */
export const UPSTREAM_CODES: Readonly<Record<UpstreamErrorCode, string>> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_ARGUMENT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'BACKEND_UNAVAILABLE',
  TIMEOUT: 'BACKEND_TIMEOUT',
  BAD_RESPONSE: 'BACKEND_ERROR',
  INTERNAL: 'BACKEND_ERROR',
  CANCELLED: 'CANCELLED',
};

/** Codes whose message was written for clients and may pass as it is. */
const CLIENT_FACING_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  ...LIMIT_CODE_SET,
]);

/**
 * The one place errors leave the gateway. Backend failures become a stable code plus the
 * service name; messages written for clients pass; everything else is masked. Never throws.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  try {
    const original = unwrapResolverError(error);
    const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (original instanceof UpstreamError) {
      const code = UPSTREAM_CODES[original.code];
      const message =
        code === 'BAD_USER_INPUT' && original.field
          ? `Invalid value for ${original.field}`
          : code === 'NOT_FOUND'
            ? 'Not found'
            : code === 'BAD_USER_INPUT'
              ? `The ${original.service} service refused the input`
            : `The ${original.service} service could not answer`;
      return {
        message,
        ...base,
        extensions: { code, service: original.service, ...(original.field ? { argument: original.field } : {}) },
      };
    }
    if (isUncodedRequestError(original)) {
      return { message: formatted.message, ...base, extensions: { code: 'BAD_REQUEST' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_FACING_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, ...base, extensions };
    }
    return { message: 'Internal server error', ...base, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  } catch {
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

/**
 * An error Apollo Server raises about the request itself with a 4xx status but no code of its
 * own (a persisted query's hash that does not match its text, an unsupported persisted query
 * version): its message was written for the client.
 */
function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
