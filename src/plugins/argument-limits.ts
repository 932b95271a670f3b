import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { argumentViolation, declaredMaxLengths } from '../limits/argument-limits.ts';

/**
 * Refuses, before execution and so before any backend call, a request whose arguments break
 * their declared shape: an `ID` that is not an id, a `String` longer than its description allows
 * (`BAD_USER_INPUT`, HTTP 400, `extensions.argument` naming it). A client's bad input thus never
 * reaches a backend, where it could look like a backend failure.
 */
export function argumentLimitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<GatewayContext> {
  const limits = declaredMaxLengths(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const violation = argumentViolation(schema, limits, document, operation, request.variables);
          if (violation) throw violation;
        },
      };
    },
  };
}
