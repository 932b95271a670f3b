import { z } from 'zod';
import { bool } from '../env-values.ts';
import type { SurfaceName } from '../surface-names.ts';

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The environment variables of the limits, per surface (mobile stricter), with defaults.
 * Spread into the gateway's environment schema; the README's table mirrors it.
 */
export const limitsEnvironment = {
  WEB_MAX_DEPTH: count(1, 100, 10),
  MOBILE_MAX_DEPTH: count(1, 100, 6),
  WEB_MAX_COST: count(1, 10_000_000, 20_000),
  MOBILE_MAX_COST: count(1, 10_000_000, 2_000),
  WEB_MAX_ALIASES: count(0, 10_000, 30),
  MOBILE_MAX_ALIASES: count(0, 10_000, 15),
  WEB_MAX_ROOT_FIELDS: count(1, 1_000, 10),
  MOBILE_MAX_ROOT_FIELDS: count(1, 1_000, 5),
  WEB_MAX_DIRECTIVES: count(0, 10_000, 30),
  MOBILE_MAX_DIRECTIVES: count(0, 10_000, 15),
  WEB_MAX_TOKENS: count(10, 1_000_000, 3_000),
  MOBILE_MAX_TOKENS: count(10, 1_000_000, 1_500),
  WEB_MAX_QUERY_LENGTH: count(100, 10_000_000, 20_000),
  MOBILE_MAX_QUERY_LENGTH: count(100, 10_000_000, 8_000),
  WEB_MAX_OPERATIONS: count(1, 1_000, 5),
  MOBILE_MAX_OPERATIONS: count(1, 1_000, 3),
  WEB_MAX_BATCH: count(1, 100, 1),
  MOBILE_MAX_BATCH: count(1, 100, 1),
  WEB_MAX_VARIABLES_BYTES: count(64, 10_485_760, 16_384),
  MOBILE_MAX_VARIABLES_BYTES: count(64, 10_485_760, 4_096),
  WEB_MAX_VARIABLES_DEPTH: count(1, 100, 8),
  MOBILE_MAX_VARIABLES_DEPTH: count(1, 100, 5),
  WEB_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).optional(),
  MOBILE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).optional(),
  WEB_THROTTLE_CAPACITY: count(1, 1_000_000_000, 100_000),
  MOBILE_THROTTLE_CAPACITY: count(1, 1_000_000_000, 20_000),
  WEB_THROTTLE_RESTORE_RATE: z.coerce.number().positive().max(1_000_000_000).default(5_000),
  MOBILE_THROTTLE_RESTORE_RATE: z.coerce.number().positive().max(1_000_000_000).default(1_000),
  THROTTLE_ENABLED: bool.default(true),
  THROTTLE_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]{1,64}$/, 'expected 1 to 64 of A-Z a-z 0-9 : . _ -').default('bff:throttle:'),
};

type LimitsEnvironment = z.infer<z.ZodObject<typeof limitsEnvironment>> & { BODY_LIMIT_BYTES: number };

/** Mobile's body limit when `MOBILE_BODY_LIMIT_BYTES` is unset: at most this many bytes. */
const MOBILE_BODY_LIMIT_CAP = 32_768;

/** One surface's limits. Every count is per request unless said otherwise. */
export interface SurfaceLimits {
  /** Deepest field nesting, counted through fragments (introspection fields excluded). */
  maxDepth: number;
  /** Highest estimated cost of one operation, in cost points (see README "Limits and throttling"). */
  maxCost: number;
  /** Aliased fields in one document. */
  maxAliases: number;
  /** Fields selected at the root of one operation, counted through fragments. */
  maxRootFields: number;
  /** Directives written in one document. */
  maxDirectives: number;
  /** Lexical tokens of one document (comments excluded). */
  maxTokens: number;
  /** Characters of the query text, comments included. */
  maxQueryLength: number;
  /** Operation definitions in one document. */
  maxOperations: number;
  /** Operations in one HTTP request (1 = batching off). */
  maxBatch: number;
  /** Largest `variables` object, in bytes of its JSON text. */
  maxVariablesBytes: number;
  /** Deepest nesting of objects and arrays in `variables`. */
  maxVariablesDepth: number;
  /** Largest request body, in bytes (answered with 413). */
  bodyLimitBytes: number;
  /** The per-client budget: a token bucket of `capacity` points refilled at `restoreRate` points per second. */
  throttle: { capacity: number; restoreRate: number };
}

/** Process-wide throttle settings. */
export interface ThrottleSettings {
  /** Budgets charged at all (cost and abuse limits apply either way). Default: on. */
  enabled: boolean;
  /** Prefix of the budget keys in Redis. Default `bff:throttle:`. */
  keyPrefix: string;
}

/** Builds each surface's limits from the parsed environment. */
export function surfaceLimitsFrom(e: LimitsEnvironment): Record<SurfaceName, SurfaceLimits> {
  return {
    web: {
      maxDepth: e.WEB_MAX_DEPTH,
      maxCost: e.WEB_MAX_COST,
      maxAliases: e.WEB_MAX_ALIASES,
      maxRootFields: e.WEB_MAX_ROOT_FIELDS,
      maxDirectives: e.WEB_MAX_DIRECTIVES,
      maxTokens: e.WEB_MAX_TOKENS,
      maxQueryLength: e.WEB_MAX_QUERY_LENGTH,
      maxOperations: e.WEB_MAX_OPERATIONS,
      maxBatch: e.WEB_MAX_BATCH,
      maxVariablesBytes: e.WEB_MAX_VARIABLES_BYTES,
      maxVariablesDepth: e.WEB_MAX_VARIABLES_DEPTH,
      bodyLimitBytes: e.WEB_BODY_LIMIT_BYTES ?? e.BODY_LIMIT_BYTES,
      throttle: { capacity: e.WEB_THROTTLE_CAPACITY, restoreRate: e.WEB_THROTTLE_RESTORE_RATE },
    },
    mobile: {
      maxDepth: e.MOBILE_MAX_DEPTH,
      maxCost: e.MOBILE_MAX_COST,
      maxAliases: e.MOBILE_MAX_ALIASES,
      maxRootFields: e.MOBILE_MAX_ROOT_FIELDS,
      maxDirectives: e.MOBILE_MAX_DIRECTIVES,
      maxTokens: e.MOBILE_MAX_TOKENS,
      maxQueryLength: e.MOBILE_MAX_QUERY_LENGTH,
      maxOperations: e.MOBILE_MAX_OPERATIONS,
      maxBatch: e.MOBILE_MAX_BATCH,
      maxVariablesBytes: e.MOBILE_MAX_VARIABLES_BYTES,
      maxVariablesDepth: e.MOBILE_MAX_VARIABLES_DEPTH,
      bodyLimitBytes: e.MOBILE_BODY_LIMIT_BYTES ?? Math.min(e.BODY_LIMIT_BYTES, MOBILE_BODY_LIMIT_CAP),
      throttle: { capacity: e.MOBILE_THROTTLE_CAPACITY, restoreRate: e.MOBILE_THROTTLE_RESTORE_RATE },
    },
  };
}

/** The throttle's process-wide settings from the parsed environment. */
export function throttleSettingsFrom(e: LimitsEnvironment): ThrottleSettings {
  return { enabled: e.THROTTLE_ENABLED, keyPrefix: e.THROTTLE_KEY_PREFIX };
}

/** Cross-variable problems: a budget smaller than the largest allowed operation could never admit it. */
export function limitProblems(e: LimitsEnvironment): string[] {
  const problems: string[] = [];
  if (e.WEB_THROTTLE_CAPACITY < e.WEB_MAX_COST) problems.push('WEB_THROTTLE_CAPACITY: must be at least WEB_MAX_COST');
  if (e.MOBILE_THROTTLE_CAPACITY < e.MOBILE_MAX_COST) problems.push('MOBILE_THROTTLE_CAPACITY: must be at least MOBILE_MAX_COST');
  return problems;
}
