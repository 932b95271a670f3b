import { loadersScenario } from './loaders.ts';
import { loggingScenario } from './logging.ts';
import { memoryScenario } from './memory.ts';
import { mobileHomeScenario } from './mobile-home.ts';
import { orderHistoryScenario } from './order-history.ts';
import { overheadScenario } from './overhead.ts';
import { authorizationScenario } from './authorization.ts';
import { cacheScenario } from './cache.ts';
import type { Scenario } from './scenario.ts';
import { startupScenario } from './startup.ts';
import { chaosScenario } from './chaos.ts';
import { fastPathScenario } from './fast-path.ts';

/** Every scenario, in the order they run and print. */
export const SCENARIOS: readonly Scenario[] = [
  orderHistoryScenario,
  mobileHomeScenario,
  overheadScenario,
  loadersScenario,
  authorizationScenario,
  cacheScenario,
  loggingScenario,
  memoryScenario,
  startupScenario,
  chaosScenario,
  fastPathScenario,
];
