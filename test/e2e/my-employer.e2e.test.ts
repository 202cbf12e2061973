import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEmployer } from '../../src/seed/demo-employer.js';
import { DEMO_RATES_ACCOUNTS, seedDemoRates } from '../../src/seed/demo-rates.js';
import {
  type BrowserApp,
  clickMenu,
  hasChromium,
  resultsDir,
  signInOnPage,
  startBrowserApp,
} from './browser.js';

/**
 * 本单位 in Chromium (issue 17 item 7): the demo employer account opens its own record from the
 * menu, sees its injured workers masked, and answers the open rectification suggestion.
 */
let b: BrowserApp;

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  await seedDemoRates(b.t.db);
  await seedDemoEmployer(b.t.db);
}, 120_000);
afterAll(async () => b?.close());

describe.skipIf(!hasChromium)('本单位 (employer self-service)', () => {
  it('shows the employer its record, masked, and takes its answer to a rectification', async () => {
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInOnPage(page, b.baseUrl, DEMO_RATES_ACCOUNTS.employer.username);
    await clickMenu(page, '组织机构', '本单位');
    await page.getByTestId('my-employer').waitFor();
    await expect(page.getByText('福州榕城建筑工程有限公司').first().isVisible()).resolves.toBe(true);
    const injuries = page.getByTestId('my-employer-injuries');
    await injuries.getByText('吴**').waitFor();
    expect(await injuries.textContent()).not.toContain('1992-02-27');
    await page.getByText('已逾期').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'my-employer.png'), fullPage: true });
    await page.getByTestId('answer-rectification').first().click();
    await page.getByTestId('answer-note').fill('已加装隔声罩，护耳器已发放，待复测');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已加装隔声罩，护耳器已发放，待复测', { exact: false }).first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'my-employer-answered.png'), fullPage: true });
    await context.close();
  }, 120_000);
});
