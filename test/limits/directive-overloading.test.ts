import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphql, useGateway } from '../helpers/gateway.ts';

describe('directives per field', () => {
  const shop = useGateway();

  for (const [kind, query] of [
    ['ten unknown directives on one field', `{ __typename ${'@aa'.repeat(10)} }`],
    ['a non-repeatable directive repeated', '{ __typename @include(if: true) @include(if: true) }'],
    ['five directives on a fragment spread', `{ ...F ${'@skip(if: false)'.repeat(5)} } fragment F on Query { __typename }`],
  ] as const) {
    it(`${kind}: the document is refused once, with one error`, async () => {
      const { status, body } = await graphql(shop.gateway, 'web', query);
      assert.equal(status, 400);
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      assert.equal(body.errors?.[0]?.extensions?.code, 'DIRECTIVE_LIMIT_EXCEEDED');
    });
  }

  it('a field with @skip and @include is served', async () => {
    const { status, body } = await graphql(shop.gateway, 'web', '{ __typename @skip(if: false) @include(if: true) }');
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.data, { __typename: 'Query' });
  });
});
