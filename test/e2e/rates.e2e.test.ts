import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerContributions, insuredHeadcounts } from '../../src/modules/exchange/exchange.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { exampleCombinedMethod } from '../../src/modules/rates/rates.data.js';
import { DEMO_PASSWORD, TEST_PASSWORD } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/**
 * Premium-rate floating in Chromium: the province agency drafts example A, 福建省财政厅 approves it,
 * the simulation shows the income change against the adopted example B, the agency adopts it,
 * Fuzhou rates its employers, an employer reads its notice and projected rate and appeals, and
 * Fuzhou decides. Three 鼓楼区 employers, premiums 1,000 yuan a year, wage bills 100,000 yuan.
 */
const FIRMS = [
  // class 6: 450,300 / 300,000 = 150.1 % → 150 % (1.95 %); B: 80 % (1.04 %)
  { name: '福州浮动测试化工有限公司', industry: '2614', benefits2023: 450_300 },
  // class 6: 0 % → 50 % (0.65 %); B: 80 % (1.04 %)
  { name: '福州浮动测试建筑有限公司', industry: '4710', benefits2023: 0 },
  // class 2: 0 % → 50 % (0.2 %); B: class 2 does not float (0.4 %)
  { name: '福州浮动测试商贸有限公司', industry: '5110', benefits2023: 0 },
];

let b: BrowserApp;
let financeUser: string;
let employerUser: string;

async function signIn(context: BrowserContext, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${b.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
  return page;
}

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  const { t } = b;
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const ids: number[] = [];
  for (const firm of FIRMS) {
    const [org] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: firm.name,
        industryCode: firm.industry,
        jurisdictionId: gulou?.id ?? 0,
        insuranceStatus: 'insured',
      })
      .returning({ id: organisations.id });
    const id = org?.id ?? 0;
    ids.push(id);
    for (const year of [2023, 2024, 2025]) {
      await t.db
        .insert(insuredHeadcounts)
        .values({ employerId: id, year, averageInsured: 20, averagePaying: 20, batchId: 0 });
      await t.db.insert(employerContributions).values({
        employerId: id,
        year,
        insuredFrom: '2010-01-01',
        wageBillFen: 10_000_000,
        premiumsPaidFen: 100_000,
        benefitsPaidFen: year === 2023 ? firm.benefits2023 : 0,
        batchId: 0,
      });
    }
  }
  const [financeOrg] = await t.db.select().from(organisations).where(eq(organisations.name, '福建省财政厅'));
  financeUser = (
    await t.buildUser({ role: 'member_officer', jurisdictionCode: '350000', organisationId: financeOrg?.id })
  ).username;
  employerUser = (await t.buildUser({ role: 'employer', jurisdictionCode: '350102', organisationId: ids[0] }))
    .username;
  // The standing rule set: example B, adopted through the API.
  const fujian = await t.signIn('fujian');
  const finance = await t.signIn(financeUser, TEST_PASSWORD);
  const drafted = await fujian.post('/api/rates/rule-sets', {
    jurisdiction: '350000',
    name: '现行规则（示例B）',
    effectiveFrom: '2026-01-01',
    definition: exampleCombinedMethod(),
    fromExample: 'combined-incidence',
  });
  const id = drafted.json().id;
  await finance.post(`/api/rates/rule-sets/${id}/review`, { decision: 'approve' });
  const adopted = await fujian.post(`/api/rates/rule-sets/${id}/adopt`);
  if (adopted.statusCode !== 200) throw new Error(`e2e setup: ${adopted.body}`);
  // A meeting being prepared, for the simulation to go on its agenda.
  const meeting = await fujian.post('/api/meetings', {
    jurisdictionCode: '350000',
    kind: 'extraordinary',
    title: '费率浮动审议专题会议',
    reportYear: 2025,
    plannedOn: '2026-12-28',
  });
  if (meeting.statusCode !== 201) throw new Error(`e2e setup: ${meeting.body}`);
}, 180_000);

afterAll(async () => {
  await b?.close();
});

describe.skipIf(!hasChromium)('rate floating in the browser', () => {
  it('drafts, approves, simulates, adopts, rates, notifies, appeals and decides', async () => {
    const { browser } = b;
    const agencyContext = await browser.newContext({ locale: 'zh-CN' });
    const agency = await signIn(agencyContext, 'fujian', DEMO_PASSWORD);
    await agency.goto(`${b.baseUrl}/rates`);
    await agency.getByTestId('rates-draft').click();
    await agency.getByTestId('rates-example').click();
    await agency.getByText('示例A：支缴率阶梯（参照烟台2013年办法）').last().click();
    await agency.getByTestId('rates-effective').click();
    await agency.getByTestId('rates-effective').fill('2027-01-01');
    await agency.keyboard.press('Enter');
    await agency.getByRole('button', { name: '保存草稿' }).click();
    const row = agency.getByRole('row', { name: /示例A/ });
    await row.getByText('草稿').waitFor();
    const simButton = row.locator('[data-testid^="rates-sim-"]');
    const ruleSetId = Number((await simButton.getAttribute('data-testid'))?.replace('rates-sim-', ''));

    // 财政 approves.
    const financeContext = await browser.newContext({ locale: 'zh-CN' });
    const finance = await signIn(financeContext, financeUser, TEST_PASSWORD);
    await finance.goto(`${b.baseUrl}/rates`);
    await finance.getByTestId(`rates-approve-${ruleSetId}`).click();
    await finance.getByRole('row', { name: /示例A/ }).getByText('财政已审核').waitFor();

    // The simulation: A against the adopted B over Fujian (2026, the cycle before it):
    // A 1,950 + 650 + 200 = 2,800 yuan; B 1,040 + 1,040 + 400 = 2,480 yuan; change +320 yuan.
    await agency.reload();
    await agency.getByTestId(`rates-sim-${ruleSetId}`).click();
    await agency.getByTestId('rates-simulate').click();
    await agency.getByText('保费收入（本规则，元）').waitFor();
    expect(await agency.getByTestId('rates-income-change').textContent()).toBe('32000');
    await agency.screenshot({ path: path.join(resultsDir, 'rates-simulation.png'), fullPage: true });
    // The simulation goes on the special meeting's agenda, its figures frozen there.
    await agency.getByTestId('rates-sim-agenda').click();
    await agency.getByTestId('rates-sim-meeting').click();
    await agency.getByText('费率浮动审议专题会议（2026-12-28）').last().click();
    await agency.getByTestId('rates-sim-agenda-ok').click();
    await agency.getByTestId('rates-sim-agenda-link').click();
    const paper = agency.getByTestId('agenda-paper-rows');
    await paper.waitFor();
    expect(await paper.textContent()).toContain('+320.00');
    expect(await paper.textContent()).toContain('2,800.00');
    await agency.goto(`${b.baseUrl}/rates`);
    await agency.getByTestId(`rates-adopt-${ruleSetId}`).click();
    await agency.getByRole('button', { name: /确\s*定|OK/ }).click();
    await agency.getByRole('row', { name: /示例A/ }).getByText('施行中').waitFor();

    // Fuzhou rates its employers under the adopted A.
    const fuzhouContext = await browser.newContext({ locale: 'zh-CN' });
    const fuzhou = await signIn(fuzhouContext, 'fuzhou', DEMO_PASSWORD);
    await fuzhou.goto(`${b.baseUrl}/rates`);
    await fuzhou.getByRole('tab', { name: '费率评定' }).click();
    await fuzhou.getByTestId('rates-run').click();
    await fuzhou
      .getByRole('row', { name: /福州浮动测试化工有限公司/ })
      .getByText('1.95%')
      .waitFor();

    // The employer reads its notice and projected rate, and appeals.
    const employerContext = await browser.newContext({ locale: 'zh-CN' });
    const employer = await signIn(employerContext, employerUser, TEST_PASSWORD);
    await employer.goto(`${b.baseUrl}/own-rates`);
    expect(await employer.getByTestId('notice-rate').textContent()).toBe('1.95%');
    // Next cycle 2024–2026 if nothing changes: 150,100 / 300,000 = 50 % → base 1.3 %.
    expect(await employer.getByTestId('notice-projected').textContent()).toBe('1.3%');
    expect(await employer.getByTestId('notice-rationale').textContent()).toContain('支缴率（%） = 150.1');
    await employer.getByTestId('rates-appeal').click();
    await employer.getByTestId('rates-appeal-reason').fill('2023年一笔待遇支出已追回，请核减后重新评定');
    await employer.getByRole('button', { name: /确\s*定|OK/ }).click();
    await employer.getByText('待处理').waitFor();
    await employer.screenshot({ path: path.join(resultsDir, 'rates-notice.png'), fullPage: true });

    // Fuzhou decides: upheld, corrected to 120 %.
    await fuzhou.getByRole('tab', { name: '申诉' }).click();
    await fuzhou.getByRole('button', { name: '处理申诉' }).click();
    await fuzhou.getByTestId('rates-corrected-tier').click();
    await fuzhou.getByText('120%', { exact: true }).last().click();
    await fuzhou.getByTestId('rates-decision-note').fill('核减后支缴率为100%，按120%档');
    await fuzhou.getByRole('button', { name: /确\s*定|OK/ }).click();
    await fuzhou.locator('.ant-tag', { hasText: '成立（更正费率）' }).waitFor();
    await employer.reload();
    await employer.getByText('1.56%').waitFor();
    for (const c of [agencyContext, financeContext, fuzhouContext, employerContext]) await c.close();
  }, 120_000);
});
