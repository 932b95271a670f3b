import { noFigures } from '../results.ts';
import type { Scenario } from './scenario.ts';

function pendingScenario(id: string, title: string, why: string): Scenario {
  return {
    id,
    title,
    async run() {
      return { status: 'pending', rows: [{ variant: 'pending', figures: noFigures(), note: why }], metrics: {}, notes: [why] };
    },
  };
}

/** Scenario 5: needs graphql-shield, which the gateway does not have yet. */
export const authorizationScenario = pendingScenario(
  'authorization',
  '1,000-item list: shield vs none',
  'pending: authorization (graphql-shield) does not exist yet',
);

/** Scenario 6: needs the field cache, which the gateway does not have yet. */
export const cacheScenario = pendingScenario('cache', 'cached vs cold', 'pending: the field cache (src/cache) does not exist yet');
