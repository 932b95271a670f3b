import { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
import { UpstreamError } from '../../clients/errors.ts';
import type { GatewayContext } from '../context.ts';
import { isAdmin } from './viewer.ts';

// Rules that depend only on the viewer are cached per request ('contextual'). Rules that look at
// the parent are one comparison each, cheaper than shield's 'strict' cache, which hashes the
// parent and arguments on every call: those run uncached ('no_cache').

/** A signed-in viewer; anonymous requests get `UNAUTHENTICATED` (sign in), not `FORBIDDEN`. */
export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, context: GatewayContext) =>
    context.viewer !== null || new GraphQLError('Sign in to do this', { extensions: { code: 'UNAUTHENTICATED' } }),
);

/** A viewer with the admin role. */
export const isAdminViewer = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) => isAdmin(context.viewer));

/** A User seen by itself. */
export const isSelf = rule({ cache: 'no_cache' })(
  (parent: { id: string }, _args, context: GatewayContext) => context.viewer !== null && context.viewer.id === parent.id,
);

/** An order (or order summary) seen by the user who placed it. */
export const isOrderOwner = rule({ cache: 'no_cache' })(
  (parent: { userId: string }, _args, context: GatewayContext) => context.viewer !== null && context.viewer.id === parent.userId,
);

/**
 * The order named by an argument (`id` or `orderId`) belongs to the viewer, or the viewer is an
 * admin. The order is read through the request's loader, so the resolver that follows makes no
 * second backend call. Only a definite not-found passes (the resolver then answers null): any
 * other failure to read the order refuses with the failure's own code, since a rule that cannot
 * read what it needs must not let the request through to a resolver that might read it later.
 */
export const ownsOrderArgument = (argument: 'id' | 'orderId') =>
  rule(`ownsOrderArgument:${argument}`, { cache: 'strict' })(async (_parent, args: Record<string, unknown>, context: GatewayContext) => {
    const viewer = context.viewer;
    if (!viewer) return false;
    if (isAdmin(viewer)) return true;
    const id = args[argument];
    if (typeof id !== 'string') return false;
    try {
      return (await context.loaders.order.load(id)).userId === viewer.id;
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return true;
      return error instanceof Error ? error : false;
    }
  });

/**
 * The token grants a scope. First-party tokens carry no `scope` claim and hold every scope;
 * a token with a `scope` claim holds only what it names (authentication refuses a claim that is
 * not a non-empty, space-separated list).
 */
export const hasScope = (scope: string) =>
  rule(`hasScope:${scope}`, { cache: 'contextual' })((_parent, _args, context: GatewayContext) => {
    const scopes = context.viewer?.scopes;
    return scopes === 'all' || (scopes !== undefined && scopes.includes(scope));
  });
