import type { SurfaceName } from '../surface-names.ts';
import { webResolvers } from '../../resolvers/web/index.ts';
import { mobileResolvers } from '../../resolvers/mobile/index.ts';
import { webCallSources } from '../../resolvers/web/call-sources.ts';
import { mobileCallSources } from '../../resolvers/mobile/call-sources.ts';
import { webPermissions } from '../auth/permissions/web.ts';
import { mobilePermissions } from '../auth/permissions/mobile.ts';
import { loadTypeDefs, type SurfaceDefinition } from './surface.ts';

/** Builds the definition of a surface: its tailored schema, resolvers, rule tree and cache layout. */
export function surfaceDefinition(name: SurfaceName): SurfaceDefinition {
  return name === 'web'
    ? { name, typeDefs: loadTypeDefs(name), resolvers: webResolvers, permissions: webPermissions, stockFields: ['Product.stock'], callSources: webCallSources }
    : {
        name,
        typeDefs: loadTypeDefs(name),
        resolvers: mobileResolvers,
        permissions: mobilePermissions,
        stockFields: ['ProductCard.inStock', 'ProductDetail.inStock', 'ProductDetail.stockLabel'],
        callSources: mobileCallSources,
      };
}
