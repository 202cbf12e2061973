import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { seedDemoEmployer } from '../../seed/demo-employer.js';
import { DEMO_RATES_ACCOUNTS, seedDemoRates } from '../../seed/demo-rates.js';

/** The demo employer account's 本单位 page as of 2026-12-07: open and overdue work, a gap in red. */
let t: TestApp;
const NOW = new Date('2026-12-07T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T02:00:00Z') });
});
afterAll(async () => t?.close());

describe('demo employer', () => {
  it('gives rcjz injuries, an open and an overdue rectification, key posts and its rate notice; once', async () => {
    await seedDemoRates(t.db, NOW);
    expect(await seedDemoEmployer(t.db, NOW)).toBe(true);
    expect(await seedDemoEmployer(t.db, NOW)).toBe(false);
    const employer = await t.signIn(DEMO_RATES_ACCOUNTS.employer.username);
    const res = await employer.get('/api/my-employer');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.employer).toMatchObject({ name: '福州榕城建筑工程有限公司', sizeBand: 'medium' });
    // Headcount 120 in 2023–2025 (the rates demo), none yet for 2026 (red); injuries determined
    // 2024-08-02, 2025-04-20 and 40 days before today (2026-10-28).
    expect(body.years).toEqual([
      { year: 2022, averageInsured: null, injuries: 0, cases: 0, deaths: 0 },
      { year: 2023, averageInsured: 120, injuries: 0, cases: 0, deaths: 0 },
      { year: 2024, averageInsured: 120, injuries: 1, cases: 1, deaths: 0 },
      { year: 2025, averageInsured: 120, injuries: 1, cases: 1, deaths: 0 },
      { year: 2026, averageInsured: null, injuries: 1, cases: 1, deaths: 0 },
    ]);
    expect(body.injuries.total).toBe(3);
    expect(body.injuries.items.map((i: { personName: string }) => i.personName)).toEqual([
      '吴**',
      '黄**',
      '陈**',
    ]);
    expect(
      body.rectifications.map((r: { displayStatus: string; deadline: string }) => [
        r.displayStatus,
        r.deadline,
      ]),
    ).toEqual([
      ['overdue', '2026-12-04'],
      ['issued', '2026-12-27'],
    ]);
    expect(body.training).toMatchObject({ isKeyEnterprise: true, held: 2, due: 2 });
    expect(body.rateNotices).toHaveLength(1);
    expect(body.projects.mayDeclare).toBe(true);
  });
});
