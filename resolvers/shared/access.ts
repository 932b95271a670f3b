import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../src/context.ts';
import type { Viewer } from '../../src/auth/viewer.ts';

/**
 * The signed-in viewer, for resolvers that act on their behalf. Authorization (who may call what)
 * is the rule trees' job (src/auth/permissions); this only guards against a missing rule.
 */
export function requireViewer(context: GatewayContext): Viewer {
  if (!context.viewer) throw new GraphQLError('Sign in to do this', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.viewer;
}
