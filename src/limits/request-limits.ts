import { LIMIT_CODES, type LimitViolation } from './limit-error.ts';
import type { SurfaceLimits } from './limits-config.ts';

// graphql-js 16 spells it "more that"; match both so an upgrade keeps the code.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

/** Whether a parse error is graphql-js aborting at `parse(…, { maxTokens })`. */
export function isTokenLimitError(error: Error): boolean {
  return TOKEN_LIMIT_MESSAGE.test(error.message);
}

/** The violation of the token limit (the parser stopped at `maxTokens`). */
export function tokenViolation(limits: Pick<SurfaceLimits, 'maxTokens'>): LimitViolation {
  return {
    code: LIMIT_CODES.tokens,
    message: `The document has more than ${limits.maxTokens} tokens`,
    details: { maxTokens: limits.maxTokens },
  };
}

/** Checks the query text's length (comments count: a huge comment costs bandwidth and hashing too). */
export function checkQueryLength(query: string, limits: Pick<SurfaceLimits, 'maxQueryLength'>): LimitViolation | null {
  if (query.length <= limits.maxQueryLength) return null;
  return {
    code: LIMIT_CODES.queryLength,
    message: `The query is ${query.length} characters long; at most ${limits.maxQueryLength} are accepted`,
    details: { length: query.length, maxQueryLength: limits.maxQueryLength },
  };
}

/**
 * Checks `variables`: nesting first (iteratively, stopping at the limit, so a hostile nesting
 * never recurses), then the size of its JSON text.
 */
export function checkVariables(variables: unknown, limits: Pick<SurfaceLimits, 'maxVariablesDepth' | 'maxVariablesBytes'>): LimitViolation | null {
  if (variables === undefined || variables === null) return null;
  const stack: [unknown, number][] = [[variables, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxVariablesDepth) {
      return {
        code: LIMIT_CODES.variablesDepth,
        message: `Variables are nested deeper than ${limits.maxVariablesDepth} levels`,
        details: { maxVariablesDepth: limits.maxVariablesDepth },
      };
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes <= limits.maxVariablesBytes) return null;
  return {
    code: LIMIT_CODES.variablesSize,
    message: `Variables take ${bytes} bytes; at most ${limits.maxVariablesBytes} are accepted`,
    details: { bytes, maxVariablesBytes: limits.maxVariablesBytes },
  };
}
