import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { addDays, today } from '../../platform/time.js';
import { DEMO_MEMBER_ACCOUNT } from '../../seed/demo-joint-meeting.js';
import { seedDemoRosterChanges } from '../../seed/demo-roster-changes.js';
import { notifications } from '../notifications/notifications.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from '../users/users.tables.js';

interface MemberDto {
  id: number;
  role: string;
  personName: string;
  title: string;
  unitName: string;
  phone: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replacesId: number | null;
  changeReason: string;
  endReason: string | null;
}

let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;
let emergency: Agent;
let finance: Agent;
let xiamenMember: Agent;
let emergencyUserId: number;
let fuzhouUserId: number;

async function unitId(name: string): Promise<number> {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no unit ${name}`);
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const e = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await unitId('福州市应急管理局'),
  });
  const f = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await unitId('福州市财政局'),
  });
  const x = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350200' });
  emergencyUserId = e.id;
  [fuzhou, fujian, emergency, finance, xiamenMember] = await Promise.all([
    t.signIn('fuzhou'),
    t.signIn('fujian'),
    t.signIn(e.username, TEST_PASSWORD),
    t.signIn(f.username, TEST_PASSWORD),
    t.signIn(x.username, TEST_PASSWORD),
  ]);
  const [fz] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'fuzhou'));
  fuzhouUserId = fz?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

async function rosterOf(agent: Agent): Promise<{ current: MemberDto[]; history: MemberDto[] }> {
  const res = await agent.get('/api/joint-meetings/350100/roster');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function memberId(personName: string): Promise<number> {
  const m = (await rosterOf(fuzhou)).current.find((r) => r.personName === personName);
  if (!m) throw new Error(`${personName} not on Fuzhou's roster`);
  return m.id;
}

async function kindsFor(userId: number): Promise<string[]> {
  const rows = await t.db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.id);
  return rows.map((r) => r.kind).filter((k) => k.startsWith('roster_change.'));
}

const effectiveDate = addDays(today(), -7);
const proposal = {
  personName: '王建华',
  title: '工业安全监管处副处长',
  phone: '13905910088',
  reason: '李继全同志工作调动',
  effectiveDate,
};

describe('a member unit proposes, the office returns, the unit revises, the office confirms', () => {
  it('changes the roster only on confirmation, and keeps every step', async () => {
    const oldId = await memberId('李继全');

    const proposed = await emergency.post(`/api/roster-members/${oldId}/change-requests`, proposal);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as number;
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      rosterMemberId: oldId,
      currentPersonName: '李继全',
      organisationName: '福州市应急管理局',
      personName: '王建华',
      phone: '13905910088',
    });
    // The office is told; the roster has not changed yet.
    expect(await kindsFor(fuzhouUserId)).toEqual(['roster_change.proposed']);
    expect((await rosterOf(fuzhou)).current.some((m) => m.personName === '李继全')).toBe(true);

    // A second proposal for the same member while one is open.
    const twice = await emergency.post(`/api/roster-members/${oldId}/change-requests`, proposal);
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'roster_change.open_exists', fields: [{ field: 'id' }] });

    // Only the office of Fuzhou decides: not the unit, not the province.
    expect((await emergency.post(`/api/roster-change-requests/${id}/confirm`)).statusCode).toBe(403);
    const province = await fujian.post(`/api/roster-change-requests/${id}/confirm`);
    expect(province.statusCode, province.body).toBe(403);
    expect(province.json().code).toBe('roster_change.not_office');

    // A return needs a reason.
    const bare = await fuzhou.post(`/api/roster-change-requests/${id}/return`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const returned = await fuzhou.post(`/api/roster-change-requests/${id}/return`, {
      reason: '请写明新任人员的完整职务',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请写明新任人员的完整职务' });
    expect(await kindsFor(emergencyUserId)).toEqual(['roster_change.returned']);
    // A returned request is not confirmed.
    const early = await fuzhou.post(`/api/roster-change-requests/${id}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'roster_change.not_proposed', fields: [{ field: 'status' }] });

    // Another unit cannot revise it; the proposing unit can.
    const stranger = await finance.put(`/api/roster-change-requests/${id}`, proposal);
    expect(stranger.statusCode).toBe(404);
    const revised = await emergency.put(`/api/roster-change-requests/${id}`, {
      ...proposal,
      title: '工业安全监管处副处长（主持工作）',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json().status).toBe('proposed');
    expect(await kindsFor(fuzhouUserId)).toEqual(['roster_change.proposed', 'roster_change.proposed']);

    const confirmed = await fuzhou.post(`/api/roster-change-requests/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const dto = confirmed.json();
    expect(dto.status).toBe('confirmed');
    expect(dto.events.map((e: { action: string }) => e.action)).toEqual([
      'proposed',
      'returned',
      'revised',
      'confirmed',
    ]);
    expect(dto.events[1].comment).toBe('请写明新任人员的完整职务');
    expect(dto.events[0].proposal.title).toBe('工业安全监管处副处长');
    expect(dto.events[3].by).toBe('fuzhou');
    expect(await kindsFor(emergencyUserId)).toEqual(['roster_change.returned', 'roster_change.confirmed']);

    // Confirming twice is refused, and the roster holds one replacement.
    const again = await fuzhou.post(`/api/roster-change-requests/${id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].field).toBe('status');

    const roster = await rosterOf(fuzhou);
    const now = roster.current.filter((m) => m.unitName === '市应急管理局');
    expect(now.map((m) => [m.role, m.personName, m.title, m.phone, m.effectiveFrom, m.replacesId])).toEqual([
      ['member', '王建华', '工业安全监管处副处长（主持工作）', '13905910088', effectiveDate, oldId],
    ]);
    expect(dto.resultMemberId).toBe(now[0]?.id);
    const old = roster.history.find((m) => m.id === oldId);
    expect([old?.effectiveTo, old?.endReason]).toEqual([effectiveDate, '李继全同志工作调动']);
    // The member unit sees the phone masked on the roster (it lacks personal-data:view).
    const seen = (await rosterOf(emergency)).current.find((m) => m.personName === '王建华');
    expect(seen?.phone).toBe('139****0088');

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        inArray(auditLog.action, [
          'roster_change.propose',
          'roster_change.return',
          'roster_change.revise',
          'roster_change.confirm',
          'roster.replace',
        ]),
      );
    expect(audited.map((a) => a.action).sort()).toEqual([
      'roster.replace',
      'roster_change.confirm',
      'roster_change.propose',
      'roster_change.return',
      'roster_change.revise',
    ]);

    // The history stays on the roster page's list, newest open first.
    const list = await fuzhou.get('/api/joint-meetings/350100/roster-changes');
    expect(list.statusCode).toBe(200);
    expect(list.json().canConfirm).toBe(true);
    expect(list.json().items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([
      [id, 'confirmed'],
    ]);
  });
});

describe('refusals', () => {
  it('refuses another unit’s row, an unknown row, a convener’s place, bad fields', async () => {
    const health = await memberId('高翔');
    const other = await finance.post(`/api/roster-members/${health}/change-requests`, proposal);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'roster_change.own_unit_only', fields: [{ field: 'id' }] });

    expect((await finance.post('/api/roster-members/999999/change-requests', proposal)).statusCode).toBe(404);

    // 熊玉平 is the convener, of Fuzhou's HRSS bureau: the fuzhou account's own unit.
    const convener = await fuzhou.post(
      `/api/roster-members/${await memberId('熊玉平')}/change-requests`,
      proposal,
    );
    expect(convener.statusCode).toBe(400);
    expect(convener.json().code).toBe('roster_change.role_not_changeable');

    const own = await memberId('锴言育');
    const future = await finance.post(`/api/roster-members/${own}/change-requests`, {
      ...proposal,
      effectiveDate: addDays(today(), 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].field).toBe('effectiveDate');
    const badPhone = await finance.post(`/api/roster-members/${own}/change-requests`, {
      ...proposal,
      phone: '电话',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
    const before = await finance.post(`/api/roster-members/${own}/change-requests`, {
      ...proposal,
      effectiveDate: '2020-01-01',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().code).toBe('roster.date_before_start');
    expect((await rosterOf(fuzhou)).current.some((m) => m.personName === '锴言育')).toBe(true);
  });

  it('keeps a member unit to its own jurisdiction and its own requests', async () => {
    const own = await memberId('锴言育');
    const mine = await finance.post(`/api/roster-members/${own}/change-requests`, {
      ...proposal,
      personName: '郑文',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    // A Xiamen member officer sees nothing of Fuzhou's roster changes and cannot propose there.
    expect((await xiamenMember.get('/api/joint-meetings/350100/roster-changes')).statusCode).toBe(404);
    expect((await xiamenMember.post(`/api/roster-members/${own}/change-requests`, proposal)).statusCode).toBe(
      404,
    );
    const xiamen = await xiamenMember.get('/api/joint-meetings/350200/roster-changes');
    expect(xiamen.statusCode).toBe(200);
    expect(xiamen.json()).toEqual({ items: [], canConfirm: false });
    // Within Fuzhou, each unit lists its own requests; the office lists all of them.
    const ids = (a: Agent) =>
      a
        .get('/api/joint-meetings/350100/roster-changes')
        .then((r) =>
          r.json().items.map((i: { personName: string; status: string }) => [i.personName, i.status]),
        );
    expect(await ids(finance)).toEqual([['郑文', 'proposed']]);
    expect(await ids(emergency)).toEqual([['王建华', 'confirmed']]);
    expect(await ids(fuzhou)).toEqual([
      ['郑文', 'proposed'],
      ['王建华', 'confirmed'],
    ]);
    // The finance unit's own list shows its phone; the emergency unit never sees finance's request.
    const financeList = await finance.get('/api/joint-meetings/350100/roster-changes');
    expect(financeList.json().items[0].phone).toBe('13905910088');
  });
});

describe('demo seed', () => {
  it('leaves one proposal awaiting Fujian’s office, once', async () => {
    await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350000',
      username: DEMO_MEMBER_ACCOUNT.username,
      organisationId: await unitId('福建省应急管理厅'),
    });
    expect(await seedDemoRosterChanges(t.db)).toBe(true);
    expect(await seedDemoRosterChanges(t.db)).toBe(false);
    const list = await fujian.get('/api/joint-meetings/350000/roster-changes');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().canConfirm).toBe(true);
    expect(
      list
        .json()
        .items.map((i: { currentPersonName: string; personName: string; status: string }) => [
          i.currentPersonName,
          i.personName,
          i.status,
        ]),
    ).toEqual([['景步喜', '黄志坚', 'proposed']]);
    const [fj] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'fujian'));
    expect(await kindsFor(fj?.id ?? 0)).toEqual(['roster_change.proposed']);
  });
});
