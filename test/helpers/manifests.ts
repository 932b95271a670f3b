import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

/** One rendered Kubernetes object, loosely typed: tests read the fields they check. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** A container of a pod template, with the fields the checks read. */
export interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** An HTTP probe as the manifests write it. */
export interface Probe {
  httpGet?: { path: string; port: string | number };
  periodSeconds?: number;
  failureThreshold?: number;
}

/** Renders a kustomization directory with `kubectl kustomize` (no cluster needed). */
export async function renderKustomization(directory: string): Promise<KubeObject[]> {
  let stdout: string;
  try {
    ({ stdout } = await run('kubectl', ['kustomize', directory], { maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'kubectl is not installed (.ci/run installs it)' : (error as { stderr?: string }).stderr;
    throw new Error(`kubectl kustomize ${directory} failed: ${reason}`, { cause: error });
  }
  return parseAllDocuments(stdout)
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
}

/**
 * Validates one object against the Kubernetes API's OpenAPI schema of its kind, as compiled into
 * the `kubernetes-models` package (no cluster, no download). Throws naming the object and every
 * problem; throws too for a kind the package does not know.
 */
export async function validateObject(object: KubeObject): Promise<void> {
  const module = (await import(`kubernetes-models/${object.apiVersion}`).catch(() => ({}))) as Record<string, unknown>;
  const Model = module[object.kind] as (new (data: unknown) => { validate(): void }) | undefined;
  if (!Model) throw new Error(`${object.apiVersion} ${object.kind} ${object.metadata.name}: kind unknown to the Kubernetes API schemas`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`, { cause: error });
  }
}

/** The pod template's spec of a Deployment. */
export function podSpecOf(deployment: KubeObject): { containers: Container[]; terminationGracePeriodSeconds?: number } {
  return (deployment.spec as { template: { spec: { containers: Container[]; terminationGracePeriodSeconds?: number } } }).template.spec;
}

/** The pod labels of a Deployment's template. */
export function podLabelsOf(deployment: KubeObject): Record<string, string> {
  return (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
}

/** Whether a label selector (`matchLabels` or a Service's plain map) selects pods with `labels`. */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * The environment a container starts with: its ConfigMaps and Secrets (`envFrom`, in order), then
 * its own `env`, as the kubelet builds it.
 */
export function containerEnvironment(container: Container, objects: readonly KubeObject[]): Record<string, string> {
  const byName = (kind: string, name: string): KubeObject => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (!found) throw new Error(`container ${container.name} reads ${kind} ${name}, which is not rendered`);
    return found;
  };
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, byName('ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) {
      const secret = byName('Secret', source.secretRef.name) as KubeObject & { data?: Record<string, string>; stringData?: Record<string, string> };
      for (const [key, value] of Object.entries(secret.data ?? {})) env[key] = Buffer.from(value, 'base64').toString('utf8');
      Object.assign(env, secret.stringData);
    }
  }
  for (const variable of container.env ?? []) {
    if (variable.value === undefined) throw new Error(`container ${container.name}: ${variable.name} has no literal value`);
    env[variable.name] = variable.value;
  }
  return env;
}

/** A container port by name or number. */
export function containerPort(container: Container, port: string | number): number | undefined {
  if (typeof port === 'number') return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** A Kubernetes memory quantity (`512Mi`, `1Gi`, `400M`) in megabytes (10^6 bytes, like the benchmark's MB). */
export function megabytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`not a memory quantity: ${quantity}`);
  const factor = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return (Number(match[1]) * factor) / 1e6;
}
