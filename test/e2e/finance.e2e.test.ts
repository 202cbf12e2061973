import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { type Agent, DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  buildProject,
  jurisdictionIdOf,
  PROJECT_YEAR,
} from '../projects-builders.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the finance step and a joint inspection', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: Agent;
  let financeUsername: string;
  let projectId: number;
  let employerId: number;

  async function orgId(name: string) {
    const [row] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, name));
    return row?.id as number;
  }

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
    officer = await t.signIn('fuzhou');
    // The 2026 cap: 3 % of 1 000 000 000 fen = 30 000 000 fen; HRSS proposes 20 000 000 fen (200 000 元).
    await buildFundRow(t);
    await buildBudget(officer, 20_000_000);
    await officer.put('/api/settings/350100/prevention.financeApprovalRequired', {
      value: true,
      reason: '财政批复',
    });
    const experts = await buildExperts(t, officer, 3);
    const applicant = await buildOrganisation(t, { kind: 'industry_association' });
    const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
    projectId = await buildProject(
      { officer, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts },
      'contracted',
      { contractFen: 500_000 },
    );
    await officer.post(`/api/prevention-budgets/350100/${PROJECT_YEAR}/submission`, {
      proposalNote: '2025 年预算执行率 92%。',
      reason: '联席会议审定',
    });
    financeUsername = (
      await t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: await orgId('福州市财政局'),
      })
    ).username;
    const [row] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: '鼓楼端到端检查企业',
        insuranceStatus: 'uninsured',
        jurisdictionId: await jurisdictionIdOf(t, '350102'),
      })
      .returning({ id: organisations.id });
    employerId = row?.id as number;
  });

  afterAll(async () => app?.close());

  async function signIn(username: string, password: string, url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${url}`);
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**${url}`);
    return page;
  }

  it('财政 approves the budget and a payment within it is released', async () => {
    const page = await signIn(financeUsername, TEST_PASSWORD, '/finance');
    await expect.poll(() => page.getByTestId('finance-status').textContent()).toBe('已报送财政');
    await page.getByTestId('finance-decide').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('finance-approved-yuan').fill('150000');
    await dialog.getByTestId('finance-reason').fill('同意，按进度拨付');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('finance-status').textContent()).toBe('财政已批复');
    // The agency releases the prepayment: 50 % of 5 000 元 = 2 500 元, within the 150 000 元 approved.
    const paid = await officer.post(`/api/projects/${projectId}/prepayment`);
    expect(paid.statusCode).toBe(200);
    await page.reload();
    await page.getByText('预付 ¥2,500.00').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'finance-chain.png'), fullPage: true });
  });

  it('turns a joint inspection’s finding into a rectification', async () => {
    const emergency = await orgId('福州市应急管理局');
    const planned = await officer.post('/api/inspections', {
      jurisdictionCode: '350100',
      title: '端到端联合检查',
      startsOn: '2026-11-20',
      endsOn: '2026-11-30',
      memberUnitIds: [emergency],
      employers: [{ employerId, source: 'monitoring' }],
    });
    expect(planned.statusCode).toBe(201);
    const finding = await officer.post(`/api/inspections/${planned.json().id}/findings`, {
      employerId,
      unitId: emergency,
      checklist: [{ code: 'hazard_register', isMet: false }],
      finding: '未建立隐患排查治理台账',
      isHazard: true,
    });
    expect(finding.statusCode).toBe(201);
    const page = await signIn('fuzhou', DEMO_PASSWORD, '/joint-meeting/inspections');
    await page.getByRole('button', { name: '端到端联合检查' }).click();
    await page.getByTestId('finding-rectify').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('rect-suggestion').fill('30 日内建立台账');
    await dialog.getByTestId('rect-deadline').click();
    await page.keyboard.type('2027-01-31');
    await page.keyboard.press('Enter');
    await dialog.getByTestId('rect-unit').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已下达整改，期限 2027-01-31').waitFor();
    await page.goto(`${baseUrl}/joint-meeting/rectifications`);
    await page.getByText('鼓楼端到端检查企业').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'inspection-rectification.png'), fullPage: true });
  });
});
