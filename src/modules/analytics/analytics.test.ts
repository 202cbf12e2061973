import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, makeIdNumber, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { JobQueue } from '../../platform/jobs/queue.js';
import { currentYear, fixedClock, resetClock, setClock } from '../../platform/time.js';
import { seedDemoExchangeData } from '../../seed/demo-exchange.js';
import { runImport } from '../exchange/exchange.service.js';
import { exchangeBatches } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { analyticsMergeListener, rebuildAnalytics, refreshQueued } from './refresh.js';

/**
 * Known answers: the demo data set (generated, seed 2026) is imported, and every figure the API
 * gives is compared with a plain computation over the raw rows here — for every counting option.
 */
let t: TestApp;
let fujian: Agent;

type Raw = Record<string, unknown>;
let injuries: Raw[] = [];
let headcounts: Raw[] = [];
let YEAR = 0;

const rowsOf = (r: unknown) => (r as { rows: Raw[] }).rows;

async function loadRaw() {
  injuries = rowsOf(
    await t.db.execute(sql`
      select j.path, c.id_number, c.case_no, c.determined_on::text as determined, c.occurred_on::text as occurred,
        c.birth_date::text as birth, c.ground, c.is_death, c.sex, c.post, c.accident_category, c.fund_expenditure_fen,
        o.industry_code
      from injury_cases c join jurisdictions j on j.id = c.jurisdiction_id join organisations o on o.id = c.employer_id`),
  );
  headcounts = rowsOf(
    await t.db.execute(sql`
      select j.path, h.year, h.average_insured, h.average_paying, o.industry_code
      from insured_headcounts h join organisations o on o.id = h.employer_id join jurisdictions j on j.id = o.jurisdiction_id`),
  );
}

type Unit = 'persons' | 'cases';
type Scope = 'all' | 'determined' | 'production';

const inScope = (ground: string, scope: Scope) =>
  scope === 'all'
    ? true
    : scope === 'determined'
      ? ground.startsWith('14-')
      : ['14-1', '14-2', '14-3', '14-4'].includes(ground);

/** Persons: distinct 身份证号 within the area among the year's determinations of the scope. */
function expectedNumerator(filter: (r: Raw) => boolean, year: number, unit: Unit, scope: Scope): number {
  const ofYear = injuries.filter(
    (r) => Number(String(r.determined).slice(0, 4)) === year && inScope(String(r.ground), scope) && filter(r),
  );
  if (unit === 'cases') return ofYear.length;
  return new Set(ofYear.map((r) => String(r.id_number))).size;
}

function expectedDenominator(filter: (r: Raw) => boolean, year: number, base: 'insured' | 'paying') {
  return headcounts
    .filter((h) => Number(h.year) === year && filter(h))
    .reduce((a, h) => a + Number(base === 'insured' ? h.average_insured : h.average_paying), 0);
}

/** The cells as they stand equal those a full rebuild computes from the raw rows. */
async function expectCellsToEqualRebuild() {
  const snapshot = async () =>
    rowsOf(
      await t.db.execute(
        sql`select * from analytics_cells order by source, grain, year, jurisdiction_id, d1, d2`,
      ),
    );
  const incremental = await snapshot();
  await rebuildAnalytics(t.db);
  expect(await snapshot()).toEqual(incremental);
}

const under = (code: string) => (r: Raw) => `${String(r.path)}/`.includes(`/${code}/`);

/** The demo data's present, pinned: they run from 2020 to 6 December 2026. */
const DEMO_NOW = new Date('2026-12-06T04:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoExchangeData(t.database, DEMO_NOW);
  await rebuildAnalytics(t.db);
  fujian = await t.signIn('fujian');
  await loadRaw();
  const years = injuries.map((r) => Number(String(r.determined).slice(0, 4)));
  YEAR = Math.max(...headcounts.map((h) => Number(h.year)).filter((y) => years.includes(y)));
}, 120_000);

afterAll(async () => t?.close());

describe('incidence rates against an independent computation (AN-1)', () => {
  const options: [Unit, Scope, 'insured' | 'paying'][] = [];
  for (const unit of ['persons', 'cases'] as const)
    for (const scope of ['all', 'determined', 'production'] as const)
      for (const base of ['insured', 'paying'] as const) options.push([unit, scope, base]);

  it.each(options)('%s · %s · %s: Fujian and each prefecture', async (unit, scope, base) => {
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&year=${YEAR}&rows=jurisdiction&countUnit=${unit}&groundScope=${scope}&denominator=${base}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.options).toEqual({
      yearBasis: 'determined',
      countUnit: unit,
      groundScope: scope,
      denominator: base,
    });
    const prefectures = body.rows.items.filter((h: { key: string }) => h.key !== '');
    expect(prefectures.length).toBeGreaterThan(5);
    let checked = 0;
    for (const p of prefectures) {
      const cell = body.cells.find((c: { row: string }) => c.row === p.key);
      const num = expectedNumerator(under(p.key), YEAR, unit, scope);
      const den = expectedDenominator(under(p.key), YEAR, base);
      expect(cell.numerator, p.label).toBe(num);
      expect(cell.denominator, p.label).toBe(den);
      if (den === 0) expect(cell.value).toBeNull();
      else expect(cell.value).toBeCloseTo((num / den) * 1000, 9);
      if (num > 0) checked++;
    }
    expect(checked).toBeGreaterThan(3);
    const total = expectedNumerator(under('350000'), YEAR, unit, scope);
    expect(body.total.numerator).toBe(total);
    expect(body.total.value).toBeCloseTo(
      (total / expectedDenominator(under('350000'), YEAR, base)) * 1000,
      9,
    );
  });

  it('persons are fewer than 人次 only where someone was determined twice in a year', async () => {
    const q = (unit: Unit) =>
      fujian.get(
        `/api/analytics/query?indicator=injury_count&jurisdiction=350000&year=${YEAR}&rows=year&countUnit=${unit}`,
      );
    const ofThisYear = (body: { cells: { row: string; numerator: number }[] }) =>
      body.cells.find((c) => c.row === String(YEAR))?.numerator;
    const persons = ofThisYear((await q('persons')).json());
    const cases = ofThisYear((await q('cases')).json());
    const ofYear = injuries.filter(
      (r) => Number(String(r.determined).slice(0, 4)) === YEAR && under('350000')(r),
    );
    expect(cases).toBe(ofYear.length);
    expect(persons).toBe(new Set(ofYear.map((r) => r.id_number)).size);
  });

  it('a pivot of sex × age band is a share of the cases, not a rate: the insured have no such breakdown', async () => {
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_rate_per_100k&jurisdiction=350100&year=${YEAR}&rows=sex&columns=age`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.measure).toBe('share');
    const cases = expectedNumerator(under('350100'), YEAR, 'cases', 'all');
    let sum = 0;
    let shares = 0;
    for (const c of body.cells) {
      expect(c.denominator).toBe(cases);
      if (c.value !== null) expect(c.value).toBeCloseTo((c.numerator / cases) * 100, 9);
      sum += c.numerator;
      shares += c.value ?? 0;
    }
    expect(sum).toBe(cases);
    expect(shares).toBeCloseTo(100, 9);
    const male = injuries.filter(
      (r) => under('350100')(r) && Number(String(r.determined).slice(0, 4)) === YEAR && r.sex === 'male',
    ).length;
    expect(
      body.cells
        .filter((c: { row: string }) => c.row === 'male')
        .reduce((a: number, c: { numerator: number }) => a + c.numerator, 0),
    ).toBe(male);
    // The total stays the rate of the whole population.
    const den = expectedDenominator(under('350100'), YEAR, 'insured');
    expect(body.total.value).toBeCloseTo((cases / den) * 100_000, 9);
    expect(body.notes.join()).toContain('不是发生率');
    // By year and sex: each cell is its share of that year's cases.
    const byYear = (
      await fujian.get(
        `/api/analytics/query?indicator=injury_rate_per_100k&jurisdiction=350100&year=${YEAR}&rows=year&columns=sex`,
      )
    ).json();
    const ofYear = byYear.cells.find(
      (c: { row: string; column: string }) => c.row === String(YEAR) && c.column === 'male',
    );
    expect(ofYear).toMatchObject({ numerator: male, denominator: cases });
  });

  it("by sex, the insured-person lists give a rate of its own: their employers' injuries over their listed insured", async () => {
    // The year with most listed persons in Fujian, and the employers that filed a list that year.
    const lists = rowsOf(
      await t.db.execute(sql`select p.employer_id, p.year::int as year, p.id_number from insured_persons p
        join organisations o on o.id = p.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where j.path like '%/350000/%'`),
    );
    const perYear = new Map<number, number>();
    for (const l of lists) perYear.set(Number(l.year), (perYear.get(Number(l.year)) ?? 0) + 1);
    const year = [...perYear.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as number;
    expect(year).toBeGreaterThan(2000);
    const ofYear = lists.filter((l) => Number(l.year) === year);
    const employers = new Set(ofYear.map((l) => Number(l.employer_id)));
    const employerInjuries = rowsOf(
      await t.db.execute(sql`select c.employer_id, c.sex, c.determined_on::text as determined from injury_cases c
        join jurisdictions j on j.id = c.jurisdiction_id where j.path like '%/350000/%'`),
    ).filter((r) => employers.has(Number(r.employer_id)) && String(r.determined).startsWith(String(year)));
    // GB 11643: the 17th digit is odd for men.
    const sexOf = (id: string) => (Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female');
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&year=${year}&rows=sex`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.measure).toBe('share');
    expect(body.listed.employers).toBe(employers.size);
    for (const sex of ['male', 'female']) {
      const num = employerInjuries.filter((r) => r.sex === sex).length;
      const den = ofYear.filter((l) => sexOf(String(l.id_number)) === sex).length;
      const cell = body.listed.cells.find((c: { row: string }) => c.row === sex);
      expect(cell, sex).toMatchObject({ numerator: num, denominator: den });
      if (den > 0) expect(cell.value).toBeCloseTo((num / den) * 1000, 9);
    }
    expect(employerInjuries.length).toBeGreaterThan(0);
    expect(body.notes.join()).toContain('参保人员名单');
    // A rate with a denominator of its own by every axis has no such block.
    const byIndustry = (
      await fujian.get(
        `/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&year=${year}&rows=industry`,
      )
    ).json();
    expect(byIndustry).toMatchObject({ measure: 'rate', listed: null });
  });

  it('by industry division: numerator and denominator both split by industry', async () => {
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&year=${YEAR}&rows=industry`,
    );
    const body = res.json();
    expect(body.rows.items.length).toBeGreaterThan(3);
    for (const h of body.rows.items) {
      const byIndustry = (r: Raw) =>
        under('350000')(r) && String(r.industry_code ?? '').slice(0, 2) === h.key;
      const cell = body.cells.find((c: { row: string }) => c.row === h.key);
      expect(cell.numerator, h.label).toBe(expectedNumerator(byIndustry, YEAR, 'cases', 'all'));
      expect(cell.denominator, h.label).toBe(expectedDenominator(byIndustry, YEAR, 'insured'));
    }
  });

  it('a year axis marks the current year partial', async () => {
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_count&jurisdiction=350000&year=${currentYear()}&fromYear=${YEAR - 2}&rows=year`,
    );
    const body = res.json();
    expect(body.partialYears).toEqual([currentYear()]);
    expect(body.years[0]).toBe(YEAR - 2);
  });

  it('the year turns at midnight in Beijing: at 00:01 on 1 January (16:01Z) the old year is complete', async () => {
    setClock(fixedClock('2024-12-31T16:01:00Z'));
    try {
      const res = await fujian.get(
        '/api/analytics/query?indicator=injury_count&jurisdiction=350000&year=2025&fromYear=2023&rows=year',
      );
      expect(res.json().partialYears).toEqual([2025]);
    } finally {
      resetClock();
    }
  });

  it('a zero denominator gives null (—), never Infinity or NaN', async () => {
    // Jilin's officer data is outside Fujian; a year with no headcount has a zero denominator.
    const res = await fujian.get(
      `/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&year=2001`,
    );
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body.total.denominator).toBe(0);
    expect(body.total.value).toBeNull();
    expect(res.body).not.toMatch(/Infinity|NaN/);
  });

  it('a breakdown the indicator has no data for is refused, naming the field', async () => {
    const res = await fujian.get('/api/analytics/query?indicator=prevention_fee_share&rows=sex');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('rows');
  });
});

describe('an import keeps the figures exact (refreshed right after its commit)', () => {
  it('after a new injuries batch, the cells equal a full rebuild', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const id = makeIdNumber('350102', '1990-01-01', 'male', 77);
    const employer = rowsOf(
      await t.db.execute(sql`select o.credit_code from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where j.path like '%/350100/%' and o.kind = 'employer' and not o.is_pending and o.industry_code is not null limit 1`),
    )[0]?.credit_code as string;
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(1, {
        caseNo: 'KA-1',
        creditCode: employer,
        idNumber: id,
        birth: '1990-01-01',
        determined: `${YEAR}-03-01`,
        occurred: `${YEAR}-01-05`,
      }),
      injuryRow(2, {
        caseNo: 'KA-2',
        creditCode: employer,
        idNumber: id,
        birth: '1990-01-01',
        determined: `${YEAR}-02-01`,
        occurred: `${YEAR}-01-02`,
        jurisdiction: '350104',
      }),
    ]);
    const before = (
      await fujian.get(
        `/api/analytics/query?indicator=injury_count&jurisdiction=350100&year=${YEAR}&rows=jurisdiction&countUnit=persons`,
      )
    ).json();
    const res = await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=more.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.idle();
    const batch = (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
    expect(batch.status, JSON.stringify(batch)).toBe('committed');
    const after = (
      await fujian.get(
        `/api/analytics/query?indicator=injury_count&jurisdiction=350100&year=${YEAR}&rows=jurisdiction&countUnit=persons`,
      )
    ).json();
    expect(after.total.numerator).toBe(before.total.numerator + 1);
    // The person counts once, in 仓山区 (350104), where the earlier determination lies.
    const cell = (body: typeof after, code: string) =>
      body.cells.find((c: { row: string }) => c.row === code)?.numerator ?? 0;
    expect(cell(after, '350104') - cell(before, '350104')).toBe(1);
    await expectCellsToEqualRebuild();
  });
});

describe('a stop between a batch commit and its figures', () => {
  it('leaves the batch committed and its refresh queued; the next refresh brings the figures up to date', async () => {
    const employer = rowsOf(
      await t.db.execute(sql`select o.credit_code from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where j.path like '%/350100/%' and o.kind = 'employer' and not o.is_pending limit 1`),
    )[0]?.credit_code as string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-queued-'));
    const file = path.join(dir, 'late.csv');
    fs.writeFileSync(
      file,
      toCsv([
        INJURY_HEADER,
        injuryRow(1, {
          caseNo: 'Q-1',
          creditCode: employer,
          determined: `${YEAR}-04-01`,
          occurred: `${YEAR}-03-01`,
        }),
      ]),
    );
    const [org] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福建省人力资源和社会保障厅'));
    const [province] = await t.db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350000'));
    const [batch] = await t.db
      .insert(exchangeBatches)
      .values({
        domain: 'injuries',
        organisationId: org?.id as number,
        jurisdictionId: province?.id as number,
        submittedBy: 'fujian',
        channel: 'api',
        fileName: 'late.csv',
        format: 'csv',
        encoding: 'utf-8',
        fileBytes: fs.statSync(file).size,
        sha256: 'queued-refresh-test',
        status: 'queued',
      })
      .returning({ id: exchangeBatches.id });
    const batchId = batch?.id as number;
    const cutOff = {
      ...analyticsMergeListener,
      afterCommit: async () => {
        throw new Error('the process stopped here');
      },
    };
    const runtime = {
      database: t.database,
      config: { uploadDir: dir },
      queue: new JobQueue(() => {}),
      mergeListener: cutOff,
    };
    await runImport(runtime, batchId, file);
    fs.rmSync(dir, { recursive: true, force: true });

    const [done] = await t.db.select().from(exchangeBatches).where(eq(exchangeBatches.id, batchId));
    expect(done?.status).toBe('committed');
    const queued = async () =>
      rowsOf(await t.db.execute(sql`select batch_id from analytics_refresh_queue`)).map((r) =>
        Number(r.batch_id),
      );
    expect(await queued()).toEqual([batchId]);
    const totals = async () =>
      rowsOf(
        await t.db.execute(sql`select
          (select count(*)::int from injury_cases) as facts,
          (select sum(cases_all)::int from analytics_cells where source = 'injury.determined' and grain = '') as cells`),
      )[0];
    const stale = await totals();
    expect(Number(stale?.cells)).toBe(Number(stale?.facts) - 1);
    // The dashboards say so: the province's batch changes a prefecture's figures, not Jilin's.
    const fuzhou = await t.signIn('fuzhou');
    const jilin = await t.signIn('jilin');
    const refreshing = async (agent: Agent) =>
      (await agent.get('/api/analytics/dashboard')).json().refreshing as {
        batches: number;
        since: string | null;
      };
    expect((await refreshing(fuzhou)).batches).toBe(1);
    expect(Date.parse((await refreshing(fujian)).since ?? '')).toBeGreaterThan(0);
    expect((await refreshing(jilin)).batches).toBe(0);

    const refreshed = await refreshQueued(t.db);
    expect(refreshed.map((r) => r.batchId)).toEqual([batchId]);
    expect(await queued()).toEqual([]);
    expect(await refreshing(fuzhou)).toEqual({ batches: 0, since: null });
    const current = await totals();
    expect(Number(current?.cells)).toBe(Number(current?.facts));
    await expectCellsToEqualRebuild();
    // The refresh is on record where the batch lies, for the province's audit administrator (三员分立).
    const auditor = await t.buildUser({ role: 'audit_admin', jurisdictionCode: '350000' });
    const audit = (
      await (
        await t.signIn(auditor.username, TEST_PASSWORD)
      ).get(`/api/audit?action=analytics.refresh&targetId=${batchId}`)
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].details.slices['injury.determined']).toBeGreaterThan(0);
    expect(await refreshQueued(t.db)).toEqual([]);
  });
});

describe('an officer moving an employer to another industry', () => {
  it('takes its figures along: the cells equal a full rebuild', async () => {
    const [employer] = rowsOf(
      await t.db.execute(sql`select o.id, o.name, o.credit_code, o.industry_code, j.code as jurisdiction
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'employer' and j.path like '%/350100/%'
          and exists (select 1 from injury_cases c where c.employer_id = o.id) limit 1`),
    );
    if (!employer) throw new Error('no employer with injuries in the demo data');
    const industry = String(employer.industry_code).startsWith('47') ? '2614' : '4710';
    const res = await fujian.put(`/api/organisations/${employer.id}`, {
      kind: 'employer',
      name: employer.name,
      creditCode: employer.credit_code,
      industryCode: industry,
      jurisdictionCode: employer.jurisdiction,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cell = rowsOf(
      await t.db.execute(sql`select sum(cases_all)::int as n from analytics_cells
        where source = 'injury.determined' and grain = 'industry' and d1 = ${industry.slice(0, 2)}`),
    )[0]?.n;
    await expectCellsToEqualRebuild();
    expect(Number(cell)).toBeGreaterThan(0);
  });
});

describe('targets (AN-2)', () => {
  it('baseline and latest equal the key-industry rate the query gives, and a province can set its own target', async () => {
    const res = await fujian.get('/api/analytics/targets?jurisdiction=350000&planPeriod=2021-2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const q = (
      await fujian.get(
        '/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350000&planPeriod=2021-2025&keyIndustries=all&rows=year&fromYear=2020&year=2025',
      )
    ).json();
    const at = (year: number) => q.cells.find((c: { row: string }) => c.row === String(year))?.value ?? null;
    expect(body.jurisdiction.baseline).toBe(at(2020));
    if (body.jurisdiction.latestYear) expect(body.jurisdiction.latest).toBe(at(body.jurisdiction.latestYear));
    expect(body.planPeriod.targetReductionPct).toBe(20);
    expect(body.children.length).toBeGreaterThan(5);
    expect(['on_track', 'at_risk', 'off_track', 'no_baseline', 'not_started']).toContain(
      body.jurisdiction.status,
    );

    const set = await fujian.put('/api/analytics/targets/350000', {
      planPeriod: '2021-2025',
      targetReductionPct: 25,
      annualReductionPct: 6,
      reason: '福建省实施方案',
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = (
      await fujian.get('/api/analytics/targets?jurisdiction=350100&planPeriod=2021-2025')
    ).json();
    expect(after.planPeriod).toMatchObject({
      targetReductionPct: 25,
      annualReductionPct: 6,
      targetsDefinedAt: '350000',
    });
    if (after.jurisdiction.baseline)
      expect(after.jurisdiction.target).toBeCloseTo(after.jurisdiction.baseline * 0.75, 9);
  });

  it('the demo gives a status in both plan periods, red as well as green (issue 12)', async () => {
    const assessed = ['on_track', 'at_risk', 'off_track'];
    for (const [user, code] of [
      ['fujian', '350000'],
      ['jilin', '220000'],
    ] as const) {
      const agent = await t.signIn(user);
      for (const period of ['2021-2025', '2026-2030']) {
        const body = (
          await agent.get(`/api/analytics/targets?jurisdiction=${code}&planPeriod=${period}`)
        ).json();
        expect(body.jurisdiction.baseline, `${code} ${period}`).not.toBeNull();
        expect(assessed, `${code} ${period}`).toContain(body.jurisdiction.status);
      }
    }
    // 2021–2025 ends in a complete year: Fujian's prefectures include one on track and one off it.
    const body = (await fujian.get('/api/analytics/targets?jurisdiction=350000&planPeriod=2021-2025')).json();
    const statuses = body.children.map((c: { status: string }) => c.status);
    expect(statuses).toContain('on_track');
    expect(statuses).toContain('off_track');
  });

  it('an indicator defined by Fuzhou applies in Fuzhou, not in Xiamen', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const res = await fuzhou.put('/api/analytics/indicators/fz_per_10k', {
      jurisdictionCode: '350100',
      nameZh: '工伤发生率（万分之）',
      nameEn: 'per 10,000',
      numerator: 'injury.count',
      denominator: 'headcount.base',
      factor: 10000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const q = (
      await fujian.get(`/api/analytics/query?indicator=fz_per_10k&jurisdiction=350100&year=${YEAR}`)
    ).json();
    const per1000 = (
      await fujian.get(`/api/analytics/query?indicator=injury_rate_per_1000&jurisdiction=350100&year=${YEAR}`)
    ).json();
    expect(q.total.value).toBeCloseTo(per1000.total.value * 10, 9);
    const xiamen = await fujian.get(
      `/api/analytics/query?indicator=fz_per_10k&jurisdiction=350200&year=${YEAR}`,
    );
    expect(xiamen.statusCode).toBe(400);
    const taken = await fuzhou.put('/api/analytics/indicators/injury_rate_per_1000', {
      jurisdictionCode: '350100',
      nameZh: 'x',
      nameEn: 'x',
      numerator: 'injury.count',
      denominator: null,
      factor: 1,
    });
    expect(taken.statusCode).toBe(409);
  });

  it('the dashboard answers every indicator with its definition', async () => {
    const res = await fujian.get(`/api/analytics/dashboard?jurisdiction=350000&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.headline.length).toBeGreaterThanOrEqual(10);
    expect(body.headline.every((h: { definition: string }) => h.definition.length > 0)).toBe(true);
    expect(body.main.children.length).toBeGreaterThan(5);
    expect(body.main.trend.length).toBe(6);
  });
});
