import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { buildBudget, buildFundRow } from '../../../test/projects-builders.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { fixedClock } from '../../platform/time.js';
import { makeCreditCode } from '../../seed/demo.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { followUps, rectifications } from '../joint-meeting/workflow.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifications } from '../notifications/notifications.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 本单位 (issue 17 item 7) as of 2026-12-07: two employers of 闽侯县, A (large, construction 4710)
 * and B (machinery 3411), each with its own account. Every figure below is worked out by hand
 * from the rows the fixture writes, and B's account must see none of A's.
 */
let t: TestApp;
let fuzhou: Agent;
let agentA: Agent;
let agentB: Agent;
const ids = {} as Record<'A' | 'B' | 'userA' | 'userB' | 'course' | 'rectA' | 'rectB' | 'emergency', number>;
const holder = (n: number) => makeIdNumber('350121', '1980-03-15', 'male', 600 + n);
const injured = (n: number) => makeIdNumber('350121', '1985-06-15', 'female', 700 + n);

async function jurisdictionId(code: string) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.id as number;
}

async function addEmployer(name: string, industryCode: string, serial: number, sizeBand: 'large' | 'small') {
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name,
      creditCode: makeCreditCode('350121', serial),
      creditCodeStatus: 'valid',
      industryCode,
      sizeBand,
      jurisdictionId: await jurisdictionId('350121'),
    })
    .returning({ id: organisations.id });
  return row?.id as number;
}

async function addInjury(
  employerId: number,
  n: number,
  occurredOn: string,
  determinedOn: string,
  isDeath = false,
) {
  await t.db.insert(injuryCases).values({
    caseNo: `本单位测试〔${determinedOn.slice(0, 4)}〕${n}号`,
    employerId,
    jurisdictionId: await jurisdictionId('350121'),
    idNumber: injured(n),
    idNumberIndex: injured(n), // encryption off in tests
    personName: `欧阳职工${n}`,
    sex: 'female',
    birthDate: '1985-06-15',
    post: '架子工',
    occurredOn,
    determinedOn,
    ground: '14-1',
    accidentCategory: '05',
    severity: isDeath ? 'death' : 'minor',
    isDeath,
    fundExpenditureFen: 100_000,
    batchId: 0,
  });
}

async function hold(employerId: number, roleCode: string, n: number, startedOn: string) {
  const res = await fuzhou.post('/api/training/holders', {
    employerId,
    roleCode,
    personName: `岗位人员${n}`,
    idNumber: holder(n),
    startedOn,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function issue(employerId: number, finding: string) {
  const res = await fuzhou.post('/api/rectifications', {
    jurisdictionCode: '350100',
    employerId,
    findingKind: 'hazard',
    finding,
    suggestion: '30 日内整改并报送整改报告',
    deadline: '2026-12-31',
    responsibleOrganisationId: ids.emergency,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T04:00:00Z') });
  fuzhou = await t.signIn('fuzhou');
  ids.A = await addEmployer('闽侯本单位建筑有限公司', '4710', 9101, 'large');
  ids.B = await addEmployer('闽侯邻家机械有限公司', '3411', 9102, 'small');
  const [emergency] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '福州市应急管理局'));
  ids.emergency = emergency?.id as number;
  // A's headcount: 2022 80, 2023 100, 2024 120, 2025 150; none yet for 2026. B: 2025 999.
  for (const [year, n] of [
    [2022, 80],
    [2023, 100],
    [2024, 120],
    [2025, 150],
  ] as const)
    await t.db
      .insert(insuredHeadcounts)
      .values({ employerId: ids.A, year, averageInsured: n, averagePaying: n, batchId: 0 });
  await t.db
    .insert(insuredHeadcounts)
    .values({ employerId: ids.B, year: 2025, averageInsured: 999, averagePaying: 999, batchId: 0 });
  // A's injuries, by year of determination (the default basis): 2024 two, 2025 one (a death),
  // 2026 one; the 2023 accident determined in 2024 counts in 2024. B: one in 2025.
  await addInjury(ids.A, 1, '2023-12-20', '2024-02-01');
  await addInjury(ids.A, 2, '2024-05-10', '2024-06-01');
  await addInjury(ids.A, 3, '2025-03-10', '2025-04-01', true);
  await addInjury(ids.A, 4, '2026-09-10', '2026-10-01');
  await addInjury(ids.B, 5, '2025-07-10', '2025-08-01');
  // A's key posts: p1 principal since 2019, trained 2026-08-15 (valid); p2 team leader since 2019,
  // untrained (due: past the 90-day grace); p3 team leader since 2026-11-01 (in grace, not due).
  // Held 3, due 2, trained 1: 50 %. B: one untrained principal since 2019.
  const course = await fuzhou.post('/api/training/courses', {
    title: '本单位测试：负责人与班组长培训',
    form: 'offline',
    roleCodes: ['principal', 'team_leader'],
    contentItems: ['policy', 'warning_education'],
    hours: 16,
  });
  expect(course.statusCode, course.body).toBe(201);
  ids.course = course.json().id;
  await hold(ids.A, 'principal', 1, '2019-01-01');
  await hold(ids.A, 'team_leader', 2, '2019-01-01');
  await hold(ids.A, 'team_leader', 3, '2026-11-01');
  await hold(ids.B, 'principal', 4, '2019-01-01');
  const done = await fuzhou.post('/api/training/completions', {
    courseId: ids.course,
    personName: '岗位人员1',
    idNumber: holder(1),
    completedOn: '2026-08-15',
    method: 'offline',
  });
  expect(done.statusCode, done.body).toBe(201);
  ids.rectA = await issue(ids.A, '脚手架连墙件缺失');
  ids.rectB = await issue(ids.B, '冲压设备防护罩缺失');
  // Fuzhou's 2026 prevention-fee budget: A (large) may declare into it.
  await buildFundRow(t);
  await buildBudget(fuzhou);
  const userA = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: ids.A });
  const userB = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: ids.B });
  ids.userA = userA.id;
  ids.userB = userB.id;
  agentA = await t.signIn(userA.username, TEST_PASSWORD);
  agentB = await t.signIn(userB.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('本单位: the employer’s own record', () => {
  it('gives A’s headcount and injuries by year, by hand', async () => {
    const res = await agentA.get('/api/my-employer');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.employer).toMatchObject({
      id: ids.A,
      name: '闽侯本单位建筑有限公司',
      creditCode: makeCreditCode('350121', 9101),
      jurisdictionCode: '350121',
      sizeBand: 'large',
    });
    expect(body.years).toEqual([
      { year: 2022, averageInsured: 80, injuries: 0, cases: 0, deaths: 0 },
      { year: 2023, averageInsured: 100, injuries: 0, cases: 0, deaths: 0 },
      { year: 2024, averageInsured: 120, injuries: 2, cases: 2, deaths: 0 },
      { year: 2025, averageInsured: 150, injuries: 1, cases: 1, deaths: 1 },
      { year: 2026, averageInsured: null, injuries: 1, cases: 1, deaths: 0 },
    ]);
    expect(body.injuries.total).toBe(4);
    expect(body.injuries.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([
      '本单位测试〔2026〕4号',
      '本单位测试〔2025〕3号',
      '本单位测试〔2024〕2号',
      '本单位测试〔2024〕1号',
    ]);
  });

  it('masks the injured: name and 身份证号 masked, no birth date or sex beside them', async () => {
    const res = await agentA.get('/api/my-employer');
    const [first] = res.json().injuries.items;
    const id = injured(4);
    expect(first).toMatchObject({
      personName: '欧****',
      idNumber: `${id.slice(0, 6)}********${id.slice(14, 16)}*${id.charAt(17)}`,
      sex: null,
      birthDate: null,
      // 2026-09-10, born 1985-06-15: 41.
      ageBand: '35-44',
      isMasked: true,
    });
    expect(res.body).not.toContain('19850615');
    expect(res.body).not.toContain('1985-06-15');
    expect(res.body).not.toContain('欧阳职工');
  });

  it('records the view of its injured workers in the audit log (masked)', async () => {
    const before = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, ids.userA), eq(auditLog.action, 'personal-data.view-masked')));
    await agentA.get('/api/my-employer');
    const after = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, ids.userA), eq(auditLog.action, 'personal-data.view-masked')));
    expect(after.length).toBe(before.length + 1);
    const row = after.at(-1);
    expect(row?.targetType).toBe('injury_case');
    expect(row?.details).toMatchObject({
      route: 'GET /api/my-employer',
      count: 4,
      masked: true,
      employerId: ids.A,
      fields: ['idNumber', 'personName', 'sex', 'birthDate'],
    });
  });

  it('gives A’s key-post coverage: held 3, due 2, trained 1 = 50 %', async () => {
    const { training } = (await agentA.get('/api/my-employer')).json();
    expect(training).toMatchObject({
      asOf: '2026-12-07',
      isKeyEnterprise: true,
      held: 3,
      due: 2,
      trained: 1,
      untrained: 1,
      coveragePct: 50,
    });
    expect(
      training.byRole.map((r: { roleCode: string; held: number; due: number; trained: number }) => [
        r.roleCode,
        r.held,
        r.due,
        r.trained,
      ]),
    ).toEqual([
      ['principal', 1, 1, 1],
      ['team_leader', 2, 1, 0],
    ]);
  });

  it('lists the suggestions addressed to A, the budget it may declare into, no rate notice yet', async () => {
    const body = (await agentA.get('/api/my-employer')).json();
    expect(body.rectifications.map((r: { id: number }) => r.id)).toEqual([ids.rectA]);
    expect(body.rectifications[0]).toMatchObject({
      finding: '脚手架连墙件缺失',
      status: 'issued',
      deadline: '2026-12-31',
      responsibleName: '福州市应急管理局',
      followUps: [],
    });
    expect(body.projects.mayDeclare).toBe(true);
    expect(body.projects.budgets).toEqual([
      {
        jurisdiction: { code: '350100', name: '福州市' },
        year: 2026,
        keyFields: ['建筑施工', '危险化学品', '职业病防治'],
        noticeFrom: null,
        noticeTo: null,
      },
    ]);
    expect(body.projects.own).toEqual([]);
    expect(body.rateNotices).toEqual([]);
  });
});

describe('answering a rectification', () => {
  it('records A’s answer on the timeline: rectifying, the member unit told, audited', async () => {
    const officer = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: ids.emergency,
    });
    const res = await agentA.post(`/api/my-employer/rectifications/${ids.rectA}/answers`, {
      note: '已补设连墙件，正在复查',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { followUpId, rectification } = res.json();
    expect(rectification.status).toBe('rectifying');
    expect(rectification.followUps).toHaveLength(1);
    expect(rectification.followUps[0]).toMatchObject({
      id: followUpId,
      kind: 'progress',
      note: '已补设连墙件，正在复查',
    });
    const [f] = await t.db.select().from(followUps).where(eq(followUps.id, followUpId));
    expect(f).toMatchObject({ targetType: 'rectification', targetId: ids.rectA, organisationId: ids.A });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, ids.userA), eq(auditLog.action, 'rectification.answer')));
    expect(audit?.targetId).toBe(String(ids.rectA));
    expect(audit?.details).toMatchObject({
      from: 'issued',
      to: 'rectifying',
      note: '已补设连墙件，正在复查',
    });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officer.id), eq(notifications.kind, 'rectification.answered')));
    expect(told).toHaveLength(1);
    // The convener's view of the suggestion shows the same answer.
    const view = await fuzhou.get(`/api/rectifications/${ids.rectA}`);
    expect(view.json().followUps.map((x: { id: number }) => x.id)).toEqual([followUpId]);
  });

  it('refuses an empty answer, naming the field', async () => {
    const res = await agentA.post(`/api/my-employer/rectifications/${ids.rectA}/answers`, { note: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['note']);
  });

  it('refuses an answer to a closed suggestion (409)', async () => {
    const id = await issue(ids.A, '临边防护缺失');
    const closed = await fuzhou.post(`/api/rectifications/${id}/follow-ups`, {
      kind: 'close',
      note: '复查合格',
    });
    expect(closed.statusCode, closed.body).toBe(201);
    const res = await agentA.post(`/api/my-employer/rectifications/${id}/answers`, { note: '已整改' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('workflow.illegal_transition');
  });
});

describe('nothing of another employer', () => {
  it('shows B only its own figures', async () => {
    const res = await agentB.get('/api/my-employer');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.employer.id).toBe(ids.B);
    expect(body.years.map((y: { averageInsured: number | null }) => y.averageInsured)).toEqual([
      null,
      null,
      null,
      999,
      null,
    ]);
    expect(body.years.map((y: { injuries: number }) => y.injuries)).toEqual([0, 0, 0, 1, 0]);
    expect(body.injuries.total).toBe(1);
    expect(body.injuries.items.map((i: { caseNo: string }) => i.caseNo)).toEqual(['本单位测试〔2025〕5号']);
    expect(body.rectifications.map((r: { id: number }) => r.id)).toEqual([ids.rectB]);
    // B (small) may not declare; one principal held and due, untrained: 0 %.
    expect(body.projects.mayDeclare).toBe(false);
    expect(body.training).toMatchObject({ held: 1, due: 1, trained: 0, coveragePct: 0 });
    expect(res.body).not.toContain('闽侯本单位建筑有限公司');
    expect(res.body).not.toContain('脚手架连墙件缺失');
  });

  it('answers 404 to B answering A’s suggestion, and changes nothing', async () => {
    const before = await t.db.select().from(followUps).where(eq(followUps.targetId, ids.rectA));
    const res = await agentB.post(`/api/my-employer/rectifications/${ids.rectA}/answers`, {
      note: '冒名反馈',
    });
    expect(res.statusCode).toBe(404);
    const after = await t.db.select().from(followUps).where(eq(followUps.targetId, ids.rectA));
    expect(after.length).toBe(before.length);
    const [r] = await t.db.select().from(rectifications).where(eq(rectifications.id, ids.rectA));
    expect(r?.status).toBe('rectifying');
  });

  it('refuses officers the page (403): it is an employer account’s own', async () => {
    const res = await fuzhou.get('/api/my-employer');
    expect(res.statusCode).toBe(403);
    const answer = await fuzhou.post(`/api/my-employer/rectifications/${ids.rectA}/answers`, {
      note: '代为反馈',
    });
    expect(answer.statusCode).toBe(403);
  });
});
