import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { allow, deny } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { undecidedFields } from '../../src/auth/coverage.ts';
import { isAdminViewer } from '../../src/auth/rules.ts';
import { secureSchema } from '../../src/auth/secure-schema.ts';
import { surfaceDefinition } from '../../src/surfaces/index.ts';

type Tree = Record<string, unknown>;

/** The surface's schema, built as src/surfaces does (SDL files + resolvers), and its rule tree. */
function surface(name: 'web' | 'mobile') {
  const definition = surfaceDefinition(name);
  return { schema: makeExecutableSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }), rules: definition.permissions };
}

/** A copy of the tree without one type (`'Order'`) or one field (`'Query.order'`). */
function without(rules: IRules, coordinate: string): IRules {
  const [type, field] = coordinate.split('.') as [string, string | undefined];
  const copy: Tree = { ...(rules as Tree) };
  assert.ok(copy[type] !== undefined, `${type} is in the tree`);
  if (field === undefined) {
    delete copy[type];
  } else {
    const fields: Tree = { ...(copy[type] as Tree) };
    assert.ok(fields[field] !== undefined, `${coordinate} is in the tree`);
    delete fields[field];
    copy[type] = fields;
  }
  return copy as IRules;
}

const fieldsOf = (schema: ReturnType<typeof surface>['schema'], type: string): string[] => {
  const found = schema.getType(type);
  assert.ok(found && 'getFields' in found);
  return Object.keys(found.getFields()).map((field) => `${type}.${field}`);
};

describe('every field of both surfaces has an explicit decision', () => {
  for (const name of ['web', 'mobile'] as const) {
    it(`${name}: no undecided field, and secureSchema builds`, () => {
      const { schema, rules } = surface(name);
      assert.deepEqual(undecidedFields(schema, rules), []);
      assert.ok(secureSchema(schema, rules).getQueryType());
    });
  }
});

describe('a missing rule is caught before the schema serves', () => {
  const cases: readonly ['web' | 'mobile', string][] = [
    ['web', 'Query.order'],
    ['web', 'Mutation.placeOrder'],
    ['web', 'Order'],
    ['web', 'User'],
    ['mobile', 'Mutation.reorder'],
    ['mobile', 'Query.orders'],
    ['mobile', 'OrderSummary'],
  ];
  for (const [name, coordinate] of cases) {
    it(`${name} without ${coordinate}`, () => {
      const { schema, rules } = surface(name);
      const broken = without(rules, coordinate);
      const expected = coordinate.includes('.') ? [coordinate] : fieldsOf(schema, coordinate);
      assert.deepEqual(undecidedFields(schema, broken).sort(), expected.sort());
      assert.throws(
        () => secureSchema(schema, broken),
        // One line operators read at start-up: every undecided field, comma-separated.
        (error: Error) => error.message === `No authorization decision for: ${undecidedFields(schema, broken).join(', ')}` && expected.every((field) => error.message.includes(field)),
      );
    });
  }
});

describe('what counts as a decision', () => {
  const schema = makeExecutableSchema({ typeDefs: 'type Query { a: String, b: String } type T { x: String, y: String }' });

  it('a type-wide rule decides every field of its type', () => {
    assert.deepEqual(undecidedFields(schema, { Query: allow, T: isAdminViewer }), []);
  });

  it("a '*' entry decides the fields the map does not name", () => {
    assert.deepEqual(undecidedFields(schema, { Query: { a: allow, '*': deny }, T: { '*': allow } }), []);
  });

  it('a field map decides only the fields it names', () => {
    assert.deepEqual(undecidedFields(schema, { Query: { a: allow }, T: { x: deny } }), ['Query.b', 'T.y']);
  });

  it('a field map without a prototype is still a field map', () => {
    const bare = Object.assign(Object.create(null) as Tree, { a: allow });
    assert.deepEqual(undecidedFields(schema, { Query: bare, T: allow } as IRules), ['Query.b']);
  });

  it('a type missing from the tree leaves all its fields undecided', () => {
    assert.deepEqual(undecidedFields(schema, { Query: allow }), ['T.x', 'T.y']);
  });
});
