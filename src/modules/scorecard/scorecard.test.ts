import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/rows.js';
import { fixedClock } from '../../platform/time.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import {
  implementationReports,
  meetings,
  memberReports,
  rectifications,
} from '../joint-meeting/workflow.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { preventionBudgets, preventionProjects } from '../projects/projects.tables.js';
import { publicityCampaigns, warningBases } from '../publicity/publicity.tables.js';
import { exampleClaimRatioLadder } from '../rates/rates.data.js';
import { rateRuleSets, rateRuns } from '../rates/rates.tables.js';

/**
 * The scorecard (SV-1) of 福建省's prefectures for 2026, composed on 2026-12-07, on records built by
 * hand: 宁德市 (350900) has a record for every module, 莆田市 (350300) a few poor ones, the rest of
 * the province nothing (the test database holds no demo programme records). Every score is worked
 * out by hand in the comments, with the default rule set (weights out of 100).
 */
let t: TestApp;
let province: Agent;
let ningdeOfficer: Agent;
let xiamen: Agent;
let member: Agent;
let employer: Agent;
const ids: Record<string, number> = {};

interface Item {
  indicator: string;
  weight: number;
  assessed: boolean;
  value: number | string | null;
  display: string;
  reason: string | null;
  score: number | null;
  link: { path: string; query: Record<string, string> };
}
interface Unit {
  code: string;
  name: string;
  rank: number | null;
  total: number | null;
  assessedWeight: number;
  rawScore: number;
  items: Item[];
}

const scorecard = async (agent: Agent = province, query = 'jurisdiction=350000&year=2026') => {
  const response = await agent.get(`/api/scorecard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { status: string; units: Unit[]; signedAt: string | null };
};
const unitOf = (card: { units: Unit[] }, code: string) => {
  const found = card.units.find((u) => u.code === code);
  if (!found) throw new Error(`no unit ${code}`);
  return found;
};
const itemOf = (unit: Unit, indicator: string) => {
  const found = unit.items.find((i) => i.indicator === indicator);
  if (!found) throw new Error(`no item ${indicator}`);
  return found;
};

async function jurisdictionId(code: string) {
  const [row] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  if (!row) throw new Error(`no jurisdiction ${code}`);
  return row.id;
}
function idNumber(n: number) {
  const first17 = `350902198503${String(n).padStart(2, '0')}${String(200 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T04:00:00Z'), logger: { level: 'error' } });
  province = await t.signIn(
    (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' })).username,
    TEST_PASSWORD,
  );
  ningdeOfficer = await t.signIn(
    (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350900' })).username,
    TEST_PASSWORD,
  );
  xiamen = await t.signIn(
    (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' })).username,
    TEST_PASSWORD,
  );
  member = await t.signIn(
    (await t.buildUser({ role: 'member_officer', jurisdictionCode: '350000' })).username,
    TEST_PASSWORD,
  );
  employer = await t.signIn(
    (await t.buildUser({ role: 'employer', jurisdictionCode: '350000' })).username,
    TEST_PASSWORD,
  );
  for (const code of ['350000', '350900', '350902', '350300', '350100'])
    ids[code] = await jurisdictionId(code);

  // ── 宁德市 ──
  const orgs = await t.db
    .insert(organisations)
    .values([
      {
        kind: 'member_department',
        name: '宁德市人社局（测试）',
        department: 'hrss',
        jurisdictionId: ids['350900'] as number,
      },
      {
        kind: 'member_department',
        name: '宁德市应急局（测试）',
        department: 'emergency',
        jurisdictionId: ids['350900'] as number,
      },
      {
        kind: 'employer',
        name: '蕉城测试建筑有限公司',
        industryCode: '4710',
        jurisdictionId: ids['350902'] as number,
      },
      {
        kind: 'industry_association',
        name: '宁德市建筑业协会（测试）',
        jurisdictionId: ids['350900'] as number,
      },
    ])
    .returning({ id: organisations.id });
  const [hrss, emergency, builder, association] = orgs.map((o) => o.id) as [number, number, number, number];
  ids.builder = builder;

  // meetingAfterAccounts: held 2026-06-18, after the accounts (05-31) → 1 → 10 of 10.
  // 莆田市: its only 2026 meeting was 2026-03-10, before the accounts → 0 → 0 of 10.
  const meeting = (jurisdiction: number, heldOn: string) => ({
    jurisdictionId: jurisdiction,
    kind: 'regular' as const,
    title: `联席会议 ${heldOn}`,
    reportYear: 2025,
    plannedOn: heldOn,
    status: 'held' as const,
    heldOn,
  });
  await t.db
    .insert(meetings)
    .values([meeting(ids['350900'] as number, '2026-06-18'), meeting(ids['350300'] as number, '2026-03-10')]);

  // memberReportsOnTime (due 11-30): 人社 submitted 11-20 (on time), 应急 12-02 (late) → 50 % → 8 × 0.5 = 4.
  const report = (organisationId: number, submittedAt: string) => ({
    jurisdictionId: ids['350900'] as number,
    organisationId,
    year: 2026,
    template: 'generic',
    content: {},
    status: 'submitted' as const,
    submittedAt: at(submittedAt),
  });
  await t.db
    .insert(memberReports)
    .values([report(hrss, '2026-11-20T02:00:00Z'), report(emergency, '2026-12-02T02:00:00Z')]);

  // yearlyReportOnTime (prefectures due 12-20): 宁德 submitted 12-05 → 1 → 8 of 8. 莆田: none, not yet due → not assessed.
  await t.db.insert(implementationReports).values({
    jurisdictionId: ids['350900'] as number,
    year: 2026,
    content: {},
    status: 'submitted',
    composedAt: at('2026-12-04T02:00:00Z'),
    submittedAt: at('2026-12-05T02:00:00Z'),
  });

  // rectificationsOnTime: due in 2026 up to today: 06-30 closed 06-20 (on time), 08-31 closed 09-10 (late),
  // 10-31 still open (late); 12-31 is not due yet and 2025-12-31 is another year → 1 of 3 = 33.3 % → 10 × 0.333 = 3.33.
  const rect = (deadline: string, closedAt: string | null) => ({
    jurisdictionId: ids['350902'] as number,
    employerId: builder,
    findingKind: 'hazard' as const,
    finding: '脚手架未设防护栏',
    suggestion: '限期设置防护栏',
    deadline,
    responsibleOrganisationId: emergency,
    status: closedAt ? ('closed' as const) : ('issued' as const),
    closedAt: closedAt ? at(closedAt) : null,
    createdAt: at('2026-01-15T02:00:00Z'),
  });
  await t.db
    .insert(rectifications)
    .values([
      rect('2026-06-30', '2026-06-20T02:00:00Z'),
      rect('2026-08-31', '2026-09-10T02:00:00Z'),
      rect('2026-10-31', null),
      rect('2026-12-31', null),
      rect('2025-12-31', '2025-12-01T02:00:00Z'),
    ]);

  // feeExecution: ¥10,000 paid of a ¥25,000 budget = 40 % against 80 % → 10 × 0.5 = 5.
  await t.db.insert(preventionBudgets).values({
    jurisdictionId: ids['350900'] as number,
    year: 2026,
    baseIncomeFen: 100_000_000,
    capBasisPoints: 300,
    capFen: 3_000_000,
    budgetFen: 2_500_000,
    committedFen: 500_000,
    paidFen: 1_000_000,
    keyFields: ['建筑施工'],
    updatedBy: 'test',
  });
  // projectAcceptance: approved 3 (accepted, disclosed, in_progress), accepted 2 → 66.7 % against 90 %
  // → 8 × 66.7 ÷ 90 = 5.93. Rejected and declared are not approved; 2025's is another year.
  const project = (year: number, jurisdiction: number, status: string) => ({
    jurisdictionId: jurisdiction,
    year,
    applicantOrganisationId: association,
    type: 'training' as const,
    title: `project-${status}-${year}`,
    keyField: '建筑施工',
    summary: '测试项目',
    budgetLines: [{ item: '培训', amountFen: 1_000_000 }],
    requestedFen: 1_000_000,
    status: status as 'declared',
    contractFen: 500_000,
    createdBy: 'test',
  });
  await t.db
    .insert(preventionProjects)
    .values([
      project(2026, ids['350900'] as number, 'accepted'),
      project(2026, ids['350902'] as number, 'disclosed'),
      project(2026, ids['350900'] as number, 'in_progress'),
      project(2026, ids['350900'] as number, 'rejected'),
      project(2026, ids['350900'] as number, 'declared'),
      project(2025, ids['350900'] as number, 'accepted'),
    ]);

  // trainingCoverage: two key posts held since 2025-01-01 (past grace), the principal trained → 50 %
  // against 90 % → 10 × 50 ÷ 90 = 5.56.
  for (const [n, roleCode] of [
    [1, 'principal'],
    [2, 'team_leader'],
  ] as const) {
    const response = await ningdeOfficer.post('/api/training/holders', {
      employerId: builder,
      roleCode,
      personName: `人员${n}`,
      idNumber: idNumber(n),
      startedOn: '2025-01-01',
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  const course = await ningdeOfficer.post('/api/training/courses', {
    title: '主要负责人工伤预防培训',
    form: 'offline',
    roleCodes: ['principal'],
    contentItems: ['policy', 'accident_prevention', 'warning_education'],
    hours: 16,
  });
  expect(course.statusCode, course.body).toBe(201);
  const completion = await ningdeOfficer.post('/api/training/completions', {
    courseId: course.json().id,
    personName: '人员1',
    idNumber: idNumber(1),
    completedOn: '2026-03-01',
    method: 'offline',
    employerId: builder,
  });
  expect(completion.statusCode, completion.body).toBe(201);

  // campaignQuota: one campaign held in 蕉城区 for one key industry → 1 cell of the board held.
  const board = (await province.get('/api/publicity/quota-board?jurisdiction=350900&year=2026')).json();
  ids.keyIndustry = board.industries[0].id;
  const [period] = await selectRows<{ id: number }>(
    t.db,
    sql`select id from plan_periods where code = ${board.planPeriod}`,
  );
  ids.planPeriod = period?.id as number;
  await t.db.insert(publicityCampaigns).values({
    jurisdictionId: ids['350902'] as number,
    year: 2026,
    planPeriodId: ids.planPeriod as number,
    title: '安全生产月集中宣传',
    industries: [{ name: board.industries[0].name, keyIndustryId: ids.keyIndustry as number }],
    topics: ['工伤预防'],
    organisers: [{ kind: 'member_unit', name: '宁德市人社局' }],
    channels: ['现场'],
    startsOn: '2026-06-01',
    endsOn: '2026-06-30',
    status: 'accepted',
    events: 3,
    createdBy: 'test',
  });

  // warningBases: one base in 蕉城区 → 1 of 宁德's 9 counties = 11.1 % → 4 × 0.111 = 0.44.
  await t.db.insert(warningBases).values({
    employerId: builder,
    jurisdictionId: ids['350902'] as number,
    name: '蕉城警示教育基地',
    address: '蕉城区',
    cases: '高处坠落',
    exhibits: '展板',
    capacity: 50,
    openingTimes: '工作日',
    booking: '电话预约',
    status: 'designated',
    appliedBy: 'test',
    appliedAt: at('2026-02-01T02:00:00Z'),
    designatedOn: '2026-03-01',
  });

  // rateFloating: 宁德 ran floating for 2026 → 1 → 6 of 6; 莆田 has an adopted rule set but no run → 0.
  const ruleSet = (jurisdiction: number) => ({
    jurisdictionId: jurisdiction,
    version: 1,
    name: '示例规则',
    status: 'adopted' as const,
    effectiveFrom: '2026-01-01',
    definition: exampleClaimRatioLadder(),
    createdByUserId: 1,
    createdAt: at('2025-12-01T02:00:00Z'),
    updatedAt: at('2025-12-01T02:00:00Z'),
  });
  const [ningdeRules] = await t.db
    .insert(rateRuleSets)
    .values([ruleSet(ids['350900'] as number), ruleSet(ids['350300'] as number)])
    .returning({ id: rateRuleSets.id });
  await t.db.insert(rateRuns).values({
    ruleSetId: ningdeRules?.id as number,
    jurisdictionId: ids['350900'] as number,
    rateYear: 2026,
    cycleFromYear: 2023,
    cycleToYear: 2025,
    ranByUserId: 1,
    ranAt: at('2026-01-10T02:00:00Z'),
    // 3 employers: 2 rated (one up, one at the base rate), 1 not rated.
    summary: {
      employers: 3,
      byStatus: { rated: 2, not_rated: 1 },
      byTier: { up1: 1, base: 1 },
      up: 1,
      down: 0,
      incomeAtBaseFen: 2_000_000,
      incomeAtNewFen: 2_100_000,
    },
  });
});
afterAll(async () => t?.close());

describe('the scorecard of a province’s prefectures (SV-1)', () => {
  it('scores every indicator of 宁德市 as worked out by hand, re-based on the assessed weights', async () => {
    const card = await scorecard();
    const ningde = unitOf(card, '350900');
    const scores = Object.fromEntries(
      ningde.items.map((i) => [i.indicator, i.assessed ? [i.value, i.score] : i.reason]),
    );
    expect(scores).toEqual({
      meetingAfterAccounts: [1, 10],
      memberReportsOnTime: [50, 4],
      yearlyReportOnTime: [1, 8],
      rectificationsOnTime: [33.3, 3.33],
      accidentRatePath: 'no_baseline', // no injury records in the test database
      pneumoconiosisTrend: 'too_few_years',
      feeExecution: [40, 5],
      projectAcceptance: [66.7, 5.93],
      trainingCoverage: [50, 5.56],
      // 5 key industries × 11 areas? No: 宁德 and its 9 counties = 10 areas × 5 = 50 cells, 1 held
      // → 2 % → 6 × 0.02 = 0.12.
      campaignQuota: [2, 0.12],
      warningBases: [11.1, 0.44],
      rateFloating: [1, 6],
    });
  });

  it('shows on the rectifications page the two counts its score links to, for that year', async () => {
    const ningde = unitOf(await scorecard(), '350900');
    expect(itemOf(ningde, 'rectificationsOnTime')).toMatchObject({
      display: '33.3%（1/3）',
      link: { path: '/joint-meeting/rectifications', query: { jurisdiction: '350900', year: '2026' } },
    });
    const res = await province.get('/api/rectifications?jurisdiction=350900&year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // The four of 2026 (the one due 2025-12-31 is another year's); 12-31 is listed, not yet due.
    expect(body.items.map((r: { deadline: string }) => r.deadline).sort()).toEqual([
      '2026-06-30',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
    expect(body.onTime).toEqual({ year: 2026, dueBy: '2026-12-07', due: 3, closedOnTime: 1 });
    // 2025 has passed: counted to its last day; closed 12-01, due 12-31 → on time.
    const last = (await province.get('/api/rectifications?jurisdiction=350900&year=2025')).json();
    expect(last.onTime).toEqual({ year: 2025, dueBy: '2025-12-31', due: 1, closedOnTime: 1 });
    // Without a year, every suggestion and no counts.
    const all = (await province.get('/api/rectifications?jurisdiction=350900')).json();
    expect([all.total, all.onTime]).toEqual([5, undefined]);
  });

  it('re-bases the total on the assessed weights and ranks the prefectures, the unassessed last', async () => {
    const card = await scorecard();
    const ningde = unitOf(card, '350900');
    // Not assessed: accidentRatePath (15) and pneumoconiosisTrend (5) → assessed weight 80.
    // Raw 10 + 4 + 8 + 3.33 + 5 + 5.93 + 5.56 + 0.12 + 0.44 + 6 = 48.38 → 48.38 ÷ 80 × 100 = 60.475 → 60.48.
    expect([ningde.assessedWeight, ningde.rawScore, ningde.total]).toEqual([80, 48.38, 60.48]);
    // 莆田: meeting (10) and rate floating (6) assessed, both 0 → 0 of 16 → 0. 福州: its 9 rostered
    // member units reported nothing by 11-30 → 0 of 8 → 0. Both second; the rest assess nothing.
    const putian = unitOf(card, '350300');
    expect([putian.assessedWeight, putian.total]).toEqual([16, 0]);
    expect(itemOf(putian, 'yearlyReportOnTime')).toMatchObject({
      assessed: false,
      reason: 'not_due',
      score: null,
    });
    const fuzhou = unitOf(card, '350100');
    expect([fuzhou.assessedWeight, fuzhou.total]).toEqual([8, 0]);
    expect(card.units.slice(0, 3).map((u) => [u.code, u.rank])).toEqual([
      ['350900', 1],
      ['350100', 2],
      ['350300', 2],
    ]);
    const rest = card.units.slice(3);
    expect(rest.length).toBe(7); // 厦门 三明 泉州 漳州 南平 龙岩 平潭
    for (const u of rest) {
      expect([u.rank, u.total, u.assessedWeight], u.name).toEqual([null, null, 0]);
      // Never a 0 for a module not in use: every item says so.
      for (const item of u.items)
        expect([item.assessed, item.score, item.display]).toEqual([false, null, '不参与考核']);
    }
  });

  it('links each score to the records behind it', async () => {
    const ningde = unitOf(await scorecard(), '350900');
    expect(itemOf(ningde, 'rectificationsOnTime').link).toEqual({
      path: '/joint-meeting/rectifications',
      query: { jurisdiction: '350900', year: '2026' },
    });
    expect(itemOf(ningde, 'meetingAfterAccounts').link.path).toBe('/joint-meeting/meetings');
    expect(itemOf(ningde, 'feeExecution').link).toEqual({
      path: '/finance',
      query: { jurisdiction: '350900', year: '2026' },
    });
    expect(itemOf(ningde, 'trainingCoverage').link).toEqual({
      path: '/training',
      query: { jurisdiction: '350900' },
    });
    // The plan period in force in the assessed year (2026 → 2026–2030).
    expect(itemOf(ningde, 'accidentRatePath').link).toEqual({
      path: '/analytics/targets',
      query: { jurisdiction: '350900', planPeriod: '2026-2030' },
    });
  });

  it('reads the same figures as the pages that own them', async () => {
    const ningde = unitOf(await scorecard(), '350900');
    const coverage = (
      await province.get('/api/training/coverage?jurisdiction=350900&asOf=2026-12-07')
    ).json();
    expect(itemOf(ningde, 'trainingCoverage').value).toBe(coverage.totals.coveragePct);
    const board = (await province.get('/api/publicity/quota-board?jurisdiction=350900&year=2026')).json();
    expect(itemOf(ningde, 'campaignQuota').value).toBe(board.summary.heldPct);
    const bases = (await province.get('/api/publicity/base-coverage?jurisdiction=350900')).json();
    expect(itemOf(ningde, 'warningBases').display).toBe(
      `11.1%（${bases.summary.countiesCovered}/${bases.summary.counties}）`,
    );
    const effect = (await province.get('/api/rates/effect?jurisdiction=350900&year=2026')).json();
    expect([itemOf(ningde, 'rateFloating').value, effect.ran]).toEqual([1, true]);
    const targets = (await province.get('/api/analytics/targets?jurisdiction=350900')).json();
    expect(itemOf(ningde, 'accidentRatePath').reason).toBe(targets.jurisdiction.status);
    // The province's yearly report: its prevention-fee section (only 宁德 has a budget) and its
    // scorecard section show the same figures.
    const report = await province.post('/api/implementation-reports', {
      jurisdictionCode: '350000',
      year: 2026,
    });
    expect(report.statusCode, report.body).toBe(200);
    const parts = report.json().parts as {
      key: string;
      status: string;
      rows: { label: string; value: unknown }[];
    }[];
    const projects = parts.find((p) => p.key === 'projects');
    expect(projects?.rows.find((r) => r.label === '预算执行率（%）')?.value).toBe(
      itemOf(ningde, 'feeExecution').value,
    );
    const section = parts.find((p) => p.key === 'scorecard');
    expect(section?.status).toBe('ok');
    expect(section?.rows.slice(0, 4)).toEqual([
      { label: '考核状态', value: '未确认（实时计算）' },
      { label: '第1名 宁德市', value: '60.48分' },
      { label: '第2名 福州市', value: '0分' },
      { label: '第2名 莆田市', value: '0分' },
    ]);
  });

  it('lets a prefecture see its counties', async () => {
    const card = await scorecard(ningdeOfficer, 'jurisdiction=350900&year=2026');
    expect(card.units.length).toBe(9);
    const jiaocheng = unitOf(card, '350902');
    // 蕉城区: rectifications 1 of 3 on time (3.33 of 10), the disclosed project (1 of 1 → 100 % ≥ 90 %:
    // 8), key posts 50 % (5.56), the campaign 1 of 5 cells (20 % → 1.2), its base (100 % → 4); the rate
    // rule set of 宁德 covers it and floating ran for 宁德, its pooling area: 6.
    const scores = Object.fromEntries(
      jiaocheng.items.filter((i) => i.assessed).map((i) => [i.indicator, i.score]),
    );
    expect(scores).toEqual({
      rectificationsOnTime: 3.33,
      projectAcceptance: 8,
      trainingCoverage: 5.56,
      campaignQuota: 1.2,
      warningBases: 4,
      rateFloating: 6,
    });
    // 28.09 of 44 assessed → 63.84. The other 8 counties assess only rate floating (宁德's run covers
    // them): 6 of 6 → 100, all first; 蕉城 ninth.
    expect([jiaocheng.total, jiaocheng.rank]).toEqual([63.84, 9]);
    expect(card.units.filter((u) => u.code !== '350902').map((u) => [u.total, u.rank])).toEqual(
      Array.from({ length: 8 }, () => [100, 1]),
    );
  });

  it('never shows a sibling’s scorecard and refuses those without the permission', async () => {
    expect((await xiamen.get('/api/scorecard?jurisdiction=350900&year=2026')).statusCode).toBe(404);
    expect((await employer.get('/api/scorecard?jurisdiction=350000&year=2026')).statusCode).toBe(403);
    expect((await member.get('/api/scorecard?jurisdiction=350000&year=2026')).statusCode).toBe(200);
    const put = await member.put('/api/scorecard/rule-set', {
      jurisdictionCode: '350000',
      year: 2026,
      ruleSet: (await province.get('/api/scorecard/indicators')).json().defaultRuleSet,
    });
    expect(put.statusCode).toBe(403);
  });
});

describe('the rule set is data, checked before it is stored', () => {
  const base = async () => (await province.get('/api/scorecard/indicators')).json().defaultRuleSet;
  const put = (ruleSet: unknown, year = 2025) =>
    province.put('/api/scorecard/rule-set', { jurisdictionCode: '350000', year, ruleSet });

  it('refuses an unknown indicator, naming the field', async () => {
    const ruleSet = await base();
    ruleSet.indicators[2].indicator = 'meetingsHeldTwice';
    const response = await put(ruleSet);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual(
      expect.objectContaining({ field: 'indicators.2.indicator', code: 'unknown_indicator' }),
    );
  });

  it('refuses weights that do not add up to the total, naming the field', async () => {
    const ruleSet = await base();
    ruleSet.indicators[0].weight = 20; // 110 of 100
    const response = await put(ruleSet);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      { field: 'indicators.weight', code: 'weights_sum', message: 'the weights add up to 110, not 100' },
    ]);
  });

  it('refuses a rule of the wrong kind and a level the indicator does not have', async () => {
    const ruleSet = await base();
    ruleSet.indicators[4].rule = { kind: 'levels', levels: { on_track: 1, ahead: 1 } };
    ruleSet.indicators[0].rule = { kind: 'levels', levels: { on_track: 1 } };
    const fields = (await put(ruleSet)).json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(['indicators.0.rule.kind', 'indicators.4.rule.levels.ahead']);
  });

  it('refuses a malformed request by zod, naming the field', async () => {
    const ruleSet = await base();
    ruleSet.fundAccountsClosedBy = '13-01';
    const response = await put(ruleSet);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('fundAccountsClosedBy');
  });

  it('stores a province’s own rule set, which its prefectures then see', async () => {
    const ruleSet = await base();
    // Only two indicators, 50 + 50: 宁德's 2026 would be meeting 50 + rate floating 50.
    const own = {
      totalWeight: 100,
      fundAccountsClosedBy: '07-01',
      indicators: [
        { indicator: 'meetingAfterAccounts', weight: 50, rule: { kind: 'atLeast', threshold: 1 } },
        { indicator: 'rateFloating', weight: 50, rule: { kind: 'atLeast', threshold: 1 } },
      ],
    };
    expect(ruleSet.indicators.length).toBe(12);
    const response = await put(own, 2025);
    expect(response.statusCode, response.body).toBe(200);
    const seen = (await ningdeOfficer.get('/api/scorecard/rule-set?jurisdiction=350900&year=2025')).json();
    expect([seen.definedAt, seen.ruleSet.fundAccountsClosedBy]).toEqual(['350000', '07-01']);
    // Another year keeps the default.
    expect(
      (await ningdeOfficer.get('/api/scorecard/rule-set?jurisdiction=350900&year=2026')).json().definedAt,
    ).toBe(null);
  });
});

describe('sign-off freezes the scorecard', () => {
  it('stores the scorecard, audits it, and later records no longer change it', async () => {
    const signed = await province.post('/api/scorecard/sign-off', {
      jurisdictionCode: '350000',
      year: 2026,
      note: '经省联席会议审定',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', note: '经省联席会议审定' });
    // 莆田 now holds a meeting after the accounts: the live score would change, the signed one does not.
    await t.db.insert(meetings).values({
      jurisdictionId: ids['350300'] as number,
      kind: 'regular',
      title: '补开联席会议',
      reportYear: 2025,
      plannedOn: '2026-12-01',
      status: 'held',
      heldOn: '2026-12-01',
    });
    const card = await scorecard();
    expect(card.status).toBe('signed');
    expect(unitOf(card, '350300').total).toBe(0);
    expect(unitOf(card, '350900').total).toBe(60.48);
    const again = await province.post('/api/scorecard/sign-off', { jurisdictionCode: '350000', year: 2026 });
    expect(again.statusCode).toBe(409);
    const rules = await province.put('/api/scorecard/rule-set', {
      jurisdictionCode: '350000',
      year: 2026,
      ruleSet: (await province.get('/api/scorecard/indicators')).json().defaultRuleSet,
    });
    expect(rules.statusCode).toBe(409);
    const audit = await selectRows(
      t.db,
      sql`select action, target_id from audit_log where action like 'scorecard.%' order by id`,
    );
    expect(audit).toEqual([
      { action: 'scorecard.rule_set.save', target_id: '350000/2025' },
      { action: 'scorecard.sign_off', target_id: '350000/2026' },
    ]);
  });

  it('exports the signed scorecard as XLSX and as an official document', async () => {
    const xlsx = await province.get('/api/scorecard/xlsx?jurisdiction=350000&year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual(expect.arrayContaining([1, '350900', '宁德市', 60.48, 80]));
    expect(sheet?.getRow(5).getCell(4).value).toBe('不参与考核');
    const html = await province.get('/api/scorecard/print?jurisdiction=350000&year=2026');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h1>福建省2026年度工伤预防工作考核评分结果</h1>');
    expect(html.body).toContain('<td>1</td><td>宁德市</td><td>60.48</td><td>80</td>');
    expect(html.body).toContain('<p>2026年12月7日</p>');
    const docx = await province.get('/api/scorecard/print?jurisdiction=350000&year=2026&format=docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });
});
