import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { ClientDocuments } from './document-set.ts';
import { documentsOf } from './manifest.ts';
import { documentUsage } from './coordinates.ts';

/** Which client releases use one schema coordinate. */
export interface CoordinateUsage {
  coordinate: string;
  /** `client version` of each release whose documents use it (retired ones marked). */
  releases: string[];
}

/**
 * For every field and argument coordinate of the schema (`Type.field`, `Type.field(arg:)`), the
 * client releases whose registered documents use it; a coordinate no release uses has none. This
 * is the usage to read before deprecating or removing a field.
 */
export function coordinateUsage(schema: GraphQLSchema, clients: readonly ClientDocuments[]): CoordinateUsage[] {
  const users = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      users.set(`${type.name}.${field.name}`, new Set());
      for (const argument of field.args) users.set(`${type.name}.${field.name}(${argument.name}:)`, new Set());
    }
  }
  for (const client of clients) {
    for (const release of client.releases.values()) {
      const label = `${client.name} ${release.version}${release.supported ? '' : ' (retired)'}`;
      for (const document of documentsOf(release.documents)) {
        let usage;
        try {
          usage = documentUsage(schema, document.text);
        } catch {
          continue;
        }
        for (const coordinate of [...usage.fields, ...usage.arguments]) users.get(coordinate)?.add(label);
      }
    }
  }
  return [...users]
    .map(([coordinate, releases]) => ({ coordinate, releases: [...releases].sort() }))
    .sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}
