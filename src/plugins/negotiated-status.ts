import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import { negotiatedStatus } from '../surfaces/refusal.ts';

/**
 * Sets the status of a response refused inside Apollo Server by the same rule as every other
 * refusal (`negotiatedStatus`): a client naming `application/json` gets 200 for a parse,
 * validation or variable error, as GraphQL over HTTP asks of that media type.
 */
export function negotiatedStatusPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single' || response.http.status !== 400) return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code);
          response.http.status = negotiatedStatus(request.http?.headers.get('accept'), 400, codes);
        },
      };
    },
  };
}
