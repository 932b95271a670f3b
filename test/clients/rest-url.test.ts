import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Options } from 'got';
import { requestUrl, type RestRequest } from '../../clients/rest/rest-transport.ts';

// The REST transport builds each call's URL itself instead of passing got `prefixUrl` and
// `searchParams` (whose per-call merges cost about a quarter of a call): the URL must be the one got made.

const gotUrl = (baseUrl: string, request: Pick<RestRequest, 'path' | 'searchParams'>): string =>
  (new Options(request.path, { prefixUrl: baseUrl, searchParams: request.searchParams }).url as URL).href;

describe('requestUrl', () => {
  const bases = ['http://127.0.0.1:4001', 'http://127.0.0.1:4001/', 'http://catalog.internal/api', 'http://catalog.internal/api/'];
  const requests: Pick<RestRequest, 'path' | 'searchParams'>[] = [
    { path: 'products' },
    { path: 'products', searchParams: {} },
    { path: 'products', searchParams: { ids: 'p1,p2,p3' } },
    { path: 'products/featured', searchParams: { limit: 10 } },
    { path: 'products/search', searchParams: { q: 'red shoes & socks', categoryId: 'c 1/2', first: 20, after: 'eyJvIjoyMH0=' } },
    { path: 'products/search', searchParams: { q: 'crème brûlée ✓ ?#=+%' } },
    { path: 'users/u%2F1' },
    { path: 'users/u1/profile' },
  ];

  it('is the URL got makes from prefixUrl and searchParams, for every base and request', () => {
    for (const base of bases) {
      for (const request of requests) assert.equal(new URL(requestUrl(base, request)).href, gotUrl(base, request), `${base} ${JSON.stringify(request)}`);
    }
  });

  it('adds no "?" for an empty query and keeps one slash between base and path', () => {
    assert.equal(requestUrl('http://h:1', { path: 'products', searchParams: {} }), 'http://h:1/products');
    assert.equal(requestUrl('http://h:1/', { path: 'products' }), 'http://h:1/products');
    assert.equal(requestUrl('http://h:1/api', { path: 'users', searchParams: { ids: 'u1,u2' } }), 'http://h:1/api/users?ids=u1%2Cu2');
  });
});
