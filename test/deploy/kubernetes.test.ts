import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import { closeClients, createClients } from '../../src/clients.ts';
import {
  containerEnvironment,
  containerPort,
  megabytes,
  podLabelsOf,
  podSpecOf,
  renderKustomization,
  selects,
  validateObject,
  type Container,
  type KubeObject,
} from '../helpers/manifests.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OVERLAYS = { combined: ['web,mobile'], split: ['web', 'mobile'] } as const;

/** Peak RSS figures of the memory scenario in bench/RESULTS.md, in MB. */
function measuredMemory(): { idle: number; concurrent: number } {
  const rows = readFileSync(`${ROOT}bench/RESULTS.md`, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const header = rows.find((cells) => cells.includes('peak RSS MB'));
  assert.ok(header, 'bench/RESULTS.md has a peak RSS column');
  const column = header.indexOf('peak RSS MB');
  const peak = (variant: RegExp): number => {
    const row = rows.find((cells) => cells[3] !== undefined && variant.test(cells[3]));
    assert.ok(row, `bench/RESULTS.md has a row ${variant}`);
    return Number(row[column]);
  };
  return { idle: peak(/^idle/), concurrent: peak(/^1000 concurrent/) };
}

const gatewaysOf = (objects: readonly KubeObject[]): KubeObject[] =>
  objects.filter((object) => object.kind === 'Deployment' && object.metadata.labels?.['app.kubernetes.io/name'] === 'gateway');
const gatewayContainer = (deployment: KubeObject): Container => {
  const container = podSpecOf(deployment).containers.find((c) => c.name === 'gateway');
  assert.ok(container, `${deployment.metadata.name} runs a gateway container`);
  return container;
};

for (const [overlay, surfaceSets] of Object.entries(OVERLAYS)) {
  describe(`deploy/overlays/${overlay}`, () => {
    let objects: KubeObject[];
    before(async () => {
      objects = await renderKustomization(`${ROOT}deploy/overlays/${overlay}`);
    });

    it('renders objects that each validate against the Kubernetes API schema of their kind', async () => {
      const kinds = new Set(objects.map((object) => object.kind));
      for (const kind of ['Namespace', 'ConfigMap', 'Secret', 'Service', 'Deployment', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']) {
        assert.ok(kinds.has(kind), `a ${kind} is rendered`);
      }
      for (const object of objects) await validateObject(object);
    });

    it('runs the gateway with at least two replicas per surface set, an autoscaler and a disruption budget each', () => {
      const gateways = gatewaysOf(objects);
      const served = gateways.map((deployment) => containerEnvironment(gatewayContainer(deployment), objects).SURFACES ?? 'web,mobile');
      assert.deepEqual(served.toSorted(), [...surfaceSets].toSorted());
      for (const deployment of gateways) {
        const name = deployment.metadata.name;
        assert.ok((deployment.spec as { replicas: number }).replicas >= 2, `${name}: at least 2 replicas`);
        const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === name);
        assert.ok(hpa, `${name}: an autoscaler targets it`);
        assert.ok((hpa.spec as { minReplicas: number }).minReplicas >= 2, `${name}: the autoscaler keeps at least 2`);
        const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget' && selects((o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, podLabelsOf(deployment)));
        assert.equal(pdbs.length, 1, `${name}: exactly one disruption budget covers its pods`);
        assert.equal((pdbs[0]!.spec as { maxUnavailable?: number }).maxUnavailable, 1);
      }
    });

    it('sets only variables the gateway knows, with values its config accepts in production', () => {
      const known = new Set(ENVIRONMENT_VARIABLES);
      for (const deployment of gatewaysOf(objects)) {
        const env = containerEnvironment(gatewayContainer(deployment), objects);
        const unknown = Object.keys(env).filter((name) => !known.has(name));
        assert.deepEqual(unknown, [], `${deployment.metadata.name}: variables src/config.ts does not read`);
        const config = loadConfig(env);
        assert.equal(config.env, 'production');
        assert.equal(config.backends, 'external');
        assert.equal(config.admin.host, '0.0.0.0', 'probes reach the admin listener on the pod IP');
        assert.ok(config.redis.url, 'replicas share cache and budgets through Redis');
      }
    });

    it('points the gateway at Services that are rendered (Redis and every backend)', () => {
      const services = new Set(objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name));
      for (const deployment of gatewaysOf(objects)) {
        const env = containerEnvironment(gatewayContainer(deployment), objects);
        const hosts = [env.REDIS_URL, env.ACCOUNTS_URL, env.CATALOG_URL, env.INVENTORY_URL]
          .flatMap((value) => (value ?? '').split(','))
          .map((url) => new URL(url).hostname)
          .concat((env.ORDERS_ADDRESS ?? '').split(',').map((address) => address.split(':')[0]!));
        for (const host of hosts) assert.ok(services.has(host), `${deployment.metadata.name}: ${host} is a rendered Service`);
      }
    });

    it('probes the admin listener: liveness /healthz, readiness /readyz, on the port ADMIN_PORT sets', () => {
      for (const deployment of gatewaysOf(objects)) {
        const container = gatewayContainer(deployment);
        const adminPort = Number(containerEnvironment(container, objects).ADMIN_PORT);
        for (const [probe, path] of [['livenessProbe', '/healthz'], ['readinessProbe', '/readyz'], ['startupProbe', '/healthz']] as const) {
          const httpGet = container[probe]?.httpGet;
          assert.ok(httpGet, `${deployment.metadata.name}: ${probe} is an HTTP probe`);
          assert.equal(httpGet.path, path, `${deployment.metadata.name}: ${probe} path`);
          assert.equal(containerPort(container, httpGet.port), adminPort, `${deployment.metadata.name}: ${probe} port is the admin port`);
        }
      }
    });

    it('keeps the admin port off every Service', () => {
      const pods = objects.filter((o) => o.kind === 'Deployment');
      for (const service of objects.filter((o) => o.kind === 'Service')) {
        const spec = service.spec as { selector: Record<string, string>; ports: { targetPort?: string | number; port: number }[] };
        for (const deployment of pods.filter((d) => selects(spec.selector, podLabelsOf(d)))) {
          for (const container of podSpecOf(deployment).containers) {
            const admin = containerPort(container, 'admin');
            if (admin === undefined) continue;
            for (const port of spec.ports) {
              assert.notEqual(containerPort(container, port.targetPort ?? port.port), admin, `Service ${service.metadata.name} exposes the admin port of ${deployment.metadata.name}`);
            }
          }
        }
      }
    });

    it('gives a terminating pod the drain delay and the drain, and marks it unready before the delay ends', () => {
      for (const deployment of gatewaysOf(objects)) {
        const container = gatewayContainer(deployment);
        const config = loadConfig(containerEnvironment(container, objects));
        const graceMs = (podSpecOf(deployment).terminationGracePeriodSeconds ?? 30) * 1_000;
        assert.ok(graceMs >= config.drainDelayMs + config.shutdownDrainMs, `${deployment.metadata.name}: grace ${graceMs} ms covers delay + drain`);
        assert.ok(graceMs <= config.drainDelayMs + config.shutdownDrainMs + 10_000, `${deployment.metadata.name}: grace ${graceMs} ms is not far beyond delay + drain`);
        const readiness = container.readinessProbe!;
        const unreadyAfterMs = (readiness.periodSeconds ?? 10) * (readiness.failureThreshold ?? 3) * 1_000;
        assert.ok(unreadyAfterMs < config.drainDelayMs, `${deployment.metadata.name}: readiness fails (${unreadyAfterMs} ms) within the drain delay`);
      }
    });

    it('requests and limits memory from the measured figures (bench/RESULTS.md)', () => {
      const measured = measuredMemory();
      for (const deployment of gatewaysOf(objects)) {
        const resources = gatewayContainer(deployment).resources;
        const request = megabytes(resources?.requests?.memory ?? '0');
        const limit = megabytes(resources?.limits?.memory ?? '0');
        assert.ok(request >= measured.idle, `${deployment.metadata.name}: request ${request} MB >= idle ${measured.idle} MB`);
        assert.ok(limit >= measured.concurrent * 1.25, `${deployment.metadata.name}: limit ${limit} MB leaves 25% over the 1,000-concurrent peak ${measured.concurrent} MB`);
        assert.ok(limit <= measured.concurrent * 2, `${deployment.metadata.name}: limit ${limit} MB is not far beyond what was measured`);
        assert.ok(resources?.requests?.cpu, `${deployment.metadata.name}: a CPU request, which the autoscaler's utilization is measured against`);
      }
    });
  });
}

describe('the probed paths on a gateway built from the rendered settings', () => {
  it('answers /healthz and /readyz on the admin listener, and /healthz only on the public one', async () => {
    const objects = await renderKustomization(`${ROOT}deploy/overlays/combined`);
    const env = containerEnvironment(gatewayContainer(gatewaysOf(objects)[0]!), objects);
    // Same settings, minus what needs the cluster: Redis and the listeners' addresses.
    const { REDIS_URL: _redis, ...local } = env;
    const config = loadConfig({ ...local, HOST: '127.0.0.1', PORT: '0', ADMIN_HOST: '127.0.0.1', ADMIN_PORT: '0', LOG_LEVEL: 'silent' });
    const clients = createClients(config);
    const { app, admin } = await buildApp({ config, logger: pino({ level: 'silent' }), clients });
    try {
      const container = gatewayContainer(gatewaysOf(objects)[0]!);
      for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
        const response = await admin.inject({ url: probe!.httpGet!.path });
        assert.notEqual(response.statusCode, 404, `${probe!.httpGet!.path} exists on the admin listener`);
        assert.ok([200, 503].includes(response.statusCode), `${probe!.httpGet!.path}: ${response.statusCode}`);
      }
      assert.equal((await admin.inject({ url: '/healthz' })).statusCode, 200);
      assert.equal((await app.inject({ url: '/readyz' })).statusCode, 404, 'readiness is not on the public port');
    } finally {
      await app.close();
      closeClients(clients);
    }
  });
});

describe('the schema validation', () => {
  it('refuses an object that breaks its kind schema', async () => {
    const objects = await renderKustomization(`${ROOT}deploy/overlays/combined`);
    const deployment = structuredClone(gatewaysOf(objects)[0]!);
    (deployment.spec as { replicas: unknown }).replicas = 'two';
    await assert.rejects(validateObject(deployment), /replicas/);
    await assert.rejects(validateObject({ ...deployment, kind: 'Deploymnet' }), /kind unknown/);
  });
});
