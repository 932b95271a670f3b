import type { ControlClient } from './control-client.ts';
import type { LoadGenerator } from './load/load-generator.ts';
import type { BackendsProcess } from './processes/backends-process.ts';
import type { GatewayOptions, GatewayProcess } from './processes/gateway-process.ts';
import type { BenchSettings } from './settings.ts';

/** What every scenario gets from the runner. */
export interface BenchContext {
  settings: BenchSettings;
  backends: BackendsProcess;
  control: ControlClient;
  load: LoadGenerator;
  /** The checkout of the previous release, built (`--baseline <dir>`); absent: no baseline rows. */
  baselineRoot?: string | undefined;
  /** A scratch directory for this run (log files, profiles). */
  tmpDir: string;
  /**
   * A started gateway for a named variant, shared by scenarios (started on first use, stopped by
   * the runner at the end). `env` is only read on first use of a name.
   */
  gateway(name: string, env?: Record<string, string>, extra?: Partial<GatewayOptions>): Promise<GatewayProcess>;
  /** Progress line on stderr. */
  log(message: string): void;
}
