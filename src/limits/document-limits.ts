import { Kind, type DirectiveNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { LIMIT_CODES, type LimitViolation } from './limit-error.ts';
import type { SurfaceLimits } from './limits-config.ts';

/** What the document checks read from a surface's limits. */
export type DocumentLimits = Pick<SurfaceLimits, 'maxOperations' | 'maxAliases' | 'maxDirectives' | 'maxRootFields' | 'maxDepth'>;

/**
 * Most directives on one field, fragment or definition. Executable directives are few
 * (`@include`, `@skip`): more on one node is an attack on validation, which reports every
 * unknown or repeated one separately.
 */
export const MAX_DIRECTIVES_PER_LOCATION = 4;

/** Introspection meta-fields are left out of depth: Sandbox's own query is deep, and production turns introspection off. */
const isIntrospection = (name: string): boolean => name === '__schema' || name === '__type';

/**
 * Checks a parsed document before validation (which is quadratic on some hostile shapes):
 * operations, aliases and directives as written, then root fields and depth of each operation
 * counted through fragments. Fragment results are memoised, so a fragment bomb is measured in
 * linear time; a fragment cycle counts as nothing here (validation rejects it next).
 */
export function checkDocument(document: DocumentNode, limits: DocumentLimits): LimitViolation | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operations = 0;
  let aliases = 0;
  let directives = 0;
  let crowded: LimitViolation | null = null;
  // Per node: too many directives, or one written twice (this gateway's executable directives are not repeatable).
  const countAt = (list: readonly DirectiveNode[] | undefined): void => {
    if (!list || list.length === 0) return;
    directives += list.length;
    if (crowded) return;
    const names = new Set(list.map((directive) => directive.name.value));
    if (list.length > MAX_DIRECTIVES_PER_LOCATION || names.size < list.length) {
      crowded = violation(
        LIMIT_CODES.directives,
        names.size < list.length
          ? 'A directive is repeated on one field, fragment or operation'
          : `A field, fragment or operation carries ${list.length} directives; at most ${MAX_DIRECTIVES_PER_LOCATION} are accepted`,
        { directives: list.length, maxDirectivesPerLocation: MAX_DIRECTIVES_PER_LOCATION },
      );
    }
  };
  const countSelections = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      countAt(selection.directives);
      if (selection.kind === Kind.FIELD && selection.alias) aliases += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) countSelections(selection.selectionSet);
    }
  };
  const countVariableDirectives = (list: readonly { directives?: readonly DirectiveNode[] | undefined }[] | undefined): void => {
    for (const item of list ?? []) countAt(item.directives);
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations += 1;
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else continue;
    countAt(definition.directives);
    countVariableDirectives(definition.variableDefinitions);
    countSelections(definition.selectionSet);
  }
  if (operations > limits.maxOperations) {
    return violation(LIMIT_CODES.operations, `The document holds ${operations} operations; at most ${limits.maxOperations} are accepted`, { operations, maxOperations: limits.maxOperations });
  }
  if (aliases > limits.maxAliases) {
    return violation(LIMIT_CODES.aliases, `The document uses ${aliases} aliases; at most ${limits.maxAliases} are accepted`, { aliases, maxAliases: limits.maxAliases });
  }
  if (directives > limits.maxDirectives) {
    return violation(LIMIT_CODES.directives, `The document uses ${directives} directives; at most ${limits.maxDirectives} are accepted`, { directives, maxDirectives: limits.maxDirectives });
  }
  if (crowded) return crowded;

  const measure = fragmentMeasures(fragments);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const rootFields = measure.fieldCount(definition.selectionSet);
    if (rootFields > limits.maxRootFields) {
      return violation(LIMIT_CODES.rootFields, `The operation selects ${rootFields} root fields; at most ${limits.maxRootFields} are accepted`, {
        rootFields,
        maxRootFields: limits.maxRootFields,
      });
    }
    const depth = measure.depth(definition.selectionSet);
    if (depth > limits.maxDepth) {
      return violation(LIMIT_CODES.depth, `The operation is ${depth} levels deep; at most ${limits.maxDepth} are accepted`, { depth, maxDepth: limits.maxDepth });
    }
  }
  return null;
}

function violation(code: LimitViolation['code'], message: string, details: Record<string, unknown>): LimitViolation {
  return { code, message, details };
}

/** Depth and field count of selection sets, through fragments, memoised per fragment. */
function fragmentMeasures(fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const depths = new Map<string, number>();
  const counts = new Map<string, number>();
  const inProgress = new Set<string>();

  const viaFragment = (name: string, memo: Map<string, number>, measure: (set: SelectionSetNode) => number): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = measure(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };

  const depth = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      let level: number;
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection.name.value)) continue;
        level = 1 + (selection.selectionSet ? depth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        level = depth(selection.selectionSet);
      } else {
        level = viaFragment(selection.name.value, depths, depth);
      }
      if (level > deepest) deepest = level;
    }
    return deepest;
  };

  const fieldCount = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += fieldCount(selection.selectionSet);
      else total += viaFragment(selection.name.value, counts, fieldCount);
    }
    return total;
  };

  return { depth, fieldCount };
}
