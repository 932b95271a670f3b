/** The figures of one measured variant (null: not measured for this variant). */
export interface Figures {
  rps: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Backend calls per operation (control-plane delta / 2xx responses). */
  callsPerOp: number | null;
  /** Gateway CPU (user + system, from /proc) per operation, in ms. */
  cpuMsPerOp: number | null;
  /** Gateway CPU per backend call, in ms. */
  cpuMsPerCall: number | null;
  /** Peak gateway RSS during the run, in MB. */
  peakRssMb: number | null;
}

/** One row of the results table. */
export interface ResultRow {
  variant: string;
  figures: Figures;
  /** Anything else worth a cell: per-service calls, ratios, memory and start-up figures. */
  note?: string;
}

/** What one scenario produced. */
export interface ScenarioResult {
  id: string;
  title: string;
  status: 'ok' | 'pending' | 'failed';
  rows: ResultRow[];
  /** Named values the targets read, e.g. `addedP50Ms`. */
  metrics: Record<string, number | null>;
  notes: string[];
  error?: string;
  elapsedSec?: number;
}

/** One performance target with its measured value. */
export interface TargetResult {
  target: string;
  measured: string;
  status: 'met' | 'not met' | 'pending';
}

/** Everything one bench run wrote to latest.json. */
export interface BenchReport {
  command: string;
  date: string;
  mode: 'quick' | 'full';
  machine: { cpuModel: string; cores: number; node: string; platform: string };
  settings: Record<string, unknown>;
  scenarios: ScenarioResult[];
  targets: TargetResult[];
  elapsedSec: number;
}

/** Figures with nothing measured. */
export function noFigures(): Figures {
  return { rps: null, p50Ms: null, p99Ms: null, callsPerOp: null, cpuMsPerOp: null, cpuMsPerCall: null, peakRssMb: null };
}
