/** How long and how hard the bench runs. */
export interface BenchSettings {
  quick: boolean;
  /** Load before each measured series, per target, in seconds. */
  warmupSec: number;
  /** One measured run, in seconds. */
  durationSec: number;
  /** Measured runs per variant; the median is reported. */
  repeats: number;
  /** Connections of the throughput scenarios. */
  connections: number;
  /** Connections of the latency (overhead) scenario: 1, so latency is service time, not queueing. */
  latencyConnections: number;
  /** Connections of the memory burst. */
  burstConnections: number;
  burstSec: number;
  /** Steady load between the two heap readings of the memory scenario, in seconds. */
  soakSec: number;
  startupRepeats: number;
}

/** `npm run bench`: about 8–10 minutes on 2 cores. */
export const FULL: BenchSettings = {
  quick: false,
  warmupSec: 3,
  durationSec: 10,
  repeats: 3,
  connections: 32,
  latencyConnections: 1,
  burstConnections: 1_000,
  burstSec: 8,
  soakSec: 180,
  startupRepeats: 3,
};

/** `npm run bench -- --quick` (CI): every scenario once, about 2 s each, well under 90 s. */
export const QUICK: BenchSettings = {
  quick: true,
  warmupSec: 0.5,
  durationSec: 2,
  repeats: 1,
  connections: 16,
  latencyConnections: 1,
  burstConnections: 1_000,
  burstSec: 2,
  soakSec: 3,
  startupRepeats: 1,
};
