import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experts } from '../../src/modules/experts/experts.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { addDays, currentYear, today } from '../../src/platform/time.js';
import { type Agent, DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { buildFundRow, FUND_INCOME_FEN } from '../projects-builders.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

/**
 * Issue 15 in Chromium, the pickers and the base mark: Fuzhou's HRSS applies for a warning-education
 * base on behalf of an employer it finds by name in the picker, and designates it; on the projects
 * page the project that employer declared carries the 警示教育基地 mark and another employer's does
 * not. A campaign's organiser is picked from the member departments, and that unit may then record it.
 */
describe.skipIf(!hasChromium)('end to end in Chromium: publicity pickers and the base mark', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let fuzhou: Agent;
  const BASE_EMPLOYER = '鼓楼链路测试建筑工程有限公司';
  const OTHER_EMPLOYER = '台江链路测试机械制造有限公司';
  const UNIT = '福州市链路测试住房和城乡建设局';
  const BASE = '鼓楼区建筑施工警示教育基地（链路测试）';
  const PROJECT_OF_BASE = '建筑施工高处坠落警示教育培训（链路测试）';
  const OTHER_PROJECT = '机械制造机械伤害预防培训（链路测试）';
  const ids = {} as Record<'baseEmployer' | 'otherEmployer' | 'unit', number>;
  let unitUsername = '';

  async function open(url: string): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signInOnPage(page, baseUrl, 'fuzhou', DEMO_PASSWORD);
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
    fuzhou = await t.signIn('fuzhou');
    const idOf = async (code: string) =>
      (await t.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code)))[0]
        ?.id as number;
    const add = async (kind: 'employer' | 'member_department', name: string, code: string) =>
      (
        await t.db
          .insert(organisations)
          .values({
            kind,
            name,
            industryCode: kind === 'employer' ? '4710' : null,
            // A project's applicant is a large or medium employer (or an association).
            sizeBand: kind === 'employer' ? ('large' as const) : null,
            jurisdictionId: await idOf(code),
          })
          .returning({ id: organisations.id })
      )[0]?.id as number;
    ids.baseEmployer = await add('employer', BASE_EMPLOYER, '350102');
    ids.otherEmployer = await add('employer', OTHER_EMPLOYER, '350103');
    ids.unit = await add('member_department', UNIT, '350100');
    unitUsername = (
      await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100', organisationId: ids.unit })
    ).username;
    // An expert of the province's pool for the base review.
    await t.db.insert(experts).values({
      jurisdictionId: await idOf('350000'),
      name: '陈警示',
      employerName: '福州大学',
      title: '教授',
      recommendingUnit: '福建省人社厅',
      fields: ['安全生产'],
      status: 'active',
      termStart: addDays(today(), -100),
      termEnd: addDays(today(), 700),
    });
    // This year's budget and one project declared for each employer.
    await buildFundRow(t, '350100', currentYear() - 1);
    const budget = await fuzhou.put(`/api/prevention-budgets/350100/${currentYear()}`, {
      budgetFen: FUND_INCOME_FEN * 0.02,
      keyFields: ['建筑施工', '机械制造'],
      reason: '联席会议审定',
    });
    expect(budget.statusCode, budget.body).toBe(200);
    for (const [applicant, title, keyField] of [
      [ids.baseEmployer, PROJECT_OF_BASE, '建筑施工'],
      [ids.otherEmployer, OTHER_PROJECT, '机械制造'],
    ] as const) {
      const declared = await fuzhou.post('/api/projects', {
        jurisdictionCode: '350100',
        year: currentYear(),
        applicantOrganisationId: applicant,
        type: 'training',
        title,
        keyField,
        summary: '面向一线作业人员开展工伤预防培训和警示教育，计划培训 800 人次。',
        industryCode: '47',
        budgetLines: [{ item: '讲师费', amountFen: 300_000 }],
        performanceTargets: { satisfactionPct: 85, passRatePct: 90, injuryRateChangePct: -10 },
      });
      expect(declared.statusCode, declared.body).toBe(201);
    }
  }, 120_000);

  afterAll(async () => app?.close());

  it('applies for a base for an employer picked by name, designates it, and marks that employer’s project only', async () => {
    const page = await open('/projects');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Before any base: neither project is marked.
    const rowOf = (title: string) => page.locator('tr').filter({ hasText: title });
    await rowOf(PROJECT_OF_BASE).waitFor();
    await rowOf(OTHER_PROJECT).waitFor();
    expect(await page.getByTestId('base-tag').count()).toBe(0);

    await page.goto(`${baseUrl}/publicity`);
    await page.getByRole('tab', { name: '警示教育基地' }).click();
    await page.getByTestId('apply-base-hrss').click();
    const form = page.getByRole('dialog');
    // The picker searches by name as the user types: only the matching employer is offered.
    await form.getByTestId('base-employer').click();
    await page.keyboard.type('鼓楼链路');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(() => options.allTextContents(), { timeout: 15_000 })
      .toEqual([`${BASE_EMPLOYER}（鼓楼区）`]);
    await options.first().click();
    await form.getByTestId('base-name').fill(BASE);
    await form.getByTestId('base-address').fill('福州市鼓楼区链路测试路1号');
    await form.getByTestId('base-cases').fill('高处坠落、物体打击事故案例');
    await form.getByTestId('base-exhibits').fill('安全带、防护网实物');
    await form.getByLabel('容纳人数').fill('50');
    await form.getByTestId('base-opening').fill('工作日 9:00-16:00');
    await form.getByTestId('base-booking').fill('电话 0591-00000000');
    await ok(page);
    const baseRow = page.getByTestId('bases').locator('tr').filter({ hasText: BASE });
    await baseRow.getByText(BASE_EMPLOYER).waitFor();
    await baseRow.getByText('申请中').waitFor();
    // The application is the picked employer's.
    const bases = (await fuzhou.get('/api/publicity/bases?jurisdiction=350100')).json();
    expect(bases.items.find((b: { name: string }) => b.name === BASE)).toMatchObject({
      employerId: ids.baseEmployer,
      employerName: BASE_EMPLOYER,
    });

    // 鼓楼区's meeting (Fuzhou's HRSS above it) designates it with the pool's expert.
    await baseRow.getByRole('button', { name: /评\s*审/ }).click();
    const review = page.getByRole('dialog');
    await review.getByTestId('review-site').fill('现场查看展厅和讲解安排');
    await review.getByLabel('专家（专家库）').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '陈警示' }).click();
    await review.getByTestId('review-opinion').fill('内容翔实，同意认定');
    await review.getByRole('button', { name: /确\s*定/ }).click();
    await baseRow.getByText('已认定').waitFor({ timeout: 60_000 });

    // The projects page marks the base employer's project, not the other one.
    await page.goto(`${baseUrl}/projects`);
    await rowOf(PROJECT_OF_BASE).getByTestId('base-tag').waitFor();
    await rowOf(OTHER_PROJECT).waitFor();
    expect(await rowOf(OTHER_PROJECT).getByTestId('base-tag').count()).toBe(0);
    expect(await page.getByTestId('base-tag').count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, 'publicity-base-mark.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  let campaignAttempt = 0;
  it('picks a campaign’s organiser from the member departments; that unit may record the campaign', async () => {
    // A retried attempt plans a campaign of its own: the first attempt's may already be listed.
    campaignAttempt++;
    const title = `福州市建筑施工安全生产月集中宣传（链路测试${campaignAttempt}）`;
    const page = await open('/publicity');
    await page.getByRole('tab', { name: '集中宣传活动' }).click();
    await page.getByTestId('new-campaign').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('campaign-title').fill(title);
    await form.getByLabel('重点行业（领域）').fill('建筑施工');
    await form.getByLabel('重点行业（领域）').press('Enter');
    await form.getByTestId('campaign-organiser').fill('市住建局');
    await form.getByTestId('campaign-organiser-unit').click();
    await page.keyboard.type('链路测试住房');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents(), { timeout: 15_000 }).toEqual([`${UNIT}（福州市）`]);
    await options.first().click();
    await form.getByLabel('宣传渠道').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新媒体' }).click();
    // Close the channels' list (it covers the dates below the organiser picker).
    await form.getByTestId('campaign-title').click();
    // Until every list has gone: the organiser's list may still be leaving as the channels' goes.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    const [start, end] = [addDays(today(), -5), addDays(today(), -3)];
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(start);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(end);
    await dates.nth(1).press('Enter');
    await ok(page);
    await page.getByTestId('campaigns').getByText(title).waitFor();

    // The campaign names the picked unit, whose officer may record it.
    const unit = await t.signIn(unitUsername, TEST_PASSWORD);
    const listed = (await unit.get('/api/publicity/campaigns?jurisdiction=350100')).json();
    const campaign = listed.items.find((c: { title: string }) => c.title === title);
    expect(campaign).toMatchObject({
      organisers: [{ kind: 'member_unit', name: '市住建局', organisationId: ids.unit }],
      mayRecord: true,
    });
  }, 120_000);
});
