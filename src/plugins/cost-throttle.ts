import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import { actualCost } from '../limits/actual-cost.ts';
import type { CostModel } from '../limits/cost-model.ts';
import { cachedEstimator } from '../limits/estimate-cache.ts';
import { LIMIT_CODES, limitError } from '../limits/limit-error.ts';
import type { Charge, Throttle, ThrottleStatus } from '../limits/throttle.ts';

/** What {@link costThrottlePlugin} needs. */
export interface CostThrottleOptions {
  model: CostModel;
  /** Highest estimated cost of one operation. */
  maxCost: number;
  /** The surface's budgets; undefined when throttling is off. */
  throttle: Throttle | undefined;
  /** Called with the code of every rejection (metrics). */
  onReject(code: string): void;
}

/** What every response carries in `extensions.cost` (Shopify's shape). */
export interface CostExtension {
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

/** A client's budget key: the viewer, else the client address. */
const budgetKey = (context: GatewayContext): string => `${context.surface}:${context.viewer ? `v:${context.viewer.id}` : `a:${context.clientAddress}`}`;

/**
 * Prices each operation once its variables are known and rejects it above `maxCost` (400
 * `COST_LIMIT_EXCEEDED`); charges the estimate to the client's budget before execution (429
 * `THROTTLED` with `Retry-After` when it does not fit); after execution measures the actual cost,
 * refunds the difference, and reports both with the budget in `extensions.cost`.
 */
export function costThrottlePlugin(options: CostThrottleOptions): ApolloServerPlugin<GatewayContext> {
  const { model, maxCost, throttle, onReject } = options;
  const estimate = cachedEstimator(model);
  return {
    async requestDidStart() {
      let requested: number | null = null;
      let charge: Charge | undefined;
      let status: ThrottleStatus | null = null;
      let admitted = false;
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          requested = estimate(document, operation, request.variables);
          if (requested > maxCost) {
            onReject(LIMIT_CODES.cost);
            throw limitError({
              code: LIMIT_CODES.cost,
              message: `The operation's estimated cost is ${requested}; at most ${maxCost} is accepted`,
              details: { requestedQueryCost: requested, maximumCost: maxCost },
            });
          }
          if (throttle) {
            charge = await throttle.charge(budgetKey(contextValue), requested);
            status = charge.status;
            if (!charge.allowed) {
              onReject(LIMIT_CODES.throttled);
              throw limitError(
                {
                  code: LIMIT_CODES.throttled,
                  message: `Throttled: the operation costs ${requested} and ${charge.status.currentlyAvailable} of ${charge.status.maximumAvailable} points are left; retry in ${charge.retryAfterSeconds} s`,
                  details: { retryAfterSeconds: charge.retryAfterSeconds },
                },
                429,
                [['retry-after', String(charge.retryAfterSeconds)]],
              );
            }
          }
          admitted = true;
        },
        async willSendResponse({ response, document, operation, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          let actual: number | null = null;
          if (admitted && document && operation) {
            actual = actualCost(model, document, operation, result.data);
            const unused = (requested ?? 0) - actual;
            if (throttle && charge && unused > 0) status = await throttle.refund(budgetKey(contextValue), unused, charge).catch(() => status);
          } else if (throttle && !status) {
            status = await throttle.peek(budgetKey(contextValue)).catch(() => null);
          }
          const cost: CostExtension = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
