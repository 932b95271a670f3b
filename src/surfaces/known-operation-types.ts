import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule refusing an operation whose type the schema has no root for (a
 * `subscription` on these schemas): graphql-js 16 lets it through validation and fails it at
 * execution as an internal error. The rule graphql-js 17 adds to its specified rules.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This endpoint does not serve ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
