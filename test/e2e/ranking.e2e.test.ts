import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  injuryCases,
  insuredHeadcounts,
  safetyAccidents,
} from '../../src/modules/exchange/exchange.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { makeCreditCode, makeIdNumber } from '../exchange-builders.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, clickMenu, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/** Eight Fuzhou employers of 2025: building firms of thousands, a firm of ten with one case, chemicals. */
const FIRMS = [
  { name: '福州一建集团有限公司', industry: '4710', insured: 3000, cases: 90 },
  { name: '福州二建工程有限公司', industry: '4710', insured: 2500, cases: 70 },
  { name: '福州三建工程有限公司', industry: '4720', insured: 2000, cases: 10 },
  { name: '福州小微装修工作室', industry: '4710', insured: 10, cases: 1 },
  { name: '福州港运输有限公司', industry: '5430', insured: 1500, cases: 45 },
  { name: '福州江南化工有限公司', industry: '2614', insured: 800, cases: 16 },
  { name: '福州晨光化工有限公司', industry: '2614', insured: 600, cases: 3 },
  { name: '福州鼓楼商贸有限公司', industry: '5212', insured: 400, cases: 2 },
];

async function seedFacts(t: TestApp) {
  const [gulou] = await t.db
    .select()
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, ['350102']));
  const jurisdictionId = gulou?.id ?? 0;
  let person = 0;
  for (const [n, firm] of FIRMS.entries()) {
    const [org] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: firm.name,
        creditCode: makeCreditCode('350102', 7100 + n),
        industryCode: firm.industry,
        jurisdictionId,
        insuranceStatus: 'insured',
      })
      .returning({ id: organisations.id });
    const employerId = org?.id ?? 0;
    await t.db.insert(insuredHeadcounts).values({
      employerId,
      year: 2025,
      averageInsured: firm.insured,
      averagePaying: firm.insured,
      employees: firm.insured,
      batchId: 0,
    });
    await t.db.insert(injuryCases).values(
      Array.from({ length: firm.cases }, (_, i) => {
        person++;
        return {
          caseNo: `榕人社工认〔2025〕E2E${person}号`,
          employerId,
          jurisdictionId,
          idNumber: makeIdNumber('350102', '1985-06-15', 'male', person),
          idNumberIndex: makeIdNumber('350102', '1985-06-15', 'male', person),
          personName: `陈${person}`,
          sex: 'male' as const,
          birthDate: '1985-06-15',
          post: '架子工',
          occurredOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-08`,
          determinedOn: '2025-12-01',
          ground: i % 5 === 4 ? '14-6' : '14-1',
          accidentCategory: '09',
          severity: i === 0 ? ('death' as const) : ('minor' as const),
          isDeath: i === 0,
          fundExpenditureFen: 1_000_000,
          batchId: 0,
        };
      }),
    );
    if (n === 0)
      await t.db.insert(safetyAccidents).values({
        accidentNo: 'FZ-2025-E2E1',
        employerId,
        jurisdictionId,
        occurredOn: '2025-06-02',
        category: '10',
        grade: 'ordinary',
        deaths: 1,
        seriousInjuries: 2,
        directLossFen: 125_000_000,
        batchId: 0,
      });
  }
}

describe.skipIf(!hasChromium)(
  'end to end in Chromium: ranking with credibility and a typical-accident bulletin',
  () => {
    let app: BrowserApp;
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;

    beforeAll(async () => {
      app = await startBrowserApp();
      ({ t, browser, baseUrl } = app);
      await seedFacts(t);
    });

    afterAll(async () => app?.close());

    it('the Fuzhou officer sees the credibility explanation, adopts the top 3 and finds them in the ledger', async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill('fuzhou');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await clickMenu(page, '分析与目标', '排名与重点确定');
      await page.waitForURL('**/analysis/ranking');

      const help = page.getByTestId('credibility-help');
      await help.getByText(/本次 k = \d+ 人/).waitFor();
      expect(await help.textContent()).toContain('Z = 分母人数 ÷ (分母人数 + k)');
      const table = page.getByTestId('enterprise-ranking');
      await table.getByText('福州一建集团有限公司').waitFor();
      // The firm of ten with one case (100‰) does not top the list.
      const firstRow = table.locator('tbody tr.ant-table-row').first();
      expect(await firstRow.textContent()).not.toContain('福州小微装修工作室');
      await page.getByTestId('ranking-chart').locator('canvas').waitFor();
      await page.screenshot({ path: path.join(resultsDir, 'ranking.png'), fullPage: true });

      const ranking = (
        await (await t.signIn('fuzhou')).get('/api/ranking/enterprises?year=2025&limit=8')
      ).json();
      const top3 = ranking.items.slice(0, 3).map((r: { name: string }) => r.name) as string[];
      // Worked by hand (decision 0007): division 47 r = 171/7510, division 26 r = 19/1400;
      // Q = 0.9935, chance = 3·r₄₇ + r₂₆ = 0.0819, divisor = 4946.7 + 685.7, s² = 1.619e-4,
      // m = 237/10810, k ≈ 135. The firm of ten: Z = 10/145 ≈ 0.069, shrunk ≈ 28.1‰ (raw 100‰),
      // below 福州港 (≈ 30.0‰) and 福州一建 (≈ 29.7‰): the spread between building firms (5–30‰) is
      // real, so it sits third, not first.
      expect(ranking.method.k).toBeCloseTo(135.4, 0);
      expect(ranking.items.slice(0, 2).map((r: { name: string }) => r.name)).toEqual([
        '福州港运输有限公司',
        '福州一建集团有限公司',
      ]);
      const tiny = ranking.items.find((r: { name: string }) => r.name === '福州小微装修工作室');
      expect(tiny.shrunkRatePer1000).toBeCloseTo(28.1, 0);

      await page.getByRole('button', { name: '确定为重点企业' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('spinbutton').fill('3');
      await dialog.getByLabel('依据（会议纪要等）').fill('2026年第一次联席会议纪要');
      await dialog.getByRole('button', { name: '确定为重点企业' }).click();
      await page.getByText('已确定 3 家重点企业，已列入重点企业台账').waitFor();
      await page.getByTestId('current-adoption').waitFor();

      await clickMenu(page, '重点行业企业', '重点企业台账');
      await page.waitForURL('**/enterprises/ledger');
      await page.getByTestId('ledger-adopted-only').click();
      const ledger = page.getByTestId('ledger-key');
      await ledger.getByTestId('adopted-tag').first().waitFor();
      await expect
        .poll(async () => ledger.locator('tbody tr.ant-table-row').count(), { timeout: 5000 })
        .toBe(3);
      for (const name of top3) await ledger.getByText(name).waitFor();
      expect(await ledger.getByTestId('adopted-tag').first().textContent()).toContain('福州市确定');
      await page.screenshot({ path: path.join(resultsDir, 'ledger-adopted.png'), fullPage: true });

      // The industry ranking: the meeting lists the top GB/T 4754 division as a key industry.
      await clickMenu(page, '分析与目标', '排名与重点确定');
      await page.getByRole('tab', { name: '行业排名' }).click();
      await page.getByTestId('industry-ranking').getByText('建筑施工').waitFor();
      await page.getByTestId('industry-level').click();
      await page.locator('.ant-select-item-option', { hasText: '国民经济行业大类' }).click();
      const industries = page.getByTestId('industry-ranking');
      await industries.getByText('54 道路运输业').waitFor();
      await industries
        .locator('tbody tr.ant-table-row')
        .first()
        .getByRole('button', { name: '列为重点行业' })
        .click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.getByText('已将「道路运输业」列入重点行业').waitFor();
      const added = (
        await (await t.signIn('fuzhou')).get('/api/key-industries?planPeriod=2026-2030&jurisdiction=350100')
      ).json();
      expect(added.items.find((k: { name: string }) => k.name === '道路运输业')).toMatchObject({
        industryPrefixes: ['54'],
        jurisdictionCode: '350100',
        source: '联席会议根据2025年行业排名确定',
      });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('drafts a bulletin from an accident, has it approved by another officer, publishes and prints it', async () => {
      const reviewer = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350100' });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const signIn = async (username: string, password: string) => {
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel('密码').fill(password);
        await page.getByRole('button', { name: /登\s*录/ }).click();
        await clickMenu(page, '分析与目标', '典型事故通报');
        await page.waitForURL('**/analysis/bulletins');
      };
      await signIn('fuzhou', DEMO_PASSWORD);
      await page.getByTestId('bulletin-new').click();
      const accidents = page.getByTestId('candidate-accidents');
      await accidents.getByText('福州一建集团有限公司').waitFor();
      await accidents.locator('tbody tr.ant-table-row').first().locator('input[type=checkbox]').check();
      await page.getByRole('button', { name: '生成草稿' }).click();
      await page.waitForURL(/\/analysis\/bulletins\/\d+$/);
      const body = page.getByTestId('bulletin-form').locator('textarea');
      await expect.poll(async () => body.inputValue()).toContain('福州一建集团有限公司发生一起坍塌事故');
      const url = page.url();

      // Another officer approves and publishes it.
      await page.context().clearCookies();
      await signIn(reviewer.username, TEST_PASSWORD);
      await page.goto(url);
      await page.getByRole('button', { name: '审核通过' }).click();
      await expect.poll(async () => page.getByTestId('bulletin-status').textContent()).toBe('已审核');
      await page.getByRole('button', { name: /发\s*布/ }).click();
      await expect.poll(async () => page.getByTestId('bulletin-status').textContent()).toBe('已发布');

      await page.goto(`${url}/print`);
      await page
        .getByTestId('bulletin-print')
        .getByText('福州一建集团有限公司“6·2”坍塌事故')
        .first()
        .waitFor();
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(resultsDir, 'bulletin-print.png'), fullPage: true });
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
