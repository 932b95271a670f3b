import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import type { SurfaceName } from '../surface-names.ts';
import type { Viewer } from './viewer.ts';

/** The outcome of reading a request's credentials. */
export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'viewer'; readonly viewer: Viewer }
  | { readonly kind: 'invalid'; /** For logs only. */ readonly reason: string };

/** Reads the `Authorization` header of a request for one surface. */
export type Authenticator = (authorization: string | undefined, surface: SurfaceName) => Promise<Authentication>;

const CLOCK_TOLERANCE_S = 5;
/** Verified tokens remembered per surface (a client sends the same token on every request). */
const VERIFIED_TOKENS = 10_000;
/** Longest a verification is reused, so a withdrawn signing key stops working within a minute. */
const VERIFIED_REUSE_MS = 60_000;
// The scheme name is case-insensitive (RFC 7235 section 2.1): `bearer` is as good as `Bearer`.
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/**
 * Builds the process's token verifier, once: HS256 with the configured secret, or RS256/ES256
 * against a JWKS (keys cached by jose, refetched when a token names an unknown key id, so key
 * rotation needs no restart). Checks issuer, audience (the surface name), expiry and not-before
 * with a small clock tolerance. No header means anonymous; anything else unverifiable is invalid.
 * A token that verified is remembered for up to a minute (never past its expiry), so the signature
 * of a client's token is not checked on every request (the exact token string is the key).
 */
export function createAuthenticator(jwt: Config['jwt']): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : new TextEncoder().encode(jwt.secret);
  const algorithms = jwt.jwksUrl ? ['RS256', 'ES256'] : ['HS256'];
  const verified = new LRUCache<string, { viewer: Viewer; surface: string; expiresAtMs: number }>({ max: VERIFIED_TOKENS });
  return async (authorization, surface) => {
    if (authorization === undefined || authorization === '') return { kind: 'anonymous' };
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return { kind: 'invalid', reason: 'malformed Authorization header' };
    const known = verified.get(token);
    if (known && known.surface === surface && Date.now() <= known.expiresAtMs) return { kind: 'viewer', viewer: known.viewer };
    // Past its reuse window (or the token's expiry) the token is verified again from scratch.
    let payload: JWTPayload;
    try {
      const options = { algorithms, issuer: jwt.issuer, audience: surface, clockTolerance: CLOCK_TOLERANCE_S, requiredClaims: ['sub', 'exp'] };
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      return { kind: 'invalid', reason: error instanceof errors.JOSEError ? error.code : 'unverifiable token' };
    }
    const viewer = viewerFrom(payload);
    if (typeof viewer === 'string') return { kind: 'invalid', reason: viewer };
    const expiresAtMs = Math.min(((payload.exp as number) + CLOCK_TOLERANCE_S) * 1000, Date.now() + VERIFIED_REUSE_MS);
    verified.set(token, { viewer, surface, expiresAtMs });
    return { kind: 'viewer', viewer };
  };
}

/** RFC 6749 section 3.3: scope tokens separated by single spaces. */
const SCOPE_CLAIM = /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/;
/** The shape of a user id, as backends know them (a `sub` reaches them as a key). */
const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The viewer a verified payload names, or why the token is refused. No `scope` claim means a
 * first-party token holding every scope; a present claim must be a non-empty, space-separated
 * string of scope tokens (an array, a number, an empty or blank string is refused as invalid,
 * never read as "no restriction").
 */
function viewerFrom(payload: JWTPayload): Viewer | string {
  if (typeof payload.sub !== 'string' || !SUBJECT.test(payload.sub)) return 'malformed sub claim';
  const claim: unknown = payload.scope;
  if (claim !== undefined && (typeof claim !== 'string' || !SCOPE_CLAIM.test(claim))) return 'malformed scope claim';
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const scopes = claim === undefined ? 'all' : Object.freeze(claim.split(' '));
  return Object.freeze({ id: payload.sub, roles: Object.freeze(roles), scopes });
}
