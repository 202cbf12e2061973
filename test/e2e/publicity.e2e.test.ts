import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experts } from '../../src/modules/experts/experts.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { addDays, today } from '../../src/platform/time.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/**
 * Issue 15 in Chromium: 长春市 plans a campaign for 建筑施工, records it, and its quota-board cell
 * turns green; an employer of 双阳区 (a county with no base) applies, the county meeting designates
 * it with an expert of the province's pool, and the province's coverage view turns 双阳区 green
 * and lists the filing.
 */
describe.skipIf(!hasChromium)('end to end in Chromium: publicity (PU-1, PU-2)', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const users = {} as Record<'changchun' | 'county' | 'employer', string>;

  async function open(username: string, url: string, password = TEST_PASSWORD): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('您好').waitFor();
    await page.goto(`${baseUrl}${url}`);
    return page;
  }
  const ok = (page: Page) =>
    page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
    const idOf = async (code: string) =>
      (await t.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code)))[0]
        ?.id as number;
    const [employer] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: '双阳测试建筑有限公司',
        industryCode: '4710',
        jurisdictionId: await idOf('220112'),
      })
      .returning({ id: organisations.id });
    await t.db.insert(experts).values({
      jurisdictionId: await idOf('220000'),
      name: '王警示',
      employerName: '吉林建筑大学',
      title: '教授',
      recommendingUnit: '吉林省人社厅',
      fields: ['安全生产'],
      status: 'active',
      termStart: addDays(today(), -100),
      termEnd: addDays(today(), 700),
    });
    users.changchun = (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '220100' })).username;
    users.county = (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '220112' })).username;
    users.employer = (
      await t.buildUser({ role: 'employer', jurisdictionCode: '220112', organisationId: employer?.id })
    ).username;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('plans and records a campaign: the 建筑施工 × 长春市 cell turns green', async () => {
    const page = await open(users.changchun, '/publicity');
    await page.getByRole('tab', { name: '集中宣传活动' }).click();
    await page.getByTestId('new-campaign').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('campaign-title').fill('长春市建筑施工行业安全生产月集中宣传');
    await form.getByLabel('重点行业（领域）').fill('建筑施工');
    await form.getByLabel('重点行业（领域）').press('Enter');
    await form.getByTestId('campaign-organiser').fill('长春市住房和城乡建设局');
    await form.getByLabel('宣传渠道').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新媒体' }).click();
    const [start, end] = [addDays(today(), -5), addDays(today(), -3)];
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(start);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(end);
    await dates.nth(1).press('Enter');
    await ok(page);
    await page.getByTestId('campaigns').getByText('长春市建筑施工行业安全生产月集中宣传').waitFor();
    await page.getByTestId('campaigns').getByText('计划').waitFor();

    await page.getByRole('tab', { name: '重点行业宣传覆盖' }).click();
    const cell = page.getByTestId('cell-建筑施工-220100');
    await cell.waitFor();
    expect(await cell.getAttribute('data-status')).toBe('planned');

    await page.getByRole('tab', { name: '集中宣传活动' }).click();
    await page.getByRole('button', { name: '记录实施情况' }).click();
    const record = page.getByRole('dialog').filter({ hasText: '数据来源' });
    await record.getByLabel('活动场次').fill('3');
    await record.getByLabel('浏览量').fill('12000');
    await record.getByLabel('参与人数').fill('460');
    await record.getByLabel('覆盖企业数').fill('85');
    await record.getByTestId('record-source').fill('新媒体平台后台统计、签到表');
    await record.getByTestId('record-summary').fill('走进工地开展警示教育，发放宣传材料。');
    await record.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('campaigns').getByText('已记录').waitFor();

    await page.getByRole('tab', { name: '重点行业宣传覆盖' }).click();
    await page.getByTestId('quota-board').waitFor();
    await expect
      .poll(() => page.getByTestId('cell-建筑施工-220100').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('held');
    await page.screenshot({ path: path.join(resultsDir, 'publicity-quota-board.png'), fullPage: true });
  }, 60_000);

  it('designates a county’s first base: the province sees the county green and the filing', async () => {
    const jilin = await t.signIn('jilin', DEMO_PASSWORD);
    const before = (await jilin.get('/api/publicity/base-coverage')).json();
    expect(before.areas.find((a: { code: string }) => a.code === '220112').hasBase).toBe(false);

    const employer = await open(users.employer, '/publicity');
    await employer.getByTestId('apply-base').click();
    const form = employer.getByRole('dialog');
    await form.getByTestId('base-name').fill('双阳区建筑施工警示教育基地');
    await form.getByTestId('base-address').fill('长春市双阳区测试路8号');
    await form.getByTestId('base-cases').fill('高处坠落、物体打击事故案例');
    await form.getByTestId('base-exhibits').fill('安全带、防护网实物，VR 体验');
    await form.getByLabel('容纳人数').fill('60');
    await form.getByTestId('base-opening').fill('工作日 9:00-16:00');
    await form.getByTestId('base-booking').fill('电话 0431-00000000');
    await ok(employer);
    await employer.getByTestId('own-bases').getByText('申请中').waitFor();

    const county = await open(users.county, '/publicity');
    await county.getByRole('tab', { name: '警示教育基地' }).click();
    await county.getByRole('button', { name: /评\s*审/ }).click();
    const review = county.getByRole('dialog');
    await review.getByTestId('review-site').fill('现场查看展厅和讲解安排');
    await review.getByLabel('专家（专家库）').click();
    await county.locator('.ant-select-item-option').filter({ hasText: '王警示' }).click();
    await review.getByTestId('review-opinion').fill('内容翔实，同意认定');
    await review.getByRole('button', { name: /确\s*定/ }).click();
    // The review draws on the expert pool and files with the province: slow on a loaded machine.
    await county.getByTestId('bases').getByText('已认定').waitFor({ timeout: 60_000 });

    const province = await open('jilin', '/publicity', DEMO_PASSWORD);
    await province.getByRole('tab', { name: '警示教育基地' }).click();
    await expect
      .poll(() => province.getByTestId('coverage-220112').getAttribute('data-covered'), { timeout: 20_000 })
      .toBe('true');
    await province.getByTestId('filings').getByText('双阳区建筑施工警示教育基地').waitFor();
    await expect
      .poll(() => province.getByTestId('coverage-map').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('ready');
    await province.screenshot({ path: path.join(resultsDir, 'publicity-coverage.png'), fullPage: true });
  }, 90_000);
});
