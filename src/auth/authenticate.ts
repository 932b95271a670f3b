import { errors, jwtVerify } from 'jose';
import type { Config, SurfaceName } from '../config.ts';
import type { Viewer } from './viewer.ts';

/** The outcome of reading a request's credentials. */
export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'viewer'; readonly viewer: Viewer }
  | { readonly kind: 'invalid'; /** For logs only. */ readonly reason: string };

const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies a bearer token for one surface: HS256 signature, issuer, audience (the surface name),
 * expiry and not-before with a small clock tolerance. No header means anonymous.
 */
export async function authenticate(
  authorization: string | undefined,
  surface: SurfaceName,
  jwt: Config['jwt'],
): Promise<Authentication> {
  if (authorization === undefined || authorization === '') return { kind: 'anonymous' };
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization);
  if (!match?.[1]) return { kind: 'invalid', reason: 'malformed Authorization header' };
  try {
    const { payload } = await jwtVerify(match[1], new TextEncoder().encode(jwt.secret), {
      algorithms: ['HS256'],
      issuer: jwt.issuer,
      audience: surface,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['sub', 'exp'],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { kind: 'viewer', viewer: Object.freeze({ id: payload.sub as string, roles, scopes }) };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof errors.JOSEError ? error.code : 'unverifiable token' };
  }
}
