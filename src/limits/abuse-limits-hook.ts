import { parse, type DocumentNode } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { refuse } from '../surfaces/refusal.ts';
import { checkDocument } from './document-limits.ts';
import type { LimitViolation } from './limit-error.ts';
import type { SurfaceLimits } from './limits-config.ts';
import { checkQueryLength, checkVariables, isTokenLimitError, tokenViolation } from './request-limits.ts';

/** Characters of query text remembered as already checked (the documents Apollo also caches). */
const CHECKED_QUERIES_CHARS = 4_000_000;

/**
 * A Fastify `preValidation` hook applying the abuse limits before any GraphQL work: query
 * length and variables, the token limit (the parser stops at `maxTokens`), then operations,
 * aliases, directives, root fields and depth on the parsed document, before validation (which
 * is quadratic on some hostile shapes). A rejection is a 400 GraphQL error with the limit's code
 * and figures. A query text that passed is remembered, so known queries are not parsed twice.
 * Anything malformed is left to Apollo Server, which answers it with 400 `BAD_REQUEST`.
 */
export function abuseLimitsHook(limits: SurfaceLimits, onReject: (request: FastifyRequest, code: string) => void) {
  const checked = new LRUCache<string, true>({ maxSize: CHECKED_QUERIES_CHARS, sizeCalculation: (_value, key) => Math.max(1, key.length) });

  const checkPayload = (payload: Record<string, unknown>): LimitViolation | null => {
    const { query } = payload;
    let { variables } = payload;
    if (typeof variables === 'string') {
      // A GET carries variables as JSON text; its size is the text's, its nesting the parsed value's.
      try {
        variables = JSON.parse(variables) as unknown;
      } catch {
        return null;
      }
    }
    const variablesViolation = checkVariables(variables, limits);
    if (variablesViolation || typeof query !== 'string' || checked.has(query)) return variablesViolation;
    const violation = checkQueryLength(query, limits) ?? checkQuery(query, limits);
    if (!violation) checked.set(query, true);
    return violation;
  };

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const source = request.method === 'GET' ? request.query : request.body;
    for (const payload of Array.isArray(source) ? source : [source]) {
      if (!payload || typeof payload !== 'object') continue;
      const violation = checkPayload(payload as Record<string, unknown>);
      if (!violation) continue;
      onReject(request, violation.code);
      await refuse(reply, { status: 400, code: violation.code, message: violation.message, extensions: violation.details });
      return;
    }
  };
}

/** Parses with the token limit and checks the document; a syntax error is left for Apollo to report. */
function checkQuery(query: string, limits: SurfaceLimits): LimitViolation | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    return error instanceof Error && isTokenLimitError(error) ? tokenViolation(limits) : null;
  }
  return checkDocument(document, limits);
}
