import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Backends } from '../../backends/start.ts';
import { startTestBackends, startTestGateway, tokenFor, type TestGateway } from '../helpers/gateway.ts';
import { launchChromium, loopbackOnlyContext, screenshotPath } from '../helpers/browser.ts';

const launched = await launchChromium();
const skip = 'reason' in launched ? launched.reason : false;
if (skip) console.log(`browser tests skipped: ${skip}`);

let backends: Backends;
let gateway: TestGateway;

before(async () => {
  if (skip) return;
  backends = await startTestBackends();
  gateway = await startTestGateway(backends, { NODE_ENV: 'development' });
});
after(async () => {
  if ('browser' in launched) await launched.browser.close();
  await gateway?.close();
  await backends?.close();
});

/** Sets the text of the CodeMirror editor under `selector` as a user typing it would. */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(
    selector,
    (element, value) => {
      (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value);
    },
    text,
  );
}

async function run(page: Page, query: string): Promise<string> {
  await setEditor(page, '.graphiql-query-editor .CodeMirror', query);
  await page.click('.graphiql-execute-button');
  const result = page.locator('.result-window .CodeMirror');
  await result.filter({ hasText: '"data"' }).or(result.filter({ hasText: '"errors"' })).waitFor();
  return (await result.textContent()) ?? '';
}

describe('the local explorer in a browser with no network beyond loopback', { skip }, () => {
  it('renders, shows the schema docs, runs { __typename } and a signed-in query; a screenshot is written', async () => {
    const browser = (launched as { browser: Browser }).browser;
    const { context, outside } = await loopbackOnlyContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${gateway.url}/mobile/graphql`);
    await page.locator('.graphiql-container').waitFor();

    const anonymous = await run(page, '{ __typename }');
    assert.match(anonymous, /"__typename": "Query"/);

    await page.getByLabel('Show Documentation Explorer').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('home', { exact: true }).first().waitFor();

    const token = await tokenFor(gateway.config, 'u1');
    await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${token}` }));
    const signedIn = await run(page, '{ home { greeting } }');
    assert.match(signedIn, /"greeting": "[^"]+"/);
    assert.doesNotMatch(signedIn, /UNAUTHENTICATED|"errors"/);

    const file = screenshotPath('explorer-mobile');
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(existsSync(file));
    assert.deepEqual(outside, [], 'requests beyond loopback');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
