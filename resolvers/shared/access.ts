import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../src/context.ts';
import { isAdmin, type Viewer } from '../../src/auth/viewer.ts';

/** The viewer, or an `UNAUTHENTICATED` error for anonymous requests. */
export function requireViewer(context: GatewayContext): Viewer {
  if (!context.viewer) throw new GraphQLError('Sign in to see this', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.viewer;
}

/** Passes for admins only; `FORBIDDEN` otherwise. */
export function requireAdmin(context: GatewayContext): Viewer {
  const viewer = requireViewer(context);
  if (!isAdmin(viewer)) throw forbidden();
  return viewer;
}

/** Passes when the viewer owns the resource or is an admin; `FORBIDDEN` otherwise. */
export function requireOwnerOrAdmin(context: GatewayContext, ownerId: string): Viewer {
  const viewer = requireViewer(context);
  if (viewer.id !== ownerId && !isAdmin(viewer)) throw forbidden();
  return viewer;
}

function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}
