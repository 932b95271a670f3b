import { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
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
 * second backend call. An order that does not exist passes: the resolver answers null.
 */
export const ownsOrderArgument = (argument: 'id' | 'orderId') =>
  rule(`ownsOrderArgument:${argument}`, { cache: 'strict' })(async (_parent, args: Record<string, unknown>, context: GatewayContext) => {
    const viewer = context.viewer;
    if (!viewer) return false;
    if (isAdmin(viewer)) return true;
    const id = args[argument];
    if (typeof id !== 'string') return false;
    const order = await context.loaders.order.load(id).catch(() => null);
    return order === null || order.userId === viewer.id;
  });

/**
 * The token grants a scope. First-party tokens carry no `scope` claim and hold every scope;
 * a token with a `scope` claim holds only what it names.
 */
export const hasScope = (scope: string) =>
  rule(`hasScope:${scope}`, { cache: 'contextual' })((_parent, _args, context: GatewayContext) => {
    const scopes = context.viewer?.scopes;
    return scopes !== undefined && (scopes.length === 0 || scopes.includes(scope));
  });
