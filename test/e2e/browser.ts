import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.js';

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const resultsDir = path.resolve('test-results');

if (!hasChromium && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs it`);
if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
  throw new Error('dist/web is missing: `npm test` builds the web UI first (npm run build:web)');
}
if (!hasChromium)
  console.warn(
    `end-to-end test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`,
  );

/** Signs in on the login page (a demo account by default) and waits for the greeting of the workbench. */
export async function signInOnPage(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
}

/**
 * Opens a page from the sidebar: only the current page's menu group is open (the shell, issue 19),
 * so the item's group is opened first when the item is not showing.
 */
export async function clickMenu(page: Page, group: string, item: string): Promise<void> {
  const sidebar = page.getByTestId('sidebar');
  // A group's accessible name starts with its icon's label: match the group by substring.
  const title = sidebar.getByRole('menuitem', { name: group });
  await title.first().waitFor();
  const entry = sidebar.getByRole('menuitem', { name: item, exact: true });
  if (!(await entry.isVisible())) await title.first().click();
  await entry.click();
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app on a real port, and Chromium launched the way this machine's closed network needs. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  fs.mkdirSync(resultsDir, { recursive: true });
  // What went wrong behind the page, printed when the file ends: a CI failure that only says a
  // locator timed out then also shows the refused request or the script error behind it.
  const trouble: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('response', async (response) => {
      if (response.status() < 400 || !response.url().includes('/api/')) return;
      const body = await response.text().catch(() => '');
      trouble.push(
        `${response.status()} ${response.request().method()} ${response.url()} ${body.slice(0, 300)}`,
      );
    });
    context.on('weberror', (e) => trouble.push(`page error: ${e.error().message}`));
    return context;
  };
  return {
    t,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      if (trouble.length > 0)
        console.warn(`[e2e] behind the pages (first 30):\n${trouble.slice(0, 30).join('\n')}`);
      await browser.close();
      await t.close();
    },
  };
}
