import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Backends } from '../../backends/start.ts';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.ts';
import { backendEnv, startTestBackends } from '../helpers/gateway.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let backends: Backends;
before(async () => {
  backends = await startTestBackends();
});
after(async () => {
  await backends?.close();
});

/** Runs `node src/main.ts` until it has logged its endpoints (then stops it) or exits on its own. */
async function runGateway(env: Record<string, string>): Promise<{ code: number | null; output: string; served: boolean }> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ADMIN_PORT: '0', LOG_PRETTY: 'false', ...backendEnv(backends), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let served = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (!served && output.includes('admin: http://')) {
      served = true;
      // Usage reporting would have started with the servers; give a report no chance to be missed.
      setTimeout(() => child.kill('SIGTERM'), 300);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output, served };
}

describe('production defaults', () => {
  it('a start with NODE_ENV unset says loudly that it is a development server', async () => {
    const { output, served } = await runGateway({});
    assert.ok(served, output);
    const warning = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .find((line) => /DEVELOPMENT server/.test(line.msg));
    assert.equal(warning?.level, 40, 'logged as a warning');
    const explicit = await runGateway({ NODE_ENV: 'development' });
    assert.doesNotMatch(explicit.output, /DEVELOPMENT server/);
  });

  it('production refuses the public development secret', async () => {
    const { code, output, served } = await runGateway({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
    assert.equal(served, false);
    assert.equal(code, 1);
    assert.match(output, /JWT_SECRET: the public development secret is refused in production/);
  });

  it('APOLLO_KEY and APOLLO_GRAPH_REF in the environment turn on no reporting to Apollo', async () => {
    const { output, served } = await runGateway({ NODE_ENV: 'test', APOLLO_KEY: 'service:bff:not-a-real-key', APOLLO_GRAPH_REF: 'bff@current', APOLLO_SCHEMA_REPORTING: 'true' });
    assert.ok(served, output);
    assert.doesNotMatch(output, /usage reporting|schema reporting/i);
  });

  it('npm run start:prod and the container image run production, the image listening on every interface', () => {
    const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['start:prod'] ?? '', /^NODE_ENV=production node /);
    const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const env = Object.fromEntries([...runtime.matchAll(/^ENV (.+)$/gm)].flatMap((match) => (match[1] ?? '').split(/\s+/).map((pair) => pair.split('=') as [string, string])));
    const config = loadConfig({ ...env, JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
    assert.equal(config.env, 'production');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.graphql.sandbox, false);
  });
});
