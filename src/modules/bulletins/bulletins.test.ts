import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { fixedClock, resetClock, setClock } from '../../platform/time.js';
import { injuryCases, safetyAccidents } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

let t: TestApp;
let fuzhou: Agent;
let reviewer: Agent;
let gulouOfficer: Agent;
let xiamenOfficer: Agent;
let fujian: Agent;
let memberOfficer: Agent;
const rec = { accident: 0, injury: 0, otherCountyInjury: 0, xiamenAccident: 0 };
const ID_NUMBER = makeIdNumber('350102', '1980-03-05', 'male', 7);

beforeAll(async () => {
  t = await createTestApp();
  const codes = ['350102', '350104', '350203'];
  const js = await t.db.select().from(jurisdictions).where(inArray(jurisdictions.code, codes));
  const jid = (code: string) => js.find((j) => j.code === code)?.id ?? 0;
  const employers = await t.db
    .insert(organisations)
    .values(
      codes.map((code, n) => ({
        kind: 'employer' as const,
        name: ['福州鼓楼建工集团有限公司', '福州台江机械厂', '厦门思明建设有限公司'][n] as string,
        creditCode: makeCreditCode(code, 6000 + n),
        industryCode: '4710',
        jurisdictionId: jid(code),
      })),
    )
    .returning({ id: organisations.id });
  const employerId = (n: number) => employers[n]?.id ?? 0;
  const accidents = await t.db
    .insert(safetyAccidents)
    .values([
      {
        accidentNo: 'FZ-2025-0602',
        employerId: employerId(0),
        jurisdictionId: jid('350102'),
        occurredOn: '2025-06-02',
        category: '10',
        grade: 'ordinary',
        deaths: 1,
        seriousInjuries: 2,
        directLossFen: 125_000_000,
        batchId: 0,
      },
      {
        accidentNo: 'XM-2025-0001',
        employerId: employerId(2),
        jurisdictionId: jid('350203'),
        occurredOn: '2025-03-01',
        category: '09',
        grade: 'ordinary',
        deaths: 1,
        seriousInjuries: 0,
        directLossFen: 50_000_000,
        batchId: 0,
      },
    ])
    .returning({ id: safetyAccidents.id });
  const injury = (n: number, code: string, employer: number) => ({
    caseNo: `通报测试〔2025〕${n}号`,
    employerId: employerId(employer),
    jurisdictionId: jid(code),
    idNumber: n === 1 ? ID_NUMBER : makeIdNumber(code, '1990-01-01', 'male', n),
    idNumberIndex: n === 1 ? ID_NUMBER : makeIdNumber(code, '1990-01-01', 'male', n),
    personName: '张建国',
    sex: 'male' as const,
    birthDate: '1980-03-05',
    post: '架子工',
    occurredOn: '2025-06-02',
    determinedOn: '2025-07-10',
    ground: '14-1',
    accidentCategory: '10',
    severity: 'death' as const,
    isDeath: true,
    fundExpenditureFen: 100_000_000,
    batchId: 0,
  });
  const injuries = await t.db
    .insert(injuryCases)
    .values([injury(1, '350102', 0), injury(2, '350104', 1)])
    .returning({ id: injuryCases.id });
  rec.accident = accidents[0]?.id ?? 0;
  rec.xiamenAccident = accidents[1]?.id ?? 0;
  rec.injury = injuries[0]?.id ?? 0;
  rec.otherCountyInjury = injuries[1]?.id ?? 0;
  const user = async (role: 'hrss_officer' | 'member_officer', code: string) =>
    t.signIn((await t.buildUser({ role, jurisdictionCode: code })).username, TEST_PASSWORD);
  fuzhou = await t.signIn('fuzhou');
  fujian = await t.signIn('fujian');
  reviewer = await user('hrss_officer', '350100');
  gulouOfficer = await user('hrss_officer', '350102');
  xiamenOfficer = await user('hrss_officer', '350200');
  memberOfficer = await user('member_officer', '350100');
});
afterAll(async () => t.close());

describe('typical-accident bulletins (AN-4)', () => {
  let id = 0;

  it('lists the year’s accidents and serious injuries to choose from, names masked', async () => {
    const res = await fuzhou.get('/api/bulletins/candidates?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.accidents.map((a: { id: number }) => a.id)).toEqual([rec.accident]);
    expect(body.injuries.map((i: { id: number }) => i.id).sort()).toEqual(
      [rec.injury, rec.otherCountyInjury].sort(),
    );
    expect(body.injuries[0].personName).toBe('张**');
    expect(res.body).not.toContain(ID_NUMBER);
    expect(res.body).not.toContain('张建国');
  });

  it('drafts a bulletin with the facts filled in and personal data masked, dated today in China', async () => {
    setClock(fixedClock('2025-06-30T16:01:00Z')); // 00:01 on 1 July, Beijing time
    const res = await fuzhou
      .post('/api/bulletins', {
        jurisdictionCode: '350100',
        accidentIds: [rec.accident],
        injuryIds: [rec.injury],
      })
      .finally(resetClock);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    id = b.id;
    expect(b).toMatchObject({
      status: 'draft',
      jurisdictionCode: '350100',
      draftedBy: 'fuzhou',
      isDraftedByMe: true,
    });
    expect(b.title).toBe('关于2起典型事故的通报');
    for (const fact of [
      '2025年6月2日，鼓楼区福州鼓楼建工集团有限公司发生一起坍塌事故',
      '造成1人死亡、2人重伤，直接经济损失约125万元，事故等级为一般事故',
      '架子工岗位职工张**（男，45岁）',
      '经抢救无效死亡',
      '福州市工伤预防工作联席会议办公室\n2025年7月1日',
    ])
      expect(b.body).toContain(fact);
    expect(res.body).not.toContain('张建国');
    expect(res.body).not.toContain(ID_NUMBER);
    expect(b.facts.accidents[0]).toMatchObject({ categoryName: '坍塌', gradeName: '一般事故', deaths: 1 });
  });

  it('refuses records outside the chosen jurisdiction, and no records at all, naming the field', async () => {
    const outside = await fuzhou.post('/api/bulletins', {
      jurisdictionCode: '350102',
      injuryIds: [rec.injury, rec.otherCountyInjury],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'bulletin.record_unknown',
      fields: [{ field: 'injuryIds.1' }],
    });
    const sibling = await fuzhou.post('/api/bulletins', {
      jurisdictionCode: '350100',
      accidentIds: [rec.xiamenAccident],
    });
    expect(sibling.json().fields[0].field).toBe('accidentIds.0');
    const none = await fuzhou.post('/api/bulletins', { jurisdictionCode: '350100' });
    expect(none.json().code).toBe('bulletin.no_records');
  });

  it('lets the drafter edit a draft, but not approve it', async () => {
    const edited = await fuzhou.put(`/api/bulletins/${id}`, {
      title: '关于福州鼓楼建工集团有限公司“6·2”坍塌事故的通报',
      body: '鼓楼区各有关单位：……事故暴露出脚手架搭设不规范、安全培训流于形式等问题。',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().title).toContain('6·2');
    const self = await fuzhou.post(`/api/bulletins/${id}/approve`);
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('bulletin.self_approval');
    expect((await fuzhou.get(`/api/bulletins/${id}`)).json().status).toBe('draft');
  });

  it('keeps unpublished bulletins from officers below and from readers without drafting rights', async () => {
    expect((await gulouOfficer.get(`/api/bulletins/${id}`)).statusCode).toBe(404);
    expect((await memberOfficer.get(`/api/bulletins/${id}`)).statusCode).toBe(404);
    expect((await memberOfficer.get('/api/bulletins')).json()).toEqual({ items: [], total: 0 });
    // The province oversees Fuzhou: it sees the draft.
    expect((await fujian.get(`/api/bulletins/${id}`)).json().status).toBe('draft');
  });

  it('approves (another officer) then publishes; illegal transitions answer 409 and change nothing', async () => {
    const publishEarly = await reviewer.post(`/api/bulletins/${id}/publish`);
    expect(publishEarly.statusCode).toBe(409);
    expect(publishEarly.json()).toMatchObject({ code: 'bulletin.illegal_transition' });
    expect(publishEarly.json().message).toContain('草稿');
    const approved = await reviewer.post(`/api/bulletins/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: expect.any(String) });
    const edit = await fuzhou.put(
      `/api/bulletins/${id}`,
      { title: '改标题', body: '审核后不得再修改的正文内容' },
      { 'accept-language': 'en' },
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('The bulletin is approved: it cannot be edited');
    const again = await reviewer.post(`/api/bulletins/${id}/approve`);
    expect(again.statusCode).toBe(409);
    const published = await fuzhou.post(`/api/bulletins/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedBy: 'fuzhou' });
    const twice = await fuzhou.post(`/api/bulletins/${id}/publish`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('已发布');
    const b = (await fuzhou.get(`/api/bulletins/${id}`)).json();
    expect(b.title).toContain('6·2');
    const actions = await t.db
      .select({ action: auditLog.action, who: auditLog.actorUsername })
      .from(auditLog)
      .where(like(auditLog.action, 'bulletin.%'))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.who)).toEqual(['fuzhou', 'fuzhou', expect.stringMatching(/^hrss/), 'fuzhou']);
    expect(actions.map((a) => a.action)).toEqual([
      'bulletin.draft',
      'bulletin.edit',
      'bulletin.approve',
      'bulletin.publish',
    ]);
  });

  it('shows a published bulletin to the jurisdiction and those below, never to a sibling', async () => {
    const below = await gulouOfficer.get(`/api/bulletins/${id}`);
    expect(below.statusCode).toBe(200);
    expect(below.json()).toMatchObject({ status: 'published', isInScope: false });
    expect((await gulouOfficer.get('/api/bulletins')).json().items.map((b: { id: number }) => b.id)).toEqual([
      id,
    ]);
    expect((await memberOfficer.get(`/api/bulletins/${id}`)).statusCode).toBe(200);
    expect((await xiamenOfficer.get(`/api/bulletins/${id}`)).statusCode).toBe(404);
    expect((await xiamenOfficer.get('/api/bulletins')).json()).toEqual({ items: [], total: 0 });
    // Below, it is read-only: changes answer 404 as for anything outside one's scope.
    expect((await gulouOfficer.post(`/api/bulletins/${id}/publish`)).statusCode).toBe(404);
    const [published] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'bulletin.publish'));
    expect(published?.actorUsername).toBe('fuzhou');
  });
});
