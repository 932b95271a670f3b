import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Without these, Chromium stalls trying to reach the internet on start. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where browser tests write screenshots (git-ignored). */
export const TEST_OUTPUT_DIR = path.resolve(import.meta.dirname, '../output');

/** A headless Chromium, or why there is none (the tests print it as their skip reason). */
export async function launchChromium(): Promise<{ browser: Browser } | { reason: string }> {
  if (!existsSync(CHROMIUM_PATH)) return { reason: `${CHROMIUM_PATH} is missing: install it with \`apt-get install -y chromium\` (.ci/run does)` };
  try {
    return { browser: await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 }) };
  } catch (error) {
    return { reason: `Chromium at ${CHROMIUM_PATH} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

/**
 * A browser context that lets requests reach loopback only: any other request is aborted and
 * listed in `outside`, so a test can assert that a page needs no network beyond this machine.
 */
export async function loopbackOnlyContext(browser: Browser): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return route.continue();
    outside.push(url.href);
    return route.abort('internetdisconnected');
  });
  return { context, outside };
}

/** The path of a screenshot file in {@link TEST_OUTPUT_DIR}, the folder created. */
export function screenshotPath(name: string): string {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  return path.join(TEST_OUTPUT_DIR, `${name}.png`);
}
