import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../exchange-builders.js';
import type { TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the Fuzhou officer submits injury data', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let file: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
    // The embedded mode refuses files this large unless the jurisdiction raises its limit (0016).
    const fuzhou = await t.signIn('fuzhou');
    const raised = await fuzhou.put('/api/settings/350100/exchange.embeddedLimit', {
      value: { maxRows: 50_000 },
      reason: 'e2e: a file of 40,000 rows',
    });
    if (raised.statusCode !== 200) throw new Error(`raising the embedded limit failed: ${raised.body}`);
    // Large enough that the import is still running when the page first polls it; two bad rows.
    const rows = [INJURY_HEADER];
    for (let n = 1; n <= 40_000; n++) rows.push(injuryRow(n));
    rows[101] = injuryRow(100, { sex: '女' });
    rows[2001] = injuryRow(2000, { determined: '2025-01-01' });
    file = path.join(resultsDir, 'injuries-upload.csv');
    fs.writeFileSync(file, toCsv(rows));
  });

  afterAll(async () => app?.close());

  it('uploads a file with bad rows, watches the progress, downloads the rejected rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInOnPage(page, baseUrl, 'fuzhou');
    // The ledger before: the demo builder is listed (建筑施工) with no injuries.
    const ledgerRow = () =>
      page.getByTestId('ledger-key').locator('tr', { hasText: '福州榕城建筑工程有限公司' });
    await page.goto(`${baseUrl}/enterprises/ledger`);
    await ledgerRow().waitFor();
    expect(await ledgerRow().locator('td').nth(5).textContent()).toBe('0');
    await page.goto(`${baseUrl}/exchange`);

    const form = page.getByTestId('exchange-form');
    await form.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '工伤认定' }).click();
    await form.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('exchange-submit').click();
    // Progress: rows done of the total, rows per second.
    const progress = page
      .getByTestId('batch-progress')
      .filter({ hasText: /已校验 [1-9]\d* \/ 40000 行，\d+ 行\/秒/ });
    await progress.first().waitFor({ timeout: 30_000 });

    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('已入库').waitFor({ timeout: 60_000 });
    await drawer.getByText('未通过校验的行（2）').waitFor();
    const issues = await drawer.getByTestId('batch-issues').textContent();
    expect(issues).toContain('性别：性别与身份证号不符');
    expect(issues).toContain('认定日期：认定日期早于受伤日期');
    await page.screenshot({ path: path.join(resultsDir, 'exchange-batch.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByTestId('download-rejected').click(),
    ]);
    const saved = path.join(resultsDir, 'rejected.csv');
    await download.saveAs(saved);
    const lines = fs.readFileSync(saved, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^行号,认定书编号,/);
    expect(lines[1]).toMatch(/^102,/);
    expect(lines[2]).toMatch(/^2002,/);

    // The ledger after: the same employer now carries the imported determinations.
    await page.goto(`${baseUrl}/enterprises/ledger`);
    await ledgerRow().waitFor();
    expect(await ledgerRow().locator('td').nth(5).textContent()).toBe('39998');
    await page.screenshot({ path: path.join(resultsDir, 'ledger-after-import.png'), fullPage: true });

    const agent = await t.signIn('fuzhou');
    const batches = (await agent.get('/api/exchange/batches')).json();
    expect(batches.items[0]).toMatchObject({
      status: 'committed',
      totalRows: 40_000,
      validRows: 39_998,
      rejectedRows: 2,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
