import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckChar } from '../../src/modules/exchange/id-number.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { type Agent, DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, signInOnPage, startBrowserApp } from './browser.js';

/**
 * Issue 14 items 6 and 7 in Chromium. A technical school records a class of its 2026 cohort with
 * its required course, three students and their pre-internship assessments; an internship for a
 * student who failed is refused on the page; Fuzhou's HRSS reads the school's coverage (1 of 3
 * passed: 33.33 %). A training institution applies for the recommended list, Fuzhou's HRSS reviews
 * and lists it, the public page shows it, and removal with a reason takes it off.
 */
describe.skipIf(!hasChromium)('end to end in Chromium: technical schools and recommended providers', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let fuzhou: Agent;
  const users = {} as Record<'school' | 'institution', string>;
  const SCHOOL = '闽侯链路测试技工学校';
  const INSTITUTION = '鼓楼链路测试安全培训中心';
  const COURSE = '技工院校实习前工伤预防必修课（链路测试）';

  async function open(username: string, url: string, password = TEST_PASSWORD): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signInOnPage(page, baseUrl, username, password);
    await page.goto(`${baseUrl}${url}`);
    return page;
  }

  /** A valid 身份证号 of a student born in 2008 in 闽侯县. */
  function idNumber(n: number): string {
    const first17 = `350121200801${10 + n}${300 + n}`;
    return first17 + computeIdCheckChar(first17);
  }

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
    fuzhou = await t.signIn('fuzhou');
    const idOf = async (code: string) =>
      (await t.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code)))[0]
        ?.id as number;
    const [school] = await t.db
      .insert(organisations)
      .values({ kind: 'technical_school', name: SCHOOL, jurisdictionId: await idOf('350121') })
      .returning({ id: organisations.id });
    const [institution] = await t.db
      .insert(organisations)
      .values({ kind: 'training_institution', name: INSTITUTION, jurisdictionId: await idOf('350102') })
      .returning({ id: organisations.id });
    users.school = (
      await t.buildUser({ role: 'service_org', jurisdictionCode: '350121', organisationId: school?.id })
    ).username;
    users.institution = (
      await t.buildUser({ role: 'service_org', jurisdictionCode: '350102', organisationId: institution?.id })
    ).username;
    // Fuzhou's course applies to the school of 闽侯县 below it.
    const course = await fuzhou.post('/api/training/courses', {
      title: COURSE,
      form: 'mixed',
      roleCodes: ['team_leader'],
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 12,
    });
    expect(course.statusCode, course.body).toBe(201);
  }, 120_000);

  afterAll(async () => app?.close());

  it('records a class, its students and assessments; refuses an internship without a pass; counts coverage', async () => {
    const school = await open(users.school, '/training/schools');
    const errors: string[] = [];
    school.on('pageerror', (e) => errors.push(e.message));
    // The class of the 2026 cohort and its required course.
    const form = school.getByTestId('class-form');
    await form.getByPlaceholder('届别').fill('2026');
    await form.getByPlaceholder('班级').fill('数控2601班');
    await form.locator('.ant-select').click();
    await school.locator('.ant-select-item-option').filter({ hasText: COURSE }).click();
    await form.getByRole('button', { name: '新增班级' }).click();
    const classRow = school.getByTestId('school-classes').locator('tr').filter({ hasText: '数控2601班' });
    await classRow.getByText(COURSE).waitFor();

    // Three students: 陈一 passes (80), 林二 fails (50), 黄三 is not assessed. Pass mark 60 (the default).
    await classRow.getByRole('button', { name: /^学\s*生$/ }).click();
    const dialog = school.getByRole('dialog');
    const students = dialog.getByTestId('school-students');
    for (const [n, name] of ['陈一', '林二', '黄三'].entries()) {
      await dialog.getByPlaceholder('姓名').fill(name);
      await dialog.getByPlaceholder('身份证号').fill(idNumber(n + 1));
      await dialog.getByRole('button', { name: '新增学生' }).click();
      // The school's account sees names masked.
      await students
        .locator('tr')
        .filter({ hasText: `${name.slice(0, 1)}*` })
        .waitFor();
    }
    const row = (masked: string): Locator => students.locator('tr').filter({ hasText: masked });
    const assess = async (masked: string, score: number) => {
      const input = row(masked).getByPlaceholder('分数（回车记录）');
      await input.fill(String(score));
      await input.press('Enter');
      await row(masked)
        .getByRole('cell', { name: String(score), exact: true })
        .waitFor();
    };
    await assess('陈*', 80);
    await assess('林*', 50);
    await row('陈*').getByText('通过', { exact: true }).waitFor();
    await row('林*').getByText('未通过', { exact: true }).waitFor();

    // 林二 failed: the internship is refused, and the page says why.
    await row('林*').getByPlaceholder('实习单位').fill('闽侯链路测试机械厂');
    await row('林*').getByRole('button', { name: '安排实习' }).click();
    await school
      .locator('.ant-message')
      .getByText('学生 林* 尚未通过实习前工伤预防考核，不能安排实习')
      .waitFor();
    // 黄三 was never assessed: refused too.
    await row('黄*').getByPlaceholder('实习单位').fill('闽侯链路测试机械厂');
    await row('黄*').getByRole('button', { name: '安排实习' }).click();
    await school
      .locator('.ant-message')
      .getByText('学生 黄* 尚未通过实习前工伤预防考核，不能安排实习')
      .waitFor();
    // 陈一 passed: placed.
    await row('陈*').getByPlaceholder('实习单位').fill('闽侯链路测试机械厂');
    await row('陈*').getByRole('button', { name: '安排实习' }).click();
    await row('陈*').getByRole('cell', { name: '闽侯链路测试机械厂', exact: true }).waitFor();
    expect(await row('林*').getByRole('cell', { name: '闽侯链路测试机械厂', exact: true }).count()).toBe(0);
    await school.screenshot({ path: path.join(resultsDir, 'training-school-students.png'), fullPage: true });
    await dialog.getByRole('button', { name: /close|关闭/i }).click();

    // Fuzhou's HRSS reads the coverage by hand: 1 class, 3 students, 1 passed, 1 placed; 1 / 3 = 33.33 %.
    const hrss = await open('fuzhou', '/training/schools', DEMO_PASSWORD);
    const coverage = hrss.getByTestId('school-coverage').locator('tr').filter({ hasText: SCHOOL });
    await coverage.waitFor();
    const cells = await coverage.locator('td').allTextContents();
    expect(cells).toEqual([SCHOOL, '闽侯县', '1', '3', '1', '1', '33.33%']);
    await hrss.screenshot({ path: path.join(resultsDir, 'training-school-coverage.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('applies, reviews and lists a provider; the public page shows it until it is removed with a reason', async () => {
    const institution = await open(users.institution, '/training/providers');
    await institution.getByLabel('类型').click();
    await institution.locator('.ant-select-item-option').filter({ hasText: '培训机构' }).click();
    await institution.getByLabel('服务内容').fill('重点行业企业负责人、班组长工伤预防线下培训');
    await institution.getByLabel('资质', { exact: true }).fill('安全培训机构资质 闽安培〔2026〕8号');
    await institution.getByRole('button', { name: /提\s*交/ }).click();
    const own = institution.locator('.ant-card').filter({ hasText: '申请列入推荐名单' }).locator('tbody tr');
    await own.filter({ hasText: INSTITUTION }).getByText('待审核').waitFor();

    // Fuzhou's HRSS reviews the three aspects and lists it.
    const hrss = await open('fuzhou', '/training/providers', DEMO_PASSWORD);
    const listed = hrss.getByTestId('providers').locator('tr').filter({ hasText: INSTITUTION });
    await listed.getByRole('button', { name: /审\s*核/ }).click();
    const review = hrss.getByRole('dialog');
    for (const [aspect, note] of [
      ['资质合格', '资质证书在有效期内'],
      ['信誉良好', '近三年无投诉'],
      ['服务合格', '师资和场地满足要求'],
    ] as const) {
      await review.getByText(aspect).click();
      await review
        .getByPlaceholder('审核意见')
        .nth(['资质合格', '信誉良好', '服务合格'].indexOf(aspect))
        .fill(note);
    }
    await review.getByLabel('结论').click();
    await hrss.locator('.ant-select-item-option').filter({ hasText: '列入推荐名单' }).click();
    await review.getByRole('button', { name: /提\s*交/ }).click();
    await listed.getByText('已列入').waitFor();

    // The public page (no sign-in) lists it.
    const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await visitor.goto(`${baseUrl}/public/training-providers`);
    await visitor.getByTestId('public-providers').getByText(INSTITUTION).waitFor();
    await visitor.screenshot({
      path: path.join(resultsDir, 'training-providers-public.png'),
      fullPage: true,
    });

    // Removed with a reason: off the public page; the institution sees why.
    await listed.getByPlaceholder('移出原因').fill('培训记录弄虚作假');
    await listed.getByRole('button', { name: /移\s*出/ }).click();
    await listed.getByText('已移出').waitFor();
    await listed.getByText('培训记录弄虚作假').waitFor();
    const [answer] = await Promise.all([
      visitor.waitForResponse((r) => r.url().includes('/api/public/training-providers')),
      visitor.reload(),
    ]);
    const names = ((await answer.json()) as { items: { name: string }[] }).items.map((p) => p.name);
    expect(names).not.toContain(INSTITUTION);
    await visitor.getByTestId('public-providers').locator('tbody').waitFor();
    expect(await visitor.getByTestId('public-providers').getByText(INSTITUTION).count()).toBe(0);
    await institution.reload();
    const removed = own.filter({ hasText: INSTITUTION });
    await removed.getByText('已移出').waitFor();
    await removed.getByText('培训记录弄虚作假').waitFor();
  }, 120_000);
});
