import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../src/modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { TEST_PASSWORD } from '../helpers.js';
import { type BrowserApp, clickMenu, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/**
 * The province's scorecard (SV-1) in Chromium: 宁德市 held its joint meeting after the fund's
 * accounts (2026-06-18 ≥ 05-31: 10 of 10 → 100), 莆田市 only before (2026-03-10: 0 of 10 → 0); the
 * page ranks 宁德 first, 莆田 (with 福州) second, and a score opens the meetings page filtered to its area
 * (the header's jurisdiction and the year come from the link), listing 宁德's meeting and not 莆田's.
 */
let b: BrowserApp;
let provinceUser: string;

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  const { t } = b;
  const idOf = async (code: string) =>
    (await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, code)))[0]?.id as number;
  const meeting = (jurisdictionId: number, heldOn: string) => ({
    jurisdictionId,
    kind: 'regular' as const,
    title: `联席会议 ${heldOn}`,
    reportYear: 2025,
    plannedOn: heldOn,
    status: 'held' as const,
    heldOn,
  });
  await t.db
    .insert(meetings)
    .values([meeting(await idOf('350900'), '2026-06-18'), meeting(await idOf('350300'), '2026-03-10')]);
  provinceUser = (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' })).username;
}, 120_000);

afterAll(async () => b?.close());

describe.skipIf(!hasChromium)('the scorecard in Chromium', () => {
  it('ranks the province’s prefectures and links a score to its records', async () => {
    const context = await b.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/login`);
    await page.getByLabel('用户名').fill(provinceUser);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('您好').waitFor();
    await clickMenu(page, '联席会议', '考核评分');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().getByText('宁德市').waitFor({ timeout: 60_000 });
    const first = await rows.nth(0).locator('td').allInnerTexts();
    const second = await rows.nth(1).locator('td').allInnerTexts();
    const third = await rows.nth(2).locator('td').allInnerTexts();
    expect(first.slice(0, 4)).toEqual(['1', '宁德市', '100', '10']);
    // 福州's 9 rostered member units reported nothing by 11-30: 0 of 8 → 0, sharing second place.
    expect(second.slice(0, 4)).toEqual(['2', '福州市', '0', '8']);
    expect(third.slice(0, 4)).toEqual(['2', '莆田市', '0', '10']);
    await page.screenshot({ path: path.join(resultsDir, 'scorecard.png'), fullPage: true });
    await page.getByTestId('score-350900-meetingAfterAccounts').click();
    await page.waitForURL(/\/joint-meeting\/meetings\?jurisdiction=350900&year=2026$/);
    // The records behind the score: the header switches to 宁德市, and only its meeting is listed.
    await page.getByTestId('jurisdiction-selector').getByText('宁德市').waitFor();
    await page.getByText('联席会议 2026-06-18').waitFor();
    // The list loads for the province first, then for 宁德市 once the header switches.
    await expect.poll(() => page.getByText('联席会议 2026-03-10').count()).toBe(0);
    await page.screenshot({ path: path.join(resultsDir, 'scorecard-records.png'), fullPage: true });
    await context.close();
  }, 180_000);
});
