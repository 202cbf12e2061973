import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../src/modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { TEST_PASSWORD } from '../helpers.js';
import { type BrowserApp, clickMenu, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/**
 * Issue 19: a slow answer to an earlier request must not overwrite a later one. A province officer
 * opens the meetings page and, while the province's list is still loading, switches the header to
 * 宁德市; the province's answer is held until 宁德's has been shown, then let go. The page keeps
 * 宁德's one meeting and never shows 莆田's (which the province's list holds). The list page loads
 * through TanStack Query with the jurisdiction in the key (src/web/api/use-list-query.ts).
 */
let b: BrowserApp;
let provinceUser: string;
const NINGDE = '联席会议 宁德 2026-06-18';
const PUTIAN = '联席会议 莆田 2026-03-10';

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  const { t } = b;
  const idOf = async (code: string) =>
    (await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, code)))[0]?.id as number;
  const meeting = (jurisdictionId: number, title: string, heldOn: string) => ({
    jurisdictionId,
    kind: 'regular' as const,
    title,
    reportYear: 2025,
    plannedOn: heldOn,
    status: 'held' as const,
    heldOn,
  });
  await t.db
    .insert(meetings)
    .values([
      meeting(await idOf('350900'), NINGDE, '2026-06-18'),
      meeting(await idOf('350300'), PUTIAN, '2026-03-10'),
    ]);
  provinceUser = (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' })).username;
}, 120_000);

afterAll(async () => b?.close());

describe.skipIf(!hasChromium)('a late answer in Chromium (issue 19)', () => {
  it('keeps the meetings of the jurisdiction chosen last when the earlier answer comes late', async () => {
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${b.baseUrl}/login`);
    await page.getByLabel('用户名').fill(provinceUser);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('您好').waitFor();

    // The meetings list (not its overview: /api/meetings/overview) by jurisdiction.
    const listOf = (request: Request) => {
      const url = new URL(request.url());
      return url.pathname === '/api/meetings' ? url.searchParams.get('jurisdiction') : null;
    };
    let provinceHeld!: () => void;
    const isProvinceHeld = new Promise<void>((resolve) => {
      provinceHeld = resolve;
    });
    let ningdeShown!: () => void;
    const isNingdeShown = new Promise<void>((resolve) => {
      ningdeShown = resolve;
    });
    // The province's request ends either answered (late) or cancelled by the page: both are fine,
    // the page must not show its rows either way.
    const provinceEnded = new Promise<string>((resolve) => {
      page.on('requestfinished', (r) => listOf(r) === '350000' && resolve('answered'));
      page.on('requestfailed', (r) => listOf(r) === '350000' && resolve('cancelled'));
    });
    await page.route(
      (url) => url.pathname === '/api/meetings',
      async (route) => {
        if (listOf(route.request()) === '350000') {
          provinceHeld();
          await isNingdeShown;
          // The page may have cancelled the request meanwhile: then there is nothing to let go.
          await route.continue().catch(() => undefined);
          return;
        }
        await route.continue();
      },
    );

    await clickMenu(page, '联席会议', '会议管理');
    await isProvinceHeld;
    // While the province's list loads, the header switches to 宁德市.
    await page.getByTestId('jurisdiction-selector').click();
    await page.locator('.ant-select-tree-title', { hasText: '宁德市' }).first().click();
    await page.getByText('宁德市 · 会议管理').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.getByText(NINGDE).waitFor();
    ningdeShown();
    await provinceEnded;
    // Give a late answer the time it would need to reach the table (a few ms) before looking.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

    expect(await page.getByText(PUTIAN).count()).toBe(0);
    const titles = await rows.locator('td:first-child').allInnerTexts();
    expect(titles).toContain(NINGDE);
    expect(titles).not.toContain(PUTIAN);
    expect(await page.getByTestId('jurisdiction-selector').textContent()).toContain('宁德市');
    await page.screenshot({ path: path.join(resultsDir, 'latest-load-meetings.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
