import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryKey } from '../../src/cache/cache-keys.ts';

// Keys are shared between replicas through Redis: a key must not change between releases for the
// same field, parent, arguments and viewer, so these are pinned byte for byte.

const parts = { namespace: 'bff:fc:web:abc', coordinate: 'Query.products', parentId: '' };

describe('entryKey', () => {
  it('writes arguments as JSON with keys sorted and undefined entries left out, at every depth', () => {
    assert.equal(entryKey({ ...parts, args: {} }), 'bff:fc:web:abc:Query.products::{}');
    assert.equal(
      entryKey({ ...parts, args: { first: 20, filter: { text: 'red "shoes"', categoryId: undefined, brands: ['b', 'a'] }, after: null } }),
      'bff:fc:web:abc:Query.products::{"after":null,"filter":{"brands":["b","a"],"text":"red \\"shoes\\""},"first":20}',
    );
    assert.equal(entryKey({ ...parts, args: { z: [{ y: 1, x: [true, undefined] }], ä: 'é', A: 0, a: -1.5 } }), 'bff:fc:web:abc:Query.products::{"A":0,"a":-1.5,"z":[{"x":[true,null],"y":1}],"ä":"é"}');
  });

  it('gives equal keys for arguments that differ only in key order', () => {
    assert.equal(entryKey({ ...parts, args: { b: 1, a: { d: 2, c: 3 } } }), entryKey({ ...parts, args: { a: { c: 3, d: 2 }, b: 1 } }));
  });

  it('adds the entity generation, then the viewer and their generation', () => {
    assert.equal(
      entryKey({ ...parts, coordinate: 'Product.stock', parentId: 'p1', args: {}, entityGeneration: '3', viewer: { id: 'u1', generation: '7' } }),
      'bff:fc:web:abc:Product.stock:p1:{}:e=3:v=u1:g=7',
    );
  });
});
