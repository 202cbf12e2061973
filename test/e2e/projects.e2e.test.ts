import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentYear } from '../../src/platform/time.js';
import { type Agent, DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  type ExpertFixture,
  FUND_INCOME_FEN,
} from '../projects-builders.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)(
  'end to end in Chromium: a prevention project from declaration to prepayment',
  () => {
    let app: BrowserApp;
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;
    let officer: Agent;
    let experts: ExpertFixture[];
    let applicantUsername: string;
    let serviceOrgId: number;

    beforeAll(async () => {
      app = await startBrowserApp();
      ({ t, browser, baseUrl } = app);
      officer = await t.signIn('fuzhou');
      await buildFundRow(t, '350100', currentYear() - 1);
      const res = await officer.put(`/api/prevention-budgets/350100/${currentYear()}`, {
        budgetFen: FUND_INCOME_FEN * 0.02,
        keyFields: ['建筑施工', '危险化学品'],
        reason: '联席会议审定',
      });
      if (res.statusCode !== 200) await buildBudget(officer);
      const association = await buildOrganisation(t, {
        kind: 'industry_association',
        name: '福州市建筑安全协会（测试）',
      });
      serviceOrgId = (await buildOrganisation(t, { kind: 'service_organisation' })).id;
      applicantUsername = (
        await t.buildUser({ role: 'service_org', jurisdictionCode: '350100', organisationId: association.id })
      ).username;
      // Three experts whose fields make the draw of 工伤预防 + 安全生产 + 财务管理 one panel.
      experts = await buildExperts(t, officer, 3);
    });

    afterAll(async () => app?.close());

    async function signIn(username: string, password: string, url: string): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}${url}`);
      await page.waitForURL('**/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(`**${url}`);
      return page;
    }

    const ok = (page: Page) =>
      page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();

    it('declares, draws the panel, scores online and pays the prepayment', async () => {
      const errors: string[] = [];
      // 1. The association declares on the standard template.
      const applicant = await signIn(applicantUsername, TEST_PASSWORD, '/own-projects');
      applicant.on('pageerror', (e) => errors.push(e.message));
      await applicant.getByRole('button', { name: /申报项目/ }).click();
      const form = applicant.getByRole('dialog');
      await form.getByLabel('重点领域').fill('建筑施工');
      await form.getByLabel('项目名称').fill('建筑工地高处坠落预防培训');
      await form
        .getByLabel('项目内容')
        .fill('面向建筑施工一线作业人员开展高处坠落预防培训，计划 1500 人次。');
      await form.getByPlaceholder('预算科目').fill('讲师及场地');
      await form.getByPlaceholder('金额（元）').fill('80000');
      await ok(applicant);
      await applicant.getByText('已提交申报').waitFor();
      await applicant.getByTestId('own-projects').getByText('建筑工地高处坠落预防培训').waitFor();

      // 2. The officer schedules and makes the draw.
      const page = await signIn('fuzhou', DEMO_PASSWORD, '/projects');
      page.on('pageerror', (e) => errors.push(e.message));
      await page.getByRole('link', { name: '建筑工地高处坠落预防培训' }).click();
      await page.getByTestId('action-schedule').click();
      await ok(page);
      await page.getByTestId('action-draw').click();
      await page.getByRole('dialog').getByLabel('公开随机值').fill('05 09 14 21 27 33 + 11');
      await ok(page);
      await page.getByTestId('project-status').getByText('评审中').waitFor();
      expect(await page.getByTestId('panel-table').locator('tbody tr').count()).toBe(3);
      await page.getByTestId('verify-draw').click();
      await page
        .getByTestId('verify-result')
        .getByText(/复核一致/)
        .waitFor();
      const projectId = Number(page.url().split('/').pop());

      // 3. Each expert scores online; the first through the browser.
      const first = experts[0] as ExpertFixture;
      const reviewer = await signIn(first.username, TEST_PASSWORD, '/reviews');
      reviewer.on('pageerror', (e) => errors.push(e.message));
      await reviewer.getByTestId('assignments-table').getByText('建筑工地高处坠落预防培训').waitFor();
      await reviewer.getByRole('button', { name: /评\s*分/ }).click();
      for (const [code, points] of [
        ['necessity', 18],
        ['fit', 18],
        ['feasibility', 22],
        ['budget', 17],
        ['capacity', 13],
      ] as const)
        await reviewer.getByTestId(`criterion-${code}`).fill(String(points));
      await ok(reviewer);
      await reviewer.getByText('评分已提交，不可修改').waitFor();
      await reviewer.screenshot({
        path: path.join(resultsDir, 'projects-expert-review.png'),
        fullPage: true,
      });
      const detail = (await officer.get(`/api/projects/${projectId}`)).json();
      for (const member of detail.panel as { id: number; expertId: number }[]) {
        const expert = experts.find((e) => e.id === member.expertId) as ExpertFixture;
        if (expert === first) continue;
        await expert.agent.post(`/api/review-assignments/${member.id}/score`, {
          scores: { necessity: 16, fit: 17, feasibility: 20, budget: 15, capacity: 12 },
        });
      }

      // 4. Decision, notice and agreement (API), then the prepayment in the browser.
      const year = currentYear();
      await officer.post(`/api/projects/${projectId}/decision`, { isApproved: true, reason: '联席会议审定' });
      await officer.post(`/api/prevention-budgets/350100/${year}/notice`, {
        noticeFrom: `${year}-03-01`,
        noticeTo: `${year}-03-07`,
        reason: '公示',
      });
      const signed = await officer.post(`/api/projects/${projectId}/agreement`, {
        serviceOrganisationId: serviceOrgId,
        agreementNo: `榕工伤预防〔${year}〕E2E号`,
        signedOn: `${year}-04-01`,
        filedWithHrssOn: `${year}-04-02`,
        contractFen: 8_000_000,
        prepayPercent: 50,
      });
      expect(signed.statusCode, signed.body).toBe(200);
      await page.reload();
      await page.getByTestId('action-prepayment').click();
      await ok(page);
      await page.getByTestId('project-status').getByText('实施中').waitFor();
      await page.getByTestId('payments-table').getByText('¥40,000.00').waitFor();
      await page.getByText('拨付预付款').first().waitFor();
      await page.screenshot({ path: path.join(resultsDir, 'projects-prepayment.png'), fullPage: true });

      // The budget page shows what is committed and paid.
      await page.goto(`${baseUrl}/projects`);
      await page.getByText('¥40,000.00').first().waitFor();
      const budget = (await officer.get(`/api/prevention-budgets/350100/${year}`)).json();
      expect(budget).toMatchObject({ paidFen: 4_000_000, committedFen: 4_000_000 });
      expect(errors).toEqual([]);
    });
  },
);
