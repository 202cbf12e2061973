import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { advancedExamples } from './publicity.tables.js';

/**
 * Issue 15's two gaps, in Jilin as of 2026-10-15:
 * 1. only a campaign's organiser records it (publicity.organiser_only);
 * 2. an advanced example's figures are computed from the records, never typed in.
 * Every expected figure is worked out by hand in the comments.
 */
let t: TestApp;
let jilin: Agent;
let changchun: Agent;
const ids = {} as Record<'unitA' | 'unitB' | 'campaign' | 'E' | 'P1' | 'P2' | 'P3' | 'P4', number>;

async function jurisdictionId(code: string) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.id as number;
}

async function addOrganisation(
  kind: 'member_department' | 'employer',
  name: string,
  code: string,
  industryCode?: string,
) {
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind,
      name,
      industryCode: industryCode ?? null,
      insuranceStatus: kind === 'employer' ? 'insured' : null,
      jurisdictionId: await jurisdictionId(code),
    })
    .returning({ id: organisations.id });
  return row?.id as number;
}

async function signInAs(role: 'hrss_officer' | 'member_officer', code: string, organisationId?: number) {
  const user = await t.buildUser({ role, jurisdictionCode: code, organisationId });
  return t.signIn(user.username, TEST_PASSWORD);
}

let injurySerial = 0;
async function addInjuries(employerId: number, code: string, n: number, determinedOn: string) {
  for (let k = 0; k < n; k++) {
    injurySerial += 1;
    const idNumber = makeIdNumber('220102', '1985-06-15', 'female', 500 + injurySerial);
    await t.db.insert(injuryCases).values({
      caseNo: `宣传规则测试〔${determinedOn.slice(0, 4)}〕${injurySerial}号`,
      employerId,
      jurisdictionId: await jurisdictionId(code),
      idNumber,
      idNumberIndex: idNumber, // encryption off in tests
      personName: `职工${injurySerial}`,
      sex: 'female',
      birthDate: '1985-06-15',
      post: '架子工',
      occurredOn: `${determinedOn.slice(0, 4)}-01-10`,
      determinedOn,
      ground: '14-1',
      accidentCategory: '05',
      severity: 'minor',
      isDeath: false,
      fundExpenditureFen: 100_000,
      batchId: 0,
    });
  }
}

const reach = {
  events: 2,
  views: 300,
  participants: 40,
  enterprisesReached: 6,
  reachSource: '签到表',
  summary: '按计划开展',
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-10-15T04:00:00Z') });
  jilin = await t.signIn('jilin');
  changchun = await signInAs('hrss_officer', '220100');
  // Two member units of 长春市: A organises the campaign, B does not.
  ids.unitA = await addOrganisation('member_department', '长春市住建局（测试）', '220100');
  ids.unitB = await addOrganisation('member_department', '长春市交通运输局（测试）', '220100');
  const created = await changchun.post('/api/publicity/campaigns', {
    title: '建筑施工安全集中宣传',
    industries: ['建筑施工'],
    topics: ['work_safety'],
    organisers: [{ kind: 'member_unit', name: '长春市住建局（测试）', organisationId: ids.unitA }],
    channels: ['on_site'],
    startsOn: '2026-06-01',
    endsOn: '2026-06-30',
  });
  expect(created.statusCode, created.body).toBe(201);
  ids.campaign = created.json().id;
});

afterAll(async () => {
  await t?.close();
});

describe('only the organiser records a campaign', () => {
  it('refuses an officer of another unit of the same area with 403 publicity.organiser_only', async () => {
    const other = await signInAs('member_officer', '220100', ids.unitB);
    const response = await other.post(`/api/publicity/campaigns/${ids.campaign}/record`, reach, {
      'accept-language': 'en',
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().code).toBe('publicity.organiser_only');
    expect(response.json().message).toBe(
      'Only an organiser of the campaign, or the HRSS office of its jurisdiction, may record it',
    );
    const zh = await other.post(`/api/publicity/campaigns/${ids.campaign}/record`, reach);
    expect(zh.json().message).toBe('只有活动的组织单位或活动所在地人社部门可以记录活动实施情况');
    // Nor may it add materials, and the list tells the UI to hide both.
    const upload = await other.request({
      method: 'POST',
      url: `/api/publicity/campaigns/${ids.campaign}/files?fileName=a.txt&kind=material`,
      payload: Buffer.from('材料'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode, upload.body).toBe(403);
    expect(upload.json().code).toBe('publicity.organiser_only');
    const listed = (await other.get('/api/publicity/campaigns?year=2026')).json();
    expect(listed.items.find((c: { id: number }) => c.id === ids.campaign)).toMatchObject({
      mayRecord: false,
    });
    // The campaign is unchanged.
    expect((await changchun.get(`/api/publicity/campaigns/${ids.campaign}`)).json()).toMatchObject({
      status: 'planned',
      events: null,
    });
  });

  it('refuses an organiser id the planner cannot see, naming the field', async () => {
    const elsewhere = await addOrganisation('member_department', '福州市住建局（测试）', '350100');
    const response = await changchun.post('/api/publicity/campaigns', {
      title: '越权组织单位',
      industries: ['建筑施工'],
      topics: ['work_safety'],
      organisers: [
        { kind: 'member_unit', name: '长春市住建局（测试）', organisationId: ids.unitA },
        { kind: 'member_unit', name: '福州市住建局（测试）', organisationId: elsewhere },
      ],
      channels: ['on_site'],
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().fields).toEqual([
      expect.objectContaining({ field: 'organisers.1.organisationId' }),
    ]);
  });

  it('refuses the province’s HRSS (not the organiser) with 403, and a sibling city’s with 404', async () => {
    const province = await jilin.post(`/api/publicity/campaigns/${ids.campaign}/record`, reach);
    expect(province.statusCode, province.body).toBe(403);
    expect(province.json().code).toBe('publicity.organiser_only');
    const jilinCity = await signInAs('hrss_officer', '220200');
    expect((await jilinCity.post(`/api/publicity/campaigns/${ids.campaign}/record`, reach)).statusCode).toBe(
      404,
    );
  });

  it('lets the organiser record and add materials, and the HRSS office of 长春市 correct the record', async () => {
    const organiser = await signInAs('member_officer', '220100', ids.unitA);
    const listed = (await organiser.get('/api/publicity/campaigns?year=2026')).json();
    expect(listed.items.find((c: { id: number }) => c.id === ids.campaign)).toMatchObject({
      mayRecord: true,
    });
    const recorded = await organiser.post(`/api/publicity/campaigns/${ids.campaign}/record`, reach);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const upload = await organiser.request({
      method: 'POST',
      url: `/api/publicity/campaigns/${ids.campaign}/files?fileName=a.txt&kind=material`,
      payload: Buffer.from('材料'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const corrected = await changchun.post(`/api/publicity/campaigns/${ids.campaign}/record`, {
      ...reach,
      views: 350,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await changchun.get(`/api/publicity/campaigns/${ids.campaign}`)).json()).toMatchObject({
      status: 'recorded',
      events: 2,
      views: 350,
      participants: 40,
      enterprisesReached: 6,
    });
  });
});

describe('a province’s campaign organised by a city’s department', () => {
  it('shows it to that department’s officers, who record it; another city department sees nothing', async () => {
    const created = await jilin.post('/api/publicity/campaigns', {
      title: '全省建筑施工警示宣传月（长春承办）',
      industries: ['建筑施工'],
      topics: ['work_safety'],
      organisers: [{ kind: 'member_unit', name: '长春市住建局（测试）', organisationId: ids.unitA }],
      channels: ['on_site'],
      startsOn: '2026-07-01',
      endsOn: '2026-07-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const organiser = await signInAs('member_officer', '220100', ids.unitA);
    // In the department's own list though the province lies above its scope, and recordable.
    const listed = (await organiser.get('/api/publicity/campaigns?year=2026')).json();
    expect(listed.items.find((c: { id: number }) => c.id === id)).toMatchObject({ mayRecord: true });
    expect((await organiser.get(`/api/publicity/campaigns/${id}`)).statusCode).toBe(200);
    const recorded = await organiser.post(`/api/publicity/campaigns/${id}/record`, reach);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await jilin.get(`/api/publicity/campaigns/${id}`)).json()).toMatchObject({
      status: 'recorded',
      views: 300,
    });
    // Another department of 长春市 neither lists nor reads it; 长春市's HRSS does not list it
    // under its own area (the province's campaign belongs to the province).
    const other = await signInAs('member_officer', '220100', ids.unitB);
    const otherList = (await other.get('/api/publicity/campaigns?year=2026')).json();
    expect(otherList.items.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await other.get(`/api/publicity/campaigns/${id}`)).statusCode).toBe(404);
    const cityList = (await changchun.get('/api/publicity/campaigns?year=2026')).json();
    expect(cityList.items.map((c: { id: number }) => c.id)).not.toContain(id);
    // Asked for a part of its area, the organiser's list keeps to that part.
    const county = (await organiser.get('/api/publicity/campaigns?year=2026&jurisdiction=220102')).json();
    expect(county.items.map((c: { id: number }) => c.id)).not.toContain(id);
  });
});

describe('advanced examples: figures computed from the records', () => {
  beforeAll(async () => {
    // Precondition: the template holds no 2019 headcount of a Jilin employer of division 47, so
    // the industry below is exactly the employers this file writes.
    const [pre] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(insuredHeadcounts)
      .innerJoin(organisations, eq(organisations.id, insuredHeadcounts.employerId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(
        and(
          eq(insuredHeadcounts.year, 2019),
          like(organisations.industryCode, '47%'),
          like(jurisdictions.path, '100000/220000/%'),
        ),
      );
    expect(pre?.n).toBe(0);
    // E (4710, 南关区): 2019 headcount 200, one injury determined in 2019.
    // P1 (4720, division 47, 吉林市): headcount 300, five injuries: in the industry.
    // P2 (4810, division 48): headcount 100, nine injuries: another industry.
    // P3 (4790, division 47): no 2019 headcount, two injuries: no rate, left out.
    // P4 (4710, 闽侯县, Fujian): headcount 1,000, no injury: another province.
    ids.E = await addOrganisation('employer', '南关示范建筑公司', '220102', '4710');
    ids.P1 = await addOrganisation('employer', '昌邑同业建筑公司', '220202', '4720');
    ids.P2 = await addOrganisation('employer', '南关安装公司', '220102', '4810');
    ids.P3 = await addOrganisation('employer', '南关无人数建筑公司', '220102', '4790');
    ids.P4 = await addOrganisation('employer', '闽侯同业建筑公司', '350121', '4710');
    for (const [employerId, n] of [
      [ids.E, 200],
      [ids.P1, 300],
      [ids.P2, 100],
      [ids.P4, 1000],
    ] as const)
      await t.db
        .insert(insuredHeadcounts)
        .values({ employerId, year: 2019, averageInsured: n, averagePaying: n, batchId: 0 });
    await addInjuries(ids.E, '220102', 1, '2019-05-01');
    await addInjuries(ids.P1, '220202', 5, '2019-06-01');
    await addInjuries(ids.P2, '220102', 9, '2019-06-01');
    await addInjuries(ids.P3, '220102', 2, '2019-06-01');
    // E's key posts: a principal trained 2026-08-15, a team leader untrained, both since 2018:
    // due 2, trained 1: 50 %.
    const course = await jilin.post('/api/training/courses', {
      title: '宣传规则测试：负责人与班组长培训',
      form: 'offline',
      roleCodes: ['principal', 'team_leader'],
      contentItems: ['policy', 'warning_education'],
      hours: 16,
    });
    expect(course.statusCode, course.body).toBe(201);
    for (const [roleCode, n] of [
      ['principal', 1],
      ['team_leader', 2],
    ] as const) {
      const held = await jilin.post('/api/training/holders', {
        employerId: ids.E,
        roleCode,
        personName: `岗位人员${n}`,
        idNumber: makeIdNumber('220102', '1980-03-15', 'male', 600 + n),
        startedOn: '2018-01-01',
      });
      expect(held.statusCode, held.body).toBe(201);
    }
    const done = await jilin.post('/api/training/completions', {
      courseId: course.json().id,
      personName: '岗位人员1',
      idNumber: makeIdNumber('220102', '1980-03-15', 'male', 601),
      completedOn: '2026-08-15',
      method: 'offline',
    });
    expect(done.statusCode, done.body).toBe(201);
  });

  it('computes the employer’s and its industry’s injury rates and its training coverage, by hand', async () => {
    const nominated = await jilin.post('/api/publicity/examples', {
      subjectKind: 'employer',
      category: 'demonstration',
      name: '南关示范建筑公司',
      organisationId: ids.E,
      year: 2019,
      story: '坚持班前安全讲话和隐患随手拍，当年事故明显下降。',
      // Typed figures are no longer accepted: ignored.
      figures: { injuryRatePerMille: 0.1, industryRatePerMille: 99, trainingCoveragePct: 100 },
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const id = nominated.json().id as number;
    const example = (await jilin.get('/api/publicity/examples?status=nominated'))
      .json()
      .items.find((e: { id: number }) => e.id === id);
    // E: 1 injury / 200 insured × 1,000 = 5 ‰. Industry (division 47 in Jilin, with a 2019
    // headcount): E and P1, (1 + 5) / (200 + 300) × 1,000 = 12 ‰. Training: 1 of 2 due = 50 %.
    expect(example.figures).toEqual({
      source: 'records',
      injuryRatePerMille: 5,
      industryRatePerMille: 12,
      trainingCoveragePct: 50,
      basis: {
        computedOn: '2026-10-15',
        year: 2019,
        employerId: ids.E,
        injuries: 1,
        insured: 200,
        industryDivision: '47',
        industryEmployers: 2,
        industryInjuries: 6,
        industryInsured: 500,
        trainingAsOf: '2026-10-15',
        keyPostsDue: 2,
        keyPostsTrained: 1,
      },
    });
    // A second 2019 injury of E before publication: the published figures are recomputed.
    // E: 2 / 200 × 1,000 = 10 ‰; industry: (2 + 5) / 500 × 1,000 = 14 ‰.
    await addInjuries(ids.E, '220102', 1, '2019-09-01');
    const published = await jilin.post(`/api/publicity/examples/${id}/review`, { decision: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/public/publicity/examples?jurisdiction=220000',
    });
    const shown = list.json().items.find((e: { id: number }) => e.id === id);
    expect(shown.figures).toMatchObject({
      source: 'records',
      injuryRatePerMille: 10,
      industryRatePerMille: 14,
      trainingCoveragePct: 50,
    });
    expect(shown.figures.basis).toMatchObject({ injuries: 2, industryInjuries: 7, industryInsured: 500 });
  });

  it('gives a person without an employer no figures, and labels figures typed in on older rows', async () => {
    const nominated = await jilin.post('/api/publicity/examples', {
      subjectKind: 'person',
      category: 'advanced',
      name: '王班长',
      year: 2026,
      story: '十年带班零事故，推广班前安全讲话。',
      figures: { trainingCoveragePct: 100 },
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const [province] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '220000'));
    const [older] = await t.db
      .insert(advancedExamples)
      .values({
        jurisdictionId: province?.id as number,
        subjectKind: 'employer',
        category: 'advanced',
        name: '旧记录示范企业',
        year: 2024,
        story: '旧记录，数据为人工填报。',
        figures: { injuryRatePerMille: 1.2, industryRatePerMille: 4.8 },
        nominatedBy: 'jilin',
        nominatedAt: new Date('2024-03-01T01:00:00Z'),
      })
      .returning({ id: advancedExamples.id });
    const items = (await jilin.get('/api/publicity/examples')).json().items;
    expect(items.find((e: { id: number }) => e.id === nominated.json().id).figures).toMatchObject({
      source: 'records',
      injuryRatePerMille: null,
      industryRatePerMille: null,
      trainingCoveragePct: null,
      basis: expect.objectContaining({ employerId: null, injuries: null }),
    });
    expect(items.find((e: { id: number }) => e.id === older?.id).figures).toEqual({
      source: 'entered',
      injuryRatePerMille: 1.2,
      industryRatePerMille: 4.8,
      trainingCoveragePct: null,
      basis: null,
    });
  });
});
