import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import {
  diseaseCases,
  employerContributions,
  injuryCases,
  insuredHeadcounts,
} from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { DEFAULT_RULES } from './counting.js';
import { listEmployerCycles } from './facts.service.js';

/**
 * listEmployerCycles on a hand-built 闽侯县 (350121, no demo employer there): the cycle 2023–2025
 * of two insured employers (one with gaps and records outside the cycle, one without any record)
 * and an uninsured one, which is left out. Every figure below is summed by hand.
 */
let t: TestApp;
let path: string;
let countyId: number;
const E = {} as Record<'gaps' | 'bare' | 'uninsured', number>;

async function employer(name: string, insuranceStatus: 'insured' | 'uninsured') {
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, industryCode: '2614', jurisdictionId: countyId, insuranceStatus })
    .returning({ id: organisations.id });
  return row?.id as number;
}

function injury(n: number, employerId: number, determinedOn: string, death: boolean) {
  const person = `CYCLE-TEST-${n}`;
  return {
    caseNo: person,
    employerId,
    jurisdictionId: countyId,
    idNumber: person,
    idNumberIndex: person,
    personName: '测试工人',
    sex: 'male' as const,
    birthDate: '1980-01-01',
    occurredOn: determinedOn.replace(/-\d\d$/, '-01'),
    determinedOn,
    ground: '14-1',
    severity: death ? ('death' as const) : ('minor' as const),
    isDeath: death,
    fundExpenditureFen: 0,
    batchId: 0,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const [j] = await t.db
    .select({ id: jurisdictions.id, path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350121'));
  countyId = j?.id as number;
  path = j?.path as string;
  E.gaps = await employer('闽侯周期测试一厂', 'insured');
  E.bare = await employer('闽侯周期测试二厂', 'insured');
  E.uninsured = await employer('闽侯周期测试三厂', 'uninsured');
  const contribution = (employerId: number, year: number, premiums: number, benefits: number) => ({
    employerId,
    year,
    insuredFrom: year === 2025 ? '2013-06-01' : '2012-03-01',
    wageBillFen: premiums * 100,
    premiumsPaidFen: premiums,
    benefitsPaidFen: benefits,
    arrearsFen: year === 2025 ? 5_000 : 700,
    batchId: 0,
  });
  await t.db.insert(employerContributions).values([
    contribution(E.gaps, 2022, 999, 999), // before the cycle
    contribution(E.gaps, 2023, 100_000, 30_000),
    // no record for 2024
    contribution(E.gaps, 2025, 120_000, 0),
    contribution(E.uninsured, 2024, 50_000, 0),
  ]);
  await t.db.insert(insuredHeadcounts).values(
    [
      [2022, 99],
      [2023, 20],
      [2024, 22],
      [2025, 24],
    ].map(([year, n]) => ({
      employerId: E.gaps,
      year: year as number,
      averageInsured: n as number,
      averagePaying: n as number,
      batchId: 0,
    })),
  );
  await t.db.insert(injuryCases).values([
    injury(1, E.gaps, '2022-12-20', true), // determined before the cycle
    injury(2, E.gaps, '2023-05-10', false),
    injury(3, E.gaps, '2024-02-10', true),
    injury(4, E.gaps, '2024-08-10', false),
    injury(5, E.gaps, '2026-01-10', false), // after the cycle
  ]);
  await t.db.insert(diseaseCases).values(
    [
      ['1', '2023-09-01'],
      ['2', '2025-03-01'],
    ].map(([n, diagnosedOn]) => ({
      caseNo: `CYCLE-DIS-${n}`,
      employerId: E.gaps,
      jurisdictionId: countyId,
      idNumber: `CYCLE-DIS-${n}`,
      idNumberIndex: `CYCLE-DIS-${n}`,
      personName: '测试工人',
      catalogueVersion: '2013',
      diseaseClass: '尘肺病',
      diseaseName: '矽肺',
      isPneumoconiosis: true,
      diagnosedOn: diagnosedOn as string,
      exposureYears: '10.0',
      batchId: 0,
    })),
  );
});

afterAll(async () => {
  await t?.close();
});

describe('listEmployerCycles: one summed row per insured employer', () => {
  it('sums the cycle 2023–2025, and the years after its first', async () => {
    const rows = await listEmployerCycles(t.db, { path, from: 2023, to: 2025, rules: DEFAULT_RULES });
    expect(rows).toEqual([
      {
        employerId: E.gaps,
        employerName: '闽侯周期测试一厂',
        industryCode: '2614',
        jurisdictionPath: path,
        insuredFrom: '2012-03-01', // the earliest of 2023's and 2025's records
        wageBillFen: 12_000_000, // 2025's (premiums 120,000 × 100)
        arrearsFen: 5_000, // 2025's
        premiumYears: [2023, 2025],
        insuredYears: [2023, 2024, 2025],
        // 100,000 + 120,000; 30,000 + 0; 20 + 22 + 24; cases 2, 3, 4; case 3 a death; 2023 and 2025 diagnoses
        all: {
          premiumsPaidFen: 220_000,
          benefitsPaidFen: 30_000,
          insuredSum: 66,
          injuries: 3,
          deaths: 1,
          diseases: 2,
        },
        // 2024–2025: 120,000; 0; 22 + 24; cases 3, 4; case 3; the 2025 diagnosis
        later: {
          premiumsPaidFen: 120_000,
          benefitsPaidFen: 0,
          insuredSum: 46,
          injuries: 2,
          deaths: 1,
          diseases: 1,
        },
      },
      {
        employerId: E.bare,
        employerName: '闽侯周期测试二厂',
        industryCode: '2614',
        jurisdictionPath: path,
        insuredFrom: null,
        wageBillFen: null,
        arrearsFen: 0,
        premiumYears: [],
        insuredYears: [],
        all: { premiumsPaidFen: 0, benefitsPaidFen: 0, insuredSum: 0, injuries: 0, deaths: 0, diseases: 0 },
        later: { premiumsPaidFen: 0, benefitsPaidFen: 0, insuredSum: 0, injuries: 0, deaths: 0, diseases: 0 },
      },
    ]);
  });

  it('counts distinct persons a year under the persons unit', async () => {
    // Person 4 determined again in 2024: 人次 4 (2024–2025: 3), persons 3 (2024–2025: 2).
    await t.db
      .insert(injuryCases)
      .values({ ...injury(4, E.gaps, '2024-11-10', false), caseNo: 'CYCLE-TEST-4b' });
    const [cases] = await listEmployerCycles(t.db, { path, from: 2023, to: 2025, rules: DEFAULT_RULES });
    const [persons] = await listEmployerCycles(t.db, {
      path,
      from: 2023,
      to: 2025,
      rules: { ...DEFAULT_RULES, countUnit: 'persons' },
    });
    expect([cases?.all.injuries, cases?.later.injuries]).toEqual([4, 3]);
    expect([persons?.all.injuries, persons?.later.injuries]).toEqual([3, 2]);
  });
});
