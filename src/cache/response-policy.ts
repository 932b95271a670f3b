import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A cache hint as Apollo's cache-control model has it: a max age in seconds and a scope, each possibly unset. */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/** The HTTP cache policy of one response: cacheable for `maxAge` seconds in `scope`, or not at all (null). */
export type ResponsePolicy = { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null;

/** One response key of a selection: the hint its field adds when resolved, and what is selected below it. */
interface PlannedField {
  key: string;
  hint: CacheHint;
  /** The field's hint restricted by every hint below it: when this cannot restrict the policy further, the subtree is skipped. */
  bound: CacheHint;
  children: PlannedField[];
}

/** One operation's plan: its root fields, and what they alone (always resolved) make the policy. */
interface OperationPlan {
  fields: PlannedField[];
  /** Every field of the document restricted together: the policy when all of them resolve. */
  bound: CacheHint;
  /** Root fields resolved whatever the data (no `@skip`/`@include`). */
  certain: CacheHint;
}

interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

/** `target` restricted by `hint` (Apollo's `restrict`: the shorter max age, PRIVATE wins). */
function restrict(target: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (target.maxAge === undefined || hint.maxAge < target.maxAge)) target.maxAge = hint.maxAge;
  if (hint.scope !== undefined && target.scope !== 'PRIVATE') target.scope = hint.scope;
}

/** Whether restricting `policy` by `hint` would change it. */
function restricts(policy: CacheHint, hint: CacheHint): boolean {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) return true;
  return hint.scope !== undefined && hint.scope !== policy.scope && policy.scope !== 'PRIVATE';
}

const cacheable = (hint: CacheHint): ResponsePolicy => (hint.maxAge === undefined || hint.maxAge === 0 ? null : { maxAge: hint.maxAge, scope: hint.scope ?? 'PUBLIC' });

/**
 * The HTTP cache policy of responses, decided from the document and the data once execution is
 * done, with the result of Apollo Server's cache-control plugin and none of its per-field work:
 * a field's hint is its own `@cacheControl` over its return type's (with `inheritMaxAge`), a
 * composite or root field without a max age has 0, and the response's policy is every resolved
 * field's hint restricted together. A field is resolved exactly when its response key holds a value (null
 * included) in its parent's data (the policy is asked only of responses without errors), so the plan of each
 * operation is built once and read against the data, skipping subtrees that cannot restrict it
 * further. Interfaces and unions are read conservatively: a key under an abstract type is
 * restricted by the hints of every possible type's field of that name. Dynamic hints
 * (`info.cacheControl`) do not exist here: resolvers cannot set them.
 */
export function responsePolicies(schema: GraphQLSchema): (document: DocumentNode, operation: OperationDefinitionNode, data: Record<string, unknown> | null | undefined) => ResponsePolicy {
  const typeHints = new Map<GraphQLCompositeType, Annotation>();
  const fieldHints = new Map<GraphQLField<unknown, unknown>, Annotation>();
  const annotationOf = (node: Parameters<typeof getDirective>[1]): Annotation => (getDirective(schema, node, 'cacheControl')?.[0] as Annotation | undefined) ?? {};
  const typeAnnotation = (type: GraphQLCompositeType): Annotation => {
    let hint = typeHints.get(type);
    if (!hint) typeHints.set(type, (hint = annotationOf(type)));
    return hint;
  };

  /** Apollo's per-field policy, as `willResolveField` computes it, for a field found on `field`. */
  const hintOf = (field: GraphQLField<unknown, unknown>, root: boolean): CacheHint => {
    let own = fieldHints.get(field);
    if (!own) fieldHints.set(field, (own = annotationOf(field)));
    const hint: CacheHint = {};
    let inherit = false;
    const target = getNamedType(field.type);
    const composite = isCompositeType(target);
    if (composite) {
      const typed = typeAnnotation(target);
      if (typed.maxAge !== undefined && !typed.inheritMaxAge) hint.maxAge = typed.maxAge;
      if (typed.scope !== undefined) hint.scope = typed.scope;
      inherit = typed.inheritMaxAge === true;
    }
    if (own.inheritMaxAge && hint.maxAge === undefined) {
      inherit = true;
      if (own.scope !== undefined) hint.scope = own.scope;
    } else {
      if (own.maxAge !== undefined && !own.inheritMaxAge) hint.maxAge = own.maxAge;
      if (own.scope !== undefined) hint.scope = own.scope;
    }
    if (hint.maxAge === undefined && ((composite && !inherit) || root)) hint.maxAge = 0;
    return hint;
  };

  /** The field definitions a key may resolve to under `type`: its own, or every possible type's for an abstract one. */
  const definitionsOf = (type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown>[] => {
    if (isObjectType(type)) {
      const field = type.getFields()[name];
      return field ? [field] : [];
    }
    return schema.getPossibleTypes(type).flatMap((possible) => possible.getFields()[name] ?? []);
  };

  const planOperation = (document: DocumentNode, operation: OperationDefinitionNode): OperationPlan => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType => {
      const type = name ? schema.getType(name) : undefined;
      return type && isCompositeType(type) ? type : fallback;
    };

    const plan = (sets: readonly SelectionSetNode[], parent: GraphQLCompositeType, root: boolean): PlannedField[] => {
      const byKey = new Map<string, { nodes: FieldNode[]; definitions: GraphQLField<unknown, unknown>[] }>();
      const collect = (set: SelectionSetNode, scope: GraphQLCompositeType, visited: Set<string>): void => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            // Meta fields (__typename, __schema, __type) carry no hint: Apollo never sees them resolve.
            if (selection.name.value.startsWith('__')) continue;
            const key = selection.alias?.value ?? selection.name.value;
            const entry = byKey.get(key) ?? { nodes: [], definitions: [] };
            entry.nodes.push(selection);
            entry.definitions.push(...definitionsOf(isAbstractType(parent) ? scope : parent, selection.name.value));
            byKey.set(key, entry);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            collect(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, scope), visited);
          } else if (!visited.has(selection.name.value)) {
            visited.add(selection.name.value);
            const fragment = fragments.get(selection.name.value);
            if (fragment) collect(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, scope), visited);
          }
        }
      };
      for (const set of sets) collect(set, parent, new Set());
      return [...byKey].map(([key, { nodes, definitions }]) => {
        const hint: CacheHint = {};
        for (const definition of definitions) restrict(hint, hintOf(definition, root));
        const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
        const returned = definitions[0] ? getNamedType(definitions[0].type) : undefined;
        const children = childSets.length > 0 && returned && isCompositeType(returned) ? plan(childSets, returned, false) : [];
        const bound: CacheHint = { ...hint };
        for (const child of children) restrict(bound, child.bound);
        return { key, hint, bound, children };
      });
    };

    const rootType = schema.getRootType(operation.operation);
    const fields = rootType ? plan([operation.selectionSet], rootType, true) : [];
    const bound: CacheHint = {};
    const certain: CacheHint = {};
    for (const field of fields) restrict(bound, field.bound);
    // Root fields selected directly and without @skip/@include resolve in every response without errors.
    const always = new Set(
      operation.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD && !s.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include') ? [s.alias?.value ?? s.name.value] : [],
      ),
    );
    for (const field of fields) if (always.has(field.key)) restrict(certain, field.hint);
    return { fields, bound, certain };
  };

  const walk = (fields: readonly PlannedField[], value: Record<string, unknown>, policy: CacheHint): void => {
    for (const field of fields) {
      if (policy.maxAge === 0) return;
      // A field left out by @skip/@include is absent (graphql-js) or undefined (graphql-jit); a resolved one is never undefined.
      if (value[field.key] === undefined) continue;
      restrict(policy, field.hint);
      if (field.children.length === 0 || !restricts(policy, field.bound)) continue;
      walkValue(field.children, value[field.key], policy);
    }
  };
  const walkValue = (fields: readonly PlannedField[], value: unknown, policy: CacheHint): void => {
    if (value === null || typeof value !== 'object') return;
    if (!Array.isArray(value)) return walk(fields, value as Record<string, unknown>, policy);
    for (const item of value) {
      if (policy.maxAge === 0) return;
      walkValue(fields, item, policy);
    }
  };

  const plans = new WeakMap<OperationDefinitionNode, OperationPlan>();
  return (document, operation, data) => {
    let plan = plans.get(operation);
    if (!plan) plans.set(operation, (plan = planOperation(document, operation)));
    if (!data) return null;
    // Every field of the document restricts no more than the root fields that always resolve: nothing to read.
    if (plan.certain.maxAge === 0 || !restricts(plan.certain, plan.bound)) return cacheable(plan.certain);
    const policy: CacheHint = {};
    walk(plan.fields, data, policy);
    return cacheable(policy);
  };
}
