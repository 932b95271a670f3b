import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { SurfaceName } from '../surface-names.ts';
import type { SurfaceLimits } from '../limits/limits-config.ts';
import { buildCostModel, type CostModel } from '../limits/cost-model.ts';

/** What a document is checked against: a surface's schema, its cost model and its limits. */
export interface SurfaceTarget {
  readonly surface: SurfaceName;
  readonly schema: GraphQLSchema;
  readonly costModel: CostModel;
  readonly limits: SurfaceLimits;
}

/** Builds a surface's schema from its SDL sources (no resolvers: only for checking documents). */
export function surfaceTarget(surface: SurfaceName, typeDefs: string[], limits: SurfaceLimits): SurfaceTarget {
  const schema = makeExecutableSchema({ typeDefs });
  return { surface, schema, costModel: buildCostModel(schema), limits };
}
