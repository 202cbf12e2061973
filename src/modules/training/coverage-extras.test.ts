import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import {
  buildBudget,
  buildFundRow,
  buildOrganisation,
  buildProject,
} from '../../../test/projects-builders.js';
import { fixedClock } from '../../platform/time.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Coverage extras (TR-2, item 8) as of 2026-12-07: the quarterly trend of 闽侯县, the XLSX exports,
 * the injury rate of a hand-made employer in 连江县 before and after its key posts were trained,
 * and a training project's counted trainees. Figures worked out by hand in the comments.
 */
let t: TestApp;
let fuzhou: Agent;
const ids = {} as Record<'E' | 'R' | 'F' | 'K', number>;
const P = (n: number) => makeIdNumber('350121', '1980-03-15', 'male', 500 + n);

async function county(code: string) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.id as number;
}
async function addEmployer(name: string, code: string, industryCode: string) {
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, industryCode, jurisdictionId: await county(code) })
    .returning({ id: organisations.id });
  return row?.id as number;
}
async function hold(employerId: number, roleCode: string, n: number, startedOn: string) {
  const res = await fuzhou.post('/api/training/holders', {
    employerId,
    roleCode,
    personName: `人员${n}`,
    idNumber: P(n),
    startedOn,
  });
  expect(res.statusCode, res.body).toBe(201);
}
async function complete(n: number, completedOn: string) {
  const res = await fuzhou.post('/api/training/completions', {
    courseId: ids.K,
    personName: `人员${n}`,
    idNumber: P(n),
    completedOn,
    method: 'offline',
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T04:00:00Z') });
  fuzhou = await t.signIn('fuzhou');
  ids.E = await addEmployer('闽侯趋势建筑有限公司', '350121', '4710');
  ids.R = await addEmployer('连江费率机械有限公司', '350122', '3411');
  ids.F = await addEmployer('连江未训机械有限公司', '350122', '3411');
  const course = await fuzhou.post('/api/training/courses', {
    title: '负责人与班组长工伤预防培训',
    form: 'offline',
    roleCodes: ['principal', 'team_leader'],
    contentItems: ['policy', 'warning_education'],
    hours: 16,
  });
  ids.K = course.json().id;
  // 闽侯县 (E): p1 principal and p2 team leader since 2019; p3 team leader from 2026-05-01.
  await hold(ids.E, 'principal', 1, '2019-01-01');
  await hold(ids.E, 'team_leader', 2, '2019-01-01');
  await hold(ids.E, 'team_leader', 3, '2026-05-01');
  await complete(1, '2023-03-01'); // valid until 2026-02-28
  await complete(2, '2023-05-10'); // valid until 2026-05-09
  await complete(1, '2026-08-15'); // again, valid until 2029-08-14
  await complete(3, '2026-09-01');
  // 连江县 (R): p10 principal, p11 team leader since 2019, trained 2023-03-01 and 2023-05-10.
  await hold(ids.R, 'principal', 10, '2019-01-01');
  await hold(ids.R, 'team_leader', 11, '2019-01-01');
  await complete(10, '2023-03-01');
  await complete(11, '2023-05-10');
  // F: one untrained principal.
  await hold(ids.F, 'principal', 12, '2019-01-01');
  // R's insured and injuries: 2020–2022 400 insured-years, 8 injuries; 2024–2025 500 and 3.
  const insured: Record<number, number> = {
    2020: 100,
    2021: 100,
    2022: 200,
    2023: 250,
    2024: 200,
    2025: 300,
  };
  for (const [year, n] of Object.entries(insured))
    await t.db.insert(insuredHeadcounts).values({
      employerId: ids.R,
      year: Number(year),
      averageInsured: n,
      averagePaying: n,
      batchId: 0,
    });
  const injuries: Record<number, number> = { 2020: 2, 2021: 3, 2022: 3, 2023: 5, 2024: 2, 2025: 1 };
  let serial = 0;
  for (const [year, n] of Object.entries(injuries))
    for (let i = 0; i < n; i++) {
      serial++;
      await t.db.insert(injuryCases).values({
        caseNo: `费率测试〔${year}〕${serial}号`,
        employerId: ids.R,
        jurisdictionId: await county('350122'),
        idNumber: makeIdNumber('350122', '1985-06-15', 'male', 800 + serial),
        idNumberIndex: makeIdNumber('350122', '1985-06-15', 'male', 800 + serial), // encryption off
        personName: `职工${serial}`,
        sex: 'male',
        birthDate: '1985-06-15',
        post: '钳工',
        occurredOn: `${year}-0${1 + i}-10`,
        determinedOn: `${year}-0${1 + i}-20`,
        ground: '14-1',
        accidentCategory: '09',
        severity: 'minor',
        isDeath: false,
        fundExpenditureFen: 100_000,
        batchId: 0,
      });
    }
});
afterAll(async () => t?.close());

describe('coverage extras (TR-2)', () => {
  it('gives the trend by quarter, by hand', async () => {
    const res = await fuzhou.get('/api/training/coverage/trend?jurisdiction=350121&quarters=4');
    expect(res.statusCode, res.body).toBe(200);
    const pick = (q: {
      quarter: string;
      asOf: string;
      posts: number;
      due: number;
      inGrace: number;
      trained: number;
      coveragePct: number | null;
    }) => [q.quarter, q.asOf, q.posts, q.due, q.inGrace, q.trained, q.coveragePct];
    expect(res.json().items.map(pick)).toEqual([
      // p1 expired on 2026-02-28, p2 valid: 1 of 2.
      ['2026Q1', '2026-03-31', 2, 2, 0, 1, 50],
      // p2 expired 2026-05-09, p1 not yet again, p3 in grace (started after 2026-04-01): 0 of 2 due.
      ['2026Q2', '2026-06-30', 3, 2, 1, 0, 0],
      // p1 again (08-15) and p3 (09-01); p2 not: 2 of 3.
      ['2026Q3', '2026-09-30', 3, 3, 0, 2, 66.67],
      ['2026Q4', '2026-12-07', 3, 3, 0, 2, 66.67],
    ]);
  });

  it('exports the coverage and the gaps as XLSX', async () => {
    const read = async (what: string) => {
      const res = await fuzhou.get(`/api/training/coverage/export?jurisdiction=350122&what=${what}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    // 连江县: p10's completion ran out on 2026-02-28, p11's on 2026-05-09, p12 has none: 3 due, 0 trained.
    const coverage = await read('coverage');
    expect(coverage.at(-1)).toEqual(['合计', '连江县', 3, 3, 0, 0, 3, 0]);
    const gaps = await read('gaps');
    expect(gaps[0]?.[0]).toBe('单位');
    expect(gaps.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual(
      expect.arrayContaining([
        ['连江费率机械有限公司', 2, 0],
        ['连江未训机械有限公司', 1, 0],
      ]),
    );
  });

  it('shows an employer’s injury rate before and after its key posts were trained, by hand', async () => {
    const res = await fuzhou.get(`/api/training/employers/${ids.R}/rate-change`);
    expect(res.statusCode, res.body).toBe(200);
    // Trained when the last current post was: 2023-05-10. Before 2020–2022: 8 / 400 × 1000 = 20;
    // after 2024–2025: 3 / 500 × 1000 = 6; change (6 − 20) / 20 = −70 %. 2023 itself is left out.
    expect(res.json()).toEqual({
      employerId: ids.R,
      employerName: '连江费率机械有限公司',
      trainedOn: '2023-05-10',
      untrainedPosts: 0,
      before: { from: 2020, to: 2022, injuries: 8, insuredPersonYears: 400, ratePer1000: 20 },
      after: { from: 2024, to: 2025, injuries: 3, insuredPersonYears: 500, ratePer1000: 6 },
      changePct: -70,
    });
    const untrained = (await fuzhou.get(`/api/training/employers/${ids.F}/rate-change`)).json();
    expect(untrained).toMatchObject({ trainedOn: null, untrainedPosts: 1, before: null, changePct: null });
  });

  it('lists the frequent-injury groups with the training they got', async () => {
    const res = await fuzhou.get('/api/training/coverage/injury-groups?jurisdiction=350122');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: 2023, to: 2025 });
    // R's 2023–2025 injuries, all 钳工 at a key-industry employer: 5 + 2 + 1 = 8.
    expect(body.posts).toEqual([{ post: '钳工', injuries: 8, sharePct: 100, isFlagged: false }]);
  });
});

describe('a training project’s trainees (PP-10)', () => {
  it('counts the project’s trained figure from the linked persons, key-post holders among them', async () => {
    await buildFundRow(t);
    await buildBudget(fuzhou);
    const applicant = await buildOrganisation(t, { kind: 'industry_association' });
    const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
    const projectId = await buildProject(
      { officer: fuzhou, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts: [] },
      'declared',
    );
    const link = await fuzhou.post(`/api/training/projects/${projectId}/trainees`, {
      trainees: [
        { personName: '人员1', idNumber: P(1), trainedOn: '2026-11-01' }, // a key-post holder
        { personName: '学员甲', idNumber: P(40), trainedOn: '2026-11-01' },
        { personName: '人员1', idNumber: P(1), trainedOn: '2026-11-02' }, // the same person again
      ],
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toEqual({ added: 2, trained: 2, keyPostHolders: 1 });
    const figure = (await fuzhou.get(`/api/training/projects/${projectId}/trainees`)).json();
    expect(figure).toMatchObject({ projectId, trained: 2, keyPostHolders: 1 });
    const bad = await fuzhou.post(`/api/training/projects/${projectId}/trainees`, {
      trainees: [{ personName: '错号', idNumber: '350121198003150000', trainedOn: '2026-11-01' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('trainees.0.idNumber');
  });
});
