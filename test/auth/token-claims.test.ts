import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAuthenticator, type Authentication } from '../../src/auth/authenticate.ts';
import { isAdmin } from '../../src/auth/viewer.ts';
import type { Config } from '../../src/config.ts';
import { craftToken, nowS, type ClaimOverrides } from '../helpers/auth-tokens.ts';

// What the authenticator makes of a request's Authorization header and of the claims of a token
// whose signature holds: the viewer resolvers will see, or why the request is refused.

const jwt: Config['jwt'] = { secret: 'a-test-secret-that-is-long-enough-0123456789', issuer: 'bff-gateway', jwksUrl: undefined };
const config = { jwt } as Readonly<Config>;

const bearer = async (claims: ClaimOverrides = {}): Promise<string> => `Bearer ${await craftToken(config, { claims })}`;

function viewerOf(auth: Authentication) {
  assert.equal(auth.kind, 'viewer', JSON.stringify(auth));
  return auth.kind === 'viewer' ? auth.viewer : assert.fail();
}

function reasonOf(auth: Authentication): string {
  assert.equal(auth.kind, 'invalid', JSON.stringify(auth));
  return auth.kind === 'invalid' ? auth.reason : assert.fail();
}

describe('the Authorization header', () => {
  const authenticate = createAuthenticator(jwt);

  it('absent or empty: anonymous', async () => {
    assert.deepEqual(await authenticate(undefined, 'web'), { kind: 'anonymous' });
    assert.deepEqual(await authenticate('', 'web'), { kind: 'anonymous' });
  });

  it('exactly "Bearer <three-part token>" (any case of the scheme), nothing before or after', async () => {
    const token = (await bearer()).slice('Bearer '.length);
    assert.equal(viewerOf(await authenticate(`BEARER ${token}`, 'web')).id, 'u1');
    for (const header of [`Bearer ${token} extra`, `Bearer ${token},`, `xBearer ${token}`, ` Bearer ${token}`, `Bearer  ${token}`, `Bearer ${token.replace('.', '')}`, `Bearer ${token.replace(/^[^.]+/, '')}`]) {
      assert.equal(reasonOf(await authenticate(header, 'web')), 'malformed Authorization header', header);
    }
  });

  it('a token that does not verify is invalid with jose’s code (for the logs)', async () => {
    assert.equal(reasonOf(await authenticate(await bearer({ exp: nowS() - 3600 }), 'web')), 'ERR_JWT_EXPIRED');
    const forged = `Bearer ${await craftToken(config, { key: new TextEncoder().encode('another-secret-that-is-long-enough-0123456789') })}`;
    assert.equal(reasonOf(await authenticate(forged, 'web')), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});

describe('the subject', () => {
  const authenticate = createAuthenticator(jwt);

  it('is a user id of up to 64 letters, digits, "_" and "-"', async () => {
    const longest = `u${'a_-9'.repeat(15)}bcd`;
    assert.equal(longest.length, 64);
    assert.equal(viewerOf(await authenticate(await bearer({ sub: longest }), 'web')).id, longest);
    for (const sub of [`${longest}e`, 'u1,u2', 'u1 ', '../u1', '', 'ü1']) {
      assert.equal(reasonOf(await authenticate(await bearer({ sub }), 'web')), 'malformed sub claim', JSON.stringify(sub));
    }
  });
});

describe('the scope claim', () => {
  const authenticate = createAuthenticator(jwt);

  it('absent: a first-party token holding every scope', async () => {
    assert.equal(viewerOf(await authenticate(await bearer(), 'web')).scopes, 'all');
  });

  it('present: exactly the space-separated scopes it names', async () => {
    assert.deepEqual(viewerOf(await authenticate(await bearer({ scope: 'orders:write' }), 'web')).scopes, ['orders:write']);
    assert.deepEqual(viewerOf(await authenticate(await bearer({ scope: 'profile:write orders:read !#[]~' }), 'web')).scopes, ['profile:write', 'orders:read', '!#[]~']);
  });

  it('anything but a non-empty list of scope tokens separated by single spaces is refused, never read as "no restriction"', async () => {
    for (const scope of [['orders:write'], 5, null, '', ' ', 'a  b', ' a', 'a ', 'a\tb', 'a"b', 'a\\b', 'é']) {
      assert.equal(reasonOf(await authenticate(await bearer({ scope }), 'web')), 'malformed scope claim', JSON.stringify(scope));
    }
  });
});

describe('roles', () => {
  const authenticate = createAuthenticator(jwt);

  it('only the string entries of a roles array count; anything else is no role', async () => {
    assert.deepEqual(viewerOf(await authenticate(await bearer({ roles: ['admin', 5, null, { admin: true }] }), 'web')).roles, ['admin']);
    assert.deepEqual(viewerOf(await authenticate(await bearer({ roles: 'admin' }), 'web')).roles, []);
    assert.deepEqual(viewerOf(await authenticate(await bearer({ roles: undefined }), 'web')).roles, []);
  });

  it('an admin is a viewer holding the admin role; an anonymous request is none', async () => {
    assert.equal(isAdmin(viewerOf(await authenticate(await bearer({ roles: ['admin'] }), 'web'))), true);
    assert.equal(isAdmin(viewerOf(await authenticate(await bearer({ roles: ['support'] }), 'web'))), false);
    assert.equal(isAdmin(null), false);
  });

  it('the viewer cannot be changed by the code it is handed to', async () => {
    const viewer = viewerOf(await authenticate(await bearer({ roles: ['support'], scope: 'orders:read' }), 'web'));
    assert.ok(Object.isFrozen(viewer) && Object.isFrozen(viewer.roles) && Object.isFrozen(viewer.scopes));
  });
});
