import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * When one year cannot tell employers apart (issue 12: every Fuzhou and Jilin weight was 0), k comes
 * from three years pooled, and a ranking whose weights are all 0 says why and orders sensibly.
 * Known answers worked by hand below.
 */
let t: TestApp;
let jilin: Agent;
const ids = new Map<string, number>();

/** [key, county, industry, insured per year, cases by year]. */
const SPECS: [string, string, string, number, Record<number, number>][] = [
  // 南关区: 2025 alone shows no spread (1 case each); 2023–2025 pooled does (A 10, B 1).
  ['A', '220102', '4710', 100, { 2023: 5, 2024: 4, 2025: 1 }],
  ['B', '220102', '4710', 100, { 2025: 1 }],
  // 龙潭区, 2025 only: the spread equals chance exactly in both divisions.
  ['C', '220203', '4710', 100, { 2025: 1 }],
  ['D', '220203', '4710', 100, {}],
  ['E', '220203', '5212', 1000, { 2025: 2 }],
  ['F', '220203', '5212', 1000, { 2025: 2 }],
];

beforeAll(async () => {
  t = await createTestApp();
  jilin = await t.signIn('jilin');
  const counties = await t.db
    .select({ id: jurisdictions.id, code: jurisdictions.code })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, ['220102', '220203']));
  const countyId = (code: string) => counties.find((c) => c.code === code)?.id ?? 0;
  let person = 0;
  for (const [n, [key, county, industry, insured, cases]] of SPECS.entries()) {
    const [row] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: `权重测试${key}`,
        creditCode: makeCreditCode(county, 7000 + n),
        creditCodeStatus: 'valid',
        industryCode: industry,
        jurisdictionId: countyId(county),
        insuranceStatus: 'insured',
      })
      .returning({ id: organisations.id });
    const id = row?.id ?? 0;
    ids.set(key, id);
    const years = county === '220102' ? [2023, 2024, 2025] : [2025];
    for (const year of years)
      await t.db.insert(insuredHeadcounts).values({
        employerId: id,
        year,
        averageInsured: insured,
        averagePaying: insured,
        employees: insured,
        batchId: 0,
      });
    for (const [year, count] of Object.entries(cases))
      for (let i = 0; i < count; i++) {
        person++;
        await t.db.insert(injuryCases).values({
          caseNo: `权重测试〔${year}〕${person}号`,
          employerId: id,
          jurisdictionId: countyId(county),
          idNumber: makeIdNumber(county, '1985-06-15', 'male', person),
          idNumberIndex: makeIdNumber(county, '1985-06-15', 'male', person),
          personName: `职工${person}`,
          sex: 'male',
          birthDate: '1985-06-15',
          post: '架子工',
          occurredOn: `${year}-0${1 + (i % 9)}-10`,
          determinedOn: `${year}-0${1 + (i % 9)}-20`,
          ground: '14-1',
          accidentCategory: '09',
          severity: 'minor',
          isDeath: false,
          fundExpenditureFen: 100_000,
          batchId: 0,
        });
      }
  }
});
afterAll(async () => t?.close());

const rank = async (county: string) => {
  const res = await jilin.get(`/api/ranking/enterprises?year=2025&jurisdiction=${county}&limit=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('credibility weights when one year is not enough (issue 12)', () => {
  it('estimates k from 2023–2025 pooled when 2025 alone shows no spread', async () => {
    // Pooled: A 10/300, B 1/300, r = 11/600. Q = 2·300·(9/600)² = 0.135; chance = 11/600;
    // divisor = 600 − 2·300²/600 = 300; s² = (0.135 − 11/600)/300 = (7/60)/300; k = (11/600)/s² = 330/7.
    const body = await rank('220102');
    expect(body.method).toMatchObject({ kFromYear: 2023, kToYear: 2025, weightsZeroBecause: null });
    expect(body.method.k).toBeCloseTo(330 / 7, 8);
    const z = 100 / (100 + 330 / 7);
    for (const row of body.items) {
      expect(row.credibility).toBeCloseTo(z, 10);
      // 2025: both 1 of 100, division 2 of 200: own and division rate 10‰.
      expect(row.shrunkRatePer1000).toBeCloseTo(10, 10);
    }
  });

  it('says why every weight is 0, and orders by industry rate, then own rate, then cases', async () => {
    // 47: C 1/100, D 0/100, r = 0.005: Q = 2·100·0.005² = 0.005 = chance (1 · 0.005) → s² = 0.
    // 52: E and F 2/1000 each: Q = 0. Over 2023–2025 the same (no other years): chance.
    const body = await rank('220203');
    expect(body.method).toMatchObject({ k: null, weightsZeroBecause: 'chance', kFromYear: 2025 });
    expect(body.items.map((r: { employerId: number }) => r.employerId)).toEqual(
      ['C', 'D', 'E', 'F'].map((k) => ids.get(k)),
    );
    expect(body.items.map((r: { shrunkRatePer1000: number }) => r.shrunkRatePer1000)).toEqual([5, 5, 2, 2]);
    expect(body.items.every((r: { credibility: number }) => r.credibility === 0)).toBe(true);
  });
});
