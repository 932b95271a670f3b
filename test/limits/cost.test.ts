import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getNamedType, getOperationAST, isListType, isNonNullType, isObjectType, parse, type GraphQLType } from 'graphql';
import { loadTypeDefs } from '../../src/surfaces/surface.ts';
import { buildCostModel } from '../../src/limits/cost-model.ts';
import { estimateCost } from '../../src/limits/estimate-cost.ts';
import { actualCost } from '../../src/limits/actual-cost.ts';
import { checkDocument } from '../../src/limits/document-limits.ts';
import { loadConfig } from '../../src/config.ts';

const web = buildCostModel(makeExecutableSchema({ typeDefs: loadTypeDefs('web') }));
const mobile = buildCostModel(makeExecutableSchema({ typeDefs: loadTypeDefs('mobile') }));

function estimate(model: typeof web, query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return estimateCost(model, document, getOperationAST(document) ?? assert.fail('no operation'), variables);
}

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

describe('cost estimate', () => {
  it('prices the web OrderHistory example as the cost directives say', () => {
    const query = readFileSync(new URL('../../examples/web/operations/order-history.graphql', import.meta.url), 'utf8');
    // me 1 + profile 1 + orders 1 + pageInfo 1 + 20 orders x (1 + total 1 + 100 items x (1 + unitPrice 1 + product 1 + price 2 + stock 2))
    assert.equal(estimate(web, query), 4 + 20 * (2 + 100 * 7));
    assert.equal(estimate(web, query, { first: 5 }), 4 + 5 * (2 + 100 * 7));
  });

  it('prices `first: $n` exactly as `first: 1000`, defaults included', () => {
    const literal = estimate(web, '{ products(first: 1000) { nodes { id price { amount } } } }');
    assert.equal(literal, 1 + 1000 * 3);
    assert.equal(estimate(web, 'query($n: Int) { products(first: $n) { nodes { id price { amount } } } }', { n: 1000 }), literal);
    assert.equal(estimate(web, 'query($n: Int = 1000) { products(first: $n) { nodes { id price { amount } } } }'), literal);
    // An explicit null means the argument's default (20), as the resolver reads it.
    assert.equal(estimate(web, 'query($n: Int) { products(first: $n) { nodes { id } } }', { n: null }), 1 + 20);
    assert.equal(estimate(mobile, 'query($n: Int) { search(text: "a", first: $n) { nodes { priceLabel } } }', { n: 1000 }), 1 + 1000 * 3);
  });

  it('counts every fragment branch and skipped field, and memoises a fragment bomb', () => {
    assert.equal(estimate(web, '{ me { id ... on User { addresses { id } } } }'), 1 + 3);
    assert.equal(estimate(web, '{ me @skip(if: true) { id } }'), 1);
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on User { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = estimate(web, `{ me { ...F0 } } ${fragments} fragment F${levels} on User { addresses { id } }`);
    assert.equal(bomb, 1 + 2 ** levels * 3);
  });

  it('introspection and __typename cost nothing; mutations cost their @cost weight', () => {
    assert.equal(estimate(web, '{ __typename __schema { types { name } } }'), 0);
    assert.equal(
      estimate(web, 'mutation { placeOrder(input: { items: [], idempotencyKey: "k" }) { id total { amount } } }'),
      10 + 1,
    );
  });

  it('every list field of both schemas is bounded by a slicing argument, an assumed size, a known bound or a parent', () => {
    for (const model of [web, mobile]) {
      const sizedByParent = new Set<string>();
      for (const type of Object.values(model.schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const sizing = model.field(type.name, field.name)?.sizing;
          for (const child of sizing?.sizedFields ?? []) sizedByParent.add(`${getNamedType(field.type).name}.${child}`);
        }
      }
      for (const type of Object.values(model.schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          if (!isList(field.type)) continue;
          const coordinate = `${type.name}.${field.name}`;
          assert.ok(model.field(type.name, field.name)?.sizing || sizedByParent.has(coordinate), `${coordinate} has no bound`);
        }
      }
    }
  });
});

describe('actual cost', () => {
  it('counts resolved objects, real list lengths, @cost fields that ran, and merges fields as execution does', () => {
    const document = parse('{ me { id orders(first: 10) { totalCount nodes { id items { product { price { amount } } } } } } me { name } }');
    const operation = getOperationAST(document) ?? assert.fail('no operation');
    const data = {
      me: {
        id: 'u1',
        name: 'Ada',
        orders: {
          totalCount: 2,
          nodes: [
            { id: 'o1', items: [{ product: { price: { amount: '1.00' } } }, { product: { price: null } }] },
            { id: 'o2', items: [{ product: null }] },
          ],
        },
      },
    };
    // me 1, orders 1, 2 orders, 3 items, 2 products, price 2 (ran, even null) x 2
    assert.equal(actualCost(web, document, operation, data), 1 + 1 + 2 + 3 + 2 + 2 * 2);
    assert.ok(estimateCost(web, document, operation, {}) >= actualCost(web, document, operation, data));
    assert.equal(actualCost(web, document, operation, null), 0);
  });
});

describe('document limits', () => {
  const limits = loadConfig({}).limits.web;

  it('counts depth through fragments and inline fragments, and survives cycles', () => {
    const deep = parse('{ me { ... on User { orders { ...N } } } } fragment N on OrderConnection { nodes { items { product { price { amount } } } } }');
    assert.equal(checkDocument(deep, { ...limits, maxDepth: 7 }), null);
    assert.equal(checkDocument(deep, { ...limits, maxDepth: 6 })?.code, 'DEPTH_LIMIT_EXCEEDED');
    const cycle = parse('{ me { ...A } } fragment A on User { orders { nodes { customer { ...A } } } }');
    assert.equal(checkDocument(cycle, limits), null);
  });

  it('counts root fields through fragments', () => {
    const document = parse('{ ...R ...R2 } fragment R on Query { me { id } product(id: "p1") { id } } fragment R2 on Query { order(id: "o1") { id } }');
    assert.equal(checkDocument(document, { ...limits, maxRootFields: 3 }), null);
    assert.equal(checkDocument(document, { ...limits, maxRootFields: 2 })?.code, 'ROOT_FIELD_LIMIT_EXCEEDED');
  });
});
