import type { SurfaceName } from '../config.ts';
import { webResolvers } from '../../resolvers/web/index.ts';
import { mobileResolvers } from '../../resolvers/mobile/index.ts';
import { loadTypeDefs, type SurfaceDefinition } from './surface.ts';

/** Builds the definition of a surface: its tailored schema and its resolvers. */
export function surfaceDefinition(name: SurfaceName): SurfaceDefinition {
  const resolvers = name === 'web' ? webResolvers : mobileResolvers;
  return { name, typeDefs: loadTypeDefs(name), resolvers };
}
