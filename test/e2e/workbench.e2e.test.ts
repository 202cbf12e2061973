import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItems, meetings } from '../../src/modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { addDays, today } from '../../src/platform/time.js';
import { DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../helpers.js';
import { type BrowserApp, hasChromium, signInOnPage, startBrowserApp } from './browser.js';

/**
 * The workbench and 催办 (decision 0041, issue 19) in Chromium: the convener's overdue card leads to
 * the overdue list and the item, 催办 reaches the unit's officer, whose own card and bell show it.
 */
describe.skipIf(!hasChromium)('end to end in Chromium: the workbench and 催办', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let officer: { username: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, baseUrl } = app);
    const [fz] = await t.db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350100'));
    const [unit] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    if (!fz || !unit) throw new Error('reference data missing');
    officer = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: unit.id,
    });
    const [meeting] = await t.db
      .insert(meetings)
      .values({
        jurisdictionId: fz.id,
        kind: 'regular',
        title: '福州市工伤预防工作联席会议（工作台）',
        reportYear: 2025,
        plannedOn: addDays(today(), -60),
        heldOn: addDays(today(), -60),
        status: 'held',
      } as never)
      .returning({ id: meetings.id });
    // One overdue (10 days past its deadline), one not yet due: the convener's card counts 1.
    await t.db.insert(actionItems).values([
      {
        meetingId: meeting?.id,
        jurisdictionId: fz.id,
        organisationId: unit.id,
        title: '排查建筑工地临边防护',
        deadline: addDays(today(), -10),
        status: 'open',
      },
      {
        meetingId: meeting?.id,
        jurisdictionId: fz.id,
        organisationId: unit.id,
        title: '开展有限空间作业培训',
        deadline: addDays(today(), 20),
        status: 'open',
      },
    ] as never);
  });
  afterAll(async () => app?.close());

  it('counts the overdue item, leads to it, chases the unit, and the unit sees it', {
    timeout: 120_000,
  }, async () => {
    const errors: string[] = [];
    const signIn = async (username: string, password: string) => {
      const page = await (
        await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
      ).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.setDefaultTimeout(15_000);
      await signInOnPage(page, baseUrl, username, password);
      return page;
    };

    const convener = await signIn('fuzhou', DEMO_PASSWORD);
    const overdue = convener.getByTestId('wb-overdueActionItems');
    await expect.poll(() => overdue.getAttribute('aria-label')).toBe('逾期督办事项: 1');
    await overdue.click();
    await convener.waitForURL(/\/joint-meeting\/action-items\?view=overdue/);
    // The overdue view lists the overdue item only.
    await convener.getByRole('link', { name: '排查建筑工地临边防护' }).click();
    await expect(convener.getByRole('link', { name: '开展有限空间作业培训' }).count()).resolves.toBe(0);
    await convener.getByTestId('item-status').waitFor();
    await convener.getByTestId('chase').click();
    await convener.getByRole('button', { name: /确\s*定|OK/ }).click();
    await convener.getByText('已向福州市应急管理局发送催办（1人收到）').waitFor();
    await expect.poll(() => convener.getByTestId('reminders').locator('.ant-list-item').count()).toBe(1);

    // The unit's officer: its own card counts both open items, and the inbox holds the 催办 (beside
    // the overdue notice the item raised by itself).
    const member = await signIn(officer.username, TEST_PASSWORD);
    const mine = member.getByTestId('wb-myOpenActionItems');
    await expect.poll(() => mine.getAttribute('aria-label')).toBe('本单位待办督办事项: 2');
    await member.getByTestId('message-bell').click();
    await member.waitForURL('**/inbox');
    await member
      .getByText(/催办：督办事项「排查建筑工地临边防护」/)
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
