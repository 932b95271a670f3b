import { GraphQLError, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { undecidedFields } from './coverage.ts';

/**
 * Wraps the schema in its graphql-shield rule tree: deny by default, `FORBIDDEN` when a rule
 * refuses, and resolver errors passed through untouched (so a backend failure keeps its own code
 * instead of turning into "Not Authorised!"). Refuses to build when a field has no explicit decision.
 */
export function secureSchema(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  const undecided = undecidedFields(schema, rules);
  if (undecided.length > 0) throw new Error(`No authorization decision for: ${undecided.join(', ')}`);
  return applyRules(schema, rules);
}

/**
 * The rule tree applied as is, without the coverage check of {@link secureSchema}: a field the
 * tree does not name is refused by the deny fallback. The fallback is the second line behind the
 * coverage check (a rule tree edited after the check, a field shield sees that the check does not).
 */
export function applyRules(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(rules, {
      fallbackRule: deny,
      allowExternalErrors: true,
      fallbackError: () => new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } }),
    }),
  );
}
