import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';

/**
 * A response to a request carrying credentials is never `Cache-Control: public`: a shared cache
 * (CDN, proxy) must not keep it, whatever the schema's hints say. Apollo's cache-control plugin
 * computes the header from the hints first; this runs after it.
 */
export function credentialedPrivatePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const headers = request.http?.headers;
      if (!headers?.has('authorization') && !headers?.has('cookie')) return undefined;
      return {
        async willSendResponse({ response }) {
          const value = response.http.headers.get('cache-control');
          if (value && /\bpublic\b/i.test(value)) response.http.headers.set('cache-control', value.replace(/\bpublic\b/gi, 'private'));
        },
      };
    },
  };
}
