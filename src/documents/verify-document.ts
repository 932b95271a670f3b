import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { checkDocument } from '../limits/document-limits.ts';
import { estimateCost } from '../limits/estimate-cost.ts';
import type { TrustedDocument } from './manifest.ts';
import type { SurfaceTarget } from './surface-target.ts';

/** What checking one document against a surface found. */
export interface DocumentVerdict {
  /** Empty when the document can run on the surface: `invalid` and `overLimits` together. */
  problems: string[];
  /** Validation errors against the schema. */
  invalid: string[];
  /** Document limits and the cost limit exceeded. */
  overLimits: string[];
  /** The estimated cost with the variables at their defaults; undefined when the document is invalid. */
  estimatedCost: number | undefined;
}

/**
 * Checks that a document could run on a surface: valid against its schema, within its document
 * limits (depth, aliases, root fields, directives), and within its cost limit with the
 * variables at their defaults (list sizes then fall back to `@listSize`), so an operation that
 * could never run is caught before release, with its estimated cost.
 */
export function verifyDocument(target: SurfaceTarget, document: TrustedDocument): DocumentVerdict {
  const parsed = parse(document.text, { noLocation: false, maxTokens: target.limits.maxTokens });
  const invalid = validate(target.schema, parsed).map((error) => error.message);
  if (invalid.length > 0) return { problems: invalid, invalid, overLimits: [], estimatedCost: undefined };
  const overLimits: string[] = [];
  const violation = checkDocument(parsed, target.limits);
  if (violation) overLimits.push(violation.message);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const estimatedCost = operation ? estimateCost(target.costModel, parsed, operation, undefined) : 0;
  if (estimatedCost > target.limits.maxCost) overLimits.push(`estimated cost ${estimatedCost} exceeds the ${target.surface} limit of ${target.limits.maxCost}`);
  return { problems: overLimits, invalid, overLimits, estimatedCost };
}
