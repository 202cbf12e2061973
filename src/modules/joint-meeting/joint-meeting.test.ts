import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { addDays, fixedClock, resetClock, setClock, today } from '../../platform/time.js';
import { organisations } from '../organisations/organisations.tables.js';
import { rosterMembers } from './joint-meeting.tables.js';
import { ROSTERS } from './rosters.data.js';

interface MemberDto {
  id: number;
  role: string;
  officeRole: string | null;
  personName: string;
  title: string;
  unitName: string;
  organisationId: number | null;
  organisationName: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replacesId: number | null;
  changeReason: string;
  endReason: string | null;
  recordedBy: string | null;
}

interface RosterDto {
  jurisdiction: { code: string; name: string };
  current: MemberDto[];
  history: MemberDto[];
}

let t: TestApp;
let admin: Agent;
let fuzhou: Agent;
let fujian: Agent;
let jilin: Agent;
let memberOfficer: Agent;
let xiamenOfficer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  const sibling = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  [admin, fuzhou, fujian, jilin, memberOfficer, xiamenOfficer] = await Promise.all([
    t.signIn('admin'),
    t.signIn('fuzhou'),
    t.signIn('fujian'),
    t.signIn('jilin'),
    t.signIn(member.username, TEST_PASSWORD),
    t.signIn(sibling.username, TEST_PASSWORD),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function rosterOf(agent: Agent, code: string): Promise<RosterDto> {
  const res = await agent.get(`/api/joint-meetings/${code}/roster`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function currentMember(code: string, personName: string): Promise<MemberDto> {
  const member = (await rosterOf(fujian, code)).current.find((m) => m.personName === personName);
  if (!member) throw new Error(`${personName} is not on the roster of ${code}`);
  return member;
}

/** A valid replacement body; override any field. */
function replacement(overrides: Record<string, unknown> = {}) {
  return {
    personName: '王立新',
    title: '劳动和经济工作部部长',
    effectiveDate: '2024-03-01',
    reason: '工作变动，经 2024 年第一次联席会议确认',
    ...overrides,
  };
}

function isoDaysFromToday(days: number): string {
  return addDays(today(), days);
}

const brief = (m: MemberDto) => [m.role, m.personName, m.title, m.unitName];

describe('rosters as published', () => {
  it('loads Fujian’s roster: 召集人 高榕 and 9 members', async () => {
    const roster = await rosterOf(fujian, '350000');
    expect(roster.jurisdiction).toEqual({ code: '350000', name: '福建省' });
    expect(roster.current.map(brief)).toEqual([
      ['convener', '高榕', '党组成员、副厅长，一级巡视员', '省人社厅'],
      ['member', '吴正斌', '主任，二级巡视员', '省社会保险中心'],
      ['member', '程小丹', '工伤保险处处长', '省人社厅'],
      ['member', '刘辉', '安办二级调研员', '省工信厅'],
      ['member', '卓辉', '安全监督处四级调研员', '省交通运输厅'],
      ['member', '林绍征', '社会保障处副处长', '省财政厅'],
      ['member', '陈元豹', '工程建设管理处处长', '省住建厅'],
      ['member', '鄢培智', '职业健康处副处长', '省卫健委'],
      ['member', '景步喜', '规划财务处处长', '省应急厅'],
      ['member', '孙勤', '劳动和经技工作部部长', '省总工会'],
    ]);
    expect(roster.current[0]).toMatchObject({
      organisationName: '福建省人力资源和社会保障厅',
      effectiveFrom: '2021-05-07',
      effectiveTo: null,
      replacesId: null,
      endReason: null,
      recordedBy: null,
      changeReason: '闽人社文〔2021〕56号 附件：福建省工伤预防联席会议成员名单',
    });
    expect(roster.history).toHaveLength(10);
  });

  it('loads Fuzhou’s roster: 召集人 熊玉平 and 9 members', async () => {
    const roster = await rosterOf(fuzhou, '350100');
    expect(roster.current.map(brief)).toEqual([
      ['convener', '熊玉平', '二级调研员', '市人社局'],
      ['member', '陈中钦', '工伤保险处处长', '市人社局'],
      ['member', '林栩', '主任', '市社保中心'],
      ['member', '锴言育', '社保处副处长', '市财政局'],
      ['member', '高翔', '法规监督与职业健康处二级主任科员', '市卫健委'],
      ['member', '李继全', '工业安全监管处二级主任科员', '市应急管理局'],
      ['member', '林韧', '质量安全监管处副处长', '市城乡建设局'],
      ['member', '张金保', '安全监督处二级主任科员', '市交通运输局'],
      ['member', '陈贤文', '企业服务处处长', '市工信局'],
      ['member', '李荣辉', '劳动和经济工作部部长', '市总工会'],
    ]);
    expect(roster.current.every((m) => m.effectiveFrom === '2021-09-27')).toBe(true);
    expect(roster.current.find((m) => m.personName === '林栩')?.organisationName).toBe('福州市社会保险中心');
  });

  it('loads Jilin’s roster: 主任 王喆, 8 副主任, 9 成员, 9 联络员, office director 姜铁民', async () => {
    const roster = await rosterOf(jilin, '220000');
    const byRole = (role: string) => roster.current.filter((m) => m.role === role).map((m) => m.personName);
    expect(roster.current).toHaveLength(27);
    expect(byRole('director')).toEqual(['王喆']);
    expect(byRole('deputy_director')).toEqual([
      '张志林',
      '马毅',
      '柴冠',
      '张业岩',
      '范明',
      '杨得志',
      '隋明利',
      '李继前',
    ]);
    expect(byRole('member')).toEqual([
      '姜铁民',
      '耿占伟',
      '嵇胜国',
      '张久慧',
      '王龙飞',
      '史洪林',
      '彭大羽',
      '杨志强',
      '刘鸿声',
    ]);
    expect(byRole('liaison')).toEqual([
      '王建朝',
      '郭白',
      '张仁婷',
      '王成龙',
      '郑志国',
      '李晓文',
      '李佳恒',
      '张林',
      '孙景亮',
    ]);
    expect(roster.current[0]).toMatchObject({
      title: '党组成员、副厅长，省社会保险事业管理局党组书记、局长',
      unitName: '省人力资源和社会保障厅',
      effectiveFrom: '2021-05-27',
    });
    const office = roster.current.filter((m) => m.officeRole === 'office_director');
    expect(office.map((m) => [m.personName, m.title])).toEqual([
      ['姜铁民', '工伤保险处处长（兼联席会议办公室主任）'],
    ]);
    expect(roster.current.filter((m) => m.officeRole === 'office_member')).toHaveLength(8);
    expect(roster.current.filter((m) => m.role === 'liaison').every((m) => m.officeRole === null)).toBe(true);
  });

  it('matches rosters.data.ts field for field, each person linked to its member department', async () => {
    for (const seed of ROSTERS) {
      const roster = await rosterOf(admin, seed.jurisdictionCode);
      const rows = roster.current;
      expect(rows).toHaveLength(seed.entries.length);
      for (const entry of seed.entries) {
        const row = rows.find((r) => r.personName === entry.person);
        expect(row, entry.person).toMatchObject({
          role: entry.role,
          title: entry.title,
          unitName: entry.unit,
          officeRole: entry.officeRole ?? null,
          effectiveFrom: seed.effectiveFrom,
          changeReason: seed.source,
          organisationName: seed.departments.find((d) => d.department === entry.department)?.name,
        });
      }
      const departments = await t.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.kind, 'member_department'));
      expect(departments.map((d) => d.name)).toEqual(
        expect.arrayContaining(seed.departments.map((d) => d.name)),
      );
    }
  });
});

describe('replace a member', () => {
  it('ends the old membership, starts the new one, keeps both in history and audits it', async () => {
    const old = await currentMember('350100', '李荣辉');
    const res = await fuzhou.post(`/api/roster-members/${old.id}/replace`, replacement());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as MemberDto;
    expect(created).toMatchObject({
      role: 'member',
      personName: '王立新',
      title: '劳动和经济工作部部长',
      organisationId: old.organisationId,
      organisationName: '福州市总工会',
      effectiveFrom: '2024-03-01',
      effectiveTo: null,
      replacesId: old.id,
      changeReason: '工作变动，经 2024 年第一次联席会议确认',
      recordedBy: 'fuzhou',
    });

    const roster = await rosterOf(fuzhou, '350100');
    expect(roster.current.map((m) => m.personName)).toContain('王立新');
    expect(roster.current.map((m) => m.personName)).not.toContain('李荣辉');
    expect(roster.current).toHaveLength(10);
    // The successor takes the predecessor's place in the printed order.
    expect(roster.current.at(-1)?.personName).toBe('王立新');
    const ended = roster.history.find((m) => m.id === old.id);
    expect(ended).toMatchObject({
      personName: '李荣辉',
      effectiveTo: '2024-03-01',
      endReason: '工作变动，经 2024 年第一次联席会议确认',
    });
    expect(roster.history).toHaveLength(11);
    expect(roster.history.slice(0, 2).map((m) => m.personName)).toEqual(['王立新', '李荣辉']);

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'roster.replace'), eq(auditLog.targetId, String(created.id))))
      .orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({
      actorUsername: 'fuzhou',
      outcome: 'success',
      targetType: 'roster_member',
      jurisdictionPath: '100000/350000/350100',
    });
    expect(audit?.details).toMatchObject({
      replaced: { id: old.id, personName: '李荣辉' },
      by: { personName: '王立新' },
      effectiveDate: '2024-03-01',
    });
  });

  it('refuses to replace a member who was already replaced', async () => {
    const old = await currentMember('350100', '张金保');
    expect((await fuzhou.post(`/api/roster-members/${old.id}/replace`, replacement())).statusCode).toBe(201);
    const again = await fuzhou.post(
      `/api/roster-members/${old.id}/replace`,
      replacement({ personName: '另一人' }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('roster.member_ended');
    const rows = await t.db.select().from(rosterMembers).where(eq(rosterMembers.replacesId, old.id));
    expect(rows.map((r) => r.personName)).toEqual(['王立新']);
  });

  it('refuses an effective date before the member’s start, or in the future', async () => {
    const old = await currentMember('350100', '林韧');
    const early = await fuzhou.post(
      `/api/roster-members/${old.id}/replace`,
      replacement({ effectiveDate: '2021-09-26' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'roster.date_before_start',
      fields: [{ field: 'effectiveDate' }],
    });
    expect(early.json().message).toContain('2021-09-27');
    const future = await fuzhou.post(
      `/api/roster-members/${old.id}/replace`,
      replacement({ effectiveDate: isoDaysFromToday(30) }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'date.in_future', fields: [{ field: 'effectiveDate' }] });
    const sameDay = await fuzhou.post(
      `/api/roster-members/${old.id}/replace`,
      replacement({ effectiveDate: '2021-09-27' }),
    );
    expect(sameDay.statusCode).toBe(201);
  });

  it('needs a reason, a name and a real date, naming the field', async () => {
    const old = await currentMember('350100', '李继全');
    const { reason: _reason, ...withoutReason } = replacement();
    const missing = await fuzhou.post(`/api/roster-members/${old.id}/replace`, withoutReason);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const blank = await fuzhou.post(`/api/roster-members/${old.id}/replace`, replacement({ reason: '   ' }));
    expect(blank.json().fields[0].field).toBe('reason');
    const date = await fuzhou.post(
      `/api/roster-members/${old.id}/replace`,
      replacement({ effectiveDate: '2024-02-30' }),
    );
    expect(date.statusCode).toBe(400);
    expect(date.json().fields[0].field).toBe('effectiveDate');
    const name = await fuzhou.post(`/api/roster-members/${old.id}/replace`, replacement({ personName: 1 }));
    expect(name.json().fields[0].field).toBe('personName');
    expect((await currentMember('350100', '李继全')).effectiveTo).toBeNull();
  });

  it('answers 404 for an unknown member', async () => {
    expect((await fuzhou.post('/api/roster-members/999999/replace', replacement())).statusCode).toBe(404);
  });
});

describe('add a member', () => {
  it('adds a position linked to a member department of the jurisdiction, and audits it', async () => {
    const [industry] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市工业和信息化局'));
    const res = await fuzhou.post('/api/joint-meetings/350100/roster', {
      role: 'liaison',
      personName: '周晓',
      title: '企业服务处一级主任科员',
      unitName: '市工信局',
      organisationId: industry?.id,
      effectiveDate: '2024-05-01',
      reason: '联席会议增设联络员',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'liaison',
      officeRole: null,
      personName: '周晓',
      unitName: '市工信局',
      organisationName: '福州市工业和信息化局',
      effectiveFrom: '2024-05-01',
      replacesId: null,
      recordedBy: 'fuzhou',
    });
    const roster = await rosterOf(fuzhou, '350100');
    expect(roster.current.at(-1)?.personName).toBe('周晓');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'roster.add'), eq(auditLog.targetId, String(res.json().id))));
    expect(audit).toMatchObject({ actorUsername: 'fuzhou', jurisdictionPath: '100000/350000/350100' });
  });

  it('refuses an organisation of another jurisdiction, a bad role and a future date', async () => {
    const [provincial] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福建省财政厅'));
    const body = {
      role: 'member',
      personName: '周晓',
      title: '处长',
      organisationId: provincial?.id,
      effectiveDate: '2024-05-01',
      reason: '增补',
    };
    const outside = await fuzhou.post('/api/joint-meetings/350100/roster', body);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].field).toBe('organisationId');
    const role = await fuzhou.post('/api/joint-meetings/350100/roster', { ...body, role: 'chair' });
    expect(role.json().fields[0].field).toBe('role');
    const future = await fuzhou.post('/api/joint-meetings/350100/roster', {
      ...body,
      organisationId: undefined,
      unitName: '市财政局',
      effectiveDate: isoDaysFromToday(30),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].field).toBe('effectiveDate');
  });

  it('takes today in China time: at 00:01 Beijing time (16:01Z) the new day has begun', async () => {
    const [emergency] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const body = {
      role: 'liaison',
      personName: '陈晨',
      title: '科员',
      organisationId: emergency?.id,
      reason: '联席会议增设联络员',
    };
    setClock(fixedClock('2025-02-28T16:01:00Z'));
    try {
      const tomorrow = await fuzhou.post('/api/joint-meetings/350100/roster', {
        ...body,
        effectiveDate: '2025-03-02',
      });
      expect(tomorrow.json()).toMatchObject({ code: 'date.in_future', fields: [{ field: 'effectiveDate' }] });
      const res = await fuzhou.post('/api/joint-meetings/350100/roster', {
        ...body,
        effectiveDate: '2025-03-01',
      });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      resetClock();
    }
  });
});

describe('access', () => {
  it('hides Fuzhou’s roster from sibling Xiamen (404) for read, add and replace', async () => {
    const member = await currentMember('350100', '陈贤文');
    expect((await xiamenOfficer.get('/api/joint-meetings/350100/roster')).statusCode).toBe(404);
    const replace = await xiamenOfficer.post(`/api/roster-members/${member.id}/replace`, replacement());
    expect(replace.statusCode).toBe(404);
    const add = await xiamenOfficer.post('/api/joint-meetings/350100/roster', {
      ...replacement(),
      role: 'member',
      unitName: '市工信局',
    });
    expect(add.statusCode).toBe(404);
    expect((await currentMember('350100', '陈贤文')).id).toBe(member.id);
    expect((await rosterOf(xiamenOfficer, '350200')).current).toEqual([]);
  });

  it('hides a province’s roster from its prefecture (404)', async () => {
    expect((await fuzhou.get('/api/joint-meetings/350000/roster')).statusCode).toBe(404);
    expect((await fuzhou.get('/api/joint-meetings/220000/roster')).statusCode).toBe(404);
    const gao = await currentMember('350000', '高榕');
    expect((await fuzhou.post(`/api/roster-members/${gao.id}/replace`, replacement())).statusCode).toBe(404);
  });

  it('lets a member officer read the roster but not change it (403)', async () => {
    const roster = await rosterOf(memberOfficer, '350100');
    expect(roster.current.length).toBeGreaterThan(0);
    const member = await currentMember('350100', '高翔');
    const replace = await memberOfficer.post(`/api/roster-members/${member.id}/replace`, replacement());
    expect(replace.statusCode).toBe(403);
    expect(replace.json().code).toBe('auth.forbidden');
    const add = await memberOfficer.post('/api/joint-meetings/350100/roster', {
      ...replacement(),
      role: 'member',
      unitName: '市卫健委',
    });
    expect(add.statusCode).toBe(403);
    expect((await currentMember('350100', '高翔')).effectiveTo).toBeNull();
  });

  it('lets the province officer read and edit Fuzhou’s roster', async () => {
    const member = await currentMember('350100', '高翔');
    const res = await fujian.post(
      `/api/roster-members/${member.id}/replace`,
      replacement({ personName: '黄晨', title: '职业健康处副处长' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recordedBy: 'fujian', replacesId: member.id });
    expect((await rosterOf(fuzhou, '350100')).current.map((m) => m.personName)).toContain('黄晨');
  });

  it('refuses a malformed jurisdiction code with 400 and needs a session', async () => {
    const bad = await fuzhou.get('/api/joint-meetings/3501/roster');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('code');
    expect((await t.app.inject({ url: '/api/joint-meetings/350100/roster' })).statusCode).toBe(401);
  });
});
