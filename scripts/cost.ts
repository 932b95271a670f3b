/**
 * `npm run cost -- <files or globs> [--variables <json>] [--json]`: for every operation in the
 * given `.graphql` files, its estimated cost on each surface whose schema it fits, against that
 * surface's `*_MAX_COST` (from the environment, as the gateway reads it), and the backend call
 * plan: per resolver level, the calls each service gets, split by its batch limit. The figures
 * are the gateway's own (src/limits/estimate-cost.ts, src/limits/call-plan.ts), computed with the
 * operation's variable defaults unless `--variables` gives values.
 *
 * Exits 1 when an operation fits no surface or is over a limit of a surface it fits.
 */
import { globSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { loadConfigOrExit } from '../src/config.ts';
import { SURFACE_NAMES, type SurfaceName } from '../src/surface-names.ts';
import { surfaceDefinition } from '../src/surfaces/index.ts';
import { buildCostModel, type CostModel } from '../src/limits/cost-model.ts';
import { estimateCost } from '../src/limits/estimate-cost.ts';
import { planCalls, type CallSources, type PlannedCalls } from '../src/limits/call-plan.ts';
import { BATCH_LIMITS } from '../src/loaders.ts';

/** One operation on one surface. */
interface SurfaceReport {
  surface: SurfaceName;
  /** Why the operation does not fit this surface's schema; absent when it does. */
  invalid?: string;
  cost?: number;
  maxCost?: number;
  plan?: PlannedCalls[];
}

/** One operation of one file. */
interface OperationReport {
  file: string;
  operation: string;
  surfaces: SurfaceReport[];
}

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { variables: { type: 'string' }, json: { type: 'boolean', default: false } } });
if (positionals.length === 0) {
  console.error('usage: npm run cost -- <files or globs> [--variables <json>] [--json]');
  process.exit(2);
}
const files = [...new Set(positionals.flatMap((pattern) => globSync(pattern)))].sort();
if (files.length === 0) {
  console.error(`cost: no file matches ${positionals.join(' ')}`);
  process.exit(2);
}
const variables = options.variables ? (JSON.parse(options.variables) as Record<string, unknown>) : undefined;
const config = loadConfigOrExit();
const surfaces = SURFACE_NAMES.map((name) => {
  const definition = surfaceDefinition(name);
  const model = buildCostModel(makeExecutableSchema({ typeDefs: definition.typeDefs }));
  return { name, model, sources: definition.callSources, maxCost: config.limits[name].maxCost };
});

function reportOn(surface: { name: SurfaceName; model: CostModel; sources: CallSources; maxCost: number }, document: DocumentNode, operation: OperationDefinitionNode): SurfaceReport {
  const errors = validate(surface.model.schema, document);
  if (errors.length > 0) return { surface: surface.name, invalid: errors[0]?.message ?? 'invalid' };
  return {
    surface: surface.name,
    cost: estimateCost(surface.model, document, operation, variables),
    maxCost: surface.maxCost,
    plan: planCalls(surface.model, surface.sources, BATCH_LIMITS, document, operation, variables),
  };
}

/** Batch sizes as runs, largest first: [50, 50, 7] -> "2 x 50 + 7". */
function describeBatches(sizes: readonly number[]): string {
  const runs = Object.entries(Object.groupBy(sizes, (size) => String(size)))
    .map(([size, run]) => ({ size: Number(size), count: run?.length ?? 0 }))
    .sort((a, b) => b.size - a.size);
  return runs.map(({ size, count }) => (count === 1 ? String(size) : `${count} x ${size}`)).join(' + ');
}

const reports: OperationReport[] = [];
for (const file of files) {
  const document = parse(readFileSync(file, 'utf8'));
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    // Each operation alone with the document's fragments, as a client sends it.
    const single: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d === definition || d.kind === Kind.FRAGMENT_DEFINITION) };
    reports.push({ file, operation: definition.name?.value ?? '(anonymous)', surfaces: surfaces.map((surface) => reportOn(surface, single, definition)) });
  }
}

const failed = reports.some(
  (report) => report.surfaces.every((s) => s.invalid) || report.surfaces.some((s) => s.cost !== undefined && s.maxCost !== undefined && s.cost > s.maxCost),
);
if (options.json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  for (const report of reports) {
    console.log(`${report.operation}  (${report.file})`);
    for (const s of report.surfaces) {
      if (s.invalid) {
        console.log(`  ${s.surface}: does not fit the schema: ${s.invalid}`);
        continue;
      }
      const verdict = (s.cost ?? 0) > (s.maxCost ?? 0) ? 'OVER THE LIMIT' : `${Math.round(((s.cost ?? 0) / (s.maxCost ?? 1)) * 100)} % of the limit`;
      console.log(`  ${s.surface}: estimated cost ${s.cost} of ${s.maxCost} (${verdict})`);
      const plan = [...(s.plan ?? [])].sort((a, b) => a.level - b.level || a.service.localeCompare(b.service));
      if (plan.length === 0) console.log('    no backend call');
      for (const step of plan) {
        const split = step.batchSizes.length > 0 ? `, batches of ${describeBatches(step.batchSizes)}` : '';
        console.log(`    level ${step.level}  ${step.service.padEnd(9)} ${step.method.padEnd(26)} ${step.calls} call${step.calls === 1 ? '' : 's'} at most, ${step.keys} key${step.keys === 1 ? '' : 's'}${split}`);
      }
      const totals = Object.entries(Object.groupBy(plan, (step) => step.service)).map(([service, steps]) => `${service} ${steps?.reduce((n, step) => n + step.calls, 0)}`);
      if (totals.length > 0) console.log(`    calls per service: ${totals.join(', ')}`);
    }
  }
}
process.exit(failed ? 1 : 0);
