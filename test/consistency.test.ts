import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from './exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from './helpers.js';

/**
 * One set of figures (issue 12): for the same slice and options, every page that shows a count
 * gives the same number. The data set is small and built here; every expected figure is worked
 * out by hand below, from the table of determinations, not by the code under test.
 *
 * Employers: E1 鼓楼区 350102 and E2 台江区 350103 (福州市, both GB/T 4754 division 47, 房屋建筑业),
 * E3 思明区 350203 (厦门市, division 26). Insured 2025: 100, 200, 300.
 *
 * | case | person | employer | occurred   | determined | ground | death |
 * | C1   | P1     | E1       | 2024-11-20 | 2025-01-15 | 14-1   |       |  ← straddles the year end
 * | C2   | P2     | E1       | 2025-03-01 | 2025-04-01 | 14-1   |       |  ← P2 at two employers,
 * | C3   | P2     | E2       | 2025-06-01 | 2025-07-01 | 14-2   |       |    in two districts
 * | C4   | P3     | E1       | 2025-02-02 | 2025-03-03 | 14-1   |       |  ← P3 determined twice
 * | C5   | P3     | E1       | 2025-08-08 | 2025-09-09 | 14-1   |       |
 * | C6   | P4     | E3       | 2025-05-05 | 2025-06-06 | 15-1   | yes   |
 * | C7   | P5     | E2       | 2025-12-20 | 2026-01-10 | 14-6   |       |  ← straddles the year end
 * | C8   | P6     | E2       | 2025-04-04 | 2025-05-05 | 14-1   | yes   |
 *
 * 2025 by determination (the default): 福州市 C1 C2 C3 C4 C5 C8 = 6 人次, persons P1 P2 P3 P6 = 4,
 * deaths P6 = 1; 鼓楼区 4 人次 / 3 persons; 台江区 2 / 2; 厦门市 1 / 1, 1 death; 福建省 7 / 5, 2 deaths.
 * 2025 by occurrence: 福州市 C2 C3 C4 C5 C7 C8 = 6 人次, persons P2 P3 P5 P6 = 4; 鼓楼区 3 / 2.
 * Division 47 in 福州市: 6 人次, 4 persons (P2 once, although at two of its employers).
 */

let t: TestApp;
let fujian: Agent;

const E1 = makeCreditCode('350102', 7101);
const E2 = makeCreditCode('350103', 7102);
const E3 = makeCreditCode('350203', 7103);
const person = (n: number) => makeIdNumber('350102', '1985-06-15', 'male', 700 + n);

const CASES: [string, number, string, string, string, string, boolean][] = [
  ['C1', 1, E1, '2024-11-20', '2025-01-15', '14-1', false],
  ['C2', 2, E1, '2025-03-01', '2025-04-01', '14-1', false],
  ['C3', 2, E2, '2025-06-01', '2025-07-01', '14-2', false],
  ['C4', 3, E1, '2025-02-02', '2025-03-03', '14-1', false],
  ['C5', 3, E1, '2025-08-08', '2025-09-09', '14-1', false],
  ['C6', 4, E3, '2025-05-05', '2025-06-06', '15-1', true],
  ['C7', 5, E2, '2025-12-20', '2026-01-10', '14-6', false],
  ['C8', 6, E2, '2025-04-04', '2025-05-05', '14-1', true],
];

const county = (credit: string) => (credit === E1 ? '350102' : credit === E2 ? '350103' : '350203');

async function submit(domain: string, rows: Record<string, unknown>[]) {
  const res = await fujian.post('/api/exchange/batches/json', { domain, rows });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const batch = (await fujian.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  expect(batch, JSON.stringify(batch)).toMatchObject({ status: 'committed', rejectedRows: 0 });
}

beforeAll(async () => {
  t = await createTestApp();
  // Only this data set: the demo's facts are removed (each test file has its own database).
  await t.db.execute(sql`delete from analytics_refresh_queue`);
  for (const table of [
    'injury_cases',
    'safety_accidents',
    'disease_cases',
    'insured_headcounts',
    'insured_persons',
  ])
    await t.db.execute(sql.raw(`delete from ${table}`));
  await t.db.execute(sql`delete from analytics_cells`);
  fujian = await t.signIn('fujian');
  await submit(
    'employers',
    [E1, E2, E3].map((credit, i) => ({
      credit_code: credit,
      name: `一致性测试单位${i + 1}`,
      jurisdiction_code: county(credit),
      industry_code: credit === E3 ? '2614' : '4710',
      size_band: '中型',
      insurance_status: '参保',
    })),
  );
  await submit(
    'headcounts',
    [E1, E2, E3].map((credit, i) => ({
      credit_code: credit,
      year: 2025,
      average_insured: (i + 1) * 100,
      average_paying: (i + 1) * 90,
      employees: (i + 1) * 110,
    })),
  );
  await submit(
    'injuries',
    CASES.map(([no, p, credit, occurred, determined, ground, death]) => ({
      case_no: `一致性〔2025〕${no}号`,
      credit_code: credit,
      jurisdiction_code: county(credit),
      id_number: person(p),
      name: `职工${p}`,
      sex: '男',
      birth_date: '1985-06-15',
      post: '架子工',
      occurred_on: occurred,
      determined_on: determined,
      ground,
      accident_category: ground === '15-1' ? '' : '09',
      severity: death ? '死亡' : '轻伤',
      disability_grade: null,
      is_death: death ? '是' : '否',
      fund_expenditure_fen: 100_000,
    })),
  );
}, 180_000);

afterAll(async () => t?.close());

async function json(url: string) {
  const res = await fujian.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** The figure of one count question on every page that shows it. */
async function everyPage(options: { yearBasis: 'determined' | 'occurred'; countUnit: 'cases' | 'persons' }) {
  const { yearBasis, countUnit } = options;
  const q = `yearBasis=${yearBasis}&countUnit=${countUnit}`;
  const counting = countUnit;
  const dashboard = await json(
    `/api/analytics/dashboard?jurisdiction=350100&year=2025&indicator=injury_count&${q}`,
  );
  const query = await json(
    `/api/analytics/query?indicator=injury_count&jurisdiction=350100&year=2025&rows=jurisdiction&${q}`,
  );
  const pivot = await json(
    `/api/analytics/query?indicator=injury_count&jurisdiction=350100&year=2025&rows=jurisdiction&columns=industry&${q}`,
  );
  const industries = await json(
    `/api/ranking/industries?jurisdiction=350100&year=2025&yearBasis=${yearBasis}&counting=${counting}`,
  );
  const enterprises = await json(
    `/api/ranking/enterprises?jurisdiction=350100&year=2025&yearBasis=${yearBasis}&counting=${counting}&limit=500`,
  );
  const byEmployer = (credit: string) =>
    enterprises.items.find((r: { creditCode: string }) => r.creditCode === credit)?.cases;
  return {
    dashboard: dashboard.headline.find((h: { code: string }) => h.code === 'injury_count').value,
    query: query.total.numerator,
    gulou: query.cells.find((c: { row: string }) => c.row === '350102')?.numerator,
    taijiang: query.cells.find((c: { row: string }) => c.row === '350103')?.numerator,
    pivotDivision47: pivot.cells
      .filter((c: { column: string }) => c.column === '47')
      .reduce((a: number, c: { numerator: number }) => a + c.numerator, 0),
    rankingDivision47: industries.items.find((r: { code: string }) => r.code === '47')?.cases,
    rankingE1: byEmployer(E1),
    rankingE2: byEmployer(E2),
  };
}

describe('the same count on every page (hand-computed data set)', () => {
  it('2025 by determination, 人次: 6 in 福州市 everywhere', async () => {
    const figures = await everyPage({ yearBasis: 'determined', countUnit: 'cases' });
    expect(figures).toEqual({
      dashboard: 6,
      query: 6,
      gulou: 4,
      taijiang: 2,
      pivotDivision47: 6,
      rankingDivision47: 6,
      rankingE1: 4,
      rankingE2: 2,
    });
    // The pages that count by the jurisdiction's default rules (determination year, 人次).
    const picture = await json('/api/shared-picture?jurisdiction=350100&year=2025');
    expect(picture.injuries).toMatchObject({ count: 6, cases: 6, persons: 4, deaths: 1 });
    expect(picture.counting.label).toBe('人次，全部认定及视同情形，按认定年度');
    const ledger = await json('/api/enterprises/ledger?jurisdiction=350100&year=2025&pageSize=200');
    const row = (credit: string) => ledger.items.find((r: { creditCode: string }) => r.creditCode === credit);
    expect(row(E1)).toMatchObject({ injuries: 4, deaths: 0, ratePer1000: 40 });
    expect(row(E2)).toMatchObject({ injuries: 2, deaths: 1, ratePer1000: 10 });
    const profile = await json(`/api/employers/${E1}/profile`);
    expect(profile.years.find((y: { year: number }) => y.year === 2025)).toMatchObject({
      injuries: 4,
      deaths: 0,
    });
    expect(profile.years.find((y: { year: number }) => y.year === 2024)).toBeUndefined();
    const meeting = await fujianMeeting();
    const injuries = meeting.agenda[0].report.sections[0].figures;
    expect(injuries.find((f: { key: string }) => f.key === 'cases').value).toBe(6);
    expect(injuries.find((f: { key: string }) => f.key === 'deaths').value).toBe(1);
  });

  it('2025 by determination, persons: P2 at two employers is one person of the city and of the division', async () => {
    const figures = await everyPage({ yearBasis: 'determined', countUnit: 'persons' });
    expect(figures).toEqual({
      dashboard: 4,
      query: 4,
      gulou: 3,
      taijiang: 2,
      // Division 47 is one group: the pivot's cells are per district (3 + 2), the ranking's is the whole.
      pivotDivision47: 5,
      rankingDivision47: 4,
      rankingE1: 3,
      rankingE2: 2,
    });
  });

  it('2025 by occurrence: C1 leaves, C7 joins', async () => {
    expect(await everyPage({ yearBasis: 'occurred', countUnit: 'cases' })).toEqual({
      dashboard: 6,
      query: 6,
      gulou: 3,
      taijiang: 3,
      pivotDivision47: 6,
      rankingDivision47: 6,
      rankingE1: 3,
      rankingE2: 3,
    });
    expect(await everyPage({ yearBasis: 'occurred', countUnit: 'persons' })).toMatchObject({
      dashboard: 4,
      query: 4,
      gulou: 2,
      taijiang: 3,
      rankingDivision47: 4,
    });
  });

  it('deaths are distinct persons: 2 in 福建省, 1 in 福州市, on the dashboard and in the indicators', async () => {
    const province = await json(
      '/api/analytics/query?indicator=fatality_rate_per_100k&jurisdiction=350000&year=2025&rows=jurisdiction',
    );
    expect(province.total.numerator).toBe(2);
    expect(province.cells.find((c: { row: string }) => c.row === '350100')?.numerator).toBe(1);
    expect(province.cells.find((c: { row: string }) => c.row === '350200')?.numerator).toBe(1);
    const picture = await json('/api/shared-picture?jurisdiction=350000&year=2025');
    expect(picture.injuries).toMatchObject({ cases: 7, persons: 5, deaths: 2 });
  });

  it('a jurisdiction that counts by the year of injury does so on every page', async () => {
    const res = await fujian.put('/api/analytics/counting/350100', {
      yearBasis: 'occurred',
      countUnit: 'cases',
      groundScope: 'all',
      denominator: 'insured',
    });
    expect(res.statusCode, res.body).toBe(200);
    const picture = await json('/api/shared-picture?jurisdiction=350100&year=2025');
    expect(picture.injuries.cases).toBe(6);
    expect(picture.counting.label).toBe('人次，全部认定及视同情形，按受伤年度');
    const ledger = await json('/api/enterprises/ledger?jurisdiction=350100&year=2025&pageSize=200');
    expect(ledger.items.find((r: { creditCode: string }) => r.creditCode === E1)).toMatchObject({
      injuries: 3,
    });
    const query = await json(
      '/api/analytics/query?indicator=injury_count&jurisdiction=350100&year=2025&rows=jurisdiction',
    );
    expect(query.options.yearBasis).toBe('occurred');
    expect(query.total.numerator).toBe(6);
    expect(query.cells.find((c: { row: string }) => c.row === '350102')?.numerator).toBe(3);
    const profile = await json(`/api/employers/${E1}/profile`);
    expect(profile.years.find((y: { year: number }) => y.year === 2024)).toMatchObject({ injuries: 1 });
  });
});

async function fujianMeeting() {
  const res = await fujian.post('/api/meetings', {
    jurisdictionCode: '350100',
    kind: 'extraordinary',
    title: '一致性测试会议',
    reportYear: 2025,
    plannedOn: '2026-03-12',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
