import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Backends } from '../../backends/start.ts';
import { featuredProducts } from '../helpers/batch-predictions.ts';
import { startExampleApp, type ExampleApp } from '../../examples/web-app/serve.ts';
import { startTestBackends, startTestGateway, testDataset, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { launchChromium, loopbackOnlyContext, screenshotPath } from '../helpers/browser.ts';

const launched = await launchChromium();
const skip = 'reason' in launched ? launched.reason : false;
if (skip) console.log(`browser tests skipped: ${skip}`);

let backends: Backends;
let app: ExampleApp;
/** Allows the app's origin. */
let allowing: TestGateway;
/** Allows only the default development origins, not the app's. */
let refusing: TestGateway;
let endpoint = '';

before(async () => {
  if (skip) return;
  backends = await startTestBackends();
  app = await startExampleApp({ endpoint: () => endpoint });
  allowing = await startTestGateway(backends, { NODE_ENV: 'development', MOBILE_CORS_ORIGINS: app.url });
  refusing = await startTestGateway(backends, { NODE_ENV: 'development' });
});
after(async () => {
  if ('browser' in launched) await launched.browser.close();
  await Promise.all([allowing?.close(), refusing?.close(), app?.close()]);
  await backends?.close();
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe('the Apollo Client example app, served from another origin', { skip }, () => {
  it('loads the mobile home through CORS, signs in, pages search results and shows an abuse limit’s code', async () => {
    endpoint = `${allowing.url}/mobile/graphql`;
    assert.notEqual(new URL(app.url).origin, new URL(allowing.url).origin);
    const { context, outside } = await loopbackOnlyContext((launched as { browser: Browser }).browser);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('#status', { hasText: 'home loaded' }).waitFor();
    assert.equal(await page.locator('#greeting').textContent(), 'Welcome');
    const featured = featuredProducts(testDataset(), 6).map((p) => p.name);
    assert.ok(featured.length > 0);
    assert.deepEqual((await texts(page, '#featured li')).map((text) => text.split(' · ')[0]), featured);

    await page.fill('#token', await tokenFor(allowing.config, 'u1'));
    await page.click('#sign-in');
    await page.locator('#greeting', { hasText: /^Hello, / }).waitFor();
    await page.locator('#orders li').nth(2).waitFor();
    assert.equal((await texts(page, '#orders li')).length, 3);

    await page.fill('#search-text', 'a');
    await page.click('#search button[type=submit]');
    await page.locator('#results li').nth(4).waitFor();
    const firstPage = await texts(page, '#results li');
    await page.click('#more');
    await page.locator('#results li').nth(9).waitFor();
    const twoPages = await texts(page, '#results li');
    assert.equal(twoPages.length, 10);
    assert.deepEqual(twoPages.slice(0, 5), firstPage, 'the second page is appended to the first (typePolicies merge)');

    // Variables over MOBILE_MAX_VARIABLES_BYTES: refused by the abuse limits before Apollo Server.
    await page.fill('#search-text', 'x'.repeat(5_000));
    await page.click('#search button[type=submit]');
    const error = page.locator('#errors li.error');
    await error.first().waitFor();
    assert.match((await error.first().textContent()) ?? '', /^VARIABLES_TOO_LARGE: /);

    await page.screenshot({ path: screenshotPath('example-app'), fullPage: true });
    assert.deepEqual(outside, [], 'requests beyond loopback');
    await context.close();
  });

  it('a gateway that does not allow the app’s origin: the browser refuses the response', async () => {
    endpoint = `${refusing.url}/mobile/graphql`;
    const { context } = await loopbackOnlyContext((launched as { browser: Browser }).browser);
    const page = await context.newPage();
    await page.goto(app.url);
    const error = page.locator('#errors li.error');
    await error.first().waitFor();
    assert.match((await error.first().textContent()) ?? '', /^NETWORK_ERROR: /);
    await context.close();
  });
});
