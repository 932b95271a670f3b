import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { graphql, useGateway } from '../helpers/gateway.ts';
import { withoutCost } from '../helpers/cost-extension.ts';
import { assertUnauthenticated } from '../helpers/auth-tokens.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Shared by the gateway and the script, so the test does not depend on the caller's environment. */
const SECRET = 'token-script-test-secret-0123456789abcdef';
const ISSUER = 'token-script-test-issuer';

/** Runs `node scripts/token.ts ...args` as `npm run token` does, with the test's JWT settings. */
function tokenScript(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['scripts/token.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', JWT_SECRET: SECRET, JWT_ISSUER: ISSUER },
  });
}

const shop = useGateway({ JWT_SECRET: SECRET, JWT_ISSUER: ISSUER });

describe('npm run token', () => {
  it('prints a web-only admin token: web accepts it (u7 as admin reads u1), mobile refuses it', async () => {
    const { stdout } = await tokenScript(['u7', '--role', 'admin', '--surface', 'web']);
    const token = stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'one compact JWS on stdout');

    const web = await graphql(shop.gateway, 'web', '{ me { id } user(id: "u1") { id email } }', { token });
    assert.equal(web.status, 200);
    assert.deepEqual(withoutCost(web.body), { data: { me: { id: 'u7' }, user: { id: 'u1', email: shop.backends.dataset.users.get('u1')?.email } } });

    shop.backends.control.reset();
    assertUnauthenticated(await graphql(shop.gateway, 'mobile', '{ home { greeting } }', { token }));
    assert.equal(shop.backends.control.stats('accounts').calls, 0);
  });

  it('without --role the viewer is not an admin', async () => {
    const { stdout } = await tokenScript(['u7']);
    const response = await graphql(shop.gateway, 'web', '{ me { id } user(id: "u1") { id } }', { token: stdout.trim() });
    assert.deepEqual(response.body.data, { me: { id: 'u7' }, user: null });
    assert.equal(response.body.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  it('--scope limits what the token may do', async () => {
    const { stdout } = await tokenScript(['u7', '--scope', 'orders:read']);
    const response = await graphql(shop.gateway, 'web', 'mutation { updateProfile(input: { bio: "scoped" }) { id } }', { token: stdout.trim() });
    assert.equal(response.body.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  for (const [name, args] of [
    ['no user id', []],
    ['an unknown surface', ['u7', '--surface', 'desktop']],
    ['a bad ttl', ['u7', '--ttl', 'soon']],
    ['an unknown option', ['u7', '--admin']],
  ] as const) {
    it(`bad usage (${name}) exits 2 with the usage line`, async () => {
      await assert.rejects(tokenScript([...args]), (error: { code?: number; stderr?: string; stdout?: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr ?? '', /usage: npm run token/);
        assert.equal(error.stdout, '');
        return true;
      });
    });
  }
});
