import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';

/**
 * Copies what only GraphQL knows into the request's record for its log line and metrics:
 * the operation name, the field-cache hits and the error codes of the response.
 */
export function operationDetailsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          if (operationName) contextValue.record.operationName = operationName;
        },
        async willSendResponse({ contextValue, response }) {
          contextValue.record.cacheHits = contextValue.cache.hits;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            if (typeof code === 'string') contextValue.record.errorCodes.add(code);
          }
        },
      };
    },
  };
}
