import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { preventionProjects } from '../../src/modules/projects/projects.tables.js';
import { seedDemoEmployer } from '../../src/seed/demo-employer.js';
import { DEMO_RATES_ACCOUNTS, seedDemoRates } from '../../src/seed/demo-rates.js';
import {
  type BrowserApp,
  clickMenu,
  hasChromium,
  resultsDir,
  signInOnPage,
  startBrowserApp,
} from './browser.js';

/**
 * 本单位 in Chromium (issue 17 item 7): the demo employer account opens its own record from the
 * menu, sees its injured workers masked, and answers the open rectification suggestion; among the
 * projects it may join it sees Fuzhou's training project under way for construction (division 47),
 * not Xiamen's.
 */
let b: BrowserApp;

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  await seedDemoRates(b.t.db);
  await seedDemoEmployer(b.t.db);
  const [association] = await b.t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '福州市建筑业协会'));
  for (const [code, title] of [
    ['350100', '福州建筑工地安全培训（端到端）'],
    ['350200', '厦门建筑工地安全培训（端到端）'],
  ] as const) {
    const [j] = await b.t.db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
    await b.t.db.insert(preventionProjects).values({
      jurisdictionId: j?.id as number,
      year: 2026,
      applicantOrganisationId: association?.id as number,
      type: 'training',
      title,
      keyField: '建筑施工',
      summary: '面向建筑工地一线作业人员的安全培训，欢迎本行业企业选派职工参加。',
      industryCode: '47',
      budgetLines: [{ item: '讲师费', amountFen: 500_000 }],
      requestedFen: 500_000,
      status: 'in_progress',
      createdBy: 'e2e',
    });
  }
}, 120_000);
afterAll(async () => b?.close());

describe.skipIf(!hasChromium)('本单位 (employer self-service)', () => {
  it('shows the employer its record, masked, and takes its answer to a rectification', async () => {
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInOnPage(page, b.baseUrl, DEMO_RATES_ACCOUNTS.employer.username);
    await clickMenu(page, '组织机构', '本单位');
    await page.getByTestId('my-employer').waitFor();
    await expect(page.getByText('福州榕城建筑工程有限公司').first().isVisible()).resolves.toBe(true);
    const injuries = page.getByTestId('my-employer-injuries');
    await injuries.getByText('吴**').waitFor();
    expect(await injuries.textContent()).not.toContain('1992-02-27');
    await page.getByText('已逾期').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'my-employer.png'), fullPage: true });
    await page.getByTestId('answer-rectification').first().click();
    await page.getByTestId('answer-note').fill('已加装隔声罩，护耳器已发放，待复测');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已加装隔声罩，护耳器已发放，待复测', { exact: false }).first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'my-employer-answered.png'), fullPage: true });
    const joinable = page.getByTestId('my-employer-joinable');
    await joinable.getByText('福州建筑工地安全培训（端到端）').waitFor();
    await joinable.getByText('福州市建筑业协会').waitFor();
    expect(await joinable.textContent()).not.toContain('厦门建筑工地安全培训');
    await context.close();
  }, 120_000);
});
