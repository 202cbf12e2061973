import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { DAILY_TASKS } from '../../app.js';
import { trainingCoverageState } from '../../modules/training/coverage-cells.tables.js';
import { fixedClock, resetClock, setClock } from '../time.js';
import { type DailyTask, msUntilNextRun, runDailyTasks } from './daily.js';
import { dailyTaskRuns } from './daily.tables.js';

describe('when the daily run comes (00:10 China time)', () => {
  it('counts to the next 00:10 in Beijing, whatever the UTC date', () => {
    // 20:00 in Beijing: 4 h 10 min to 00:10 tomorrow.
    expect(msUntilNextRun(new Date('2026-12-07T12:00:00Z'))).toBe((4 * 60 + 10) * 60_000);
    // 00:05 in Beijing on the 7th is still the 6th in UTC: today's run is 5 minutes away.
    expect(msUntilNextRun(new Date('2026-12-06T16:05:00Z'))).toBe(5 * 60_000);
    // At 00:10 sharp today's run is due now, so the next one is tomorrow's.
    expect(msUntilNextRun(new Date('2026-12-06T16:10:00Z'))).toBe(24 * 60 * 60_000);
  });
});

describe('daily tasks on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it('runs each task once a day, records what it did or why it failed, and retries on request', async () => {
    let counted = 0;
    let broken = 0;
    const tasks: DailyTask[] = [
      {
        name: 'test.count',
        description: { zh: '计数', en: 'count' },
        run: async () => `counted ${++counted}`,
      },
      {
        name: 'test.broken',
        description: { zh: '出错', en: 'fails' },
        run: async () => {
          broken++;
          throw new Error('no such table');
        },
      },
    ];
    const day1 = new Date('2026-12-07T04:00:00Z');
    const first = await runDailyTasks(t.db, tasks, day1);
    expect(first.map((r) => [r.task, r.day, r.status, r.outcome])).toEqual([
      ['test.count', '2026-12-07', 'done', 'counted 1'],
      ['test.broken', '2026-12-07', 'failed', 'no such table'],
    ]);
    // A second server, or a restart, the same day: nothing runs again.
    const again = await runDailyTasks(t.db, tasks, new Date('2026-12-07T15:59:00Z'));
    expect(again.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect([counted, broken]).toEqual([1, 1]);
    // The operator's retry takes the failed run only.
    const retried = await runDailyTasks(t.db, tasks, day1, { again: true });
    expect(retried.map((r) => r.status)).toEqual(['skipped', 'failed']);
    expect([counted, broken]).toEqual([1, 2]);
    // 00:00 in Beijing is the next day: both run.
    const next = await runDailyTasks(t.db, tasks, new Date('2026-12-07T16:00:00Z'));
    expect(next.map((r) => [r.day, r.status])).toEqual([
      ['2026-12-08', 'done'],
      ['2026-12-08', 'failed'],
    ]);
    const stored = await t.db
      .select({ task: dailyTaskRuns.task, day: dailyTaskRuns.day, status: dailyTaskRuns.status })
      .from(dailyTaskRuns)
      .where(eq(dailyTaskRuns.task, 'test.count'))
      .orderBy(dailyTaskRuns.day);
    expect(stored).toEqual([
      { task: 'test.count', day: '2026-12-07', status: 'done' },
      { task: 'test.count', day: '2026-12-08', status: 'done' },
    ]);
  });

  it('recounts the training cells for the new day, and shows the runs to the national administrator only', async () => {
    setClock(fixedClock('2026-12-08T16:20:00Z')); // 00:20 on 9 December in Beijing
    const runs = await runDailyTasks(t.db, DAILY_TASKS);
    expect(runs.map((r) => [r.task, r.day, r.status])).toEqual([
      ['training.coverage-cells', '2026-12-09', 'done'],
      ['crosschecks.escalate', '2026-12-09', 'done'],
    ]);
    expect(runs[1]?.outcome).toBe('0 hit(s) escalated');
    const states = await t.db.select({ asOf: trainingCoverageState.asOf }).from(trainingCoverageState);
    expect(states).toEqual([{ asOf: '2026-12-09' }]);

    const admin = await t.buildUser({ role: 'system_admin', jurisdictionCode: '100000' });
    const res = await (await t.signIn(admin.username, TEST_PASSWORD)).get('/api/operations/daily-tasks');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // 00:10 on 10 December in Beijing.
    expect(body.nextRunAt).toBe('2026-12-09T16:10:00.000Z');
    expect(
      body.tasks.map((x: { name: string; lastRun: { day: string; status: string } }) => [
        x.name,
        x.lastRun.day,
        x.lastRun.status,
      ]),
    ).toEqual([
      ['training.coverage-cells', '2026-12-09', 'done'],
      ['crosschecks.escalate', '2026-12-09', 'done'],
    ]);
    const provincial = await t.buildUser({ role: 'system_admin', jurisdictionCode: '350000' });
    const refused = await (await t.signIn(provincial.username, TEST_PASSWORD)).get(
      '/api/operations/daily-tasks',
    );
    expect(refused.statusCode).toBe(403);
    const officer = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '100000' });
    expect(
      (await (await t.signIn(officer.username, TEST_PASSWORD)).get('/api/operations/daily-tasks')).statusCode,
    ).toBe(403);
  });
});
