import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'production-secret-for-tests-0123456789abcdef';

/** Every variable given a bad value, and the value. */
const BAD_ENV: Record<string, string> = {
  NODE_ENV: 'staging',
  PORT: 'eighty',
  LOG_LEVEL: 'loud',
  LOG_PRETTY: 'yes',
  SURFACES: 'web,desktop',
  BACKENDS: 'somewhere',
  ACCOUNTS_URL: 'ftp://accounts.internal',
  CATALOG_URL: 'not a url',
  ORDERS_ADDRESS: 'http://orders:4003',
  INVENTORY_URL: 'inventory',
  BACKENDS_CONTROL_PORT: '70000',
  ACCOUNTS_TIMEOUT_MS: '0',
  CATALOG_TIMEOUT_MS: '-5',
  ORDERS_TIMEOUT_MS: '1.5',
  INVENTORY_TIMEOUT_MS: '900000',
  INTROSPECTION: 'maybe',
  SANDBOX: 'on',
  BODY_LIMIT_BYTES: '10',
  SHUTDOWN_DRAIN_MS: 'soon',
  BATCHING: 'off',
  JWT_SECRET: 'short',
  JWT_ISSUER: '',
  JWT_JWKS_URL: 'file:///etc/keys.json',
};

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

/** Runs `node src/main.ts` with only PATH and the given variables; resolves when it exits. */
async function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('loadConfig: defaults', () => {
  const config = loadConfig({});

  it('serves both surfaces on 127.0.0.1:4000 in development', () => {
    assert.equal(config.env, 'development');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 4000);
    assert.deepEqual(config.surfaces, ['web', 'mobile']);
    assert.equal(config.backends, 'embedded');
  });

  it('points at the reference backends with their timeouts', () => {
    assert.deepEqual(config.services, {
      accounts: { urls: ['http://127.0.0.1:4001'], timeoutMs: 2_000 },
      catalog: { urls: ['http://127.0.0.1:4002'], timeoutMs: 2_000 },
      orders: { addresses: ['127.0.0.1:4003'], timeoutMs: 2_000 },
      inventory: { urls: ['http://127.0.0.1:4004/soap'], timeoutMs: 3_000 },
    });
    assert.equal(config.backendsControlPort, 4005);
  });

  it('turns on Sandbox, introspection, pretty logs and batching outside production', () => {
    assert.deepEqual(config.graphql, { introspection: true, sandbox: true });
    assert.deepEqual(config.log, { level: 'info', pretty: true });
    assert.equal(config.batching, true);
  });

  it('limits bodies to 100 KiB, drains for 10 s, signs with the development secret', () => {
    assert.equal(config.bodyLimitBytes, 102_400);
    assert.equal(config.shutdownDrainMs, 10_000);
    assert.deepEqual(config.jwt, { secret: DEVELOPMENT_JWT_SECRET, issuer: 'bff-gateway', jwksUrl: undefined });
  });

  it('is frozen all the way down', () => {
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.services.accounts));
    assert.ok(Object.isFrozen(config.surfaces));
    assert.throws(() => {
      (config as { port: number }).port = 1;
    }, TypeError);
  });

  it('production turns Sandbox, introspection and pretty logs off', () => {
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    assert.deepEqual(production.graphql, { introspection: false, sandbox: false });
    assert.equal(production.log.pretty, false);
    assert.equal(production.jwt.secret, SECRET);
  });
});

describe('loadConfig: parsing', () => {
  it('coerces numbers, booleans and the surface list', () => {
    const config = loadConfig({ PORT: '0', BODY_LIMIT_BYTES: '2048', BATCHING: '0', INTROSPECTION: 'false', SANDBOX: '1', SURFACES: ' mobile , web,mobile ' });
    assert.equal(config.port, 0);
    assert.equal(config.bodyLimitBytes, 2_048);
    assert.equal(config.batching, false);
    assert.deepEqual(config.graphql, { introspection: false, sandbox: true });
    assert.deepEqual(config.surfaces, ['mobile', 'web']);
  });

  it('SURFACES can name one surface', () => {
    assert.deepEqual(loadConfig({ SURFACES: 'mobile' }).surfaces, ['mobile']);
  });

  it('an empty SURFACES is refused', () => {
    const error = configError(() => loadConfig({ SURFACES: ' , ' }));
    assert.match(error.message, /SURFACES/);
  });

  it('ignores variables it does not know', () => {
    assert.equal(loadConfig({ HOME: '/root', SOMETHING_ELSE: 'x' }).port, 4000);
  });
});

describe('loadConfig: bad values', () => {
  it('lists every bad variable in one ConfigError', () => {
    const error = configError(() => loadConfig(BAD_ENV));
    for (const name of Object.keys(BAD_ENV)) {
      assert.ok(
        error.problems.some((problem) => problem.startsWith(`${name}=`) || problem.startsWith(`${name}:`)),
        `${name} missing from:\n${error.message}`,
      );
      assert.match(error.message, new RegExp(`^  - ${name}[=:]`, 'm'));
    }
  });

  it('quotes the value it refused', () => {
    const error = configError(() => loadConfig({ PORT: 'eighty' }));
    assert.deepEqual(error.problems.length, 1);
    assert.match(error.problems[0] ?? '', /^PORT="eighty": /);
  });

  it('production without JWT_SECRET (or JWT_JWKS_URL) is refused', () => {
    const error = configError(() => loadConfig({ NODE_ENV: 'production' }));
    assert.deepEqual(error.problems, ['JWT_SECRET or JWT_JWKS_URL: one is required in production']);
  });

  it('production with JWT_JWKS_URL instead of JWT_SECRET is accepted', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://issuer.example/.well-known/jwks.json' });
    assert.equal(config.jwt.jwksUrl, 'https://issuer.example/.well-known/jwks.json');
  });

  it('production without JWT_SECRET is listed with the other problems', () => {
    const error = configError(() => loadConfig({ NODE_ENV: 'production', PORT: 'eighty' }));
    assert.equal(error.problems.length, 2, error.message);
    assert.match(error.message, /PORT="eighty"/);
    assert.match(error.message, /JWT_SECRET or JWT_JWKS_URL: one is required in production/);
  });

  it('production with a short JWT_SECRET is refused', () => {
    const error = configError(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) }));
    assert.match(error.message, /JWT_SECRET: must be at least 32 characters/);
    assert.doesNotMatch(error.message, /x{31}/, 'a secret, even a bad one, is not echoed');
  });
});

describe('node src/main.ts with a bad environment', () => {
  it('exits 1 and names every bad variable on stderr', async () => {
    const { code, stdout, stderr } = await runMain(BAD_ENV);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /Invalid configuration/);
    for (const name of Object.keys(BAD_ENV)) assert.match(stderr, new RegExp(`- ${name}[=:]`), `${name} missing from stderr`);
    assert.equal(stdout, '');
  });

  it('exits 1 in production without JWT_SECRET', async () => {
    const { code, stderr } = await runMain({ NODE_ENV: 'production', PORT: '0' });
    assert.equal(code, 1, stderr);
    assert.match(stderr, /JWT_SECRET or JWT_JWKS_URL: one is required in production/);
  });
});

describe('loadConfig: operations settings', () => {
  it('admin listener on loopback:4099, no proxy trusted, HTTP timeouts, drain delay 0 outside production and 5000 in it', () => {
    const config = loadConfig({});
    assert.deepEqual(config.admin, { host: '127.0.0.1', port: 4099 });
    assert.equal(config.trustProxy, false);
    assert.deepEqual(config.http, { headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, keepAliveTimeoutMs: 72_000 });
    assert.equal(config.drainDelayMs, 0);
    assert.equal(config.envDefaulted, true);
    assert.equal(config.redis.breakerResetMs, 5_000);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
    assert.equal(production.drainDelayMs, 5_000);
    assert.equal(production.envDefaulted, false);
    assert.equal(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars', DRAIN_DELAY_MS: '0' }).drainDelayMs, 0);
  });

  it('TRUST_PROXY takes off, a hop count or a list of addresses and CIDR ranges', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8' }).trustProxy, ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
  });

  for (const bad of ['true', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', '99']) {
    it(`TRUST_PROXY=${JSON.stringify(bad)} stops the start with a message naming it`, () => {
      const error = configError(() => loadConfig({ TRUST_PROXY: bad }));
      assert.equal(error.problems.length, 1);
      assert.match(error.problems[0] ?? '', /^TRUST_PROXY=/);
    });
  }

  it('refuses a headers timeout above the body timeout, and the development secret in production', () => {
    assert.match(configError(() => loadConfig({ HEADERS_TIMEOUT_MS: '5000', BODY_TIMEOUT_MS: '1000' })).message, /HEADERS_TIMEOUT_MS: must not exceed BODY_TIMEOUT_MS/);
    assert.match(configError(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).message, /development secret is refused in production/);
  });
});
