import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { fixedClock } from '../../platform/time.js';
import { experts } from '../experts/experts.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Publicity (PU-1…3) in Jilin (220000), where the template holds no publicity data, as of
 * 2026-10-15 (the 2026–2030 period: five key industries 危险化学品, 矿山, 建筑施工, 交通运输,
 * 机械制造). Jilin has nine prefectures and three special zones (长白山管委会, 长春新区, 中韩(长春)国际合作示范区)
 * below it; its board has 13 areas (itself and the twelve), so 5 × 13 = 65 cells.
 * Every expected figure is worked out by hand in the comments.
 */
let t: TestApp;
let jilin: Agent;
let changchun: Agent;
let jilinCity: Agent;
const c = {} as Record<'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6', number>;

const plan = (overrides: Record<string, unknown>) => ({
  title: '集中宣传',
  industries: ['建筑施工'],
  topics: ['work_safety'],
  organisers: [{ kind: 'member_unit', name: '住建局' }],
  channels: ['tv', 'new_media'],
  startsOn: '2026-06-01',
  endsOn: '2026-06-30',
  ...overrides,
});
const reach = (views: number, participants: number, enterprisesReached: number, events: number) => ({
  events,
  views,
  participants,
  enterprisesReached,
  reachSource: '平台统计与签到表',
  summary: '按计划开展',
});

async function create(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.post('/api/publicity/campaigns', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; warnings: { field: string; code: string }[] };
}
async function record(agent: Agent, id: number, body: Record<string, unknown>) {
  const response = await agent.post(`/api/publicity/campaigns/${id}/record`, body);
  expect(response.statusCode, response.body).toBe(200);
}

async function employerIn(code: string, name: string): Promise<number> {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, industryCode: '4710', jurisdictionId: j?.id as number })
    .returning({ id: organisations.id });
  return row?.id as number;
}

async function signInAs(
  role: 'hrss_officer' | 'employer' | 'member_officer',
  code: string,
  organisationId?: number,
) {
  const user = await t.buildUser({ role, jurisdictionCode: code, organisationId });
  return t.signIn(user.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-10-15T04:00:00Z') });
  jilin = await t.signIn('jilin');
  changchun = await signInAs('hrss_officer', '220100');
  jilinCity = await signInAs('hrss_officer', '220200');
  // C1: 长春市, 建筑施工 + 矿山, recorded (3 events, 1,000 views, 200 participants, 30 enterprises).
  c.C1 = (await create(changchun, plan({ title: 'C1', industries: ['建筑施工', '矿山'] }))).id;
  await record(changchun, c.C1, reach(1000, 200, 30, 3));
  // C2: 南关区 (under 长春市), 建筑施工, planned only.
  c.C2 = (
    await create(
      changchun,
      plan({ title: 'C2', jurisdiction: '220102', startsOn: '2026-11-01', endsOn: '2026-11-05' }),
    )
  ).id;
  // C3: 吉林市, 危险化学品 + 即时配送 (not a key industry: a warning), planned.
  const c3 = await create(jilinCity, plan({ title: 'C3', industries: ['危险化学品', '即时配送'] }));
  c.C3 = c3.id;
  expect(c3.warnings).toEqual([
    expect.objectContaining({ field: 'industries.1', code: 'publicity.industry_not_key' }),
  ]);
  // C4: 吉林市, 即时配送 only, recorded (2 events, 500 views, 50 participants, 5 enterprises): no cell.
  c.C4 = (await create(jilinCity, plan({ title: 'C4', industries: ['即时配送'] }))).id;
  await record(jilinCity, c.C4, reach(500, 50, 5, 2));
  // C5: the province itself, 交通运输, recorded and accepted (1 event, 5,000 views, 0, 10).
  c.C5 = (
    await create(jilin, plan({ title: 'C5', industries: ['交通运输'], topics: ['traffic_accidents'] }))
  ).id;
  await record(jilin, c.C5, reach(5000, 0, 10, 1));
  const accepted = await jilin.post(`/api/publicity/campaigns/${c.C5}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  // C6: 长春市 in 2025: not on the 2026 board.
  c.C6 = (
    await create(
      changchun,
      plan({ title: 'C6', industries: ['机械制造'], startsOn: '2025-05-01', endsOn: '2025-05-02' }),
    )
  ).id;
  await record(changchun, c.C6, reach(99, 9, 9, 9));
});

afterAll(async () => {
  await t?.close();
});

describe('the quota board', () => {
  it('counts held, planned and missing campaigns per key industry and area, with reach, as worked out by hand', async () => {
    const response = await jilin.get('/api/publicity/quota-board?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json();
    expect(board.planPeriod).toBe('2026-2030');
    expect(board.industries.map((i: { name: string }) => i.name)).toEqual([
      '危险化学品',
      '矿山',
      '建筑施工',
      '交通运输',
      '机械制造',
    ]);
    expect(board.areas).toHaveLength(13);
    // 65 cells; held: 建筑施工×长春, 矿山×长春, 交通运输×吉林省 = 3; planned: 危险化学品×吉林市 = 1;
    // none 65 − 4 = 61; held 3 / 65 = 4.615 … % → 4.6.
    expect(board.summary).toMatchObject({ cells: 65, held: 3, planned: 1, none: 61, heldPct: 4.6 });
    // Held campaigns C1, C4, C5 (C4 counts in its area's reach, in no cell): 3 campaigns,
    // events 3+2+1 = 6, views 1,000+500+5,000 = 6,500, participants 200+50+0 = 250, enterprises 30+5+10 = 45.
    expect(board.summary.reach).toEqual({
      campaigns: 3,
      events: 6,
      views: 6500,
      participants: 250,
      enterprisesReached: 45,
    });
    const id = (name: string) => board.industries.find((i: { name: string }) => i.name === name).id;
    const cell = (name: string, area: string) =>
      board.cells.find(
        (x: { industryId: number; areaCode: string }) => x.industryId === id(name) && x.areaCode === area,
      );
    expect(cell('建筑施工', '220100')).toMatchObject({ status: 'held', campaignIds: [c.C1, c.C2] });
    expect(cell('建筑施工', '220100').reach.views).toBe(1000);
    expect(cell('危险化学品', '220200')).toMatchObject({ status: 'planned', campaignIds: [c.C3] });
    expect(cell('交通运输', '220000')).toMatchObject({ status: 'held', campaignIds: [c.C5] });
    expect(cell('机械制造', '220100')).toMatchObject({ status: 'none', campaignIds: [] });
    const total = (area: string) => board.areaTotals.find((x: { areaCode: string }) => x.areaCode === area);
    expect(total('220100')).toMatchObject({ held: 1, planned: 1 });
    expect(total('220200')).toMatchObject({ held: 1, planned: 1 });
    expect(total('220200').reach.views).toBe(500);
  });

  it('drills down to 长春市: its own campaign and 南关区’s planned one', async () => {
    const board = (await changchun.get('/api/publicity/quota-board?year=2026')).json();
    const building = board.industries.find((i: { name: string }) => i.name === '建筑施工').id;
    const status = (area: string) =>
      board.cells.find(
        (x: { industryId: number; areaCode: string }) => x.industryId === building && x.areaCode === area,
      ).status;
    expect(status('220100')).toBe('held');
    expect(status('220102')).toBe('planned');
    expect(status('220103')).toBe('none');
  });

  it('exports the board as XLSX', async () => {
    const response = await jilin.get('/api/publicity/quota-board/export?year=2026');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps 2025 apart: the 2021–2025 board of 长春市 shows 机械制造 held', async () => {
    const board = (await changchun.get('/api/publicity/quota-board?year=2025')).json();
    expect(board.planPeriod).toBe('2021-2025');
    expect(board.summary.held).toBe(1);
  });
});

describe('bad input', () => {
  it('refuses dates out of order naming the field', async () => {
    const response = await changchun.post(
      '/api/publicity/campaigns',
      plan({ startsOn: '2026-07-10', endsOn: '2026-07-01' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'endsOn' })]);
  });

  it('refuses negative or fractional reach, and reach without a source', async () => {
    const negative = await changchun.post(`/api/publicity/campaigns/${c.C1}/record`, {
      ...reach(-1, 0, 0, 0),
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().fields[0].field).toBe('views');
    const fractional = await changchun.post(`/api/publicity/campaigns/${c.C1}/record`, {
      ...reach(1, 1.5, 0, 0),
    });
    expect(fractional.json().fields[0].field).toBe('participants');
    const sourceless = await changchun.post(`/api/publicity/campaigns/${c.C1}/record`, {
      ...reach(1, 1, 0, 0),
      reachSource: '',
    });
    expect(sourceless.statusCode).toBe(400);
    expect(sourceless.json().fields[0].field).toBe('reachSource');
  });

  it('refuses a topic that is not configured, naming it', async () => {
    const response = await changchun.post(
      '/api/publicity/campaigns',
      plan({ topics: ['work_safety', 'fireworks'] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('topics.1');
  });

  it('answers 404 for a campaign of a sibling jurisdiction', async () => {
    expect((await changchun.get(`/api/publicity/campaigns/${c.C3}`)).statusCode).toBe(404);
    expect(
      (await changchun.post(`/api/publicity/campaigns/${c.C3}/record`, reach(1, 1, 1, 1))).statusCode,
    ).toBe(404);
  });
});

describe('warning-education bases and their coverage', () => {
  let expertId: number;
  const application = (employerId: number, meetingJurisdiction?: string) => ({
    employerId,
    meetingJurisdiction,
    name: '警示教育基地',
    address: '吉林市某路1号',
    cases: '高处坠落事故案例',
    exhibits: '安全帽、安全带实物',
    capacity: 60,
    openingTimes: '工作日 9:00-16:00',
    booking: '电话 0432-00000000',
  });
  const review = (outcome: string, reason?: string) => ({
    reviewedOn: '2026-10-15',
    siteVisit: '现场查看展厅',
    expertOpinions: [{ expertId, opinion: '同意' }],
    outcome,
    reason,
  });

  beforeAll(async () => {
    const [province] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '220000'));
    const [row] = await t.db
      .insert(experts)
      .values({
        jurisdictionId: province?.id as number,
        name: '张安全',
        employerName: '吉林大学',
        title: '教授',
        recommendingUnit: '吉林省人社厅',
        fields: ['安全生产'],
        status: 'active',
        termStart: '2025-01-01',
        termEnd: '2028-12-31',
      })
      .returning({ id: experts.id });
    expertId = row?.id as number;
  });

  it('applies, designates, files with the province, raises, withdraws; coverage counted by hand', async () => {
    const e1 = await employerIn('220202', '昌邑测试建筑公司');
    const e2 = await employerIn('220203', '龙潭测试化工公司');
    const e3 = await employerIn('220204', '船营测试机械公司');
    const e4 = await employerIn('220211', '丰满测试矿业公司');
    // The employer applies for itself to its county's meeting.
    const own = await signInAs('employer', '220202', e1);
    const applied = await own.post('/api/publicity/bases', application(e1));
    expect(applied.statusCode, applied.body).toBe(201);
    const b1 = applied.json().id as number;
    const b2 = (await jilinCity.post('/api/publicity/bases', application(e2, '220200'))).json().id as number;
    const b3 = (await jilinCity.post('/api/publicity/bases', application(e3))).json().id as number;
    const b4 = (await jilinCity.post('/api/publicity/bases', application(e4))).json().id as number;
    // B1 at 昌邑区: designated. B2 at 吉林市 (the prefecture's meeting): designated, raised to provincial.
    // B3 at 船营区: applied only. B4 at 丰满区: designated, then withdrawn.
    for (const b of [b1, b2, b4]) {
      const response = await jilinCity.post(`/api/publicity/bases/${b}/review`, review('designate'));
      expect(response.statusCode, response.body).toBe(200);
    }
    const withdrawn = await jilinCity.post(`/api/publicity/bases/${b4}/withdraw`, { reason: '整改不到位' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    // Only the province raises.
    expect((await jilinCity.post(`/api/publicity/bases/${b2}/provincial`, {})).statusCode).toBe(403);
    expect((await jilin.post(`/api/publicity/bases/${b2}/provincial`, {})).statusCode).toBe(200);

    const coverage = (await jilin.get('/api/publicity/base-coverage?jurisdiction=220200')).json();
    // 吉林市 and its 12 counties (昌邑, 龙潭, 船营, 丰满, 永吉, three development zones, 蛟河, 桦甸,
    // 舒兰, 磐石): the prefecture holds B2; 昌邑区 B1; B3 is not designated, B4 withdrawn.
    expect(coverage.summary).toEqual({
      prefectures: 1,
      prefecturesCovered: 1,
      counties: 12,
      countiesCovered: 1,
      bases: 2,
      provincialBases: 1,
    });
    const area = (code: string) => coverage.areas.find((a: { code: string }) => a.code === code);
    expect(area('220202')).toMatchObject({ hasBase: true, bases: 1 });
    expect(area('220204')).toMatchObject({ hasBase: false, bases: 0 });
    expect(area('220211')).toMatchObject({ hasBase: false });

    // The filing list at the province: the three designations, filed on the review day.
    const filed = (await jilin.get('/api/publicity/bases?filed=true')).json();
    expect(filed.items.map((b: { id: number }) => b.id).sort()).toEqual([b1, b2, b4].sort());
    expect(filed.items.find((b: { id: number }) => b.id === b1).filedOn).toBe('2026-10-15');
    // B3 waits for its review: in the applied list, not filed.
    const waiting = (await jilin.get('/api/publicity/bases?status=applied')).json();
    expect(waiting.items.map((b: { id: number }) => b.id)).toEqual([b3]);
    // The next periodic review is due after the default three years.
    expect(filed.items.find((b: { id: number }) => b.id === b1).nextReviewDue).toBe('2029-10-15');

    // The employer records visits of its base; the public list shows designated bases only.
    const visit = await own.post(`/api/publicity/bases/${b1}/visits`, {
      visitedOn: '2026-10-15',
      groups: 2,
      visitors: 45,
      enterprises: 3,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const negative = await own.post(`/api/publicity/bases/${b1}/visits`, {
      visitedOn: '2026-10-15',
      groups: 1,
      visitors: -5,
      enterprises: 0,
    });
    expect(negative.json().fields[0].field).toBe('visitors');
    const publicBases = await t.app.inject({
      method: 'GET',
      url: '/api/public/publicity/bases?jurisdiction=220200',
    });
    expect(
      publicBases
        .json()
        .items.map((b: { id: number }) => b.id)
        .sort(),
    ).toEqual([b1, b2].sort());
  });

  it('refuses an application from an employer outside the meeting’s jurisdiction', async () => {
    const outside = await employerIn('220102', '南关测试公司');
    const response = await jilin.post('/api/publicity/bases', application(outside, '220200'));
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('employerId');
    const other = await employerIn('220221', '永吉测试公司');
    const own = await signInAs('employer', '220221', other);
    const notOwn = await own.post('/api/publicity/bases', application(outside));
    expect(notOwn.statusCode).toBe(403);
  });

  it('needs experts from the pool serving the meeting', async () => {
    const e = await employerIn('220281', '蛟河测试公司');
    const b = (await jilinCity.post('/api/publicity/bases', application(e))).json().id as number;
    const response = await jilinCity.post(`/api/publicity/bases/${b}/review`, {
      ...review('designate'),
      expertOpinions: [{ expertId: 999999, opinion: '同意' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('expertOpinions.0.expertId');
    const early = await jilinCity.post(`/api/publicity/bases/${b}/review`, {
      ...review('designate'),
      reviewedOn: '2026-10-20',
    });
    expect(early.json().fields[0].field).toBe('reviewedOn');
  });
});

describe('examples and files', () => {
  it('nominates, publishes and shows an example with a resized photo on the public pages', async () => {
    const nominated = await jilin.post('/api/publicity/examples', {
      subjectKind: 'person',
      category: 'advanced',
      name: '李班长',
      year: 2026,
      story: '十年带班零事故，推广班前安全讲话。',
      figures: { trainingCoveragePct: 100 },
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const id = nominated.json().id as number;
    const image = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const upload = await jilin.request({
      method: 'POST',
      url: `/api/publicity/examples/${id}/files?fileName=photo.png&kind=photo`,
      payload: image,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as number;
    // Not public until published.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/publicity/images/${fileId}` })).statusCode,
    ).toBe(404);
    expect(
      (await jilin.post(`/api/publicity/examples/${id}/review`, { decision: 'publish' })).statusCode,
    ).toBe(200);
    const publicImage = await t.app.inject({ method: 'GET', url: `/api/public/publicity/images/${fileId}` });
    expect(publicImage.statusCode).toBe(200);
    const meta = await sharp(publicImage.rawPayload).metadata();
    // 3000×2000 fits within 1200×1200 as 1200×800, JPEG.
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 800]);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/public/publicity/examples?jurisdiction=220000',
    });
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: '李班长', photoIds: [fileId] })]);
    const notImage = await jilin.request({
      method: 'POST',
      url: `/api/publicity/examples/${id}/files?fileName=x.jpg&kind=photo`,
      payload: Buffer.from('not an image'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().fields[0].field).toBe('file');
    // The upload left an audit record.
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'publicity.file.upload'));
    expect(audits.length).toBe(1);
  });

  it('shows the campaign calendar without signing in', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/public/publicity/campaigns?jurisdiction=220000&year=2026',
    });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .items.map((i: { id: number }) => i.id)
        .sort((a: number, b: number) => a - b),
    ).toEqual([c.C1, c.C2, c.C3, c.C4, c.C5].sort((a, b) => a - b));
  });
});
