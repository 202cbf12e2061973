import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAnalytics, refreshQueued } from '../../src/modules/analytics/refresh.js';
import { seedDemoExchangeData } from '../../src/seed/demo-exchange.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the Fujian officer reads the indicators', () => {
  let app: BrowserApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ browser, baseUrl } = app);
    await seedDemoExchangeData(app.t.database, new Date('2026-12-06T04:00:00Z'));
    await rebuildAnalytics(app.t.db);
  }, 120_000);

  afterAll(async () => app?.close());

  it('opens the dashboard, drills into 福州市, switches the counting option and exports the table', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInOnPage(page, baseUrl, 'fujian');
    await page.goto(`${baseUrl}/analytics`);
    await page.getByText('指标分析 · 福建省').waitFor();
    const definition = page.getByTestId('definition');
    await definition.filter({ hasText: '人次' }).waitFor();

    // Drill into 福州市: the title and the figures follow.
    await page.getByTestId('drill-350100').click();
    await page.getByText('指标分析 · 福州市').waitFor();
    const kpi = page.getByTestId('kpi-injury_count').locator('.ant-statistic-content');
    await kpi.waitFor();
    const cases = await kpi.textContent();
    const firstBar = page.getByTestId('drill-350102');
    await firstBar.waitFor();
    // The counties' bars (in a county with few cases the options may happen to give the same figure).
    const bars = page.locator('[data-testid^="drill-3501"]');
    const barsBefore = await bars.allTextContents();

    // Persons instead of 人次, production injuries only: the definition and the numbers change.
    await page.getByTestId('ground-scope').click();
    await page.locator('.ant-select-item-option', { hasText: '生产性工伤' }).click();
    await definition.filter({ hasText: '生产性工伤' }).waitFor();
    await page.getByTestId('count-unit').click();
    await page.locator('.ant-select-item-option', { hasText: '按人数' }).click();
    await definition.filter({ hasText: '人数' }).waitFor();
    await expect.poll(async () => kpi.textContent()).not.toBe(cases);
    await expect.poll(async () => bars.allTextContents()).not.toEqual(barsBefore);

    // The pivot (industry × sex) with its heat colours, exported as shown.
    const table = page.getByTestId('pivot-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    expect(await table.locator('tr.ant-table-row').count()).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(resultsDir, 'analytics-dashboard.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('pivot-export').click(),
    ]);
    const saved = path.join(resultsDir, 'analytics-pivot.xlsx');
    await download.saveAs(saved);
    expect(fs.statSync(saved).size).toBeGreaterThan(1000);

    // Target progress for 福州市.
    await page.goto(`${baseUrl}/analytics/targets`);
    await page.getByTestId('targets-table').locator('tr.ant-table-row').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'analytics-targets.png'), fullPage: true });
    await page
      .getByText(/进度正常|存在风险|进度落后|尚无评估年度|无基准数据/)
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'analytics-targets.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('says when the figures do not yet include a just-committed batch, and stops saying it once refreshed', async () => {
    // The state between a batch's commit and its refresh (decision 0011), held still for the test.
    await app.t.db.execute(sql`insert into analytics_refresh_queue (batch_id, domain, slices)
      select b.id, b.domain, '{}'::jsonb from exchange_batches b join jurisdictions j on j.id = b.jurisdiction_id
      where b.status = 'committed' and j.code = '350000' order by b.id limit 1`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInOnPage(page, baseUrl, 'fuzhou');
    await page.goto(`${baseUrl}/analytics`);
    const notice = page.getByTestId('analytics-refreshing');
    await notice.filter({ hasText: '1 个刚提交的批次正在更新统计数据' }).waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'analytics-refreshing.png'), fullPage: true });
    expect((await refreshQueued(app.t.db)).length).toBe(1);
    await page.reload();
    await page.getByTestId('definition').waitFor();
    expect(await notice.count()).toBe(0);
  });
});
