import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { ACCIDENT_HEADER, accidentRow, makeCreditCode, toCsv } from '../exchange-builders.js';
import { TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)(
  'end to end in Chromium: a cross-check hit answered by a correcting batch',
  () => {
    let app: BrowserApp;
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;
    let username: string;
    let firstBatch: number;
    const creditCode = makeCreditCode('350102', 7951);
    const row = (deaths: string) =>
      accidentRow(1, { accidentNo: 'FZ-E2E-0001', creditCode, occurred: '2026-06-02', deaths, serious: '1' });

    beforeAll(async () => {
      app = await startBrowserApp();
      ({ t, browser, baseUrl } = app);
      const [emergency] = await t.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, '福州市应急管理局'));
      ({ username } = await t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: emergency?.id,
      }));
      // The 应急 unit's import: an accident with a death and no injury determination (due after 90 days).
      const agent = await t.signIn(username, TEST_PASSWORD);
      const res = await agent.request({
        method: 'POST',
        url: '/api/exchange/batches?domain=accidents&fileName=accidents-nov.csv',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(toCsv([ACCIDENT_HEADER, row('1')]), 'utf8'),
      });
      if (res.statusCode !== 202) throw new Error(`accident import: ${res.body}`);
      firstBatch = res.json().batch.id;
      await t.app.jobs.idle();
    });
    afterAll(async () => app?.close());

    it('the officer finds the hit in the inbox, confirms it, corrects the batch, and the hit resolves', async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('您好').waitFor();

      await page.goto(`${baseUrl}/inbox`);
      const notice = page
        .getByTestId('notification')
        .filter({ hasText: '数据比对疑点：生产安全事故有死亡而无工伤认定' });
      await notice.first().waitFor();
      await notice
        .first()
        .getByRole('button', { name: /查\s*看/ })
        .click();
      await page.getByTestId('hit-evidence').getByText('FZ-E2E-0001').waitFor();
      expect(await page.getByTestId('hit-status').textContent()).toBe('待处理');
      await page.getByTestId('hit-text').fill('死亡人数误填，将以更正批次替换');
      await page.getByTestId('hit-confirm').click();
      await page.getByTestId('hit-status').filter({ hasText: '已确认' }).waitFor();
      const hitUrl = page.url();

      // The correcting batch: the same accident with no death, replacing the first batch.
      const file = path.join(resultsDir, 'accidents-corrected.csv');
      fs.writeFileSync(file, toCsv([ACCIDENT_HEADER, row('0')]));
      await page.goto(`${baseUrl}/exchange`);
      const form = page.getByTestId('exchange-form');
      await form.locator('.ant-select').first().click();
      await page.locator('.ant-select-item-option', { hasText: '生产安全事故' }).click();
      await form.locator('input[type=file]').setInputFiles(file);
      await form.locator('.ant-select').nth(1).click();
      await page.locator('.ant-select-item-option', { hasText: `#${firstBatch}` }).click();
      await form.getByLabel('更正原因').fill('更正死亡人数');
      await page.getByTestId('exchange-submit').click();
      await page.locator('.ant-drawer').getByText('已入库').waitFor({ timeout: 60_000 });

      // '已入库' shows at the commit; the rules run right after it (after the figures' refresh).
      for (let tries = 0; tries < 40; tries++) {
        await page.goto(hitUrl);
        await page.getByTestId('hit-status').first().waitFor();
        if ((await page.getByTestId('hit-status').textContent()) === '已消除') break;
        await page.waitForTimeout(3_000);
      }
      expect(await page.getByTestId('hit-status').textContent()).toBe('已消除');
      await page.getByText('更正后自动消除').waitFor();
      await page.screenshot({ path: path.join(resultsDir, 'crosscheck-resolved.png'), fullPage: true });
      expect(errors).toEqual([]);
    });
  },
);
