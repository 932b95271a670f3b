/** One sample line of the Prometheus text format. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A parsed exposition: families declared by `# TYPE` (with their `# HELP`) and every sample. */
export interface PromExposition {
  families: Map<string, { type: string; help: string | undefined }>;
  samples: PromSample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/;
/** Go's ParseFloat syntax, which Prometheus uses: NaN and Inf in any case (prom-client writes `Nan`). */
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|[+-]?inf(?:inity)?|nan)$/i;
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

function toNumber(value: string): number {
  const lower = value.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (/^[+-]?inf/.test(lower)) return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(value);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = LABEL.exec(rest);
    if (!match) throw new Error(`bad labels in line: ${line}`);
    const [whole, name = '', raw = ''] = match;
    if (name in labels) throw new Error(`duplicate label ${name} in line: ${line}`);
    labels[name] = raw.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
  }
  return labels;
}

/** The family a sample belongs to: its own name, or the name without a histogram/summary suffix. */
function familyOf(name: string, families: PromExposition['families']): string | undefined {
  if (families.has(name)) return name;
  for (const [family, { type }] of families) {
    if ((SUFFIXES[type] ?? []).some((suffix) => suffix && name === family + suffix)) return family;
  }
  return undefined;
}

/**
 * Parses the Prometheus text exposition format (0.0.4) strictly: every line must be a HELP, a TYPE
 * or a sample; each family is typed once, before its samples; label and value syntax is checked.
 * Throws on the first violation, naming the line.
 */
export function parsePrometheusText(text: string): PromExposition {
  const families: PromExposition['families'] = new Map();
  const samples: PromSample[] = [];
  const typed = new Set<string>();
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const help = HELP.exec(line);
    if (help) {
      const [, name = '', doc = ''] = help;
      const family = families.get(name);
      if (family?.help !== undefined) throw new Error(`second HELP for ${name}`);
      families.set(name, { type: family?.type ?? 'untyped', help: doc });
      continue;
    }
    const type = TYPE.exec(line);
    if (type) {
      const [, name = '', kind = ''] = type;
      if (typed.has(name)) throw new Error(`second TYPE for ${name}`);
      if (samples.some((s) => familyOf(s.name, families) === name)) throw new Error(`TYPE of ${name} after its samples`);
      typed.add(name);
      families.set(name, { type: kind, help: families.get(name)?.help });
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unexpected comment line: ${line}`);
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`bad sample line: ${line}`);
    const [, name = '', labelText = '', value = ''] = sample;
    if (!VALUE.test(value)) throw new Error(`bad value in line: ${line}`);
    if (familyOf(name, families) === undefined) throw new Error(`sample of an undeclared family: ${line}`);
    samples.push({ name, labels: parseLabels(labelText, line), value: toNumber(value) });
  }
  return { families, samples };
}

/** Sum of the samples named `name` whose labels include every pair of `labels` (0 when none). */
export function sumOf(exposition: PromExposition, name: string, labels: Record<string, string> = {}): number {
  return exposition.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((total, s) => total + s.value, 0);
}

/** Fetches and parses `GET /metrics` of a gateway. */
export async function scrape(baseUrl: string): Promise<PromExposition> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return parsePrometheusText(await response.text());
}
