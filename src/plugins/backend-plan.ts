import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import { isAdmin } from '../auth/viewer.ts';

/**
 * `extensions.plan` on a response whose request asks for it with `"extensions": {"plan": true}`:
 * the backend calls the operation really made (service, method, outcome, duration, attempt), the
 * keys of each batched call, and the fields answered from the field cache. Given in development,
 * and in production to an admin viewer only (it shows the backends' shape and timings); anyone else
 * gets `"plan": null`. Nothing is recorded for a request that does not ask.
 */
export function backendPlanPlugin(options: { production: boolean }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (request.extensions?.['plan'] !== true) return undefined;
      const allowed = !options.production || isAdmin(contextValue.viewer);
      if (allowed) contextValue.record.plan = { calls: [], batches: {} };
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { plan } = contextValue.record;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, plan: plan ? { calls: plan.calls, batches: plan.batches, cacheHits: contextValue.cache.hits } : null };
        },
      };
    },
  };
}
