import type { BenchReport, Figures } from './results.ts';

const COLUMNS: { title: string; key: keyof Figures; digits: number }[] = [
  { title: 'req/s', key: 'rps', digits: 0 },
  { title: 'p50 ms', key: 'p50Ms', digits: 2 },
  { title: 'p99 ms', key: 'p99Ms', digits: 2 },
  { title: 'calls/op', key: 'callsPerOp', digits: 2 },
  { title: 'CPU ms/op', key: 'cpuMsPerOp', digits: 3 },
  { title: 'CPU ms/call', key: 'cpuMsPerCall', digits: 3 },
  { title: 'peak RSS MB', key: 'peakRssMb', digits: 0 },
];

function cell(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** The results as rows of cells: header first. */
function tableCells(report: BenchReport): string[][] {
  const header = ['#', 'scenario', 'variant', ...COLUMNS.map((c) => c.title), 'notes'];
  const rows = report.scenarios.flatMap((scenario, index) => {
    if (scenario.status === 'failed') return [[String(index + 1), scenario.title, 'FAILED', ...COLUMNS.map(() => '–'), scenario.error ?? '']];
    return scenario.rows.map((row) => [
      String(index + 1),
      scenario.title,
      row.variant,
      ...COLUMNS.map((c) => cell(row.figures[c.key], c.digits)),
      row.note ?? '',
    ]);
  });
  return [header, ...rows];
}

/** The results table and the targets as aligned plain text, for the terminal. */
export function textReport(report: BenchReport): string {
  const cells = tableCells(report);
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((c, i) => (i >= 3 && i < 3 + COLUMNS.length ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const targetWidth = Math.max(...report.targets.map((t) => t.target.length));
  return [
    line(cells[0] ?? []),
    ...cells.slice(1).map(line),
    '',
    'Performance targets (README, Performance):',
    ...report.targets.map((t) => `  ${t.status.toUpperCase().padEnd(8)} ${t.target.padEnd(targetWidth)}  ${t.measured}`),
  ].join('\n');
}

function escape(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The results table and the targets as Markdown. */
export function markdownTables(report: BenchReport): string {
  const cells = tableCells(report);
  const row = (r: string[]) => `| ${r.map(escape).join(' | ')} |`;
  const header = cells[0] ?? [];
  return [
    row(header),
    `|${header.map((_, i) => (i >= 3 && i < 3 + COLUMNS.length ? ' ---: ' : ' --- ')).join('|')}|`,
    ...cells.slice(1).map(row),
    '',
    '| target | measured | status |',
    '| --- | --- | --- |',
    ...report.targets.map((t) => row([t.target, t.measured, t.status === 'met' ? 'met' : t.status === 'not met' ? '**not met**' : 'pending'])),
  ].join('\n');
}
