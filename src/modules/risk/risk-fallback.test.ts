import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { fitCredibility } from '../ranking/credibility.js';
import { riskFits, riskScores } from './risk.tables.js';

/**
 * Known answers for the risk index's three-year credibility fallback (issue 18, decision 0035): one
 * year with about a case per employer cannot tell employers apart (k null), so k comes from the last
 * three years pooled, through the ranking's own fitCredibilityWithFallback. Every employer is in
 * division 13 (台江区 350103), insured the same each year 2022–2024, every other fact removed.
 *
 *   rep:  200 insured, cases 10, 10, 6 (2022, 2023, 2024); three of 2024's six are serious.
 *   o1…o10: 100 insured, one case every year.
 *   tiny: 10 insured, no case in 2022 or 2023, one serious case in 2024.
 *
 * 2024 alone: E = 200 + 1000 + 10 = 1210, x = 6 + 10 + 1 = 17, r = 17 / 1210 = 0.0140496.
 *   Q = 200·(0.03 − r)² + 1000·(0.01 − r)² + 10·(0.1 − r)² = 0.050884 + 0.016399 + 0.073875 = 0.141157;
 *   chance = (12 − 1)·r = 0.154545 > Q: s² < 0, k null ('chance'); every employer scored 0 for its rate.
 * 2022–2024 pooled: rep 26 / 600, each o 3 / 300, tiny 1 / 30; E = 3630, x = 57, m = 57 / 3630 = 0.0157025.
 *   Q = 600·(26/600 − m)² + 3000·(0.01 − m)² + 30·(1/30 − m)² = 0.458081 + 0.097556 + 0.009325 = 0.564959;
 *   chance = 11·m = 0.172727; divisor = 3630 − (600² + 10·300² + 30²) / 3630 = 3282.6446;
 *   s² = (0.564959 − 0.172727) / 3282.6446 = 0.000119486; k = m / s² = 131.4165 persons.
 * 2024's rates shrunk with that k toward 2024's division rate r:
 *   rep:  (6 + k·r) / (200 + k) = 0.0236752; ratio 1.685116; (ratio − 1) / 2 × 35 = 11.99 points;
 *         3 serious / 3 → 20 points; 31.99 → 32.0, yellow (≥ 25). Without the fallback: 20.0, green.
 *   tiny: (1 + k·r) / (10 + k) = 0.0201274; ratio 1.432598 → 7.57 points; 1 serious / 3 → 6.667;
 *         14.24 → 14.2, green: a firm of ten with one case is not coloured by chance.
 *   o:    (1 + k·r) / (100 + k) = 0.0122997 below r → 0 points, green.
 */

const COUNTY = '350103';
const YEARS = [2022, 2023, 2024] as const;
let t: TestApp;
let fujian: Agent;
const ids = new Map<string, number>();
const id = (key: string) => ids.get(key) ?? 0;

const EMPLOYERS = [
  { key: 'rep', insured: 200, cases: [10, 10, 6], serious2024: 3 },
  ...Array.from({ length: 10 }, (_, i) => ({
    key: `o${i + 1}`,
    insured: 100,
    cases: [1, 1, 1],
    serious2024: 0,
  })),
  { key: 'tiny', insured: 10, cases: [0, 0, 1], serious2024: 1 },
];

async function score(key: string) {
  const [row] = await t.db
    .select()
    .from(riskScores)
    .where(and(eq(riskScores.employerId, id(key)), eq(riskScores.year, 2024)));
  return row;
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T02:00:00Z') });
  for (const table of [
    'injury_cases',
    'safety_accidents',
    'disease_cases',
    'insured_headcounts',
    'insured_persons',
  ])
    await t.db.execute(sql.raw(`delete from ${table}`));
  fujian = await t.signIn('fujian');
  const [county] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, COUNTY));
  const jid = county?.id ?? 0;
  let person = 0;
  for (const [n, e] of EMPLOYERS.entries()) {
    const [row] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: `三年测试${e.key}`,
        creditCode: makeCreditCode(COUNTY, 8000 + n),
        creditCodeStatus: 'valid',
        industryCode: '1310',
        jurisdictionId: jid,
        insuranceStatus: 'insured',
      })
      .returning({ id: organisations.id });
    const employerId = row?.id ?? 0;
    ids.set(e.key, employerId);
    for (const [yi, year] of YEARS.entries()) {
      await t.db.insert(insuredHeadcounts).values({
        employerId,
        year,
        averageInsured: e.insured,
        averagePaying: e.insured,
        batchId: 0,
      });
      const cases = Array.from({ length: e.cases[yi] ?? 0 }, (_, i) => {
        person++;
        const idNumber = makeIdNumber(COUNTY, '1985-06-15', 'male', person);
        return {
          caseNo: `三年测试〔${year}〕${person}号`,
          employerId,
          jurisdictionId: jid,
          idNumber,
          idNumberIndex: idNumber,
          personName: `职工${person}`,
          sex: 'male' as const,
          birthDate: '1985-06-15',
          occurredOn: `${year}-03-01`,
          determinedOn: `${year}-04-01`,
          ground: '14-1',
          severity: year === 2024 && i < e.serious2024 ? ('serious' as const) : ('minor' as const),
          isDeath: false,
          fundExpenditureFen: 100_000,
          batchId: 0,
        };
      });
      if (cases.length > 0) await t.db.insert(injuryCases).values(cases);
    }
  }
  const res = await fujian.post('/api/risk/recompute', { year: 2024 });
  expect(res.statusCode, res.body).toBe(200);
}, 180_000);

afterAll(async () => t?.close());

describe('three-year credibility fallback', () => {
  it('finds no spread beyond chance in 2024 alone (the fit the fallback replaces)', () => {
    const one = fitCredibility(
      EMPLOYERS.map((e) => ({ group: '13', cases: e.cases[2] ?? 0, exposure: e.insured })),
    );
    expect(one.k).toBeNull();
    expect(one.weightsZeroBecause).toBe('chance');
    expect(one.groupRates.get('13')).toBeCloseTo(17 / 1210, 12);
  });

  it('stores k fitted on 2022–2024 pooled, and 2024’s own division rate', async () => {
    const [fit] = await t.db.select().from(riskFits).where(eq(riskFits.year, 2024));
    expect(fit?.k).toBeCloseTo(131.4165, 3);
    expect(fit?.groupRates['13']).toBeCloseTo(17 / 1210, 12);
  });

  it('turns the employer with repeated cases yellow', async () => {
    const rep = await score('rep');
    expect(rep?.components.inputs.credibility).toBeCloseTo(200 / (200 + 131.4165), 5);
    expect(rep?.components.inputs.shrunkRate).toBeCloseTo(0.0236752, 6);
    expect(rep?.components.injuryRate.points).toBe(12);
    expect(rep?.components.deathsSerious.points).toBe(20);
    expect(rep?.score).toBe(32);
    expect(rep?.grade).toBe('yellow');
  });

  it('keeps a firm of ten with one case green', async () => {
    const tiny = await score('tiny');
    expect(tiny?.components.inputs.credibility).toBeCloseTo(10 / (10 + 131.4165), 5);
    expect(tiny?.components.inputs.shrunkRate).toBeCloseTo(0.0201274, 6);
    expect(tiny?.components.injuryRate.points).toBe(7.6);
    expect(tiny?.score).toBe(14.2);
    expect(tiny?.grade).toBe('green');
  });

  it('scores the employers at their industry’s rate 0 for it', async () => {
    for (const key of ['o1', 'o10']) expect(await score(key)).toMatchObject({ score: 0, grade: 'green' });
  });
});
