import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { rebuildAnalytics } from '../analytics/refresh.js';
import { diseaseCases, injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Known answers for the two indicators the scorecard reads from the targets page (AN-2): the
 * key-industry injury rate against the plan's path (accidentRatePath) and the pneumoconiosis trend
 * (pneumoconiosisTrend), on facts built here. Each prefecture has one road-freight employer (GB/T
 * 4754 5430: 交通运输, a key industry of 2021–2025) with 1,000 insured and paying every year 2020–2025,
 * so each injured person is 1‰ and each pneumoconiosis case 100 per 100,000. The data end in 2025:
 * the 2025 assessment uses the plan 2021–2025 (baseline 2020, Fujian's target −20 % by 2025, no
 * yearly target), whose required 2025 rate is baseline × 0.8.
 */
let t: TestApp;
let province: Agent;

interface Item {
  indicator: string;
  assessed: boolean;
  value: number | string | null;
  display: string;
  reason: string | null;
  score: number | null;
  link: { path: string; query: Record<string, string> };
}
interface Unit {
  code: string;
  items: Item[];
}

/** Injured persons per year 2020…2025 (one case each, determined in the year it occurred). */
const INJURED: Record<string, number[]> = {
  // 10 → 6: 2025 is 6‰ against the path's 8‰; the log-linear fit falls, so it lands near 6 ≤ 8 → on_track.
  '350900': [10, 9, 8, 8, 7, 6],
  // 5 → 7: 7‰ against 4‰, the fit rises to ≈ 7.2 > 4 → off_track.
  '350300': [5, 5, 6, 6, 7, 7],
  // 10, 12 ×4, 7: 7‰ is on the path (≤ 8), but the fit is ln-values 2.3026, 2.4849 ×4, 1.9459 over
  // x = −2.5…2.5: slope Σx·y ÷ 17.5 = 2.5 × (1.9459 − 2.3026) ÷ 17.5 = −0.0510, mean 2.3647, at 2025
  // 2.3647 − 2.5 × 0.0510 = 2.2373 → 9.37‰ > 8 → on the path yet projected to miss: at_risk.
  '350400': [10, 12, 12, 12, 12, 7],
};
/** Pneumoconiosis cases per year 2020…2025 (0 leaves a year out of the fit: no positive rate). */
const PNEUMOCONIOSIS: Record<string, number[]> = {
  // 800, 400, 200, 100 per 100,000 in 2021–2024: halving exactly → −50 %/year ≤ 0 → all 5 points.
  '350900': [0, 8, 4, 2, 1, 0],
  // 100, 200, 400 in 2022–2024: doubling → +100 %/year > 0 → 0 points.
  '350300': [0, 0, 1, 2, 4, 0],
  // Two years with cases: too few for a trend → not assessed.
  '350400': [0, 0, 0, 1, 1, 0],
};
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const PREFECTURES = ['350900', '350300', '350400'];

const idOf = async (code: string) =>
  (await t.db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code)))[0]
    ?.id as number;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T04:00:00Z'), logger: { level: 'error' } });
  province = await t.signIn(
    (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' })).username,
    TEST_PASSWORD,
  );
  let serial = 0;
  for (const prefecture of PREFECTURES) {
    // The employer sits in the prefecture's first county.
    const [county] = await t.db
      .select({ id: jurisdictions.id, code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.parentId, await idOf(prefecture)))
      .orderBy(asc(jurisdictions.code))
      .limit(1);
    const jurisdictionId = county?.id as number;
    const [employer] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: `${county?.code}测试运输有限公司`,
        industryCode: '5430',
        jurisdictionId,
      })
      .returning({ id: organisations.id });
    const employerId = employer?.id as number;
    await t.db
      .insert(insuredHeadcounts)
      .values(
        YEARS.map((year) => ({ employerId, year, averageInsured: 1000, averagePaying: 1000, batchId: 0 })),
      );
    const injured = INJURED[prefecture] as number[];
    const dust = PNEUMOCONIOSIS[prefecture] as number[];
    for (const [i, year] of YEARS.entries()) {
      for (let n = 0; n < (injured[i] as number); n++) {
        serial += 1;
        const id = `TEST-INJ-${serial}`;
        await t.db.insert(injuryCases).values({
          caseNo: `测试工认〔${year}〕${serial}号`,
          employerId,
          jurisdictionId,
          idNumber: id,
          idNumberIndex: id,
          personName: '测试',
          sex: 'male',
          birthDate: '1985-06-15',
          occurredOn: `${year}-03-01`,
          determinedOn: `${year}-05-01`,
          ground: '14-1',
          severity: 'minor',
          isDeath: false,
          fundExpenditureFen: 0,
          batchId: 0,
        });
      }
      for (let n = 0; n < (dust[i] as number); n++) {
        serial += 1;
        const id = `TEST-DIS-${serial}`;
        await t.db.insert(diseaseCases).values({
          caseNo: `测试职诊〔${year}〕${serial}号`,
          employerId,
          jurisdictionId,
          idNumber: id,
          idNumberIndex: id,
          personName: '测试',
          catalogueVersion: '2013',
          diseaseClass: '1',
          diseaseName: '矽肺',
          isPneumoconiosis: true,
          diagnosedOn: `${year}-06-01`,
          exposureYears: '10.0',
          batchId: 0,
        });
      }
    }
  }
  await rebuildAnalytics(t.db);
}, 120_000);
afterAll(async () => t?.close());

const card = async (year: number) => {
  const response = await province.get(`/api/scorecard?jurisdiction=350000&year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { units: Unit[] };
};
const itemOf = (units: Unit[], code: string, indicator: string) => {
  const item = units.find((u) => u.code === code)?.items.find((i) => i.indicator === indicator);
  if (!item) throw new Error(`no ${indicator} for ${code}`);
  return item;
};

describe('the key-industry injury rate against the plan’s path (accidentRatePath, weight 15)', () => {
  it('scores on track 15, at risk 0.6 × 15 = 9, off track 0, as worked out above', async () => {
    const { units } = await card(2025);
    const of = (code: string) => {
      const i = itemOf(units, code, 'accidentRatePath');
      return [i.value, i.score, i.display];
    };
    expect(of('350900')).toEqual(['on_track', 15, '符合进度（2025年 6.000‰，路径 8.000‰）']);
    expect(of('350400')).toEqual(['at_risk', 9, '存在风险（2025年 7.000‰，路径 8.000‰）']);
    expect(of('350300')).toEqual(['off_track', 0, '滞后（2025年 7.000‰，路径 4.000‰）']);
    // A prefecture without facts has no baseline: not assessed, never 0.
    expect(itemOf(units, '350200', 'accidentRatePath')).toMatchObject({
      assessed: false,
      reason: 'no_baseline',
      score: null,
    });
    expect(itemOf(units, '350900', 'accidentRatePath').link).toEqual({
      path: '/analytics/targets',
      query: { jurisdiction: '350900', planPeriod: '2021-2025' },
    });
  });

  it('equals the targets page’s status for the same plan period', async () => {
    const { units } = await card(2025);
    for (const code of ['350900', '350400', '350300']) {
      const targets = (
        await province.get(`/api/analytics/targets?jurisdiction=${code}&planPeriod=2021-2025`)
      ).json();
      expect(itemOf(units, code, 'accidentRatePath').value).toBe(targets.jurisdiction.status);
    }
  });

  it('the running year is judged on its own plan (2026–2030): 2025 is its baseline, no year after it yet', async () => {
    const { units } = await card(2026);
    expect(itemOf(units, '350900', 'accidentRatePath')).toMatchObject({
      assessed: false,
      reason: 'not_started',
    });
  });
});

describe('the pneumoconiosis trend (pneumoconiosisTrend, weight 5, at most 0 %/year)', () => {
  it('a halving rate earns 5, a doubling one 0, two years are too few', async () => {
    const { units } = await card(2025);
    const of = (code: string) => {
      const i = itemOf(units, code, 'pneumoconiosisTrend');
      return [i.value, i.score, i.display];
    };
    expect(of('350900')).toEqual([-50, 5, '-50%/年']);
    expect(of('350300')).toEqual([100, 0, '+100%/年']);
    expect(itemOf(units, '350400', 'pneumoconiosisTrend')).toMatchObject({
      assessed: false,
      reason: 'too_few_years',
      score: null,
      display: '不参与考核',
    });
  });

  it('the running year’s plan starts at 2025: one year, too few', async () => {
    const { units } = await card(2026);
    expect(itemOf(units, '350900', 'pneumoconiosisTrend').reason).toBe('too_few_years');
  });
});
