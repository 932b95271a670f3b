import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { SurfaceName } from '../surface-names.ts';
import { refuse } from '../surfaces/refusal.ts';
import type { Authenticator } from './authenticate.ts';
import type { Viewer } from './viewer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller of a GraphQL request; null when anonymous (or on other routes). */
    viewer: Viewer | null;
  }
}

/** Gives every request of the scope a `viewer`, null until {@link authenticationHook} sets it. */
export function decorateViewer(scope: FastifyInstance): void {
  scope.decorateRequest('viewer', null);
}

/** What the authentication hook of one surface needs. */
export interface AuthenticationHookOptions {
  surface: SurfaceName;
  authenticate: Authenticator;
  /** Called once for each request refused for its token (counting and recording the refusal). */
  onRefused(request: FastifyRequest): void;
}

/**
 * The preHandler that authenticates a GraphQL request: an invalid or expired token is refused
 * with 401 `UNAUTHENTICATED` before any backend call; a valid one sets `request.viewer`; no
 * token leaves the request anonymous.
 */
export function authenticationHook(options: AuthenticationHookOptions): preHandlerAsyncHookHandler {
  const { surface, authenticate, onRefused } = options;
  return async (request, reply) => {
    const auth = await authenticate(request.headers.authorization, surface);
    if (auth.kind === 'invalid') {
      onRefused(request);
      request.log.info({ requestId: request.id, reason: auth.reason }, 'token refused');
      return refuse(reply, {
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'The access token is invalid or expired',
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    }
    if (auth.kind === 'viewer') request.viewer = auth.viewer;
    return undefined;
  };
}
