import type { BenchContext } from '../context.ts';
import type { ScenarioResult } from '../results.ts';

/** What a scenario's run returns; the runner adds id, title, status and timing. */
export type ScenarioOutcome = Pick<ScenarioResult, 'rows' | 'metrics' | 'notes'> & { status?: 'ok' | 'pending' };

/** One named benchmark scenario. */
export interface Scenario {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<ScenarioOutcome>;
}
