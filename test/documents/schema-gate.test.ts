import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { loadConfig } from '../../src/config.ts';
import type { ClientDocuments } from '../../src/documents/document-set.ts';
import { documentHash } from '../../src/documents/document-hash.ts';
import { parseManifest } from '../../src/documents/manifest.ts';
import { isSupported, type ClientPolicy, type PolicyException } from '../../src/documents/policy.ts';
import { checkSchemaChange } from '../../src/documents/schema-gate.ts';
import { surfaceTarget } from '../../src/documents/surface-target.ts';

const BASE = /* GraphQL */ `
  enum Status { OPEN SHIPPED }
  interface Media { id: ID! }
  type Book { id: ID! title: String! }
  type Film implements Media { id: ID! title: String! }
  union Item = Book | Film
  input Filter { text: String limit: Int = 10 }
  type Query {
    book(id: ID!): Book
    status: Status
    items(filter: Filter): [Item!]!
    search(text: String!, first: Int = 20): [Book!]!
    media: [Media!]!
    unusedField: String
  }
`;
/** The client's documents: each selects what one kind of change touches. */
const DOCUMENTS = {
  BookScreen: 'query BookScreen($id: ID!) { book(id: $id) { id title } }',
  StatusBadge: 'query StatusBadge { status }',
  ItemList: 'query ItemList($filter: Filter) { items(filter: $filter) { ... on Book { id } ... on Film { id } } }',
  SearchScreen: 'query SearchScreen($text: String!) { search(text: $text) { id } }',
  MediaShelf: 'query MediaShelf { media { id ... on Film { title } } }',
};
const limits = loadConfig({ NODE_ENV: 'test' }).limits.web;
const TODAY = '2026-11-27';

function client(policy: Partial<ClientPolicy> = {}): ClientDocuments {
  const fullPolicy: ClientPolicy = { surface: 'web', lowestSupported: '2.0.0', exceptions: [], ...policy };
  const manifest = JSON.stringify(Object.fromEntries(Object.values(DOCUMENTS).map((text) => [`sha256:${documentHash(text)}`, text])));
  const releases = new Map(['1.0.0', '2.0.0'].map((version) => [version, { version, supported: isSupported(fullPolicy, version), documents: parseManifest(manifest) }]));
  return { name: 'shop-app', policy: fullPolicy, releases };
}

async function gate(changed: string, policy: Partial<ClientPolicy> = {}) {
  return checkSchemaChange({
    before: makeExecutableSchema({ typeDefs: BASE }),
    after: surfaceTarget('web', [changed], limits),
    clients: [client(policy)],
    today: TODAY,
  });
}

/** Applies one edit to the base schema, failing if the edit does not apply. */
function edit(from: string, to: string): string {
  assert.ok(BASE.includes(from), from);
  return BASE.replace(from, to);
}

/** Each kind of change that breaks a document of a supported version, the operation it breaks, and the coordinate named. */
const BREAKING = [
  { kind: 'an output field made nullable', schema: edit('title: String! }\n  type Film', 'title: String }\n  type Film'), operation: 'BookScreen', coordinate: 'Book.title', why: /made nullable/ },
  { kind: 'an enum value added to a selected output', schema: edit('enum Status { OPEN SHIPPED }', 'enum Status { OPEN SHIPPED RETURNED }'), operation: 'StatusBadge', coordinate: 'Status.RETURNED', why: /cannot know/ },
  { kind: 'a union member added to a selected output', schema: edit('union Item = Book | Film', 'type Game { id: ID! }\n  union Item = Book | Film | Game'), operation: 'ItemList', coordinate: 'Item', why: /cannot know/ },
  { kind: 'an interface implementation added to a selected output', schema: edit('type Book { id: ID! title: String! }', 'type Book implements Media { id: ID! title: String! }'), operation: 'MediaShelf', coordinate: 'Book', why: /cannot know/ },
  { kind: 'a required argument added', schema: edit('search(text: String!, first: Int = 20)', 'search(text: String!, first: Int = 20, locale: String!)'), operation: 'SearchScreen', coordinate: 'Query.search.locale', why: /required argument/ },
  { kind: 'a required input field added', schema: edit('input Filter { text: String limit: Int = 10 }', 'input Filter { text: String limit: Int = 10 shelf: ID! }'), operation: 'ItemList', coordinate: 'Filter.shelf', why: /required input field/ },
  { kind: 'an argument default changed', schema: edit('first: Int = 20', 'first: Int = 5'), operation: 'SearchScreen', coordinate: 'Query.search.first', why: /relies on the default/ },
  { kind: 'an input field default changed', schema: edit('limit: Int = 10', 'limit: Int = 3'), operation: 'ItemList', coordinate: 'Filter.limit', why: /default/ },
  { kind: 'a selected field removed', schema: edit('status: Status\n', ''), operation: 'StatusBadge', coordinate: 'Query.status', why: /selects it/ },
] as const;

describe('schema:check gate', () => {
  for (const change of BREAKING) {
    it(`fails on ${change.kind} for a supported version, naming client, version, operation and change`, async () => {
      const result = await gate(change.schema);
      const found = result.breaks.filter((b) => b.version === '2.0.0');
      assert.ok(found.length > 0, `no break found for ${change.kind}`);
      assert.ok(
        found.some((b) => b.client === 'shop-app' && b.operation === change.operation && b.coordinate === change.coordinate && change.why.test(b.change)),
        JSON.stringify(found),
      );
      // Only the documents that use what changed break.
      assert.ok(found.every((b) => b.operation === change.operation), JSON.stringify(found));
    });

    it(`passes ${change.kind} when only a retired version uses it`, async () => {
      const result = await gate(change.schema, { lowestSupported: '3.0.0' });
      assert.deepEqual(result.breaks, []);
      assert.deepEqual(result.retired.sort(), ['shop-app 1.0.0', 'shop-app 2.0.0']);
    });
  }

  it('passes a safe change (a field added) and checks supported versions only', async () => {
    const result = await gate(edit('unusedField: String', 'unusedField: String\n    newField: Int'));
    assert.equal(result.changes.length, 1);
    assert.deepEqual(result.breaks, []);
    assert.deepEqual(result.checked, ['shop-app 2.0.0']);
    assert.deepEqual(result.retired, ['shop-app 1.0.0']);
  });

  it('passes a breaking change to a field no document uses', async () => {
    const result = await gate(edit('unusedField: String\n', ''));
    assert.equal(result.changes.length, 1);
    assert.deepEqual(result.breaks, []);
  });

  it('excuses a break covered by an exception in force, and not once it has expired', async () => {
    const nullable = BREAKING[0].schema;
    const exception: PolicyException = { coordinate: 'Book.title', versions: ['2.0.0'], operation: 'BookScreen', expires: TODAY, reason: 'the app shows a placeholder' };
    const excused = await gate(nullable, { exceptions: [exception] });
    assert.deepEqual(excused.breaks, []);
    assert.equal(excused.excused.length, 1);
    const expired = await gate(nullable, { exceptions: [{ ...exception, expires: '2026-11-26' }] });
    assert.equal(expired.breaks.length, 1);
    assert.equal(expired.breaks[0]?.expired?.expires, '2026-11-26');
  });

  it('fails a document over the cost limit under the new schema', async () => {
    const costly = edit('search(text: String!, first: Int = 20): [Book!]!', `search(text: String!, first: Int = ${limits.maxCost + 1}): [Book!]! @listSize(slicingArguments: ["first"])`);
    const withDirective = `directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION\n${costly}`;
    const result = await gate(withDirective);
    assert.ok(result.breaks.some((b) => b.operation === 'SearchScreen' && b.coordinate === 'limits' && /estimated cost \d+ exceeds/.test(b.change)), JSON.stringify(result.breaks));
  });
});
