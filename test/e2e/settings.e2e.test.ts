import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers.js';
import {
  type BrowserApp,
  clickMenu,
  hasChromium,
  resultsDir,
  signInOnPage,
  startBrowserApp,
} from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the Fuzhou officer’s settings page', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
  });

  afterAll(async () => app?.close());

  it('shows where each value comes from, sets one with a reason and shows its history', async () => {
    // The province raises the monitoring threshold: Fuzhou inherits it.
    const fujian = await t.signIn('fujian');
    const set = await fujian.put('/api/settings/350000/monitoring.injuryThreshold', {
      value: 5,
      reason: '全省统一标准',
    });
    expect(set.statusCode, set.body).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInOnPage(page, baseUrl, 'fuzhou');
    await clickMenu(page, '系统管理', '参数设置');
    await page.waitForURL('**/settings');

    const threshold = page.locator('tr', { hasText: 'monitoring.injuryThreshold' });
    await threshold.getByText('继承自福建省').waitFor();
    const term = page.locator('tr', { hasText: 'experts.termYears' });
    await term.getByText('默认值').first().waitFor();

    await term.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新值').fill('4');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // No reason: the form refuses before anything is sent.
    await dialog.getByText('请填写修改原因').waitFor();
    await dialog.getByLabel('修改原因').fill('福州市专家管理办法');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await term.getByText('本级设置').waitFor();
    expect(await term.textContent()).toContain('4');

    await term.getByRole('button', { name: /历史/ }).click();
    const history = page.getByRole('dialog');
    await history.getByText('福州市专家管理办法').waitFor();
    expect(await history.textContent()).toContain('fuzhou');
    await page.screenshot({ path: path.join(resultsDir, 'settings-history.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(resultsDir, 'settings.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
