import assert from 'node:assert/strict';
import { SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Config } from '../../src/config.ts';
import type { GraphQLBody } from './gateway.ts';

/** Claims of a crafted token; a claim set to `undefined` is left out of the token. */
export type ClaimOverrides = { [claim: string]: unknown };

/** How {@link craftToken} signs: HS256 with the gateway's secret unless told otherwise. */
export interface CraftOptions {
  /** Claims replacing the defaults (`sub` u1, the gateway's issuer, both surfaces, valid for 10 minutes). */
  claims?: ClaimOverrides;
  /** Signing key: a secret (HS256) or a private key. Default: the gateway's `JWT_SECRET`. */
  key?: Uint8Array | CryptoKey;
  /** JWS algorithm. Default: `HS256`. */
  alg?: string;
  /** Key id put in the protected header. */
  kid?: string;
}

/** Seconds since the epoch, now. */
export const nowS = (): number => Math.floor(Date.now() / 1000);

/** The claims a valid token of this gateway carries, before overrides. */
function claimsFor(config: Readonly<Config>, overrides: ClaimOverrides): JWTPayload {
  const now = nowS();
  const claims: Record<string, unknown> = { sub: 'u1', iss: config.jwt.issuer, aud: ['web', 'mobile'], iat: now, exp: now + 600, roles: [], ...overrides };
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) as JWTPayload;
}

/** Signs a token with exactly the claims asked for, valid or not: for testing what the gateway refuses. */
export function craftToken(config: Readonly<Config>, options: CraftOptions = {}): Promise<string> {
  const alg = options.alg ?? 'HS256';
  return new SignJWT(claimsFor(config, options.claims ?? {}))
    .setProtectedHeader({ alg, typ: 'JWT', ...(options.kid ? { kid: options.kid } : {}) })
    .sign(options.key ?? new TextEncoder().encode(config.jwt.secret));
}

/** An unsigned token (`alg: none`): header and claims, empty signature. */
export function unsignedToken(config: Readonly<Config>, claims: ClaimOverrides = {}): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claimsFor(config, claims))}.`;
}

/** Asserts the gateway's answer to an unverifiable token: 401, a Bearer challenge, one UNAUTHENTICATED error, no data. */
export function assertUnauthenticated(response: { status: number; headers: Headers; body: GraphQLBody }): void {
  assert.equal(response.status, 401, JSON.stringify(response.body));
  assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
  assert.equal(response.body.errors?.length, 1);
  assert.equal(response.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  assert.equal(response.body.data, undefined);
}
