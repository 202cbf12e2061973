import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAnalytics } from '../../src/modules/analytics/refresh.js';
import { seedDemoExchangeData } from '../../src/seed/demo-exchange.js';
import { INJURY_HEADER, injuryRow, makeIdNumber, toCsv } from '../exchange-builders.js';
import {
  type BrowserApp,
  clickMenu,
  hasChromium,
  resultsDir,
  signInOnPage,
  startBrowserApp,
} from './browser.js';

describe.skipIf(!hasChromium)('end to end in Chromium: the overview screen in a meeting room (AN-7)', () => {
  let app: BrowserApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ browser, baseUrl } = app);
    await seedDemoExchangeData(app.t.database, new Date('2026-12-06T04:00:00Z'));
    await rebuildAnalytics(app.t.db);
  }, 600_000);

  afterAll(async () => app?.close());

  it('opens from the menu at 1920×1080, draws the map, and updates itself after an import', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInOnPage(page, baseUrl, 'fujian');
    await clickMenu(page, '分析与目标', '数据大屏');
    await page.waitForURL(/\/overview$/);
    await page.getByText('工伤预防数据大屏 · 福建省').waitFor();
    // The map of 福建省's prefectures, coloured (the demo data has figures for each).
    const map = page.locator('[data-testid="overview-map"][data-state="ready"]');
    await map.waitFor({ timeout: 60_000 });
    expect(Number(await map.getAttribute('data-areas'))).toBeGreaterThanOrEqual(9);
    expect(await map.locator('canvas').count()).toBeGreaterThan(0);
    const kpi = page.getByTestId('ov-kpi-value-injury_count');
    await kpi.waitFor();
    const before = (await kpi.textContent()) ?? '';
    const screen = page.getByTestId('overview-screen');
    const versionBefore = await screen.getAttribute('data-version');
    await page.screenshot({ path: path.join(resultsDir, 'overview-1920x1080.png') });

    // An import of two determinations in the screen's year, by 福州市's officer; no reload of the page
    // (the marker on window survives only without one).
    await page.evaluate(() => {
      (window as unknown as { overviewMarker: number }).overviewMarker = 1;
    });
    const fuzhou = await app.t.signIn('fuzhou');
    const { year } = (await fuzhou.get('/api/overview?jurisdiction=350100')).json();
    const res = await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=overview-e2e.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        toCsv([
          INJURY_HEADER,
          ...[1, 2].map((n) =>
            injuryRow(n, {
              caseNo: `OV-E2E-${n}`,
              // The birth date and sex must agree with the ID number, or the row is refused.
              idNumber: makeIdNumber('350102', '1980-02-02', 'female', 900 + n),
              birth: '1980-02-02',
              sex: '女',
              occurred: `${year}-01-10`,
              determined: `${year}-02-${10 + n}`,
            }),
          ),
        ]),
        'utf8',
      ),
    });
    expect(res.statusCode, res.body).toBe(202);
    await app.t.app.jobs.idle();
    const batch = (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
    expect(batch.status, JSON.stringify(batch)).toBe('committed');
    // The screen polls the version every 15 s and fetches the figures when it moves.
    await expect
      .poll(async () => screen.getAttribute('data-version'), { timeout: 60_000 })
      .not.toBe(versionBefore);
    await expect.poll(async () => kpi.textContent(), { timeout: 30_000 }).not.toBe(before);
    const parse = (s: string) => Number(s.replace(/[^\d.]/g, ''));
    expect(parse((await kpi.textContent()) ?? '')).toBeGreaterThan(parse(before));
    expect(await page.evaluate(() => (window as unknown as { overviewMarker?: number }).overviewMarker)).toBe(
      1,
    );
    await map.waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'overview-1920x1080-after-import.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
