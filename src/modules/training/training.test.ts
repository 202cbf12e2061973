import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { rowsOf } from '../../platform/db/rows.js';
import { fixedClock } from '../../platform/time.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { refreshCoverageCells } from './coverage-cells.service.js';

/**
 * Training coverage (TR-1): a hand-built registry in 闽侯县 (350121) and 连江县 (350122), where the
 * demo data registers nobody, counted as of 2026-06-30 (the 2026–2030 period, four key posts, the
 * default 90-day grace: due when started on or before 2026-04-01). Every expected figure below is
 * worked out by hand in the comments.
 */
let t: TestApp;
let fuzhou: Agent;
const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'K1' | 'K2', number>;

/** A valid 身份证号 for person n (born 1980-01-n, Fuzhou). */
function person(n: number): string {
  const first17 = `350102198001${String(n).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}
const P = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i + 1}`, person(i + 1)])) as Record<
  string,
  string
>;

async function addEmployer(name: string, county: string, industryCode: string): Promise<number> {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, county));
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, industryCode, jurisdictionId: j?.id as number })
    .returning({ id: organisations.id });
  return row?.id as number;
}

async function hold(employer: number, roleCode: string, p: string, startedOn: string, agent = fuzhou) {
  const response = await agent.post('/api/training/holders', {
    employerId: employer,
    roleCode,
    personName: `人员${p}`,
    idNumber: P[p],
    startedOn,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

async function complete(course: number, p: string, completedOn: string) {
  const response = await fuzhou.post('/api/training/completions', {
    courseId: course,
    personName: `人员${p}`,
    idNumber: P[p],
    completedOn,
    method: 'offline',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; certificateNumber: string; validUntil: string };
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  fuzhou = await t.signIn('fuzhou');
  ids.A = await addEmployer('闽侯测试建筑有限公司', '350121', '4710'); // 建筑施工
  ids.B = await addEmployer('闽侯测试化工有限公司', '350121', '2614'); // 危险化学品
  ids.C = await addEmployer('连江测试机械有限公司', '350122', '3411'); // 机械制造
  ids.D = await addEmployer('闽侯测试食品有限公司', '350121', '1310'); // not a key industry
  const course = async (title: string, roleCodes: string[]) => {
    const response = await fuzhou.post('/api/training/courses', {
      title,
      form: 'offline',
      roleCodes,
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 16,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  ids.K1 = await course('主要负责人和分管负责人工伤预防培训', ['principal', 'deputy']);
  ids.K2 = await course('班组长和安全健康管理部门负责人培训', ['team_leader', 'safety_health_head']);
  // A: p1 principal, p2 deputy, p3 and p4 team leaders (p4 a newcomer in grace), p5 principal too.
  await hold(ids.A, 'principal', 'p1', '2025-01-01');
  await hold(ids.A, 'deputy', 'p2', '2025-01-01');
  await hold(ids.A, 'team_leader', 'p3', '2025-01-01');
  await hold(ids.A, 'team_leader', 'p4', '2026-06-01');
  await hold(ids.A, 'principal', 'p5', '2025-06-01');
  // B: p5 principal (earlier than at A), p6 safety head, p1 also a team leader, p10 deputy in grace.
  await hold(ids.B, 'principal', 'p5', '2025-03-01');
  await hold(ids.B, 'safety_health_head', 'p6', '2025-03-01');
  await hold(ids.B, 'team_leader', 'p1', '2025-05-01');
  await hold(ids.B, 'deputy', 'p10', '2026-05-01');
  // C: p7 principal; p8 left on 2026-03-01 and p9 took over that day.
  await hold(ids.C, 'principal', 'p7', '2024-01-01');
  const p8 = await hold(ids.C, 'team_leader', 'p8', '2024-01-01');
  expect((await fuzhou.post(`/api/training/holders/${p8}/end`, { endedOn: '2026-03-01' })).statusCode).toBe(
    200,
  );
  await hold(ids.C, 'team_leader', 'p9', '2026-03-01');
  // Completions: K1 serves principal and deputy, K2 team leader and safety head; valid 3 years.
  await complete(ids.K1, 'p1', '2025-06-01'); // p1 principal trained; not as a team leader
  await complete(ids.K2, 'p3', '2025-07-01');
  await complete(ids.K2, 'p4', '2026-06-10'); // trained in grace: counts as due and trained
  await complete(ids.K1, 'p5', '2022-01-01'); // valid until 2024-12-31: expired
  await complete(ids.K2, 'p6', '2026-01-15');
  await complete(ids.K1, 'p7', '2026-02-01');
});

afterAll(async () => t?.close());

describe('training coverage (TR-1)', () => {
  it('counts 闽侯县 by hand: 8 posts, 7 due, 1 in grace, 4 trained = 57.14 %', async () => {
    const response = await fuzhou.get('/api/training/coverage?jurisdiction=350121');
    expect(response.statusCode, response.body).toBe(200);
    const c = response.json();
    expect(c.planPeriod).toBe('2026-2030');
    expect(c.graceDays).toBe(90);
    // (p1,principal) (p2,deputy) (p3,tl) (p4,tl) (p5,principal once) (p6,shh) (p1,tl) (p10,deputy)
    // trained: p1-principal, p3, p4, p6; in grace: p10 (untrained, started 2026-05-01 > 2026-04-01).
    expect(c.totals).toEqual({ posts: 8, due: 7, inGrace: 1, trained: 4, untrained: 3, coveragePct: 57.14 });
    const byRole = Object.fromEntries(c.byRole.map((r: { roleCode: string }) => [r.roleCode, r]));
    expect(Object.keys(byRole)).toEqual(['principal', 'deputy', 'safety_health_head', 'team_leader']);
    expect(byRole.principal).toMatchObject({ posts: 2, due: 2, trained: 1, coveragePct: 50 });
    expect(byRole.deputy).toMatchObject({ posts: 2, due: 1, inGrace: 1, trained: 0, coveragePct: 0 });
    expect(byRole.safety_health_head).toMatchObject({ posts: 1, due: 1, trained: 1, coveragePct: 100 });
    expect(byRole.team_leader).toMatchObject({ posts: 3, due: 3, trained: 2, coveragePct: 66.67 });
    // p5's principal row takes its earliest employer, B (危险化学品).
    const byIndustry = Object.fromEntries(c.byIndustry.map((r: { industry: string }) => [r.industry, r]));
    expect(byIndustry.建筑施工).toMatchObject({ posts: 4, due: 4, trained: 3, coveragePct: 75 });
    expect(byIndustry.危险化学品).toMatchObject({
      posts: 4,
      due: 3,
      inGrace: 1,
      trained: 1,
      coveragePct: 33.33,
    });
    expect(c.target).toMatchObject({ coveragePct: 100, dueDate: '2030-12-31', definedAt: null });
    expect(c.status).toBe('behind');
  });

  it('counts 连江县: the post left on 2026-03-01 no longer counts, its successor is due', async () => {
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350122')).json();
    expect(c.totals).toEqual({ posts: 2, due: 2, inGrace: 0, trained: 1, untrained: 1, coveragePct: 50 });
  });

  it('shows each county the same at the city level (one figure on two pages)', async () => {
    const city = (await fuzhou.get('/api/training/coverage?jurisdiction=350100')).json();
    for (const code of ['350121', '350122']) {
      const county = (await fuzhou.get(`/api/training/coverage?jurisdiction=${code}`)).json();
      const row = city.byArea.find((a: { code: string }) => a.code === code);
      expect(row).toMatchObject({ ...county.totals, name: county.jurisdiction.name });
    }
  });

  it('judges a county’s own target: 60 % due 2026-06-01 is overdue at 57.14 %', async () => {
    const set = await fuzhou.put('/api/training/targets', {
      jurisdiction: '350121',
      planPeriod: '2026-2030',
      coveragePct: 60,
      dueDate: '2026-06-01',
      source: '闽侯县测试目标',
    });
    expect(set.statusCode, set.body).toBe(200);
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json();
    expect(c.target).toMatchObject({ coveragePct: 60, dueDate: '2026-06-01', definedAt: '350121' });
    expect(c.status).toBe('overdue');
    // The gaps against 60 %: A holds p1,p2,p3,p4,p5 as its own (5 due, 3 trained = 60 %: not below);
    // B: p5, p6, p1 due (p10 in grace), 1 trained = 33.33 %, untrained one principal and one team leader.
    const gaps = (await fuzhou.get('/api/training/coverage/gaps?jurisdiction=350121&pageSize=200')).json();
    expect(gaps.targetPct).toBe(60);
    const byId = new Map(gaps.items.map((g: { employerId: number }) => [g.employerId, g]));
    expect(byId.has(ids.A)).toBe(false);
    expect(byId.has(ids.D)).toBe(false);
    expect(byId.get(ids.B)).toMatchObject({
      due: 3,
      trained: 1,
      coveragePct: 33.33,
      noneRegistered: false,
      untrainedByRole: { principal: 1, team_leader: 1 },
    });
  });

  it('counts a post where it is held: one person in two counties is a post in each, and the city is their sum', async () => {
    // p7, principal at C in 连江 (trained 2026-02-01), also becomes principal at E in 罗源.
    const e = await addEmployer('罗源测试建筑有限公司', '350123', '4720');
    await hold(e, 'principal', 'p7', '2025-01-01');
    // The raw rows answer first (the cells were refreshed for another day); then, refreshed for
    // today, the maintained cells. Both count by the same rule.
    for (const source of ['raw', 'cells']) {
      if (source === 'cells') await refreshCoverageCells(t.db);
      const city = (await fuzhou.get('/api/training/coverage?jurisdiction=350100')).json();
      const luoyuan = (await fuzhou.get('/api/training/coverage?jurisdiction=350123')).json();
      expect(luoyuan.totals).toEqual({
        posts: 1,
        due: 1,
        inGrace: 0,
        trained: 1,
        untrained: 0,
        coveragePct: 100,
      });
      expect(
        city.byArea.find((a: { code: string }) => a.code === '350123'),
        source,
      ).toMatchObject({
        posts: 1,
        trained: 1,
      });
      let posts = 0;
      let trained = 0;
      for (const area of city.byArea as { code: string }[]) {
        const county = (await fuzhou.get(`/api/training/coverage?jurisdiction=${area.code}`)).json();
        expect(area, `${area.code} ${source}`).toMatchObject(county.totals);
        posts += county.totals.posts;
        trained += county.totals.trained;
      }
      expect(city.totals, source).toMatchObject({ posts, trained });
    }
  });

  it('moves by exactly one when one more person is trained', async () => {
    const before = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json().totals;
    await complete(ids.K1, 'p2', '2026-06-20');
    const after = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json().totals;
    expect(after.trained - before.trained).toBe(1);
    expect(after.due).toBe(before.due);
  });
});

describe('key-post registry (TR-1)', () => {
  it('refuses bad input naming the field', async () => {
    const bad = async (payload: Record<string, unknown>) =>
      fuzhou.post('/api/training/holders', {
        employerId: ids.A,
        roleCode: 'principal',
        personName: '测试',
        idNumber: person(11),
        startedOn: '2026-01-01',
        ...payload,
      });
    const wrongCheck = `${person(11).slice(0, 17)}${person(11).endsWith('0') ? '1' : '0'}`;
    let r = await bad({ idNumber: wrongCheck });
    expect([r.statusCode, r.json().fields?.[0]?.field]).toEqual([400, 'idNumber']);
    r = await bad({ roleCode: 'responsible' }); // a 2021–2025 post, not of 2026
    expect([r.statusCode, r.json().fields?.[0]?.field]).toEqual([400, 'roleCode']);
    r = await bad({ employerId: ids.D });
    expect([r.statusCode, r.json().fields?.[0]?.field]).toEqual([400, 'employerId']);
    r = await bad({ startedOn: '2026-07-01' });
    expect([r.statusCode, r.json().fields?.[0]?.field]).toEqual([400, 'startedOn']);
    r = await bad({ idNumber: P.p1 }); // p1 already holds the principal post at A
    expect([r.statusCode, r.json().fields?.[0]?.field]).toEqual([409, 'idNumber']);
  });

  it('lets an employer register its own holders only, and list only its own', async () => {
    const own = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: ids.B });
    const employer = await t.signIn(own.username, TEST_PASSWORD);
    const mine = await hold(ids.B, 'team_leader', 'p11', '2026-06-15', employer);
    const other = await employer.post('/api/training/holders', {
      employerId: ids.A,
      roleCode: 'team_leader',
      personName: '他人',
      idNumber: P.p12,
      startedOn: '2026-06-15',
    });
    expect(other.statusCode).toBe(403);
    const list = (await employer.get('/api/own-training/holders?pageSize=200')).json();
    expect(list.items.every((h: { employerId: number }) => h.employerId === ids.B)).toBe(true);
    expect(list.items.map((h: { id: number }) => h.id)).toContain(mine);
    expect(list.masked).toBe(true);
    expect((await employer.get('/api/training/holders')).statusCode).toBe(403);
  });

  it('masks names and 身份证号 for a member officer and audits the HRSS officer’s unmasked view', async () => {
    const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const officer = await t.signIn(member.username, TEST_PASSWORD);
    const masked = (
      await officer.get(`/api/training/holders?jurisdiction=350121&employerId=${ids.A}`)
    ).json();
    expect(masked.masked).toBe(true);
    const p1 = masked.items.find((h: { idNumber: string }) => h.idNumber.startsWith('350102'));
    expect(p1.idNumber).toMatch(/^350102\*{8}\d{2}\*[\dX]$/); // birth date and sex digit hidden
    expect(p1.personName).toMatch(/^人\*+$/);
    const open = (await fuzhou.get(`/api/training/holders?jurisdiction=350121&employerId=${ids.A}`)).json();
    expect(open.masked).toBe(false);
    expect(open.items.map((h: { idNumber: string }) => h.idNumber)).toContain(P.p1);
    const viewsOf = async (action: string) =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetType, 'key_post_holder')));
    // Both views are on record: the member officer's masked one and the HRSS officer's unmasked one.
    expect((await viewsOf('personal-data.view')).length).toBeGreaterThan(0);
    const maskedViews = await viewsOf('personal-data.view-masked');
    expect(maskedViews.some((a) => a.actorUserId === member.id)).toBe(true);
    // p1 holds principal at A: trained on 2025-06-01; p2 trained on 2026-06-20 by the test above.
    const trained = open.items.find((h: { idNumber: string; roleCode: string }) => h.idNumber === P.p1);
    expect(trained.trainedOn).toBe('2025-06-01');
  });

  it('keeps a sibling city out', async () => {
    const xiamen = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    const sibling = await t.signIn(xiamen.username, TEST_PASSWORD);
    expect((await sibling.get('/api/training/coverage?jurisdiction=350121')).statusCode).toBe(404);
    const list = (await sibling.get('/api/training/holders?pageSize=200')).json();
    expect(list.items.some((h: { employerId: number }) => h.employerId === ids.A)).toBe(false);
  });
});

describe('certificates (TR-4)', () => {
  it('verifies a number publicly: masked name, valid, expired, unknown', async () => {
    const issued = await complete(ids.K2, 'p9', '2026-06-25');
    expect(issued.validUntil).toBe('2029-06-24');
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${issued.certificateNumber}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ personName: '人***', status: 'valid', completedOn: '2026-06-25' });
    const [expired] = rowsOf<{ n: string }>(
      await t.db.execute(
        sql`select certificate_number as n from training_completions where completed_on = '2022-01-01'`,
      ),
    );
    const old = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${expired?.n}` });
    expect(old.json().status).toBe('expired');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/certificates/PX2026NOSUCH' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('PX2026NOSUCH');
  });

  it('refuses a second record of the same course, person and day', async () => {
    const again = await fuzhou.post('/api/training/completions', {
      courseId: ids.K2,
      personName: '人员p9',
      idNumber: P.p9,
      completedOn: '2026-06-25',
      method: 'offline',
    });
    expect([again.statusCode, again.json().fields?.[0]?.field]).toEqual([409, 'idNumber']);
  });
});
