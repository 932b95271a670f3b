import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, useGateway, tokenFor } from '../helpers/gateway.ts';

const shop = useGateway();

/** The response's Cache-Control directives, lower-cased and sorted. */
async function cacheControl(
  surface: 'web' | 'mobile',
  query: string,
  options: { token?: string; headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
): Promise<string[]> {
  const response = await graphql(shop.gateway, surface, query, options);
  assert.equal(response.status, 200);
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return (response.headers.get('cache-control') ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .sort();
}

describe('Cache-Control from the schema hints', () => {
  it('uses the shortest max age of the fields asked for, public for an anonymous public query', async () => {
    assert.deepEqual(await cacheControl('web', '{ product(id: "p1") { name category { name } } }'), ['max-age=300', 'public']);
    assert.deepEqual(await cacheControl('web', '{ product(id: "p1") { name stock { available } } }'), ['max-age=10', 'public']);
    assert.deepEqual(await cacheControl('mobile', '{ product(id: "p1") { name categoryName } }'), ['max-age=300', 'public']);
    assert.deepEqual(await cacheControl('mobile', '{ search(text: "a", first: 3) { nodes { name inStock } } }'), ['max-age=10', 'public']);
  });

  it('is private when a PRIVATE field is present', async () => {
    assert.deepEqual(await cacheControl('web', '{ product(id: "p1") { name price { amount } } }'), ['max-age=30', 'private']);
    assert.deepEqual(await cacheControl('mobile', '{ product(id: "p1") { name priceLabel } }'), ['max-age=30', 'private']);
  });

  it('is never public on a request carrying Authorization or a Cookie', async () => {
    const token = await tokenFor(shop.gateway.config, 'u1');
    const publicQuery = '{ product(id: "p1") { name category { name } } }';
    const withToken = await cacheControl('web', publicQuery, { token });
    assert.ok(!withToken.includes('public'), withToken.join(', '));
    assert.deepEqual(withToken, ['max-age=300', 'private']);
    const withCookie = await cacheControl('web', publicQuery, { headers: { cookie: 'session=abc' } });
    assert.ok(!withCookie.includes('public'), withCookie.join(', '));
    assert.deepEqual(withCookie, ['max-age=300', 'private']);
    const mobileToken = await cacheControl('mobile', '{ search(text: "a", first: 3) { nodes { name } } }', { token });
    assert.ok(!mobileToken.includes('public'), mobileToken.join(', '));
  });

  it('is no-store when an uncacheable field (max age 0) is present', async () => {
    const token = await tokenFor(shop.gateway.config, 'u1');
    assert.deepEqual(await cacheControl('mobile', '{ home { greeting } }'), ['no-store']);
    assert.deepEqual(await cacheControl('mobile', '{ home { greeting } product(id: "p1") { name } }', { token }), ['no-store']);
    assert.deepEqual(await cacheControl('web', '{ me { name } product(id: "p1") { name } }', { token }), ['max-age=60', 'private']);
    assert.deepEqual(await cacheControl('web', '{ me { name addresses { city } } }', { token }), ['no-store']);
  });
});
