import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, startTestGateway, type TestGateway, useGateway } from '../helpers/gateway.ts';
import { withoutCost } from '../helpers/cost-extension.ts';
import { assertUnauthenticated, craftToken, nowS, unsignedToken } from '../helpers/auth-tokens.ts';
import { newSigningKey, startJwksServer, type JwksServer, type SigningKey } from '../helpers/jwks-server.ts';
import { startLoggedGateway } from '../helpers/logged-gateway.ts';
import { scrape, sumOf } from '../helpers/prometheus-text.ts';

type Surface = 'web' | 'mobile';

/** Operations that would reach the backends if the request got that far. */
const PROBES: Readonly<Record<Surface, string>> = {
  web: 'query { me { id } products(first: 2) { nodes { id } } }',
  mobile: 'query { home { greeting featured(first: 2) { id } } }',
};
const WEB_ME = 'query { me { id } }';
/** jose `createRemoteJWKSet`'s default `cooldownDuration`. */
const JOSE_JWKS_COOLDOWN_MS = 30_000;
const MOBILE_GREETING = 'query { home { greeting } }';

const shop = useGateway();

beforeEach(() => shop.backends.control.reset());

const backendCalls = (): number => Object.values(shop.backends.control.allStats()).reduce((sum, s) => sum + s.calls, 0);

function send(target: TestGateway, surface: Surface, authorization: string, query = PROBES[surface]) {
  return graphql(target, surface, query, { headers: { authorization } });
}

async function assertRefusedEverywhere(authorization: string, surfaces: readonly Surface[] = ['web', 'mobile'], target = shop.gateway): Promise<void> {
  for (const surface of surfaces) {
    assertUnauthenticated(await send(target, surface, authorization));
  }
  assert.equal(backendCalls(), 0, 'a refused token reaches no backend');
}

function greetingOf(userId: string): string {
  return `Hello, ${shop.backends.dataset.users.get(userId)?.profile.displayName}`;
}

describe('invalid tokens: 401, a Bearer challenge, UNAUTHENTICATED, no backend call', () => {
  const bearer = async (claims: Record<string, unknown>): Promise<string> => `Bearer ${await craftToken(shop.gateway.config, { claims })}`;
  const cases: readonly [string, () => Promise<string> | string][] = [
    ['bad signature (another secret)', async () => `Bearer ${await craftToken(shop.gateway.config, { key: new TextEncoder().encode('not-the-gateway-secret-0123456789abcdef') })}`],
    ['unsigned (alg: none)', () => `Bearer ${unsignedToken(shop.gateway.config)}`],
    ['signature stripped from a valid token', async () => `Bearer ${(await craftToken(shop.gateway.config)).replace(/[^.]+$/, '')}`],
    ['expired an hour ago', () => bearer({ exp: nowS() - 3600 })],
    ['expired 30 s ago (beyond the 5 s tolerance)', () => bearer({ exp: nowS() - 30 })],
    ['not valid before a minute from now', () => bearer({ nbf: nowS() + 60 })],
    ['issued by someone else', () => bearer({ iss: 'https://evil.example' })],
    ['no issuer', () => bearer({ iss: undefined })],
    ['no audience', () => bearer({ aud: undefined })],
    ['audience of another application', () => bearer({ aud: ['admin-console'] })],
    ['no subject', () => bearer({ sub: undefined })],
    ['no expiry', () => bearer({ exp: undefined })],
    ['garbage after Bearer', () => 'Bearer garbage'],
    ['token without the Bearer scheme', () => craftToken(shop.gateway.config)],
    ['another scheme (Basic)', () => `Basic ${Buffer.from('u1:secret').toString('base64')}`],
    ['two parts', () => 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9'],
    ['Bearer and nothing else', () => 'Bearer '],
  ];
  for (const [name, authorization] of cases) {
    it(name, async () => assertRefusedEverywhere(await authorization()));
  }
});

describe('a refused token, as operators see it', () => {
  it('is counted once for its surface and logged with its reason, never with the token', async () => {
    const failures = async (surface: Surface) => sumOf(await scrape(shop.gateway.adminUrl), 'gateway_authentication_failures_total', { surface });
    const [web, mobile] = [await failures('web'), await failures('mobile')];
    const expired = await craftToken(shop.gateway.config, { claims: { exp: nowS() - 3600 } });
    const refused = await send(shop.gateway, 'web', `Bearer ${expired}`);
    assertUnauthenticated(refused);
    assert.equal(refused.body.errors?.[0]?.message, 'The access token is invalid or expired');
    assert.deepEqual([await failures('web'), await failures('mobile')], [web + 1, mobile]);

    const logged = await startLoggedGateway(shop.backends);
    try {
      assertUnauthenticated(await send(logged, 'mobile', `Bearer ${expired}`));
      const [line] = await logged.waitFor((l) => l['msg'] === 'token refused');
      assert.ok(line, 'one line says the token was refused');
      assert.equal(line['reason'], 'ERR_JWT_EXPIRED');
      assert.equal(typeof line['requestId'], 'string');
      assert.ok(!logged.raw().includes(expired), 'the token itself is never logged');
    } finally {
      await logged.close();
    }
  });
});

describe('clock tolerance (5 s)', () => {
  it('accepts a token that expired 3 s ago', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u4', exp: nowS() - 3 } });
    const response = await graphql(shop.gateway, 'web', WEB_ME, { token });
    assert.equal(response.status, 200);
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u4' } } });
  });

  it('accepts a token whose not-before is 3 s ahead', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u4', nbf: nowS() + 3 } });
    const response = await graphql(shop.gateway, 'web', WEB_ME, { token });
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u4' } } });
  });
});

describe('audience: the surface name', () => {
  it('refuses a mobile-only token on web, before any backend call', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { aud: ['mobile'] } });
    await assertRefusedEverywhere(`Bearer ${token}`, ['web']);
  });

  it('accepts the same mobile-only token on mobile', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u2', aud: ['mobile'] } });
    const response = await graphql(shop.gateway, 'mobile', MOBILE_GREETING, { token });
    assert.equal(response.status, 200);
    assert.deepEqual(withoutCost(response.body), { data: { home: { greeting: greetingOf('u2') } } });
  });

  it('refuses a web-only token (aud as a single string) on mobile and accepts it on web', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u2', aud: 'web' } });
    await assertRefusedEverywhere(`Bearer ${token}`, ['mobile']);
    const response = await graphql(shop.gateway, 'web', WEB_ME, { token });
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u2' } } });
  });

  it('accepts a token for both surfaces on both', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u5', aud: ['web', 'mobile'] } });
    assert.deepEqual(withoutCost((await graphql(shop.gateway, 'web', WEB_ME, { token })).body), { data: { me: { id: 'u5' } } });
    assert.deepEqual(withoutCost((await graphql(shop.gateway, 'mobile', MOBILE_GREETING, { token })).body), { data: { home: { greeting: greetingOf('u5') } } });
  });
});

describe('the Authorization header', () => {
  it('takes the scheme name in any case (RFC 7235)', async () => {
    const token = await craftToken(shop.gateway.config, { claims: { sub: 'u6' } });
    const response = await send(shop.gateway, 'web', `bearer ${token}`, WEB_ME);
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u6' } } });
  });

  it('absent: the request is anonymous and public fields answer', async () => {
    const product = shop.backends.dataset.productList[0];
    assert.ok(product);
    const web = await graphql(shop.gateway, 'web', 'query ($id: ID!) { me { id } product(id: $id) { id name } }', { variables: { id: product.id } });
    assert.equal(web.status, 200);
    assert.deepEqual(withoutCost(web.body), { data: { me: null, product: { id: product.id, name: product.name } } });
    const mobile = await graphql(shop.gateway, 'mobile', 'query { home { greeting recentOrders { id } } }');
    assert.deepEqual(withoutCost(mobile.body), { data: { home: { greeting: 'Welcome', recentOrders: [] } } });
  });

  it('absent on an operation that needs a viewer: UNAUTHENTICATED asking to sign in, no backend call', async () => {
    const response = await graphql(shop.gateway, 'mobile', 'mutation { reorder(orderId: "o1", idempotencyKey: "anonymous-1") { id } }');
    assert.equal(response.body.data ?? null, null);
    assert.deepEqual(response.body.errors?.map((e) => [e.message, e.extensions?.code]), [['Sign in to do this', 'UNAUTHENTICATED']]);
    assert.equal(backendCalls(), 0);
  });
});

describe('JWKS (RS256 and ES256 keys of an identity provider)', () => {
  let jwks: JwksServer;
  let idp: TestGateway;
  let rsa: SigningKey;
  let ec: SigningKey;

  before(async () => {
    [rsa, ec] = await Promise.all([newSigningKey('RS256', 'rsa-2025-01'), newSigningKey('ES256', 'ec-2025-01')]);
    jwks = await startJwksServer([rsa, ec]);
    idp = await startTestGateway(shop.backends, { JWT_JWKS_URL: jwks.url });
  });

  after(async () => {
    await idp?.close();
    await jwks?.close();
  });

  const signedBy = (key: SigningKey, sub: string, kid = key.kid) =>
    craftToken(idp.config, { key: key.privateKey, alg: key.alg, kid, claims: { sub } });

  it('accepts an RS256 token', async () => {
    const response = await graphql(idp, 'web', WEB_ME, { token: await signedBy(rsa, 'u7') });
    assert.equal(response.status, 200);
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u7' } } });
  });

  it('accepts an ES256 token', async () => {
    const response = await graphql(idp, 'mobile', MOBILE_GREETING, { token: await signedBy(ec, 'u8') });
    assert.deepEqual(withoutCost(response.body), { data: { home: { greeting: greetingOf('u8') } } });
  });

  it('refuses an HS256 token, even one signed with the development secret', async () => {
    await assertRefusedEverywhere(`Bearer ${await craftToken(idp.config)}`, ['web', 'mobile'], idp);
  });

  it('refuses a token naming a served kid but signed with another key', async () => {
    const impostor = await newSigningKey('RS256', 'impostor');
    await assertRefusedEverywhere(`Bearer ${await signedBy(impostor, 'u7', rsa.kid)}`, ['web', 'mobile'], idp);
  });

  it('follows a key rotation without restart: the new kid is accepted, the withdrawn key refused', async (t) => {
    const rotated = await newSigningKey('RS256', 'rsa-2025-02');
    const fetchesBefore = jwks.fetches();
    jwks.serve([rotated]);
    // jose refetches the key set for an unknown kid only once its cooldown since the last fetch
    // has passed (createRemoteJWKSet's default, 30 s): move the clock past it instead of waiting.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    t.mock.timers.tick(JOSE_JWKS_COOLDOWN_MS + 1_000);
    const response = await graphql(idp, 'web', WEB_ME, { token: await signedBy(rotated, 'u9') });
    assert.deepEqual(withoutCost(response.body), { data: { me: { id: 'u9' } } });
    assert.ok(jwks.fetches() > fetchesBefore, 'the unknown kid made the gateway fetch the key set again');

    shop.backends.control.reset();
    await assertRefusedEverywhere(`Bearer ${await signedBy(rsa, 'u7')}`, ['web'], idp);
  });
});
