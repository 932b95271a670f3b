import type { SurfaceName } from '../surface-names.ts';
import { webResolvers } from '../../resolvers/web/index.ts';
import { mobileResolvers } from '../../resolvers/mobile/index.ts';
import { webCallSources } from '../../resolvers/web/call-sources.ts';
import { mobileCallSources } from '../../resolvers/mobile/call-sources.ts';
import { webPermissions } from '../auth/permissions/web.ts';
import { mobilePermissions } from '../auth/permissions/mobile.ts';
import { loadTypeDefs, type SurfaceDefinition } from './surface.ts';

/** What each surface is made of beside its schema (read from `schema/<name>/`). */
const SURFACES: Readonly<Record<SurfaceName, Omit<SurfaceDefinition, 'name' | 'typeDefs'>>> = {
  web: { resolvers: webResolvers, permissions: webPermissions, callSources: webCallSources },
  mobile: { resolvers: mobileResolvers, permissions: mobilePermissions, callSources: mobileCallSources },
};

/** Builds the definition of a surface: its tailored schema, resolvers, rule tree and call sources. */
export function surfaceDefinition(name: SurfaceName): SurfaceDefinition {
  return { name, typeDefs: loadTypeDefs(name), ...SURFACES[name] };
}
