import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { seedDemoScorecard } from '../../seed/demo-scorecard.js';
import { rebuildAnalytics } from '../analytics/refresh.js';
import { insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

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
  // A 泉州 stone works (丰泽区) with 1,000 insured a year, for the seed's pneumoconiosis import.
  const [fengze] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350503'));
  const [works] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '泉州测试石材有限公司',
      creditCode: makeCreditCode('350503', 4242),
      creditCodeStatus: 'valid',
      industryCode: '3032',
      jurisdictionId: fengze?.id as number,
    })
    .returning({ id: organisations.id });
  await t.db.insert(insuredHeadcounts).values(
    [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
      employerId: works?.id as number,
      year,
      averageInsured: 1000,
      averagePaying: 1000,
      batchId: 0,
    })),
  );
  await rebuildAnalytics(t.db);
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
    // 泉州's pneumoconiosis: 3, 2, 2, 1 diagnoses in 2021–2024 of 1,000 insured (300, 200, 200, 100 per
    // 100,000). ln 3 = 1.0986, ln 2 = 0.6931, 0.6931, ln 1 = 0 over x = −1.5…1.5: slope Σx·y ÷ 5 =
    // (−1.5 × 1.0986 − 0.5 × 0.6931 + 0.5 × 0.6931) ÷ 5 = −0.3296 → e^−0.3296 − 1 = −28.1 %/year ≤ 0 → 5.
    expect(scoresOf(units, '350500', ['pneumoconiosisTrend'])).toEqual([[5, '-28.1%/年']]);
    // 福州 24.67 of 36 → 68.53; 厦门 10 of 18 → 55.56; 泉州 5 of 23 (meeting 0 of 10, report 0 of
    // 8, the trend 5 of 5) → 21.74; every other prefecture owed a report it did not send (0 of 8).
    expect(units.slice(0, 3).map((u) => [u.code, u.rank, u.total])).toEqual([
      ['350100', 1, 68.53],
      ['350200', 2, 55.56],
      ['350500', 3, 21.74],
    ]);
    expect(units.slice(3).map((u) => [u.rank, u.total])).toEqual(Array.from({ length: 7 }, () => [4, 0]));
  });

  it('福州’s scorecard of its counties for last year is signed off on 20 January', async () => {
    const signed = await card(fuzhou, '350100', 2025);
    expect([signed.status, signed.signedAt]).toEqual(['signed', '2026-01-20T02:00:00.000Z']);
    expect((await card(fuzhou, '350100', 2026)).status).toBe('live');
  });
});
