import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../../src/modules/notifications/notifications.service.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('sidebar').waitFor();
}

/** The signed-in shell (issue 19): fixed header and menu, one group open, breadcrumbs, the bell. */
describe.skipIf(!hasChromium)('end to end in Chromium: the shell', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
  });
  afterAll(async () => app?.close());

  const open = async (username: string, width = 1440, height = 700, password = DEMO_PASSWORD) => {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await signIn(page, baseUrl, username, password);
    } catch (e) {
      await page.screenshot({ path: path.join(resultsDir, `shell-signin-${username}.png`) });
      throw e;
    }
    return { page, errors };
  };
  const menuTexts = async (page: Page) =>
    (await page.getByTestId('sidebar').getByRole('menuitem').allTextContents()).map((s) => s.trim());

  it('keeps the header and menu in place, opens one group, resets the scroll and shows breadcrumbs', async () => {
    const { page, errors } = await open('fuzhou');
    const sidebar = page.getByTestId('sidebar');
    // Only the current page's group is open: the workbench belongs to none.
    expect(await sidebar.locator('.ant-menu-submenu-open').count()).toBe(0);

    // A long page, scrolled down: the header and the menu stay on screen.
    await sidebar.getByRole('menuitem', { name: '联席会议' }).click();
    await sidebar.getByRole('menuitem', { name: '会议管理' }).click();
    await page.waitForURL('**/joint-meeting/meetings');
    await page.evaluate(() => {
      (document.querySelector('main') as HTMLElement).style.minHeight = '3000px';
      window.scrollTo(0, 1200);
    });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect((await page.locator('header').boundingBox())?.y).toBe(0);
    expect((await sidebar.boundingBox())?.y).toBe(0);

    // Opening another group closes this one; the next page opens at its top with its breadcrumbs.
    await sidebar.getByRole('menuitem', { name: '系统管理' }).click();
    await sidebar.getByRole('menuitem', { name: '参数设置' }).click();
    await page.waitForURL('**/settings');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(await sidebar.locator('.ant-menu-submenu-open').count()).toBe(1);
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toBe('工作台/系统管理/参数设置');

    // A detail page keeps its list's menu item selected and links back to it.
    await page.goto(`${baseUrl}/joint-meeting/meetings/1`);
    await page.getByTestId('breadcrumb').getByRole('link', { name: '会议管理' }).waitFor();
    expect(await sidebar.locator('.ant-menu-item-selected').textContent()).toBe('会议管理');
    await page.screenshot({ path: path.join(resultsDir, 'shell.png') });
    // Meeting 1 does not exist in this database: its 404 is expected (and shown as such).
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('lists for each role only what it may open', async () => {
    const hrss = await open('fuzhou');
    await hrss.page.getByTestId('sidebar').getByRole('menuitem', { name: '工伤预防项目' }).click();
    const hrssMenu = await menuTexts(hrss.page);
    expect(hrssMenu).toContain('项目与预算');
    // The office's own list is 项目与预算: an empty 我的申报 is not offered.
    expect(hrssMenu).not.toContain('我的申报');
    await hrss.page.goto(`${baseUrl}/own-projects`);
    await hrss.page.getByText('没有权限访问此页面').waitFor();
    await hrss.page.close();

    const expertUser = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
    const expert = await open(expertUser.username, 1440, 700, TEST_PASSWORD);
    const expertMenu = await menuTexts(expert.page);
    expect(expertMenu).not.toContain('数据交换');
    expect(expertMenu).not.toContain('交换格式');
    await expert.page.getByTestId('sidebar').getByRole('menuitem', { name: '工伤预防项目' }).click();
    expect(await menuTexts(expert.page)).toContain('专家评审');
    await expert.page.close();

    const declarant = await t.buildUser({ role: 'service_org', jurisdictionCode: '350100' });
    const association = await open(declarant.username, 1440, 700, TEST_PASSWORD);
    await association.page.getByTestId('sidebar').getByRole('menuitem', { name: '工伤预防项目' }).click();
    expect(await menuTexts(association.page)).toContain('我的申报');
    await association.page.close();
  });

  it('shows the unread count on the bell and leads to the inbox', async () => {
    const officer = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    for (const n of [1, 2, 3])
      await notifyUsers(t.db, [officer.id], {
        kind: 'action_item.assigned',
        params: { title: `事项${n}`, deadline: '2026-12-31' },
        dedupeKey: `shell-${n}`,
      });
    const { page, errors } = await open(officer.username, 1440, 700, TEST_PASSWORD);
    const bell = page.getByTestId('message-bell');
    await expect.poll(() => bell.locator('.ant-scroll-number').getAttribute('title')).toBe('3');
    await bell.click();
    await page.waitForURL('**/inbox');
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => bell.locator('.ant-scroll-number').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says a record is missing or out of reach instead of loading forever', async () => {
    const { page, errors } = await open('fuzhou');
    for (const url of [
      '/projects/99999',
      '/joint-meeting/meetings/99999',
      '/joint-meeting/action-items/99999',
    ]) {
      await page.goto(`${baseUrl}${url}`);
      await page
        .getByTestId('record-not-found')
        .getByText('记录不存在', { exact: true })
        .waitFor({ timeout: 5000 });
    }
    // The 404 answers are expected; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('opens the sign-in and public pages without a 401 in the console', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() === 401) errors.push(`401 ${r.url()}`);
    });
    for (const url of ['/login', '/public/projects', '/public/certificates']) {
      await page.goto(`${baseUrl}${url}`);
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills down by a bar click inside the page, with a breadcrumb, and Back climbs without leaving', async () => {
    const { page, errors } = await open('fujian', 1440, 900);
    await page.goto(`${baseUrl}/analytics`);
    await page.getByText('指标分析 · 福建省').waitFor();
    await page.getByTestId('drill-350100').waitFor();
    // The bars are drawn on a canvas: click the foot of the first bar (the grid is 50 px from the
    // left, 80 px from the bottom of the 300 px chart).
    const chart = page.getByTestId('children-chart');
    const box = await chart.boundingBox();
    if (!box) throw new Error('no chart');
    const bars = await page.locator('[data-testid^="drill-35"]').count();
    const slot = (box.width - 70) / Math.max(bars, 1);
    // No data is imported in this database, so there are no bars: the city's name under its bar
    // drills in the same way (the labels are turned 35°, ending at the tick).
    await page.mouse.click(box.x + 50 + slot * 0.5 - 12, box.y + 300 - 80 + 14);
    await page.waitForURL(/\/analytics\?at=35\d{4}$/);
    const at = new URL(page.url()).searchParams.get('at');
    await page.getByTestId('drill-path').getByRole('link', { name: '福建省' }).waitFor();
    // The header's jurisdiction stays where the user put it.
    expect(await page.getByTestId('jurisdiction-selector').textContent()).toContain('福建省');
    await page.getByTestId(`drill-${at}`).or(page.getByText('指标分析 · ')).first().waitFor();
    await page.goBack();
    await page.waitForURL(/\/analytics$/);
    await page.getByText('指标分析 · 福建省').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
