/** Every surface the gateway knows. */
export const SURFACE_NAMES = ['web', 'mobile'] as const;
/** A client surface: one tailored GraphQL endpoint. */
export type SurfaceName = (typeof SURFACE_NAMES)[number];
