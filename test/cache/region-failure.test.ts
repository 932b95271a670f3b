import { it } from 'node:test';
import assert from 'node:assert/strict';
import { graphql, useGateway, tokenFor } from '../helpers/gateway.ts';

// When a signed-in viewer's currency cannot be read (accounts down), their prices are refused with
// the accounts error, not silently shown in dollars, and nothing wrong is cached for them: once
// accounts is back, they see their own currency at once.

const shop = useGateway();

const PRICE = 'query ($id: ID!) { product(id: $id) { id price { amount currency } stock { available } } }';
const LABEL = 'query ($id: ID!) { product(id: $id) { id priceLabel inStock } }';

it('a JPY viewer never gets dollars when accounts fails, and gets yen as soon as it is back', async () => {
  const viewer = [...shop.backends.dataset.users.values()].find((user) => user.profile.currency === 'JPY');
  assert.ok(viewer, 'the shop has a JPY viewer');
  const token = await tokenFor(shop.gateway.config, viewer.id);
  shop.backends.control.reset();
  shop.backends.control.setFaults('accounts', { down: true });

  const web = await graphql(shop.gateway, 'web', PRICE, { token, variables: { id: 'p61' } });
  const product = web.body.data?.['product'] as { price: unknown; stock: { available: number } | null } | undefined;
  assert.equal(product?.price, null, 'no price in another currency');
  assert.ok(product?.stock, 'availability does not depend on the currency');
  assert.deepEqual(
    web.body.errors?.map((error) => [error.path?.join('.'), error.extensions?.service]),
    [['product.price', 'accounts']],
    'one error at the price, naming accounts',
  );
  const mobile = await graphql(shop.gateway, 'mobile', LABEL, { token, variables: { id: 'p61' } });
  assert.equal((mobile.body.data?.['product'] as { priceLabel: unknown } | undefined)?.priceLabel, null);
  assert.equal(mobile.body.errors?.[0]?.extensions?.service, 'accounts');

  shop.backends.control.setFaults('accounts', { down: false });
  const recovered = await graphql(shop.gateway, 'web', PRICE, { token, variables: { id: 'p61' } });
  assert.equal(recovered.body.errors, undefined, JSON.stringify(recovered.body.errors));
  assert.equal((recovered.body.data?.['product'] as { price: { currency: string } }).price.currency, 'JPY');
  const label = await graphql(shop.gateway, 'mobile', LABEL, { token, variables: { id: 'p61' } });
  assert.match(String((label.body.data?.['product'] as { priceLabel: unknown }).priceLabel), /¥|￥/);
});
