import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ClientError } from 'graphql-request';
import { createMobileClient } from '../../examples/mobile/client.ts';
import { createWebClient } from '../../examples/web/client.ts';
import { tokenFor, useGateway } from '../helpers/gateway.ts';

const shop = useGateway({ WEB_TRUSTED_DOCUMENTS: 'enforce', MOBILE_TRUSTED_DOCUMENTS: 'enforce' });
let token: string;

before(async () => {
  await shop.ready();
  token = await tokenFor(shop.gateway.config, 'u1');
});

describe('the example clients on enforcing surfaces', () => {
  it('run every registered operation of web 1.0.0', async () => {
    const web = createWebClient({ url: `${shop.gateway.url}/web/graphql`, token });
    assert.ok((await web.orderHistory({ first: 5 })).me?.orders);
    assert.equal((await web.productPage('p1')).product?.id, 'p1');
  });

  it('run every registered operation of mobile 1.0.0', async () => {
    const mobile = createMobileClient({ url: `${shop.gateway.url}/mobile/graphql`, token });
    assert.ok((await mobile.home()).home);
    assert.equal((await mobile.productDetail('p1')).product?.id, 'p1');
    assert.ok((await mobile.search('a', 5)).search);
  });

  it('are refused as a version that was never registered', async () => {
    const mobile = createMobileClient({ url: `${shop.gateway.url}/mobile/graphql`, token, clientVersion: '0.0.1' });
    const error = await mobile.home().then(
      () => assert.fail('an unregistered version ran'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ClientError);
    assert.equal(error.response.status, 403);
    assert.equal(error.response.errors?.[0]?.extensions?.code, 'CLIENT_VERSION_UNSUPPORTED');
  });
});
