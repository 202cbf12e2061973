import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)(
  'end to end in Chromium: a member unit proposes a roster change, the office decides',
  () => {
    let app: BrowserApp;
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;
    let memberUsername: string;

    beforeAll(async () => {
      app = await startBrowserApp();
      ({ t, browser, baseUrl } = app);
      const [unit] = await t.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, '福州市应急管理局'));
      memberUsername = (
        await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100', organisationId: unit?.id })
      ).username;
    });

    afterAll(async () => app?.close());

    async function openRoster(username: string, password: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await page.goto(`${baseUrl}/joint-meeting/roster`);
      await page.waitForURL('**/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL('**/joint-meeting/roster');
      await page.getByTestId('roster-current').getByText('李继全').waitFor();
      return page;
    }

    it('proposes, returns, revises and confirms through the roster page', async () => {
      const errors: string[] = [];
      const member = await openRoster(memberUsername, TEST_PASSWORD);
      member.on('pageerror', (e) => errors.push(e.message));
      const current = member.getByTestId('roster-current');
      // Only its own unit's row offers 申请变更.
      expect(await current.getByRole('button', { name: '申请变更' }).count()).toBe(1);
      await current.locator('tr', { hasText: '李继全' }).getByRole('button', { name: '申请变更' }).click();
      let dialog = member.getByRole('dialog');
      await dialog.getByText('申请变更：李继全（成员）').waitFor();
      await dialog.getByLabel('新任人员姓名').fill('王建华');
      await dialog.getByLabel('职务职级').fill('工业安全监管处副处长');
      await dialog.getByLabel('联系电话').fill('13905910088');
      await dialog.getByLabel('变更原因').fill('李继全同志工作调动');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await member
        .getByText('已提交，等待联席会议办公室确认')
        .waitFor()
        .catch(async (e) => {
          await member.screenshot({ path: path.join(resultsDir, 'roster-changes-debug.png') });
          throw e;
        });

      const office = await openRoster('fuzhou', DEMO_PASSWORD);
      office.on('pageerror', (e) => errors.push(e.message));
      await office.getByTestId('roster-changes-tab').getByText('待确认 1 项').waitFor();
      await office.getByTestId('roster-changes-tab').click();
      const list = office.getByTestId('roster-changes');
      await list.getByText('王建华').waitFor();
      await list.getByRole('button', { name: /退\s*回/ }).click();
      const returnDialog = office.getByRole('dialog');
      await returnDialog.getByLabel('退回原因').fill('请写明完整职务');
      await returnDialog.getByRole('button', { name: /退\s*回/ }).click();
      await office.getByText('已退回申请单位').waitFor();

      await member.reload();
      await member.getByTestId('roster-changes-tab').click();
      await member.getByTestId('roster-changes').getByText('退回原因：请写明完整职务').waitFor();
      await member.getByRole('button', { name: '修改后重新提交' }).click();
      dialog = member.getByRole('dialog');
      await dialog.getByLabel('职务职级').fill('工业安全监管处副处长（主持工作）');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await member.getByText('已提交，等待联席会议办公室确认').waitFor();

      await office.reload();
      await office.getByTestId('roster-changes-tab').click();
      await office
        .getByTestId('roster-changes')
        .getByRole('button', { name: /确\s*认/ })
        .click();
      await office
        .getByRole('tooltip')
        .getByRole('button', { name: /确\s*认/ })
        .click();
      await office.getByText('已确认，成员名单已更新').waitFor();
      // The steps show on expanding the request.
      await office.getByTestId('roster-changes').locator('.ant-table-row-expand-icon').first().click();
      await office.getByText('办公室退回').waitFor();
      await office.getByText('修改后重新提交').first().waitFor();
      await office.screenshot({ path: path.join(resultsDir, 'roster-changes.png'), fullPage: true });
      await office.getByRole('tab', { name: /现任成员/ }).click();
      await office.getByTestId('roster-current').getByText('王建华').waitFor();
      expect(await office.getByTestId('roster-current').getByText('李继全').count()).toBe(0);

      // The API agrees: the roster row was replaced, pointing back at the old one.
      const agent = await t.signIn('fuzhou');
      const roster = (await agent.get('/api/joint-meetings/350100/roster')).json();
      const now = roster.current.find((m: { personName: string }) => m.personName === '王建华');
      const old = roster.history.find((m: { personName: string }) => m.personName === '李继全');
      expect([now?.title, now?.replacesId]).toEqual(['工业安全监管处副处长（主持工作）', old?.id]);
      expect(errors).toEqual([]);
      await member.close();
      await office.close();
    });
  },
);
