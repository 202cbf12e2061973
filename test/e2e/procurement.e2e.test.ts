import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  buildProject,
} from '../projects-builders.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

/**
 * The procurement card in Chromium (PP-4): the office opens a competitive consultation on a listed
 * project, records two bids, scores them (甲 90, 乙 85: 甲 ranks first), awards 甲, uploads the
 * notice, sees it listed and downloads the same bytes.
 */
let b: BrowserApp;
let officer: Agent;
let projectId: number;
const NOTICE = Buffer.from('福州市人社局工伤预防培训服务竞争性磋商公告（端到端测试）\n', 'utf8');

beforeAll(async () => {
  if (!hasChromium) return;
  b = await startBrowserApp();
  const { t } = b;
  officer = await t.signIn('fuzhou');
  await buildFundRow(t);
  await buildBudget(officer, 20_000_000);
  const applicant = await buildOrganisation(t, { kind: 'industry_association' });
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, officer, 3);
  projectId = await buildProject(
    { officer, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts },
    'listed',
  );
  await buildOrganisation(t, { kind: 'service_organisation', name: '甲端到端培训中心' });
  await buildOrganisation(t, { kind: 'service_organisation', name: '乙端到端咨询公司' });
}, 120_000);
afterAll(async () => b?.close());

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

async function date(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Confirms the dialog and waits until it closes (a refused form stays open: the wait then fails here). */
async function ok(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.skipIf(!hasChromium)('采购 (procurement) in Chromium', () => {
  it('opens, records bids, evaluates, awards, uploads the notice and downloads it', async () => {
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInOnPage(page, b.baseUrl, 'fuzhou');
    await page.goto(`${b.baseUrl}/projects/${projectId}`);
    const card = page.getByTestId('procurement-card');
    await card.getByTestId('proc-open').waitFor();

    // Open: competitive consultation, notice 2026-04-01, responses due 2026-04-15.
    await card.getByTestId('proc-open').click();
    await pick(page, '采购方式', '竞争性磋商');
    await page.getByRole('dialog').getByLabel('公告编号').fill('榕人社采〔2026〕E2E号');
    await date(page, '公告日期', '2026-04-01');
    await date(page, '响应截止日期', '2026-04-15');
    await page.getByRole('dialog').getByLabel('公告内容').fill('采购建筑施工安全培训服务，综合评分法。');
    await page.getByRole('dialog').getByLabel('说明').fill('项目已公示，启动采购');
    await ok(page);
    await card.getByTestId('proc-status').getByText('已公告').waitFor();

    // Two bids within the window.
    for (const [name, yuanAmount] of [
      ['甲端到端培训中心', '4800'],
      ['乙端到端咨询公司', '4500'],
    ] as const) {
      await card.getByTestId('proc-bid').click();
      await pick(page, '投标单位', name);
      await page.getByRole('dialog').getByLabel('报价（元）').fill(yuanAmount);
      await date(page, '投标日期', '2026-04-10');
      await page.getByRole('dialog').getByLabel('说明').fill('按时递交响应文件');
      await ok(page);
      await card.getByTestId('proc-bids').getByText(name).waitFor();
    }

    // Scores 甲 90, 乙 85: 甲 ranks 1.
    await card.getByTestId('proc-evaluate').click();
    await page.getByRole('dialog').getByLabel('甲端到端培训中心').fill('90');
    await page.getByRole('dialog').getByLabel('乙端到端咨询公司').fill('85');
    await page.getByRole('dialog').getByLabel('评审情况').fill('磋商小组三人评审，综合评分法');
    await page.getByRole('dialog').getByLabel('说明').fill('评审完成');
    await ok(page);
    await card.getByTestId('proc-status').getByText('已评审').waitFor();

    await card.getByTestId('proc-award').click();
    await pick(page, '投标单位', '1. 甲端到端培训中心');
    await date(page, '成交日期', '2026-04-20');
    await page.getByRole('dialog').getByLabel('说明').fill('第一名成交');
    await ok(page);
    await card.getByTestId('proc-status').getByText('已成交').waitFor();
    const project = (await officer.get(`/api/projects/${projectId}`)).json();
    expect(project.serviceOrganisation.name).toBe('甲端到端培训中心');

    // Upload the notice: listed with its kind and name, and it downloads byte for byte.
    await card.getByTestId('proc-upload').click();
    await pick(page, '文件类型', '采购公告');
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: '磋商公告.txt', mimeType: 'text/plain', buffer: NOTICE });
    await ok(page);
    const documents = card.getByTestId('proc-documents');
    await documents.getByText('磋商公告.txt').waitFor();
    await documents.getByText('采购公告').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'procurement-awarded.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByTestId('proc-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('磋商公告.txt');
    const saved = await download.path();
    expect(Buffer.compare(await readFile(saved), NOTICE)).toBe(0);

    const list = (await officer.get(`/api/projects/${projectId}/procurement`)).json();
    expect(
      list.items[0].documents.map((d: { kind: string; sizeBytes: number }) => [d.kind, d.sizeBytes]),
    ).toEqual([['notice', NOTICE.length]]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
