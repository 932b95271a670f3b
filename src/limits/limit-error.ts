import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';

/** The stable `extensions.code` of every limit rejection (README "Error codes clients see"). */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  throttled: 'THROTTLED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  rootFields: 'ROOT_FIELD_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  queryLength: 'QUERY_TOO_LONG',
  operations: 'OPERATION_LIMIT_EXCEEDED',
  batch: 'BATCH_LIMIT_EXCEEDED',
  variablesSize: 'VARIABLES_TOO_LARGE',
  variablesDepth: 'VARIABLES_TOO_DEEP',
} as const;

/** One of {@link LIMIT_CODES}. */
export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/** Every limit code, for the error formatter's list of client-facing codes. */
export const LIMIT_CODE_SET: ReadonlySet<string> = new Set(Object.values(LIMIT_CODES));

/** A limit that a request broke: its code, a message for the client and the figures. */
export interface LimitViolation {
  code: LimitCode;
  message: string;
  /** Extra `extensions` entries, e.g. `{ depth: 12, maxDepth: 10 }`. */
  details: Record<string, unknown>;
}

/**
 * The error a rejected request gets: the code and figures in `extensions`, and the HTTP status
 * (400 unless given, 429 for budgets) with any headers, which Apollo Server applies to the response.
 */
export function limitError(violation: LimitViolation, status = 400, headers: [string, string][] = []): GraphQLError {
  return new GraphQLError(violation.message, {
    extensions: { code: violation.code, ...violation.details, http: { status, headers: new HeaderMap(headers) } },
  });
}
