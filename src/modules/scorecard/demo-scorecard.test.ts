import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { seedDemoScorecard } from '../../seed/demo-scorecard.js';

/**
 * The scorecard demo (issue 17, SV-1) on the test database (demo accounts, rosters and employers,
 * no other demo seed), on 2026-12-07: the meetings, 福州's yearly reports and rectifications it
 * makes give the scores worked out by hand below, and 福州's 2025 scorecard is signed off.
 */
let t: TestApp;
let fujian: Agent;
let fuzhou: Agent;
const NOW = new Date('2026-12-07T04:00:00Z');

interface Unit {
  code: string;
  rank: number | null;
  total: number | null;
  assessedWeight: number;
  items: { indicator: string; assessed: boolean; score: number | null; display: string }[];
}
const card = async (agent: Agent, code: string, year: number) => {
  const response = await agent.get(`/api/scorecard?jurisdiction=${code}&year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { status: string; signedAt: string | null; units: Unit[] };
};
const scoresOf = (units: Unit[], code: string, indicators: string[]) => {
  const unit = units.find((u) => u.code === code);
  return indicators.map((key) => {
    const item = unit?.items.find((i) => i.indicator === key);
    return item?.assessed ? [item.score, item.display] : null;
  });
};
const KEYS = ['meetingAfterAccounts', 'yearlyReportOnTime', 'rectificationsOnTime'];

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW), logger: { level: 'error' } });
  expect(await seedDemoScorecard(t.database, NOW)).toBe(true);
  expect(await seedDemoScorecard(t.database, NOW)).toBe(false);
  fujian = await t.signIn('fujian');
  fuzhou = await t.signIn('fuzhou');
}, 180_000);
afterAll(async () => t?.close());

describe('the scorecard demo', () => {
  it('this year: 泉州 and 福州 met after the accounts, 厦门 and 漳州 only before; 福州 reported early', async () => {
    const { status, units } = await card(fujian, '350000', 2026);
    expect(status).toBe('live');
    expect(scoresOf(units, '350100', KEYS)).toEqual([
      [10, '是（2026-06-18）'],
      [8, '是（2026-12-04）'],
      // Deadlines 04-30 (closed 04-18), 08-31 (08-20), 10-31 (closed 11-05, late): 2 of 3.
      [6.67, '66.7%（2/3）'],
    ]);
    expect(scoresOf(units, '350500', KEYS)).toEqual([[10, '是（2026-07-09）'], null, null]);
    expect(scoresOf(units, '350200', KEYS)).toEqual([[0, '否（2026-05-31后未召开）'], null, null]);
    // 福州: 10 + member reports 0 of 8 (none of its 9 units reported by 11-30) + 8 + 6.67 = 24.67 of
    // 36 → 68.53. 泉州 10 of 10 → 100; 厦门 and 漳州 0 of 10; the others assess nothing.
    expect(units.slice(0, 4).map((u) => [u.code, u.rank, u.total, u.assessedWeight])).toEqual([
      ['350500', 1, 100, 10],
      ['350100', 2, 68.53, 36],
      ['350200', 3, 0, 10],
      ['350600', 3, 0, 10],
    ]);
    expect(units.slice(4).every((u) => u.total === null && u.rank === null)).toBe(true);
  });

  it('last year: 福州 and 厦门 met after the accounts; only 福州 reported by 12-20', async () => {
    const { units } = await card(fujian, '350000', 2025);
    expect(scoresOf(units, '350100', KEYS)).toEqual([
      [10, '是（2025-06-20）'],
      [8, '是（2025-12-16）'],
      // Deadlines 05-31 (closed 05-20), 09-30 (closed 10-12, late), 11-30 (11-25): 2 of 3.
      [6.67, '66.7%（2/3）'],
    ]);
    expect(scoresOf(units, '350200', KEYS)).toEqual([
      [10, '是（2025-06-25）'],
      [0, '否（应于2025-12-20前，未报送）'],
      null,
    ]);
    // 福州 24.67 of 36 → 68.53; 厦门 10 of 18 → 55.56; every other prefecture owed a report it did
    // not send (0 of 8), 泉州 and 漳州 also held no meeting after the accounts in 2025 (0 of 18).
    expect(units.slice(0, 2).map((u) => [u.code, u.rank, u.total])).toEqual([
      ['350100', 1, 68.53],
      ['350200', 2, 55.56],
    ]);
    expect(units.slice(2).map((u) => [u.rank, u.total])).toEqual(Array.from({ length: 8 }, () => [3, 0]));
  });

  it('福州’s scorecard of its counties for last year is signed off on 20 January', async () => {
    const signed = await card(fuzhou, '350100', 2025);
    expect([signed.status, signed.signedAt]).toEqual(['signed', '2026-01-20T02:00:00.000Z']);
    expect((await card(fuzhou, '350100', 2026)).status).toBe('live');
  });
});
