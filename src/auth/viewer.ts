/** Who is asking: built from a verified token, never from anything else the client sends. */
export interface Viewer {
  /** The user id (`sub` claim). */
  readonly id: string;
  /** Roles, e.g. `admin`. */
  readonly roles: readonly string[];
  /**
   * OAuth-style scopes the token grants: `'all'` for a first-party token (one without a `scope`
   * claim), otherwise exactly the scopes its claim names (never empty).
   */
  readonly scopes: 'all' | readonly string[];
}

/** Whether the viewer holds the admin role. */
export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.roles.includes('admin') ?? false;
}
