import { SignJWT } from 'jose';

/** The key and issuer a gateway verifies HS256 tokens with (its `config.jwt`). */
export interface TokenIssuer {
  secret: string;
  issuer: string;
}

/** What a token says about its holder. */
export interface TokenClaims {
  /** The user id (`sub`). */
  subject: string;
  /** Roles, e.g. `admin`. Default none. */
  roles?: readonly string[];
  /** Space-separated scopes; absent (the default) for a first-party token holding every scope. */
  scope?: string;
  /** Surfaces the token is for (`aud`). Default both, `web` and `mobile`. */
  audience?: readonly string[];
  /** Lifetime as jose reads it: a span (`'10m'`, `'-1h'`) or an absolute `exp` in epoch seconds. Default `'1h'`. */
  expiresIn?: string | number;
}

/** Signs an HS256 token the gateway accepts: the one signer of `npm run token`, the tests and the benchmark. */
export function signToken(issuer: TokenIssuer, claims: TokenClaims): Promise<string> {
  return new SignJWT({ roles: [...(claims.roles ?? [])], ...(claims.scope ? { scope: claims.scope } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(issuer.issuer)
    .setAudience([...(claims.audience ?? ['web', 'mobile'])])
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(issuer.secret));
}
