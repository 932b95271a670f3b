import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { responsePolicies } from '../cache/response-policy.ts';

/**
 * Sets every response's `Cache-Control` from the schema's `@cacheControl` hints, as Apollo Server's
 * cache-control plugin does (`max-age=<s>, public|private` for a cacheable response without errors,
 * `no-store` otherwise), from a plan built once per operation instead of a hook on every field
 * (see {@link responsePolicies}). A response to a request carrying credentials (`Authorization` or a
 * cookie) is never `public`: a shared cache (CDN, proxy) must not keep it, whatever the hints say.
 * Apollo's own plugin must be disabled beside this one.
 */
export function cacheControlPlugin(schema: GraphQLSchema): ApolloServerPlugin<GatewayContext> {
  const policyOf = responsePolicies(schema);
  return {
    async requestDidStart({ request }) {
      const headers = request.http?.headers;
      const credentialed = headers?.has('authorization') === true || headers?.has('cookie') === true;
      return {
        async willSendResponse({ response, document, operation }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const policy = single && !single.errors && document && operation ? policyOf(document, operation, single.data) : null;
          if (!policy) response.http.headers.set('cache-control', 'no-store');
          else response.http.headers.set('cache-control', `max-age=${policy.maxAge}, ${credentialed ? 'private' : policy.scope.toLowerCase()}`);
        },
      };
    },
  };
}
