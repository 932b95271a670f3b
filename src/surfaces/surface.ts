import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IResolvers } from '@graphql-tools/utils';
import type { IRules } from 'graphql-shield';
import type { SurfaceName } from '../surface-names.ts';
import type { GatewayContext } from '../context.ts';
import type { CallSources } from '../limits/call-plan.ts';

/** Everything that makes one surface different from the other: its schema and its resolvers. */
export interface SurfaceDefinition {
  name: SurfaceName;
  /** SDL sources: the shared types, then the surface's own. */
  typeDefs: string[];
  resolvers: IResolvers<unknown, GatewayContext>;
  /** The graphql-shield rule tree: who may read which field. */
  permissions: IRules;
  /** The backend calls each field's resolver makes: for the call plan (`npm run cost`) and to find {@link stockFields}. */
  callSources: CallSources;
}

/**
 * The fields whose value comes from inventory (stock levels and prices per SKU), by coordinate:
 * those whose resolver calls the inventory service, by the surface's call sources. The field cache
 * keys them by their product's generation, so a placed order retires them; their parent's id is a
 * product id. Derived, never listed: a field that starts reading inventory follows placed orders
 * as soon as its call source says so (test/cache/stock-fields.test.ts holds the call sources to
 * what the resolvers do).
 */
export function stockFields(sources: CallSources): string[] {
  return Object.entries(sources)
    .filter(([, calls]) => calls.some((call) => call.service === 'inventory'))
    .map(([coordinate]) => coordinate);
}

const SCHEMA_ROOT = new URL('../../schema/', import.meta.url);

/** Reads every `.graphql` file of the shared schema folder and of the given surface's folder. */
export function loadTypeDefs(surface: SurfaceName): string[] {
  return ['shared', surface].flatMap((folder) => {
    const dir = new URL(`${folder}/`, SCHEMA_ROOT);
    return readdirSync(dir)
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => readFileSync(join(dir.pathname, file), 'utf8'));
  });
}
