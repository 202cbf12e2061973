import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/rows.js';
import { fixedClock, setClock } from '../../platform/time.js';
import {
  diseaseCases,
  injuryCases,
  insuredHeadcounts,
  safetyAccidents,
} from '../exchange/exchange.tables.js';
import { rectifications } from '../joint-meeting/workflow.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifications } from '../notifications/notifications.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { rateAssignments, rateRuleSets, rateRuns } from '../rates/rates.tables.js';
import { keyPostHolders, trainingRoles } from '../training/training.tables.js';
import { users } from '../users/users.tables.js';
import { summariseRiskGrades } from './risk.service.js';
import { riskAlerts, riskScores } from './risk.tables.js';

/**
 * Known answers for the enterprise risk index (AN-5, decision 0035) on hand-computed employers of
 * 2025, all in 鼓楼区 (350102), with the demo's facts removed so the credibility fit is only theirs.
 *
 * Division 47 (construction): bigA 10 cases / 1000 insured, bigB 30 / 1000, tiny 1 / 10.
 *   r₄₇ = 41 / 2010 = 0.0203980; Q = Σ e(ρ − r)² = 0.2636816; chance = (3 − 1)·r = 0.0407960;
 *   divisor = 2010 − (1000² + 1000² + 10²) / 2010 = 1014.9254; s² = (Q − chance) / divisor = 0.00021961;
 *   m = 41 / 2110 (shop's 100 insured are rated too); k = m / s² = 88.4817.
 * tiny: shrunk = (1 + k·r) / (10 + k) = 0.0284809; ratio 1.39626; sub-score (1.39626 − 1) / 2 = 0.19813;
 *   points 35 × 0.19813 = 6.93 → 6.9, green. Its raw rate (0.1, 4.9× the industry) would score the
 *   full 35 points (yellow): credibility keeps a firm of ten with one case from a grade by chance.
 * bigB: shrunk = (30 + k·r) / (1000 + k) = 0.0292195, ratio 1.43247 → 0.21623 × 35 = 7.568;
 *   one death (an injury with is_death, and the same death in a safety accident: counted once) → 20;
 *   2 diagnoses + 1 over-limit factor (capped at 1) → 15; 2 open hazards, both overdue: (2 + 2) / 4 → 10;
 *   suspended insurance 0.5 → 5; multiplier 130 %: 30 / 50 = 0.6 → 3; 2 key-post holders, none
 *   trained → 5. Total 65.568 → 65.6, red (≥ 65).
 * bigA: shrunk 0.0108 below its industry → 0; nothing else → 0, green.
 * shop (division 52, no cases): industry rate 0, shrunk 0 → 0, green.
 * nohead: uninsured, no headcount → injury rate not applicable, insurance 10 → 10.0, green.
 */

const YEAR = 2025;
const COUNTY = '350102';
let t: TestApp;
let fujian: Agent;
let countyPath = '';
const ids = new Map<string, number>();
const id = (key: string) => ids.get(key) ?? 0;

const EMPLOYERS = [
  { key: 'bigA', industry: '4710', insured: 1000, cases: 10, status: 'insured' },
  { key: 'bigB', industry: '4720', insured: 1000, cases: 30, status: 'suspended' },
  { key: 'tiny', industry: '4790', insured: 10, cases: 1, status: 'insured' },
  { key: 'shop', industry: '5212', insured: 100, cases: 0, status: 'insured' },
  { key: 'nohead', industry: '4710', insured: null, cases: 0, status: 'uninsured' },
] as const;

async function score(key: string) {
  const [row] = await t.db
    .select()
    .from(riskScores)
    .where(and(eq(riskScores.employerId, id(key)), eq(riskScores.year, YEAR)));
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
  countyPath = county?.path ?? '';
  for (const [n, e] of EMPLOYERS.entries()) {
    const [row] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: `风险测试${e.key}`,
        creditCode: makeCreditCode(COUNTY, 7000 + n),
        creditCodeStatus: 'valid',
        industryCode: e.industry,
        jurisdictionId: jid,
        insuranceStatus: e.status,
      })
      .returning({ id: organisations.id });
    ids.set(e.key, row?.id ?? 0);
    if (e.insured !== null)
      await t.db.insert(insuredHeadcounts).values({
        employerId: row?.id ?? 0,
        year: YEAR,
        averageInsured: e.insured,
        averagePaying: e.insured,
        batchId: 0,
      });
  }
  let person = 0;
  const injuries = EMPLOYERS.flatMap((e) =>
    Array.from({ length: e.cases }, (_, i) => {
      person++;
      const idNumber = makeIdNumber(COUNTY, '1985-06-15', 'male', person);
      const death = e.key === 'bigB' && i === 0;
      return {
        caseNo: `风险测试〔2025〕${person}号`,
        employerId: id(e.key),
        jurisdictionId: jid,
        idNumber,
        idNumberIndex: idNumber,
        personName: `职工${person}`,
        sex: 'male' as const,
        birthDate: '1985-06-15',
        occurredOn: '2025-03-01',
        determinedOn: '2025-04-01',
        ground: '14-1',
        severity: death ? ('death' as const) : ('minor' as const),
        isDeath: death,
        fundExpenditureFen: 100_000,
        batchId: 0,
      };
    }),
  );
  await t.db.insert(injuryCases).values(injuries);
  // The previous year's case is outside 2025.
  const old = makeIdNumber(COUNTY, '1980-01-01', 'male', 999);
  await t.db.insert(injuryCases).values({
    ...(injuries[0] as (typeof injuries)[number]),
    caseNo: '风险测试〔2024〕1号',
    employerId: id('tiny'),
    idNumber: old,
    idNumberIndex: old,
    occurredOn: '2024-05-01',
    determinedOn: '2024-06-01',
  });
  await t.db.insert(safetyAccidents).values({
    accidentNo: '风险测试事故1',
    employerId: id('bigB'),
    jurisdictionId: jid,
    occurredOn: '2025-02-28',
    category: '01',
    grade: 'general',
    deaths: 1,
    seriousInjuries: 0,
    directLossFen: 1_000_000,
    batchId: 0,
  });
  for (const n of [1, 2]) {
    const idNumber = makeIdNumber(COUNTY, '1970-01-01', 'male', 500 + n);
    await t.db.insert(diseaseCases).values({
      caseNo: `风险测试职业病${n}`,
      employerId: id('bigB'),
      jurisdictionId: jid,
      idNumber,
      idNumberIndex: idNumber,
      personName: `职工${500 + n}`,
      catalogueVersion: '2013',
      diseaseClass: '01',
      diseaseName: '矽肺',
      isPneumoconiosis: true,
      diagnosedOn: `2025-0${n + 4}-10`,
      exposureYears: '10.0',
      batchId: 0,
    });
  }
  const [hrss] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'member_department'), eq(organisations.department, 'hrss')))
    .limit(1);
  const rect = (o: Partial<typeof rectifications.$inferInsert>) => ({
    jurisdictionId: jid,
    employerId: id('bigB'),
    findingKind: 'hazard' as const,
    finding: '脚手架未设防护栏',
    suggestion: '限期设置防护栏',
    deadline: '2025-08-01',
    responsibleOrganisationId: hrss?.id ?? 0,
    createdAt: new Date('2025-05-01T02:00:00Z'),
    ...o,
  });
  await t.db.insert(rectifications).values([
    rect({
      findingKind: 'over_limit_factor',
      finding: '矽尘超标',
      factorName: '矽尘',
      createdAt: new Date('2025-03-01T02:00:00Z'),
      status: 'closed',
      closedAt: new Date('2025-06-01T02:00:00Z'),
    }),
    rect({}),
    rect({}),
    // Issued after the year: not part of 2025's index.
    rect({ createdAt: new Date('2026-02-01T02:00:00Z'), deadline: '2026-03-01' }),
  ]);
  const [ruleSet] = await t.db
    .insert(rateRuleSets)
    .values({
      jurisdictionId: jid,
      version: 90,
      name: '风险测试规则',
      effectiveFrom: '2025-01-01',
      definition: {} as never,
      createdByUserId: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning({ id: rateRuleSets.id });
  const run = async (superseded: boolean, multiplierPct: number) => {
    const [r] = await t.db
      .insert(rateRuns)
      .values({
        ruleSetId: ruleSet?.id ?? 0,
        jurisdictionId: jid,
        rateYear: YEAR,
        cycleFromYear: 2022,
        cycleToYear: 2024,
        ranByUserId: 1,
        ranAt: new Date(),
        supersededAt: superseded ? new Date() : null,
        summary: {},
      })
      .returning({ id: rateRuns.id });
    await t.db.insert(rateAssignments).values({
      runId: r?.id ?? 0,
      employerId: id('bigB'),
      status: 'rated' as never,
      multiplierPct,
      figures: {} as never,
      rationaleZh: '测试',
      rationaleEn: 'test',
    });
  };
  await run(true, 150);
  await run(false, 130);
  const [role] = await t.db.select({ id: trainingRoles.id }).from(trainingRoles).limit(1);
  const holder = (n: number, endedOn: string | null) => ({
    employerId: id('bigB'),
    roleId: role?.id ?? 0,
    personName: `岗位${n}`,
    idNumber: makeIdNumber(COUNTY, '1975-01-01', 'male', 800 + n),
    idNumberIndex: makeIdNumber(COUNTY, '1975-01-01', 'male', 800 + n),
    birthDate: '1975-01-01',
    startedOn: '2020-01-01',
    endedOn,
    source: 'employer' as const,
    createdBy: 'test',
  });
  await t.db.insert(keyPostHolders).values([holder(1, null), holder(2, null), holder(3, '2024-06-30')]);

  const res = await fujian.post('/api/risk/recompute', { year: YEAR });
  expect(res.statusCode, res.body).toBe(200);
}, 180_000);

afterAll(async () => t?.close());

describe('known answers', () => {
  it('scores bigB red from every component, each point written out', async () => {
    const b = await score('bigB');
    expect(b?.grade).toBe('red');
    expect(b?.score).toBe(65.6);
    const c = b?.components;
    expect(c?.injuryRate.points).toBe(7.6);
    expect(c?.injuryRate.value).toBeCloseTo(0.21623, 4);
    expect(c?.deathsSerious).toMatchObject({ value: 1, points: 20 });
    expect(c?.inputs).toMatchObject({
      deaths: 1,
      diseases: 2,
      overLimitFactors: 1,
      openRectifications: 2,
      overdueRectifications: 2,
      insuranceStatus: 'suspended',
      rateMultiplierPct: 130,
      keyPostHolders: 2,
      keyPostTrained: 0,
    });
    expect(c?.occupational.points).toBe(15);
    expect(c?.rectifications.points).toBe(10);
    expect(c?.insurance.points).toBe(5);
    expect(c?.rateTier.points).toBe(3);
    expect(c?.training.points).toBe(5);
    expect(c?.inputs.industryRate).toBeCloseTo(41 / 2010, 10);
  });

  it('keeps a firm of ten with one case green: its rate is shrunk toward its industry', async () => {
    const tiny = await score('tiny');
    expect(tiny?.components.inputs.credibility).toBeCloseTo(10 / (10 + 88.4817), 4);
    expect(tiny?.components.inputs.shrunkRate).toBeCloseTo(0.0284809, 6);
    expect(tiny?.score).toBe(6.9);
    expect(tiny?.grade).toBe('green');
  });

  it('scores the others as computed by hand', async () => {
    expect(await score('bigA')).toMatchObject({ score: 0, grade: 'green' });
    expect(await score('shop')).toMatchObject({ score: 0, grade: 'green' });
    const nohead = await score('nohead');
    expect(nohead).toMatchObject({ score: 10, grade: 'green' });
    expect(nohead?.components.injuryRate.applicable).toBe(false);
  });

  it('summarises the grades of a scope for the overview screen', async () => {
    const grades = await summariseRiskGrades(t.db, { path: countyPath }, YEAR);
    // Every employer of 鼓楼区 (the demo's too) has an index: the four counts sum to them.
    const [n] = await selectRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from organisations o join jurisdictions j on j.id = o.jurisdiction_id
          where o.kind = 'employer' and (j.path = ${countyPath} or j.path like ${`${countyPath}/%`})`,
    );
    expect(grades.map((g) => g.grade)).toEqual(['green', 'yellow', 'orange', 'red']);
    expect(grades.reduce((sum, g) => sum + g.employers, 0)).toBe(Number(n?.n));
    expect(grades.find((g) => g.grade === 'red')?.employers).toBeGreaterThanOrEqual(1);
  });

  it('opens an index to its components, the records behind them and the formula', async () => {
    const res = await fujian.get(`/api/risk/scores/${id('bigB')}?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.records.injuries).toHaveLength(30);
    expect(body.records.accidents).toHaveLength(1);
    expect(body.records.diseases).toHaveLength(2);
    // The closed over-limit factor and the two open hazards; not the one issued in 2026.
    expect(body.records.rectifications).toHaveLength(3);
    expect(body.formula.zh).toContain('风险指数 = 100 × Σ');
    expect(body.settings.weights.total).toBe(100);
    const list = await fujian.get(`/api/risk/scores?jurisdiction=350102&year=${YEAR}&grade=red`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { employerId: number }) => i.employerId)).toContain(id('bigB'));
    expect(list.json().items.every((i: { grade: string }) => i.grade === 'red')).toBe(true);
  });
});

describe('incremental recomputation after an import', () => {
  it('recomputes only the touched employer, with the stored fit, and alerts its unit', async () => {
    const before = await score('bigB');
    setClock(fixedClock('2026-12-07T03:00:00Z'));
    const creditCode = makeCreditCode(COUNTY, 7000);
    // 30 more cases for bigA, one a death: 40 / 1000 against its industry's 0.0204.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      case_no: `风险测试〔2025〕增${i}号`,
      credit_code: creditCode,
      jurisdiction_code: COUNTY,
      id_number: makeIdNumber(COUNTY, '1990-01-01', 'male', 600 + i),
      name: `职工${600 + i}`,
      sex: '男',
      birth_date: '1990-01-01',
      post: '架子工',
      occurred_on: '2025-09-01',
      determined_on: '2025-10-01',
      ground: '14-1',
      accident_category: '09',
      severity: i === 0 ? '死亡' : '轻伤',
      disability_grade: null,
      is_death: i === 0 ? '是' : '否',
      fund_expenditure_fen: 100_000,
    }));
    const res = await fujian.post('/api/exchange/batches/json', { domain: 'injuries', rows });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.idle();
    const a = await score('bigA');
    // shrunk = (40 + k·r) / (1000 + k) = 0.0384066, ratio 1.88286 → 0.44143 × 35 = 15.45; death 20.
    expect(a?.score).toBe(35.5);
    expect(a?.grade).toBe('yellow');
    expect(new Date(a?.computedAt ?? 0).toISOString()).toBe('2026-12-07T03:00:00.000Z');
    // bigB was not touched: its row is the one of the full run.
    expect((await score('bigB'))?.computedAt).toEqual(before?.computedAt);
    const alerts = await t.db
      .select()
      .from(riskAlerts)
      .where(eq(riskAlerts.employerId, id('bigA')))
      .orderBy(riskAlerts.id);
    expect(alerts.map((x) => x.kind).sort()).toEqual(['grade_worsened', 'rate_above_industry']);
    expect(alerts.find((x) => x.kind === 'grade_worsened')?.details).toMatchObject({
      from: 'green',
      to: 'yellow',
    });
    // The unit: 人社 of 鼓楼区, else of 福州市, else of the province.
    const unit = alerts[0]?.organisationId;
    expect(unit).not.toBeNull();
    const [u] = await t.db
      .select({ department: organisations.department })
      .from(organisations)
      .where(eq(organisations.id, unit ?? 0));
    expect(u?.department).toBe('hrss');
    const inbox = await t.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(users.organisationId, unit ?? 0), sql`${notifications.kind} like 'risk.%'`));
    expect(inbox.length).toBeGreaterThan(0);
    const ledger = await fujian.get(`/api/risk/alerts?jurisdiction=350102&year=${YEAR}`);
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().total).toBe(2);
  });
});

describe('bad input', () => {
  it('refuses weights that do not sum to the configured total, naming the field', async () => {
    const res = await fujian.put('/api/settings/350100/risk.weights', {
      reason: '风险测试',
      value: {
        total: 100,
        weights: {
          injuryRate: 40,
          deathsSerious: 20,
          occupational: 15,
          rectifications: 10,
          insurance: 10,
          rateTier: 5,
          training: 5,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'risk.weights_sum', fields: [{ field: 'value.weights' }] });
  });

  it('refuses grade bounds out of order, naming the field', async () => {
    const res = await fujian.put('/api/settings/350100/risk.grades', {
      reason: '风险测试',
      value: { yellow: 30, orange: 60, red: 50 },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'risk.thresholds_order', fields: [{ field: 'value.red' }] });
  });

  it('applies a jurisdiction’s own bounds (nearest ancestor wins) at the next recomputation', async () => {
    const set = await fujian.put('/api/settings/350100/risk.grades', {
      reason: '风险测试',
      value: { yellow: 5, orange: 8, red: 9.5 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const res = await fujian.post('/api/risk/recompute', { year: YEAR, jurisdictionCode: '350102' });
    expect(res.statusCode, res.body).toBe(200);
    // nohead's 10.0 does not depend on the refitted credibility; shop's 0 stays green.
    expect((await score('shop'))?.grade).toBe('green');
    expect((await score('nohead'))?.grade).toBe('red');
  });

  it('refuses a bad year and an unknown grade', async () => {
    expect((await fujian.get('/api/risk/scores?year=20x5')).statusCode).toBe(400);
    const res = await fujian.get(`/api/risk/scores?year=${YEAR}&grade=purple`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('grade');
    const rec = await fujian.post('/api/risk/recompute', { year: YEAR, jurisdictionCode: '999999' });
    expect(rec.statusCode).toBe(400);
    expect(rec.json()).toMatchObject({
      code: 'jurisdiction.unknown',
      fields: [{ field: 'jurisdictionCode' }],
    });
  });
});
