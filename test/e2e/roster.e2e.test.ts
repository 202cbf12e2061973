import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the Fuzhou officer replaces a roster member', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
  });

  afterAll(async () => app?.close());

  it('signs in, opens the roster, replaces a member and sees the history', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${baseUrl}/joint-meeting/roster`);
    // Not signed in: the app sends us to the sign-in page first.
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('fuzhou');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/joint-meeting/roster');

    const current = page.getByTestId('roster-current');
    await page.getByText('李继全').waitFor();
    expect(await current.locator('tbody tr').count()).toBe(10);

    const row = current.locator('tr', { hasText: '李继全' });
    await row.getByRole('button', { name: /更\s*换/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('更换成员：李继全').waitFor();
    await dialog.getByLabel('新任人员姓名').fill('王新民');
    await dialog.getByLabel('职务职级').fill('工业安全监管处处长');
    await dialog.getByLabel('变更原因').fill('工作变动，经2026年联席会议确认');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已更换：李继全 → 王新民').waitFor();

    // The new member is current; the replaced one is gone from the current list.
    await current.getByText('王新民').waitFor();
    expect(await current.getByText('李继全').count()).toBe(0);

    await page.getByRole('tab', { name: /变更记录/ }).click();
    const history = page.getByTestId('roster-history');
    const oldRow = history.locator('tr', { hasText: '李继全' });
    await oldRow.waitFor();
    await expect(oldRow.textContent()).resolves.toContain('工作变动，经2026年联席会议确认');
    const newRow = history.locator('tr', { hasText: '王新民' });
    await expect(newRow.textContent()).resolves.toContain('fuzhou');
    await page.screenshot({ path: path.join(resultsDir, 'roster-history.png'), fullPage: true });

    // The same history through the API, as a second witness.
    const agent = await t.signIn('fuzhou');
    const roster = (await agent.get('/api/joint-meetings/350100/roster')).json();
    const replaced = roster.history.find((m: { personName: string }) => m.personName === '李继全');
    expect(replaced.effectiveTo).not.toBeNull();
    expect(roster.current.map((m: { personName: string }) => m.personName)).toContain('王新民');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches the interface to English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Username').fill('fuzhou');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Welcome, ').waitFor();
    await page.goto(`${baseUrl}/organisations`);
    await page.getByText('福州榕城建筑工程有限公司').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'organisations-en.png'), fullPage: true });
    expect(await page.getByRole('columnheader', { name: 'Unified social credit code' }).count()).toBe(1);
    await page.close();
  });
});
