import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADCOUNT_HEADER,
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  buildProject,
  PROJECT_YEAR,
} from '../../../test/projects-builders.js';
import { type DataRow, suppressSmallCells } from './open-data.service.js';

/**
 * The public portal's open data (SV-2). Known answers, imported through the exchange into the
 * template (which has no injuries) for 2025, in 福州市 (350100):
 *   鼓楼区 350102 (福州榕城建筑工程有限公司): 7 determinations, one of them a death; 1,000 insured
 *   马尾区 350105 (福州闽江化工有限公司):     5 determinations;                       500 insured
 *   福清市 350181 (福清融侨机械制造有限公司): 2 determinations;                         0 insured
 * Fuzhou: 14 determinations, 1 death, 1,500 insured; rate 14 / 1,500 × 1,000 = 9.333‰.
 * 鼓楼区 7 / 1,000 × 1,000 = 7.000‰; 马尾区 5 / 500 × 1,000 = 10.000‰.
 * Threshold (default) 5: 7 and 5 shown, 2 and the zeros withheld; a death count of 1 withheld.
 */
const YEAR = 2025;
let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;
let anonymous: (url: string) => Promise<Awaited<ReturnType<Agent['get']>>>;

const GULOU_EMPLOYER = makeCreditCode('350102', 1000);
const MAWEI_EMPLOYER = makeCreditCode('350105', 1001);
const FUQING_EMPLOYER = makeCreditCode('350181', 1002);
const EMPLOYER_NAMES = ['福州榕城建筑工程有限公司', '福州闽江化工有限公司', '福清融侨机械制造有限公司'];
const idNumbers: string[] = [];
let smallApplicant = { name: '', creditCode: '' };

async function submit(agent: Agent, domain: string, rows: string[][]) {
  const res = await agent.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=${domain}&fileName=portal-${domain}-${Date.now()}.csv`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(toCsv(rows), 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const batch = (await agent.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  expect(batch.status, JSON.stringify(batch)).toBe('committed');
  expect(batch.rejectedRows, JSON.stringify(batch)).toBe(0);
}

function injuries(region: string, creditCode: string, count: number, deaths: number, from: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const idNumber = makeIdNumber(region, '1985-06-15', 'male', n);
    idNumbers.push(idNumber);
    return injuryRow(n, {
      caseNo: `PORTAL-${n}`,
      creditCode,
      jurisdiction: region,
      idNumber,
      name: `职工${n}`,
      determined: '2025-05-20',
      ...(i < deaths ? { severity: '死亡', death: '是', grade: '' } : {}),
    });
  });
}

/** A CSV body as rows of cells (our CSV has no quoted commas in these data sets). */
function parseCsv(body: string): Record<string, string>[] {
  const [header, ...lines] = body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  const names = (header ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] as string, v])));
}

beforeAll(async () => {
  t = await createTestApp();
  anonymous = (url: string) => t.app.inject({ method: 'GET', url });
  [fuzhou, fujian] = await Promise.all([t.signIn('fuzhou'), t.signIn('fujian')]);
  await submit(fuzhou, 'injuries', [
    INJURY_HEADER,
    ...injuries('350102', GULOU_EMPLOYER, 7, 1, 601),
    ...injuries('350105', MAWEI_EMPLOYER, 5, 0, 701),
    ...injuries('350181', FUQING_EMPLOYER, 2, 0, 801),
  ]);
  await submit(fuzhou, 'headcounts', [
    HEADCOUNT_HEADER,
    [GULOU_EMPLOYER, String(YEAR), '1000', '1000', ''],
    [MAWEI_EMPLOYER, String(YEAR), '500', '500', ''],
  ]);
  // Fee budget and one disclosed project of Fuzhou, applied for by a medium employer (projects name no applicant).
  await buildFundRow(t);
  await buildBudget(fuzhou, 25_000_000);
  const applicant = await buildOrganisation(t, { kind: 'employer', sizeBand: 'medium' });
  smallApplicant = { name: applicant.name, creditCode: '' };
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, fuzhou, 5);
  await buildProject(
    { officer: fuzhou, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts },
    'disclosed',
  );
}, 180_000);

afterAll(async () => t?.close());

describe('injury statistics (hand-computed, small cells withheld)', () => {
  it('publishes Fuzhou 2025 without sign-in: shown at and above the threshold, withheld below', async () => {
    const res = await anonymous(`/api/open-data/injury-statistics/${YEAR}.json?jurisdiction=350100`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const data = res.json();
    expect(data.threshold).toBe(5);
    const row = (code: string, part = 'child') =>
      data.rows.find((r: DataRow) => r.jurisdiction_code === code && r.part === part);
    expect(row('350100', 'total')).toMatchObject({
      injuries: 14,
      injury_deaths: null, // 1 < 5
      insured: 1500,
      injury_rate_per_1000: 9.333,
    });
    expect(row('350102')).toMatchObject({ injuries: 7, insured: 1000, injury_rate_per_1000: 7 });
    // At the threshold: shown.
    expect(row('350105')).toMatchObject({ injuries: 5, insured: 500, injury_rate_per_1000: 10 });
    // Below: neither the count nor its rate.
    expect(row('350181')).toMatchObject({ injuries: null, injury_rate_per_1000: null });
    const withheld = (code: string) =>
      data.suppressed
        .filter(
          (s: { row: number }) =>
            data.rows[s.row].jurisdiction_code === code && data.rows[s.row].part === 'child',
        )
        .map((s: { column: string }) => s.column)
        .sort();
    expect(withheld('350181')).toEqual(
      [
        'accident_deaths',
        'accidents',
        'injuries',
        'injury_deaths',
        'injury_rate_per_1000',
        'occupational_diseases',
        'pneumoconiosis',
      ].sort(),
    );
    expect(withheld('350102')).toEqual(
      ['accident_deaths', 'accidents', 'injury_deaths', 'occupational_diseases', 'pneumoconiosis'].sort(),
    );
    // 鼓楼区's children are 7 and 5 shown, every other district 0: none of 0…4 appears anywhere.
    for (const r of data.rows as DataRow[])
      for (const c of ['injuries', 'injury_deaths', 'accidents', 'accident_deaths', 'occupational_diseases'])
        if (r[c] !== null) expect(Number(r[c])).toBeGreaterThanOrEqual(5);
  });

  it('writes "<N" in the CSV and follows a changed threshold setting', async () => {
    const csv = await anonymous(`/api/open-data/injury-statistics/${YEAR}.csv?jurisdiction=350100`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.body);
    expect(rows.find((r) => r.jurisdiction_code === '350181')?.injuries).toBe('<5');
    expect(rows.find((r) => r.jurisdiction_code === '350105')?.injuries).toBe('5');
    const set = await fuzhou.put('/api/settings/350100/portal.smallCellThreshold', {
      value: 6,
      reason: '提高公开统计的抑制阈值',
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = parseCsv(
      (await anonymous(`/api/open-data/injury-statistics/${YEAR}.csv?jurisdiction=350100`)).body,
    );
    // 5 < 6 now; 7 still shown.
    expect(after.find((r) => r.jurisdiction_code === '350105')?.injuries).toBe('<6');
    expect(after.find((r) => r.jurisdiction_code === '350102')?.injuries).toBe('7');
    const reset = await fuzhou.request({
      method: 'DELETE',
      url: '/api/settings/350100/portal.smallCellThreshold',
      payload: { reason: '恢复默认阈值' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it("equals the signed-in dashboard's figures for the same slice (withheld cells absent)", async () => {
    for (const [agent, code] of [
      [fuzhou, '350100'],
      [fujian, '350000'],
    ] as const) {
      const csv = parseCsv(
        (await anonymous(`/api/open-data/injury-statistics/${YEAR}.csv?jurisdiction=${code}`)).body,
      );
      for (const [indicator, columnName, field] of [
        ['injury_count', 'injuries', 'numerator'],
        ['injury_rate_per_1000', 'injury_rate_per_1000', 'value'],
      ] as const) {
        const res = await agent.get(
          `/api/analytics/dashboard?jurisdiction=${code}&year=${YEAR}&indicator=${indicator}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const dashboard = res.json();
        const children = dashboard.main.children as {
          row: string;
          numerator: number;
          value: number | null;
        }[];
        expect(children.length).toBeGreaterThan(3);
        let compared = 0;
        for (const cell of children) {
          const line = csv.find(
            (r) => r.jurisdiction_code === (cell.row === '' ? code : cell.row) && r.part !== 'total',
          );
          expect(line, cell.row).toBeDefined();
          const published = line?.[columnName] as string;
          const figure = cell[field];
          if (published.startsWith('<')) {
            // Withheld: the dashboard's count is below the threshold, and its figure is not published.
            expect(cell.numerator).toBeLessThan(5);
            expect(published).toBe('<5');
          } else {
            compared++;
            if (figure === null) expect(published).toBe('');
            else expect(Number(published)).toBeCloseTo(figure, 3);
          }
        }
        expect(compared).toBeGreaterThan(0);
        const total = csv.find((r) => r.part === 'total')?.[columnName];
        const headline = dashboard.headline.find((h: { code: string }) => h.code === indicator).value;
        expect(Number(total)).toBeCloseTo(headline, 3);
      }
    }
  });
});

describe('secondary suppression (hand-made rows)', () => {
  it('withholds the next smallest part when only one part is withheld under a shown total', () => {
    const rows: DataRow[] = [
      { part: 'total', n: 20, rate: 2 },
      { part: 'child', n: 3, rate: 0.3 },
      { part: 'child', n: 8, rate: 0.8 },
      { part: 'child', n: 9, rate: 0.9 },
    ];
    const out = suppressSmallCells(rows, { threshold: 5, counts: ['n'], rates: { rate: 'n' } });
    // 3 < 5; 20 − 8 − 9 = 3 would give it back, so 8 (the next smallest) goes too, with both rates.
    expect(out).toEqual([
      { row: 1, column: 'n' },
      { row: 1, column: 'rate' },
      { row: 2, column: 'n' },
      { row: 2, column: 'rate' },
    ]);
    expect(rows.map((r) => r.n)).toEqual([20, null, null, 9]);
  });

  it('needs no second cell when two parts are already withheld', () => {
    const rows: DataRow[] = [
      { part: 'total', n: 14 },
      { part: 'child', n: 2 },
      { part: 'child', n: 1 },
      { part: 'child', n: 11 },
    ];
    suppressSmallCells(rows, { threshold: 5, counts: ['n'], rates: {} });
    expect(rows.map((r) => r.n)).toEqual([14, null, null, 11]);
  });
});

describe('fee budgets, projects, catalogue and dictionary', () => {
  it("publishes Fuzhou's budget: 3 % of the previous year's 10,000,000 yuan income as the cap", async () => {
    const res = await anonymous(`/api/open-data/fee-budgets/${PROJECT_YEAR}.json?jurisdiction=350000`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([
      {
        jurisdiction_code: '350100',
        jurisdiction_name: '福州市',
        year: PROJECT_YEAR,
        // 1,000,000,000 fen × 300 / 10,000.
        cap_fen: 30_000_000,
        budget_fen: 25_000_000,
        committed_fen: expect.any(Number),
        paid_fen: expect.any(Number),
      },
    ]);
  });

  it('lists every column of every data set in its dictionary, and only those', async () => {
    const catalogue = await anonymous('/api/open-data');
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    const body = catalogue.json();
    expect(body.licence.zh).toContain('注明来源');
    expect(body.datasets.map((d: { code: string }) => d.code)).toEqual([
      'injury-statistics',
      'fee-budgets',
      'projects',
    ]);
    for (const [code, year] of [
      ['injury-statistics', YEAR],
      ['fee-budgets', PROJECT_YEAR],
      ['projects', PROJECT_YEAR],
    ] as const) {
      const dictionary = (await anonymous(`/api/open-data/${code}/dictionary`)).json();
      const names = dictionary.columns.map((c: { name: string }) => c.name);
      for (const c of dictionary.columns) expect(c.zh.length * c.en.length, c.name).toBeGreaterThan(0);
      const data = (await anonymous(`/api/open-data/${code}/${year}.json?jurisdiction=350100`)).json();
      expect(data.rows.length, code).toBeGreaterThan(0);
      for (const row of data.rows) expect(Object.keys(row).sort()).toEqual([...names].sort());
      const csv = (await anonymous(`/api/open-data/${code}/${year}.csv?jurisdiction=350100`)).body;
      expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(names.join(','));
      // The catalogue's stable URLs.
      const entry = body.datasets.find((d: { code: string }) => d.code === code);
      expect(entry.columns).toEqual(dictionary.columns);
      expect(entry.years[0].csv).toMatch(new RegExp(`^/api/open-data/${code}/\\d{4}\\.csv$`));
    }
  });

  it('holds no person and no employer in any data set', async () => {
    expect(idNumbers).toHaveLength(14);
    for (const [code, year] of [
      ['injury-statistics', YEAR],
      ['fee-budgets', PROJECT_YEAR],
      ['projects', PROJECT_YEAR],
    ] as const)
      for (const scope of ['350000', '350100', '350102']) {
        const json = await anonymous(`/api/open-data/${code}/${year}.json?jurisdiction=${scope}`);
        const csv = await anonymous(`/api/open-data/${code}/${year}.csv?jurisdiction=${scope}`);
        for (const text of [json.body, csv.body]) {
          for (const id of idNumbers) expect(text).not.toContain(id);
          expect(text).not.toMatch(/职工\d+/);
          for (const name of [...EMPLOYER_NAMES, smallApplicant.name]) expect(text).not.toContain(name);
          for (const credit of [GULOU_EMPLOYER, MAWEI_EMPLOYER, FUQING_EMPLOYER])
            expect(text).not.toContain(credit);
          // No 18-character identity or credit code of any shape.
          expect(text).not.toMatch(/[0-9A-Z]{17}[0-9X]/);
        }
      }
    const projects = (
      await anonymous(`/api/open-data/projects/${PROJECT_YEAR}.json?jurisdiction=350100`)
    ).json();
    expect(projects.rows).toHaveLength(1);
    expect(projects.rows[0]).toMatchObject({ status: 'disclosed', type: 'training', key_field: '建筑施工' });
  });

  it('refuses a bad file name, an unknown data set, a future year and an unknown jurisdiction', async () => {
    const bad = await anonymous('/api/open-data/injury-statistics/2025.xlsx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields?.[0]?.field ?? bad.body).toContain('file');
    expect((await anonymous('/api/open-data/people/2025.csv')).statusCode).toBe(400);
    expect((await anonymous('/api/open-data/injury-statistics/2099.csv')).statusCode).toBe(404);
    expect(
      (await anonymous('/api/open-data/injury-statistics/2025.csv?jurisdiction=999999')).statusCode,
    ).toBe(404);
  });

  it('lists published bulletins only', async () => {
    const res = await anonymous('/api/public/bulletins?jurisdiction=350100');
    expect(res.statusCode, res.body).toBe(200);
    // The template has no published bulletin.
    expect(res.json().items).toEqual([]);
  });
});
