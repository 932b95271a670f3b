import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ComposeService {
  image?: string;
  build?: unknown;
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
  ports?: unknown[];
  volumes?: (string | { source: string; target: string })[];
}

/** Runs a tool installed from Debian's packages, failing with a clear message when it is missing. */
async function tool(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { cwd: ROOT, maxBuffer: 8 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${command} is not installed (.ci/run installs it)`, { cause: error });
    throw new Error(`${command} ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr}`, { cause: error });
  }
}

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;
  before(async () => {
    // `config` validates the file and prints it resolved (anchors, defaults, relative paths).
    services = (parse(await tool('docker-compose', ['-f', 'docker-compose.yml', 'config'])) as { services: Record<string, ComposeService> }).services;
  });

  it('runs at least two gateway replicas, publishing no host port of their own', () => {
    const gateway = services.gateway!;
    assert.ok((gateway.deploy?.replicas ?? 1) >= 2, 'two replicas');
    assert.equal(gateway.ports, undefined, 'a fixed host port would stop a second replica from starting');
  });

  it('puts a real load balancer in front, the only service with a host port', () => {
    const published = Object.entries(services).filter(([, service]) => service.ports?.length);
    assert.deepEqual(published.map(([name]) => name), ['balancer']);
    assert.match(services.balancer!.image ?? '', /^(haproxy|nginx):/);
  });

  it('gives the gateway settings its config knows and accepts, Redis, and two instances of the REST and SOAP backends', () => {
    const env = services.gateway!.environment!;
    const known = new Set(ENVIRONMENT_VARIABLES);
    assert.deepEqual(Object.keys(env).filter((name) => !known.has(name)), []);
    const config = loadConfig(env);
    assert.ok(config.redis.url && services[new URL(config.redis.url).hostname], 'Redis is a service of the file');
    for (const urls of [config.services.accounts.urls, config.services.catalog.urls, config.services.inventory.urls]) {
      const hosts = urls.map((url) => new URL(url).hostname);
      assert.equal(new Set(hosts).size, 2, `two instances: ${urls.join(', ')}`);
      for (const host of hosts) assert.ok(services[host]?.build, `${host} is a service of the file`);
    }
  });

  it('ships a balancer configuration HAProxy accepts, checking readiness on the admin port', async () => {
    const mount = services.balancer!.volumes!.map((volume) => (typeof volume === 'string' ? volume.split(':')[0]! : volume.source)).find((path) => path.endsWith('haproxy.cfg'));
    assert.ok(mount, 'haproxy.cfg is mounted');
    await tool('haproxy', ['-c', '-q', '-f', mount]);
    const cfg = readFileSync(mount, 'utf8');
    const env = services.gateway!.environment!;
    assert.match(cfg, /option httpchk GET \/readyz/);
    assert.match(cfg, new RegExp(`check port ${env.ADMIN_PORT}\\b`));
    assert.match(cfg, new RegExp(`gateway:${env.PORT}\\b`));
  });
});
