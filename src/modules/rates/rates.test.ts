import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { fixedClock } from '../../platform/time.js';
import {
  employerContributions,
  fundAccounts,
  injuryCases,
  insuredHeadcounts,
} from '../exchange/exchange.tables.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { meetings, rectifications } from '../joint-meeting/workflow.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { exampleClaimRatioLadder, exampleCombinedMethod } from './rates.data.js';
import { rateAssignments, rateRuleSets, rateRuns } from './rates.tables.js';
import { computeRatings } from './rating.service.js';
import type { RuleDefinition } from './rule-sets.logic.js';

/**
 * Premium-rate floating through the HTTP API on a hand-built pool in 闽侯县 (350121), where the demo
 * data has no employer: Fujian pools at province level, so the rule set is the province's and the
 * rating covers 闽侯's five employers for 2026 (cycle 2023–2025 under example A). Premiums are
 * 1,000 yuan (100,000 fen) a year, wage bills 100,000 yuan; every expected figure is worked by hand.
 */
let t: TestApp;
let fujian: Agent;
let fuzhou: Agent;
let finance: Agent;
let cityFinance: Agent;
let xiamen: Agent;
const E = {} as Record<'chem' | 'soft' | 'missing' | 'young' | 'build', number>;

async function jurisdictionId(code: string) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.id as number;
}

async function organisationId(name: string) {
  const [o] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  return o?.id as number;
}

async function employer(
  name: string,
  industryCode: string,
  years: Record<number, number | null>,
  o: { insuredFrom?: string; wageBillFen?: number } = {},
) {
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name,
      industryCode,
      jurisdictionId: await jurisdictionId('350121'),
      insuranceStatus: 'insured',
    })
    .returning({ id: organisations.id });
  const id = row?.id as number;
  for (const [year, benefits] of Object.entries(years)) {
    await t.db.insert(insuredHeadcounts).values({
      employerId: id,
      year: Number(year),
      averageInsured: 20,
      averagePaying: 20,
      batchId: 0,
    });
    if (benefits === null) continue;
    await t.db.insert(employerContributions).values({
      employerId: id,
      year: Number(year),
      insuredFrom: o.insuredFrom ?? '2010-01-01',
      wageBillFen: o.wageBillFen ?? 10_000_000,
      premiumsPaidFen: 100_000,
      benefitsPaidFen: benefits,
      batchId: 0,
    });
  }
  return id;
}

function idNumber(n: number) {
  const first17 = `35012119800101${String(100 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}

const definitionA = exampleClaimRatioLadder();
const definitionB = exampleCombinedMethod();

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  fujian = await t.signIn('fujian');
  fuzhou = await t.signIn('fuzhou');
  const provinceFinance = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350000',
    organisationId: await organisationId('福建省财政厅'),
  });
  finance = await t.signIn(provinceFinance.username, TEST_PASSWORD);
  const fuzhouFinance = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await organisationId('福州市财政局'),
  });
  cityFinance = await t.signIn(fuzhouFinance.username, TEST_PASSWORD);
  const xm = await t.buildUser({ role: 'si_agency_officer', jurisdictionCode: '350200' });
  xiamen = await t.signIn(xm.username, TEST_PASSWORD);
  // Class 6 (26 化学原料): benefits 450,300 fen in 2023 over premiums 300,000 = 150.1 % → 150 %.
  E.chem = await employer('闽侯测试化工有限公司', '2614', { 2023: 450_300, 2024: 0, 2025: 0 });
  // Class 1 (65 软件): no benefits → stays at base (up only).
  E.soft = await employer('闽侯测试软件有限公司', '6510', { 2023: 0, 2024: 0, 2025: 0 });
  // No contribution record for 2024: missing, not rated.
  E.missing = await employer('闽侯测试化纤有限公司', '2614', { 2023: 0, 2024: null, 2025: 0 });
  // Insured in May 2024: less than the cycle → base.
  E.young = await employer(
    '闽侯测试新材料有限公司',
    '2614',
    { 2024: 0, 2025: 0 },
    { insuredFrom: '2024-05-01' },
  );
  // Class 6 (47 房屋建筑业), wage bill 200,000 yuan: 0 % → 50 %; one injury in 2025 (matters for example B).
  E.build = await employer(
    '闽侯测试建筑有限公司',
    '4710',
    { 2023: 0, 2024: 0, 2025: 0 },
    { wageBillFen: 20_000_000 },
  );
  await t.db.insert(injuryCases).values({
    caseNo: 'RATES-TEST-1',
    employerId: E.build,
    jurisdictionId: await jurisdictionId('350121'),
    idNumber: idNumber(1),
    idNumberIndex: idNumber(1), // encryption off: the lookup key is the number itself
    personName: '测试工人',
    sex: 'male',
    birthDate: '1980-01-01',
    occurredOn: '2025-03-01',
    determinedOn: '2025-04-01',
    ground: '14-1',
    severity: 'minor',
    isDeath: false,
    fundExpenditureFen: 0,
    batchId: 0,
  });
  await t.db.insert(fundAccounts).values({
    jurisdictionId: await jurisdictionId('350121'),
    year: 2025,
    contributionIncomeFen: 600_000,
    benefitExpenditureFen: 1_000_000,
    preventionFeeSpentFen: 0,
    batchId: 0,
  });
});

afterAll(async () => {
  await t?.close();
});

let adoptedId: number;
let draftBId: number;
let runId: number;

describe('rule sets: drafted, reviewed by 财政, adopted, never edited', () => {
  it('lists the shipped examples, marked as examples', async () => {
    const res = await fujian.get('/api/rates/examples');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((e: { key: string }) => e.key)).toEqual(['yantai-claim-ratio', 'combined-incidence']);
    expect(items[0].noteZh).toContain('不是福建省或吉林省的正式办法');
  });

  it('refuses a bad rule set naming each rule', async () => {
    const bad = exampleClaimRatioLadder();
    (bad.ladders[0] as (typeof bad.ladders)[number]).bands[2] = { from: 5, to: 100, multiplierPct: 100 };
    bad.floorBp = 500;
    bad.capBp = 400;
    const res = await fujian.post('/api/rates/rule-sets', {
      jurisdiction: '350000',
      name: '有错误的规则',
      effectiveFrom: '2027-01-01',
      definition: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('rates.rule_invalid');
    expect(res.json().fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['definition.ladders[0].bands[2].from', 'rates.threshold_overlap'],
      ['definition.floorBp', 'rates.floor_above_cap'],
    ]);
    // Each rule in the caller's language: Chinese by default, English when asked.
    expect(res.json().fields.map((f: { message: string }) => f.message)).toEqual([
      '第 1 条浮动阶梯（claimRatioPct）：第 2、3 档在 5 与 10 之间重叠',
      '费率下限（5%）高于上限（4%）',
    ]);
    const en = await fujian.post(
      '/api/rates/rule-sets',
      { jurisdiction: '350000', name: '有错误的规则', effectiveFrom: '2027-01-01', definition: bad },
      { 'accept-language': 'en' },
    );
    expect(en.json().fields.map((f: { message: string }) => f.message)).toEqual([
      'Ladder 1 (claimRatioPct): bands 2 and 3 overlap between 5 and 10',
      'The floor (5 %) is above the cap (4 %)',
    ]);
  });

  it('drafts example A, 财政 of the province approves, the agency adopts', async () => {
    const draft = await fujian.post('/api/rates/rule-sets', {
      jurisdiction: '350000',
      name: '示例A：支缴率阶梯',
      effectiveFrom: '2026-01-01',
      definition: definitionA,
      fromExample: 'yantai-claim-ratio',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft', isExample: true });
    adoptedId = draft.json().id;
    // Not reviewed yet: no adoption.
    expect((await fujian.post(`/api/rates/rule-sets/${adoptedId}/adopt`)).statusCode).toBe(409);
    // An HRSS officer holds the permission but is not 财政; Fuzhou's 财政 is below the pool.
    const notFinance = await fujian.post(`/api/rates/rule-sets/${adoptedId}/review`, { decision: 'approve' });
    expect(notFinance.statusCode).toBe(403);
    expect(notFinance.json().code).toBe('rates.not_finance');
    expect(
      (await cityFinance.post(`/api/rates/rule-sets/${adoptedId}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const reviewed = await finance.post(`/api/rates/rule-sets/${adoptedId}/review`, {
      decision: 'approve',
      note: '同意',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewedByOrganisation: '福建省财政厅' });
    const adopted = await fujian.post(`/api/rates/rule-sets/${adoptedId}/adopt`);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json().status).toBe('adopted');
    // Never edited after adoption.
    const edit = await fujian.put(`/api/rates/rule-sets/${adoptedId}`, {
      name: '改名',
      effectiveFrom: '2026-01-01',
      definition: definitionA,
    });
    expect(edit.statusCode).toBe(409);
    // Fuzhou (below the pool) sees the province's set; Xiamen's agency too, but cannot adopt it.
    expect(
      (await fuzhou.get('/api/rates/rule-sets')).json().items.map((r: { id: number }) => r.id),
    ).toContain(adoptedId);
  });

  it('refuses a new version whose effective date is not after the adopted set’s', async () => {
    const res = await fujian.post('/api/rates/rule-sets', {
      jurisdiction: '350000',
      name: '示例B',
      effectiveFrom: '2026-01-01',
      definition: definitionB,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'effectiveFrom', code: 'rates.effective_before_adopted' }),
    ]);
    const ok = await fujian.post('/api/rates/rule-sets', {
      jurisdiction: '350000',
      name: '示例B：支缴率＋发生率',
      effectiveFrom: '2027-01-01',
      definition: definitionB,
      fromExample: 'combined-incidence',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().version).toBe(2);
    draftBId = ok.json().id;
  });
});

describe('simulation of a draft against the adopted set (FR-2)', () => {
  it('shows tiers, income by class and prefecture, movers and the balance ratio', async () => {
    const res = await fuzhou.get(
      `/api/rates/rule-sets/${draftBId}/simulation?jurisdiction=350121&rateYear=2026`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.employers).toBe(5);
    // Adopted (A, cycle 2023–2025): chem 1.95 % × 100,000 yuan = 1,950 yuan; soft 0.2 % = 200;
    // young base 1.3 % = 1,300; build 50 % = 0.65 % × 200,000 = 1,300 → 4,750 yuan.
    expect(s.adopted.incomeFen).toBe(475_000);
    expect(s.adopted.byTier).toEqual({ '50': 1, '100': 2, '150': 1 });
    // Draft (B, cycle 2024–2025): chem no injury, 0 % → 80 % = 1.04 % → 1,040; soft class 1 does
    // not float → 200; young base → 1,300; build one injury → ladder 2, 0 % → base 1.3 % × 200,000 =
    // 2,600 → 5,140 yuan.
    expect(s.draft.incomeFen).toBe(514_000);
    expect(s.draft.byTier).toEqual({ '80': 1, '100': 3 });
    expect(s.draft.byStatus).toEqual({ rated: 2, not_floating: 1, short_insurance: 1, missing_premiums: 1 });
    expect(s.draft.incomeByClass).toEqual({ '1': 20_000, '6': 494_000 });
    expect(s.draft.incomeByPrefecture).toEqual({ '350100': 514_000 });
    // Balance ratio: income ÷ 10,000 yuan benefit expenditure (350121's 2025 fund account).
    expect(s.draft.balanceRatio).toBeCloseTo(0.514, 10);
    expect(s.adopted.balanceRatio).toBeCloseTo(0.475, 10);
    // Movers: build +2,600 − 1,300 = +1,300 yuan; chem 1,040 − 1,950 = −910 yuan.
    expect(
      s.movers.map((m: { employerId: number; changeFen: number }) => [m.employerId, m.changeFen]),
    ).toEqual([
      [E.build, 130_000],
      [E.chem, -91_000],
    ]);
  });

  it('puts the simulation on a meeting’s agenda, its figures frozen as the page shows them', async () => {
    const created = await fuzhou.post('/api/meetings', {
      jurisdictionCode: '350121',
      kind: 'regular',
      title: '闽侯县工伤预防联席会议（费率浮动）',
      reportYear: 2025,
      plannedOn: '2026-12-20',
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id as number;
    const res = await fuzhou.post(`/api/rates/rule-sets/${draftBId}/simulation/agenda`, {
      meetingId,
      rateYear: 2026,
    });
    expect(res.statusCode, res.body).toBe(200);
    type Paper = { rows: { labelZh: string; value: string }[]; source: string; link: string };
    const item = (
      res.json().agenda as { kind: string; isFrozen: boolean; title: string; paper: Paper | null }[]
    ).find((a) => a.kind === 'paper');
    expect(item?.isFrozen).toBe(true);
    expect(item?.title).toContain('2026');
    const value = (label: string) => item?.paper?.rows.find((r) => r.labelZh === label)?.value;
    // The simulation above, by hand: 5 employers; draft 5,140 yuan, adopted 4,750 yuan, +390;
    // draft tiers {80: 1, 100: 3}: none above base, one below; 5,140 / 10,000 and 4,750 / 10,000.
    expect(value('参评单位（家）')).toBe('5');
    expect(value('保费收入·模拟（元）')).toBe('5,140.00');
    expect(value('保费收入·现行（元）')).toBe('4,750.00');
    expect(value('收入变化（元）')).toBe('+390.00');
    expect(value('上浮单位（家）')).toBe('0');
    expect(value('下浮单位（家）')).toBe('1');
    expect(value('收支比·模拟 / 现行')).toBe('51.4% / 47.5%');
    // The same figures as the simulation page.
    const sim = (
      await fuzhou.get(`/api/rates/rule-sets/${draftBId}/simulation?jurisdiction=350121&rateYear=2026`)
    ).json();
    expect(Number(value('保费收入·模拟（元）')?.replace(/,/g, '')) * 100).toBe(sim.draft.incomeFen);
    expect(Number(value('保费收入·现行（元）')?.replace(/,/g, '')) * 100).toBe(sim.adopted.incomeFen);
    // The meeting's own page shows the paper, and the attaching is audited.
    const meeting = (await fuzhou.get(`/api/meetings/${meetingId}`)).json();
    expect(meeting.agenda.find((a: { kind: string }) => a.kind === 'paper')?.paper).toEqual(item?.paper);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'meeting.attach_paper'), eq(auditLog.targetId, String(meetingId))));
    expect(audit?.details).toMatchObject({ source: `rates.simulation:${draftBId}:2026:350121` });
    // A sibling's officer cannot reach the meeting; finance cannot manage meetings.
    const xiamenHrss = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    const xm = await t.signIn(xiamenHrss.username, TEST_PASSWORD);
    const sibling = await xm.post(`/api/rates/rule-sets/${draftBId}/simulation/agenda`, {
      meetingId,
      rateYear: 2026,
    });
    expect(sibling.statusCode).toBe(404);
    const fin = await finance.post(`/api/rates/rule-sets/${draftBId}/simulation/agenda`, {
      meetingId,
      rateYear: 2026,
    });
    expect(fin.statusCode).toBe(403);
    // Once held, the agenda is closed.
    await t.db
      .update(meetings)
      .set({ status: 'held', heldOn: '2026-12-06' })
      .where(eq(meetings.id, meetingId));
    const late = await fuzhou.post(`/api/rates/rule-sets/${draftBId}/simulation/agenda`, {
      meetingId,
      rateYear: 2026,
    });
    expect(late.statusCode).toBe(409);
  });

  it('exports it as XLSX', async () => {
    const res = await fuzhou.get(
      `/api/rates/rule-sets/${draftBId}/simulation.xlsx?jurisdiction=350121&rateYear=2026`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('rating the pool, notices, projection and appeals', () => {
  it('rates 闽侯 for 2026 with class, tier, rate, rationale and projected rate', async () => {
    const res = await fuzhou.post('/api/rates/runs', { jurisdiction: '350121', rateYear: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    runId = run.id;
    expect(run).toMatchObject({ cycleFromYear: 2023, cycleToYear: 2025, isExample: true });
    expect(run.summary).toMatchObject({
      employers: 5,
      byStatus: { rated: 3, short_insurance: 1, missing_premiums: 1 },
      up: 1,
      down: 1,
      // At base: chem 1,300 + soft 200 + young 1,300 + build 2,600 = 5,400 yuan; new 4,750 yuan.
      incomeAtBaseFen: 540_000,
      incomeAtNewFen: 475_000,
    });
    const list = await fuzhou.get(`/api/rates/runs/${runId}/assignments`);
    const byId = new Map(list.json().items.map((a: { employerId: number }) => [a.employerId, a]));
    expect(byId.get(E.chem)).toMatchObject({
      status: 'rated',
      riskClass: 6,
      baseRateBp: 130,
      multiplierPct: 150,
      rateMicro: 19_500,
      // Next cycle 2024–2026 if nothing changes: 2023's benefits drop out, 2026 repeats the
      // average (150,100 fen): 150,100 / 300,000 = 50.03 % → base.
      projectedMultiplierPct: 100,
      projectedRateMicro: 13_000,
    });
    expect(byId.get(E.missing)).toMatchObject({ status: 'missing_premiums', rateMicro: null });
    expect(
      (byId.get(E.missing) as { figures: { premiumsPaidFen: unknown } }).figures.premiumsPaidFen,
    ).toBeNull();
    expect(byId.get(E.young)).toMatchObject({
      status: 'short_insurance',
      multiplierPct: 100,
      rateMicro: 13_000,
    });
    expect((byId.get(E.chem) as { rationaleZh: string }).rationaleZh).toContain('支缴率（%） = 150.1');
  });

  it('stores each rating without its words and writes the same words when read (decision 0046)', async () => {
    const stored = await t.db
      .select({
        employerId: rateAssignments.employerId,
        rationaleZh: rateAssignments.rationaleZh,
        basis: rateAssignments.basis,
      })
      .from(rateAssignments)
      .where(eq(rateAssignments.runId, runId));
    expect(stored).toHaveLength(5);
    for (const a of stored) {
      expect(a.rationaleZh).toBeNull();
      expect(a.basis?.current.totals).toBeDefined();
    }
    // 化工: 2023–2025 benefits 450,300 fen over premiums 300,000 fen, written when the list is read.
    const chem = stored.find((a) => a.employerId === E.chem);
    expect(chem?.basis?.current.totals).toMatchObject({
      premiums: 300_000,
      benefits: 450_300,
      missingYears: [],
    });
    const [rs] = await t.db
      .select({ definition: rateRuleSets.definition })
      .from(rateRuns)
      .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
      .where(eq(rateRuns.id, runId));
    const path = (
      await t.db
        .select({ path: jurisdictions.path })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, '350121'))
    )[0]?.path as string;
    const eager = await computeRatings(t.db, {
      path,
      definition: rs?.definition as RuleDefinition,
      rateYear: 2026,
      texts: true,
    });
    const list = (await fuzhou.get(`/api/rates/runs/${runId}/assignments`)).json().items as {
      employerId: number;
      rationaleZh: string;
      rationaleEn: string;
      projectedRationaleZh: string | null;
      projectedRationaleEn: string | null;
    }[];
    expect(list).toHaveLength(5);
    for (const r of eager.ratings) {
      const read = list.find((a) => a.employerId === r.employerId);
      expect(read?.rationaleZh, String(r.employerId)).toBe(r.rationaleZh);
      expect(read?.rationaleEn).toBe(r.rationaleEn);
      expect(read?.projectedRationaleZh).toBe(r.projected?.rationaleZh ?? null);
      expect(read?.projectedRationaleEn).toBe(r.projected?.rationaleEn ?? null);
      expect(r.rationaleZh.length).toBeGreaterThan(10);
    }
  });

  it('reads hazards not rectified on time from the rectification records, when the rule names them', async () => {
    // E.build rates 50 % under example A (0 % 支缴率). Two rectifications of 闽侯's builder in the
    // cycle 2023–2025: one closed two days after its 2024-03-01 deadline (late), one closed on the
    // day of its deadline (on time); and one of 化工 due 2026-01-10, after the cycle (not counted).
    const county = await jurisdictionId('350121');
    const unit = await organisationId('福州市应急管理局');
    const base = {
      jurisdictionId: county,
      findingKind: 'hazard' as const,
      finding: '脚手架未设连墙件',
      suggestion: '限期整改',
      responsibleOrganisationId: unit,
      status: 'closed' as const,
    };
    await t.db.insert(rectifications).values([
      { ...base, employerId: E.build, deadline: '2024-03-01', closedAt: new Date('2024-03-03T02:00:00Z') },
      { ...base, employerId: E.build, deadline: '2025-05-01', closedAt: new Date('2025-05-01T09:00:00Z') },
      { ...base, employerId: E.chem, deadline: '2026-01-10', closedAt: null, status: 'issued' as const },
    ]);
    const path = (
      await t.db
        .select({ path: jurisdictions.path })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, '350121'))
    )[0]?.path as string;
    const a = exampleClaimRatioLadder();
    const strict = {
      ...a,
      disqualifiers: [...a.disqualifiers, { kind: 'hazard' as const, effect: 'no_decrease' as const }],
    };
    const plain = await computeRatings(t.db, { path, definition: a, rateYear: 2026 });
    const withHazards = await computeRatings(t.db, { path, definition: strict, rateYear: 2026, texts: true });
    const build = (r: typeof plain) => r.ratings.find((x) => x.employerId === E.build);
    expect(build(plain)).toMatchObject({ multiplierPct: 50 });
    // One late rectification: no floating down → base 100 %, 1.3 % = 13,000.
    expect(build(withHazards)).toMatchObject({ multiplierPct: 100, rateMicro: 13_000 });
    expect(build(withHazards)?.rationaleZh).toContain('隐患或超标危害因素 1 项未按期整改');
    expect(build(withHazards)?.basis.current.totals.lateRectifications).toBe(1);
    // 化工's rectification falls due after the cycle: nothing counted, its rate unchanged (150 %).
    const chem = withHazards.ratings.find((x) => x.employerId === E.chem);
    expect(chem?.basis.current.totals.lateRectifications).toBe(0);
    expect(chem).toMatchObject({ multiplierPct: 150 });
    await t.db.delete(rectifications).where(eq(rectifications.jurisdictionId, county));
  });

  let assignmentId: number;
  let appealId: number;

  it('the employer reads its own notice and appeals; others cannot', async () => {
    const user = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: E.chem });
    const chem = await t.signIn(user.username, TEST_PASSWORD);
    const own = await chem.get('/api/own-rates');
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(1);
    const notice = own.json().items[0];
    assignmentId = notice.assignment.id;
    expect(notice.assignment).toMatchObject({
      employerId: E.chem,
      rateMicro: 19_500,
      projectedRateMicro: 13_000,
    });
    expect(notice.run).toMatchObject({ rateYear: 2026, isExample: true });
    const otherUser = await t.buildUser({
      role: 'employer',
      jurisdictionCode: '350121',
      organisationId: E.soft,
    });
    const other = await t.signIn(otherUser.username, TEST_PASSWORD);
    const others = (await other.get('/api/own-rates')).json().items;
    expect(others.map((n: { assignment: { employerId: number } }) => n.assignment.employerId)).toEqual([
      E.soft,
    ]);
    expect((await other.post(`/api/own-rates/${assignmentId}/appeals`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    const appeal = await chem.post(`/api/own-rates/${assignmentId}/appeals`, {
      reason: '2023年待遇支出含一笔已追回的误付款，请核减后重新评定',
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    appealId = appeal.json().id;
    expect((await chem.post(`/api/own-rates/${assignmentId}/appeals`, { reason: '再次' })).statusCode).toBe(
      409,
    );
  });

  it('the agency decides: a tier outside the class is refused; upheld corrects the rate', async () => {
    expect(
      (await xiamen.post(`/api/rates/appeals/${appealId}/decision`, { decision: 'dismissed', note: 'x' }))
        .statusCode,
    ).toBe(404);
    const wrong = await fuzhou.post(`/api/rates/appeals/${appealId}/decision`, {
      decision: 'upheld',
      note: '核减误付款',
      correctedMultiplierPct: 90,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('correctedMultiplierPct');
    const ok = await fuzhou.post(`/api/rates/appeals/${appealId}/decision`, {
      decision: 'upheld',
      note: '核减误付款后支缴率为100%，按基准费率的120%',
      correctedMultiplierPct: 120,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'upheld', correctedMultiplierPct: 120 });
    const notice = await fuzhou.get(`/api/rates/assignments/${assignmentId}`);
    // 130 bp × 120 % = 1.56 %
    expect(notice.json().assignment).toMatchObject({
      correctedMultiplierPct: 120,
      correctedRateMicro: 15_600,
    });
    expect(
      (await fuzhou.post(`/api/rates/appeals/${appealId}/decision`, { decision: 'dismissed', note: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('states that floating ran and its effect (for the scorecard)', async () => {
    const res = await fujian.get('/api/rates/effect?jurisdiction=350121&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      jurisdictionCode: '350121',
      year: 2026,
      ran: true,
      runId,
      ruleSetName: '示例A：支缴率阶梯',
      isExample: true,
      employers: 5,
      rated: 4,
      up: 1,
      down: 1,
      atBase: 2,
      notRated: 1,
      incomeAtBaseFen: 540_000,
      incomeAtNewFen: 475_000,
      appeals: 1,
      appealsUpheld: 1,
    });
    const none = await fujian.get('/api/rates/effect?jurisdiction=350122&year=2026');
    expect(none.json()).toMatchObject({ ran: false, employers: 0 });
  });

  it('hides the run from a sibling jurisdiction and audits every step', async () => {
    expect((await xiamen.get(`/api/rates/runs/${runId}`)).statusCode).toBe(404);
    expect((await xiamen.get(`/api/rates/assignments/${assignmentId}`)).statusCode).toBe(404);
    const actions = (
      await t.db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.action, 'rates.%'))
    ).map((a) => a.action);
    for (const action of [
      'rates.rule_set.draft',
      'rates.rule_set.approve',
      'rates.rule_set.adopt',
      'rates.run',
      'rates.appeal.submit',
      'rates.appeal.decide',
    ])
      expect(actions).toContain(action);
  });
});

describe('the contributions exchange format (单位缴费与待遇)', () => {
  it('imports per-employer premiums and benefits in yuan into fen', async () => {
    const [org] = await t.db
      .select({ id: organisations.id, creditCode: organisations.creditCode })
      .from(organisations)
      .where(eq(organisations.name, '福州榕城建筑工程有限公司'));
    const csv = [
      '统一社会信用代码,年度,单位参保日期,缴费工资总额（元）,实缴工伤保险费（元）,基金支付待遇（元）,欠缴金额（元）',
      `${org?.creditCode},2025,2012-03-01,25600000.00,230400.50,86000.00,`,
    ].join('\n');
    const res = await fuzhou.request({
      method: 'POST',
      url: `/api/exchange/batches?domain=contributions&fileName=${encodeURIComponent('缴费.csv')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.idle();
    const batch = await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`);
    expect(batch.json().status, batch.body).toBe('committed');
    const rows = await t.db
      .select()
      .from(employerContributions)
      .where(eq(employerContributions.employerId, org?.id ?? 0));
    expect(rows).toEqual([
      expect.objectContaining({
        year: 2025,
        insuredFrom: '2012-03-01',
        wageBillFen: 2_560_000_000,
        premiumsPaidFen: 23_040_050,
        benefitsPaidFen: 8_600_000,
        arrearsFen: 0,
      }),
    ]);
  });
});

describe('appeal files', () => {
  it('the employer attaches a file to its open appeal; the officer downloads it; others cannot', async () => {
    const user = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: E.build });
    const build = await t.signIn(user.username, TEST_PASSWORD);
    const [notice] = (await build.get('/api/own-rates')).json().items;
    const appeal = await build.post(`/api/own-rates/${notice.assignment.id}/appeals`, {
      reason: '附工资总额核定表',
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const body = Buffer.from('工资总额核定表 2025');
    const upload = (agent: Agent) =>
      agent.request({
        method: 'POST',
        url: `/api/own-rates/appeals/${appeal.json().id}/files?fileName=${encodeURIComponent('核定表.txt')}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const other = await t.signIn(
      (await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: E.soft })).username,
      TEST_PASSWORD,
    );
    expect((await upload(other)).statusCode).toBe(404);
    const file = await upload(build);
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ fileName: '核定表.txt', sizeBytes: body.length });
    const download = await fuzhou.get(`/api/rates/appeal-files/${file.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(body)).toBe(true);
    expect((await xiamen.get(`/api/rates/appeal-files/${file.json().id}`)).statusCode).toBe(404);
    const listed = (await fuzhou.get('/api/rates/appeals?jurisdiction=350121')).json().items;
    expect(listed.find((a: { id: number }) => a.id === appeal.json().id).files).toEqual([
      { id: file.json().id, fileName: '核定表.txt', sizeBytes: body.length },
    ]);
  });
});
