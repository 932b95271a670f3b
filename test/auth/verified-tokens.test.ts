import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signToken } from '../../scripts/sign-token.ts';
import { createAuthenticator } from '../../src/auth/authenticate.ts';

const jwt = { secret: 'a-test-secret-that-is-long-enough-0123456789', issuer: 'bff-gateway', jwksUrl: undefined };

function sign(subject: string, expiresInSeconds: number): Promise<string> {
  return signToken(jwt, { subject, audience: ['web'], expiresIn: Math.floor(Date.now() / 1000) + expiresInSeconds });
}

describe('verified tokens are reused for a minute at most', () => {
  it('verifies a still-valid token again after the reuse window, and accepts it', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const authenticate = createAuthenticator(jwt);
    const header = `Bearer ${await sign('u1', 600)}`;
    assert.equal((await authenticate(header, 'web')).kind, 'viewer');
    t.mock.timers.tick(61_000);
    const again = await authenticate(header, 'web');
    assert.equal(again.kind, 'viewer');
    assert.equal(again.kind === 'viewer' ? again.viewer.id : '', 'u1');
  });

  it('refuses a remembered token once it has expired', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const authenticate = createAuthenticator(jwt);
    const header = `Bearer ${await sign('u2', 20)}`;
    assert.equal((await authenticate(header, 'web')).kind, 'viewer');
    t.mock.timers.tick(30_000);
    assert.equal((await authenticate(header, 'web')).kind, 'invalid');
  });

  it('does not carry a verification from one surface to another', async () => {
    const authenticate = createAuthenticator(jwt);
    const header = `Bearer ${await sign('u3', 600)}`;
    assert.equal((await authenticate(header, 'web')).kind, 'viewer');
    assert.equal((await authenticate(header, 'mobile')).kind, 'invalid', 'the token names only the web audience');
  });
});
