import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckChar } from '../../src/modules/exchange/id-number.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

/**
 * The training chain in Chromium (issue 14): the 2026–2030 key posts; an employer registers a
 * holder and makes the learner account; the learner studies online (skipping ahead refused), passes
 * the exam, gets a certificate the public page verifies; 闽侯县's coverage rises by exactly one.
 */
describe.skipIf(!hasChromium)('end to end in Chromium: a key-post holder trained online', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
  });

  afterAll(async () => app?.close());

  it('studies, passes and counts', async () => {
    const fuzhou = await t.signIn('fuzhou');
    // The province's HRSS officer sets the 2026–2030 key posts on the configuration tab: here the
    // team leaders' source document (the posts are data, not code).
    const hrss = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInOnPage(hrss, baseUrl, 'fujian');
    await hrss.goto(`${baseUrl}/training`);
    await hrss.getByRole('tab', { name: '培训配置' }).click();
    const teamLeaderSource = hrss.getByTestId('role-row-3').locator('input').nth(3);
    await expect.poll(() => teamLeaderSource.inputValue()).toContain('工伤预防五年行动计划');
    await teamLeaderSource.fill('福建省工伤预防五年行动实施方案（2026-2030年）');
    await hrss
      .getByRole('button', { name: /保\s*存/ })
      .first()
      .click();
    await hrss.getByRole('button', { name: /确\s*定|OK/ }).click();
    await hrss.getByText('重点岗位已保存，覆盖率已重新计算').waitFor();
    await hrss.close();
    // The 2026–2030 plan names four key posts.
    const roles = (await fuzhou.get('/api/training/roles?planPeriod=2026-2030')).json();
    expect(roles.roles).toHaveLength(4);
    expect(roles.roles[3]).toMatchObject({
      code: 'team_leader',
      source: '福建省工伤预防五年行动实施方案（2026-2030年）',
    });
    expect(roles.roles.map((r: { code: string }) => r.code)).toContain('team_leader');

    // A key enterprise in 闽侯县 (construction, 4710) and its own account.
    const [county] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350121'));
    const [employer] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: '闽侯链路测试建筑公司',
        industryCode: '4710',
        jurisdictionId: county?.id as number,
      })
      .returning({ id: organisations.id });
    const employerUser = await t.buildUser({
      role: 'employer',
      jurisdictionCode: '350121',
      organisationId: employer?.id,
    });
    const own = await t.signIn(employerUser.username, TEST_PASSWORD);

    const coverage = async () =>
      (await fuzhou.get('/api/training/coverage?jurisdiction=350121&planPeriod=2026-2030')).json().totals;
    const before = await coverage();

    // An online course for team leaders: two 2-second segments and a two-question bank.
    const course = (
      await fuzhou.post('/api/training/courses', {
        title: '班组长工伤预防在线课程',
        form: 'online',
        roleCodes: ['team_leader'],
        contentItems: ['policy', 'accident_prevention', 'warning_education'],
        hours: 2,
      })
    ).json().id as number;
    for (const title of ['第一章 政策法规', '第二章 警示教育'])
      await fuzhou.post(`/api/training/courses/${course}/segments`, { title, durationSeconds: 2 });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('题库');
    sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '分值']);
    sheet.addRow(['单选', '工伤预防费可以用于？', '宣传培训', '发放奖金', '', '', '', '', 'A', 1]);
    sheet.addRow(['单选', '班组长每天应组织？', '班前安全讲话', '打牌', '', '', '', '', 'A', 1]);
    const imported = await fuzhou.request({
      method: 'POST',
      url: `/api/training/courses/${course}/questions/import?fileName=bank.xlsx`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(imported.json().imported).toBe(2);

    // The employer registers its team leader (started 2026-12-01: inside the 90-day grace) and the learner account.
    const first17 = '35012119850315321';
    const holder = await own.post('/api/training/holders', {
      employerId: employer?.id,
      roleCode: 'team_leader',
      personName: '林志强',
      idNumber: first17 + computeIdCheckChar(first17),
      startedOn: '2026-12-01',
    });
    expect(holder.statusCode, holder.body).toBe(201);
    const account = await own.post(`/api/training/holders/${holder.json().id}/learner`, {
      username: 'linzhiqiang',
      password: 'First-Learner-Pw1!',
    });
    expect(account.statusCode, account.body).toBe(201);
    const firstLogin = await t.signIn('linzhiqiang', 'First-Learner-Pw1!');
    await firstLogin.post('/api/auth/password', {
      currentPassword: 'First-Learner-Pw1!',
      newPassword: TEST_PASSWORD,
    });
    // Hand count for 闽侯县 (no one else registered there): the new post is held and in grace.
    const registered = await coverage();
    expect(registered.posts - before.posts).toBe(1);
    expect(registered.trained).toBe(before.trained);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('linzhiqiang');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('您好').waitFor();
    await page.goto(`${baseUrl}/study`);
    await page.getByTestId(`study-open-${course}`).click();
    await page.getByTestId('segment-2').waitFor();

    // Skipping ahead: the server refuses the second segment.
    await page.getByTestId('segment-study-2').click();
    await page.getByTestId('study-notice').getByText('请按顺序学习').waitFor();
    // Studying in order: the heartbeats carry the learner through both segments (about 4 seconds).
    await page.getByTestId('segment-study-1').click();
    const exam = page.getByTestId('study-exam');
    await expect.poll(() => exam.isEnabled(), { timeout: 15_000, interval: 500 }).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, 'training-study.png'), fullPage: true });

    await exam.click();
    await page.getByTestId('exam-start').click();
    await page.getByText('宣传培训').click();
    await page.getByText('班前安全讲话').click();
    await page.getByTestId('exam-submit').click();
    const certificate = page.getByTestId('exam-certificate');
    await certificate.waitFor();
    const number = (await certificate.textContent())?.trim() ?? '';
    expect(number).toMatch(/^PX2026350121/);

    // The public page verifies it, name masked.
    const check = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await check.goto(`${baseUrl}/public/certificates`);
    const input = check.locator('input').first();
    await input.fill(number);
    await input.press('Enter');
    const result = check.getByTestId('certificate-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('林**');
    expect(await result.textContent()).toContain('班组长工伤预防在线课程');
    await check.screenshot({ path: path.join(resultsDir, 'training-certificate.png'), fullPage: true });

    // Coverage: exactly one more person trained (and due: trained posts count as due even in grace).
    const after = await coverage();
    expect(after.trained - before.trained).toBe(1);
    expect(after.due - before.due).toBe(1);
    expect(after.posts - before.posts).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);
});
