import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page
    .getByText(/^您好，/)
    .first()
    .waitFor();
}

describe.skipIf(!hasChromium)(
  'end to end in Chromium: a joint meeting from draft to a closed action item',
  () => {
    let app: BrowserApp;
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;

    beforeAll(async () => {
      app = await startBrowserApp();
      ({ t, browser, baseUrl } = app);
    });

    afterAll(async () => app?.close());

    it('the convener holds a meeting and assigns an item; the unit closes it with evidence', {
      timeout: 180_000,
    }, async () => {
      const errors: string[] = [];
      const convener = await (
        await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
      ).newPage();
      convener.on('pageerror', (e) => errors.push(e.message));
      convener.setDefaultTimeout(15_000);
      await signIn(convener, baseUrl, 'fuzhou', DEMO_PASSWORD);
      // The unit's officer exists before the assignment, so the assignment reaches its inbox.
      const [unit] = await t.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, '福州市应急管理局'));
      const officer = await t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: unit?.id,
      });

      await convener.goto(`${baseUrl}/joint-meeting/meetings`);
      await convener.getByTestId('new-meeting').click();
      const create = convener.getByRole('dialog');
      await create.getByLabel('会议名称').fill('福州市工伤预防工作联席会议（端到端）');
      await create.getByRole('button', { name: /保\s*存/ }).click();
      await convener.waitForURL('**/joint-meeting/meetings/*');
      await convener.getByTestId('agenda-injury_report').waitFor();
      // No data was imported in this database: the standing report says so rather than showing 0.
      await convener
        .getByText(/年未报送数据（不是零）/)
        .first()
        .waitFor();

      await convener.getByTestId('schedule').click();
      await convener.getByTestId('meeting-status').getByText('已通知').waitFor();
      await convener.getByTestId('hold').click();
      await convener.getByTestId('dialog-ok').click();
      await convener.getByTestId('meeting-status').getByText('已召开').waitFor();
      await convener
        .getByText(/已固化/)
        .first()
        .waitFor();

      await convener.getByTestId('edit-minutes').click();
      await convener.getByTestId('minutes-text').fill('会议听取了三项通报，部署了建筑施工领域专项检查。');
      await convener.getByTestId('dialog-ok').click();
      await convener.locator('div.ant-typography', { hasText: '会议听取了三项通报' }).waitFor();

      await convener.getByTestId('add-item').click();
      const itemDialog = convener.getByRole('dialog');
      await itemDialog.getByLabel('承办单位').click();
      await convener.locator('.ant-select-item-option', { hasText: '福州市应急管理局' }).click();
      await itemDialog.getByLabel('事项').fill('开展建筑施工领域专项检查');
      await convener.getByTestId('dialog-ok').click();
      await convener.getByRole('link', { name: '开展建筑施工领域专项检查' }).waitFor();
      await convener.getByTestId('approve-minutes').click();
      await convener.getByTestId('meeting-status').getByText('纪要已审定').waitFor();
      await convener.screenshot({ path: path.join(resultsDir, 'joint-meeting-held.png'), fullPage: true });

      // The member unit sees the item on its home page and closes it with an evidence file.
      const member = await (
        await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
      ).newPage();
      member.on('pageerror', (e) => errors.push(e.message));
      member.setDefaultTimeout(15_000);
      await signIn(member, baseUrl, officer.username, TEST_PASSWORD);
      // The workbench counts overdue items only; the unit's open items are on its action-items page.
      await member.goto(`${baseUrl}/joint-meeting/action-items`);
      await member.getByRole('link', { name: '开展建筑施工领域专项检查' }).click();
      await member.getByTestId('item-status').getByText('待办').waitFor();
      await member.getByRole('radio', { name: '办结（附佐证）' }).check();
      await member.getByTestId('follow-up-note').fill('专项检查已完成，整改隐患35处');
      const evidence = path.join(os.tmpdir(), `检查报告-${process.pid}.txt`);
      fs.writeFileSync(evidence, '检查报告正文');
      await member.getByTestId('follow-up-file').setInputFiles(evidence);
      await member.getByTestId('follow-up-submit').click();
      await member.getByTestId('item-status').getByText('已办结').waitFor();
      await member.getByRole('button', { name: /检查报告/ }).waitFor();
      await member.screenshot({
        path: path.join(resultsDir, 'joint-meeting-item-closed.png'),
        fullPage: true,
      });
      fs.rmSync(evidence, { force: true });

      // The inbox told the unit about the assignment.
      await member.goto(`${baseUrl}/inbox`);
      await member.getByText(/新督办事项：开展建筑施工领域专项检查/).waitFor();
      expect(errors).toEqual([]);
    });
  },
);
