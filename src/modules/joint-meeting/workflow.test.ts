import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** The injected clock: tests move "today" instead of waiting for deadlines. */
let today = new Date('2026-03-10T02:00:00Z');
const setToday = (iso: string) => {
  today = new Date(`${iso}T02:00:00Z`);
};

let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;
let emergency: Agent;
let health: Agent;
let xiamen: Agent;
let emergencyId: number;
let healthId: number;

async function orgId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

async function importInjuries(agent: Agent, from: number, count: number) {
  const rows = Array.from({ length: count }, (_, i) => injuryRow(from + i));
  const res = await agent.request({
    method: 'POST',
    url: '/api/exchange/batches?domain=injuries&fileName=injuries.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(toCsv([INJURY_HEADER, ...rows]), 'utf8'),
  });
  expect([200, 202], res.body).toContain(res.statusCode);
  await t.app.jobs.idle();
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => today });
  emergencyId = await orgId('福州市应急管理局');
  healthId = await orgId('福州市卫生健康委员会');
  const e = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: emergencyId,
  });
  const h = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: healthId,
  });
  const x = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  [fuzhou, fujian, emergency, health, xiamen] = await Promise.all([
    t.signIn('fuzhou'),
    t.signIn('fujian'),
    t.signIn(e.username, TEST_PASSWORD),
    t.signIn(h.username, TEST_PASSWORD),
    t.signIn(x.username, TEST_PASSWORD),
  ]);
  await importInjuries(fuzhou, 100, 3);
});

afterAll(async () => {
  await t.close();
});

describe('the meeting cycle: meeting → reports → minutes → action item → overdue → closed', () => {
  let meetingId: number;
  let itemId: number;

  it('drafts a meeting with member units invited and the three standing reports on the agenda', async () => {
    const res = await fuzhou.post('/api/meetings', {
      jurisdictionCode: '350100',
      kind: 'regular',
      title: '2026年福州市工伤预防工作联席会议',
      reportYear: 2025,
      plannedOn: '2026-03-12',
      location: '市人社局三楼会议室',
      topics: ['研究确定2026年重点领域和重点项目'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json();
    meetingId = meeting.id;
    expect(meeting.status).toBe('draft');
    expect(meeting.participants.map((p: { organisationId: number }) => p.organisationId)).toContain(
      emergencyId,
    );
    expect(meeting.agenda.map((a: { kind: string }) => a.kind)).toEqual([
      'injury_report',
      'disease_report',
      'accident_report',
      'topic',
    ]);
    const injury = meeting.agenda[0].report;
    expect(meeting.agenda[0].isFrozen).toBe(false);
    expect(injury.sections[0]).toMatchObject({ source: 'injuries', status: 'ok' });
    expect(injury.sections[0].figures.find((f: { key: string }) => f.key === 'cases').value).toBe(3);
    // No fund, disease or accident rows were submitted: the report says so instead of showing 0.
    expect(injury.sections[1]).toMatchObject({ source: 'fund', status: 'no_data', figures: [] });
    expect(meeting.agenda[1].report.sections[0]).toMatchObject({ status: 'no_data', figures: [] });
  });

  it('prints a draft’s notice marked 草稿 and no minutes before the meeting is held (issue 19)', async () => {
    const notice = await fuzhou.get(`/api/meetings/${meetingId}/notice`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.headers['content-type']).toMatch(/^text\/html/);
    expect(notice.body).toContain('关于召开2026年福州市工伤预防工作联席会议的通知（草稿）');
    expect(notice.body).toContain('福州市工伤预防工作联席会议办公室');
    expect(notice.body).toContain('2026年3月12日');
    expect(notice.body).toContain('市人社局三楼会议室');
    expect(notice.body).toContain('福州市应急管理局');
    expect(notice.body).toContain('（四）研究确定2026年重点领域和重点项目');
    const minutes = await fuzhou.get(`/api/meetings/${meetingId}/minutes`);
    expect(minutes.statusCode).toBe(409);
    expect(minutes.json().code).toBe('meeting.not_held');
    expect((await xiamen.get(`/api/meetings/${meetingId}/notice`)).statusCode).toBe(404);
  });

  it('refuses an illegal transition with 409 naming the state, and changes nothing', async () => {
    const res = await fuzhou.post(`/api/meetings/${meetingId}/hold`, {
      heldOn: '2026-03-10',
      attendance: [],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'workflow.illegal_transition' });
    expect(res.json().message).toContain('draft');
    const en = await fuzhou.post(
      `/api/meetings/${meetingId}/approve-minutes`,
      {},
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(409);
    expect(en.json().message).toContain('"draft"');
    expect((await fuzhou.get(`/api/meetings/${meetingId}`)).json().status).toBe('draft');
  });

  it('schedules (units notified) and holds the meeting, freezing the standing reports', async () => {
    const scheduled = await fuzhou.post(`/api/meetings/${meetingId}/schedule`, { reason: '例会' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const inbox = (await emergency.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('meeting.scheduled');
    setToday('2026-03-12');
    const held = await fuzhou.post(`/api/meetings/${meetingId}/hold`, {
      heldOn: '2026-03-12',
      attendance: [{ organisationId: emergencyId, attendance: 'present', attendeeName: '林志明' }],
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().status).toBe('held');
    expect(held.json().agenda[0].isFrozen).toBe(true);
    expect(
      held.json().participants.find((p: { organisationId: number }) => p.organisationId === emergencyId),
    ).toMatchObject({
      attendance: 'present',
    });
  });

  it('keeps a held meeting’s papers frozen when later imports change the data', async () => {
    await importInjuries(fuzhou, 200, 2);
    const meeting = (await fuzhou.get(`/api/meetings/${meetingId}`)).json();
    expect(
      meeting.agenda[0].report.sections[0].figures.find((f: { key: string }) => f.key === 'cases').value,
    ).toBe(3);
    // A new draft meeting for the same year sees the new data.
    const fresh = await fuzhou.post('/api/meetings', {
      jurisdictionCode: '350100',
      kind: 'extraordinary',
      title: '临时会议',
      reportYear: 2025,
      plannedOn: '2026-04-01',
    });
    expect(
      fresh.json().agenda[0].report.sections[0].figures.find((f: { key: string }) => f.key === 'cases').value,
    ).toBe(5);
  });

  it('writes minutes and assigns an action item to a member unit, who is notified', async () => {
    const minutes = await fuzhou.put(`/api/meetings/${meetingId}/minutes`, {
      minutes: '会议听取了三项通报，研究了2026年重点工作。',
      decisions: ['应急局牵头开展建筑施工领域专项检查'],
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    const bad = await fuzhou.post(`/api/meetings/${meetingId}/action-items`, {
      organisationId: emergencyId,
      title: '过期事项',
      deadline: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('deadline');
    const res = await fuzhou.post(`/api/meetings/${meetingId}/action-items`, {
      organisationId: emergencyId,
      title: '开展建筑施工领域专项检查',
      deadline: '2026-04-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    itemId = res.json().id;
    const other = await fuzhou.post(`/api/meetings/${meetingId}/action-items`, {
      organisationId: healthId,
      title: '尘肺病筛查',
      deadline: '2026-05-31',
    });
    expect(other.statusCode).toBe(201);
    const approved = await fuzhou.post(`/api/meetings/${meetingId}/approve-minutes`, {});
    expect(approved.json().status).toBe('minutes_approved');
    const inbox = (await emergency.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('action_item.assigned');
  });

  it('shows a unit only its own items; another unit cannot see or update them', async () => {
    const mine = (await emergency.get('/api/action-items?mine=true')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([itemId]);
    expect((await health.get(`/api/action-items/${itemId}`)).statusCode).toBe(404);
    const denied = await health.post(`/api/action-items/${itemId}/follow-ups`, {
      kind: 'progress',
      note: '越权更新',
    });
    expect(denied.statusCode).toBe(404);
    // The convener sees both units' items but does not report for a unit.
    expect((await fuzhou.get('/api/action-items?jurisdiction=350100')).json().total).toBe(2);
    const convener = await fuzhou.post(`/api/action-items/${itemId}/follow-ups`, {
      kind: 'progress',
      note: '代为填报',
    });
    expect(convener.statusCode).toBe(403);
    expect(convener.json().code).toBe('workflow.not_assignee');
  });

  it('prints the held meeting’s minutes: units, agreed matters and tasks, never a person’s name', async () => {
    const minutes = await fuzhou.get(`/api/meetings/${meetingId}/minutes`);
    expect(minutes.statusCode, minutes.body).toBe(200);
    const html = minutes.body;
    expect(html).toContain('2026年福州市工伤预防工作联席会议纪要');
    expect(html).not.toContain('待审定');
    expect(html).toContain('出席单位：福州市应急管理局');
    expect(html).toContain('会议听取了三项通报，研究了2026年重点工作。');
    expect(html).toContain('（一）应急局牵头开展建筑施工领域专项检查');
    // The task table: both items, their units and deadlines in the document's date form.
    for (const text of [
      '开展建筑施工领域专项检查',
      '尘肺病筛查',
      '福州市卫生健康委员会',
      '2026年4月30日',
      '2026年5月31日',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('林志明');
    // A member unit's copy lists the tasks it may see: its own.
    const unitCopy = (await emergency.get(`/api/meetings/${meetingId}/minutes`)).body;
    expect(unitCopy).toContain('开展建筑施工领域专项检查');
    expect(unitCopy).not.toContain('尘肺病筛查');
    const notice = (await fuzhou.get(`/api/meetings/${meetingId}/notice`)).body;
    expect(notice).toContain('关于召开2026年福州市工伤预防工作联席会议的通知');
    expect(notice).not.toContain('草稿');
    const docx = await fuzhou.get(`/api/meetings/${meetingId}/minutes?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reports progress with an attachment, which downloads for the convener and is audited', async () => {
    const res = await emergency.post(`/api/action-items/${itemId}/follow-ups`, {
      kind: 'progress',
      note: '已制定检查方案，检查了12个在建项目',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().item.status).toBe('in_progress');
    const upload = await emergency.request({
      method: 'POST',
      url: `/api/follow-ups/${res.json().followUpId}/attachments?fileName=${encodeURIComponent('检查方案.txt')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('检查方案正文'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await fuzhou.get(`/api/attachments/${upload.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('检查方案正文');
    expect((await xiamen.get(`/api/attachments/${upload.json().id}`)).statusCode).toBe(404);
    expect((await health.get(`/api/attachments/${upload.json().id}`)).statusCode).toBe(404);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'attachment.download'));
    expect(audits).toHaveLength(1);
  });

  it('refuses an oversized attachment', async () => {
    const item = (await emergency.get(`/api/action-items/${itemId}`)).json();
    const res = await emergency.request({
      method: 'POST',
      url: `/api/follow-ups/${item.followUps[0].id}/attachments?fileName=big.bin`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(10 * 1024 * 1024 + 10),
    });
    expect([400, 413]).toContain(res.statusCode);
  });

  it('prints a 督办通知单 to the unit, counting the days overdue and quoting its last progress', async () => {
    const before = (await fuzhou.get(`/api/action-items/${itemId}/chase-notice`)).body;
    expect(before).toContain('督办通知单');
    expect(before).toContain('于2026年4月30日前办结');
    setToday('2026-05-02');
    const res = await fuzhou.get(`/api/action-items/${itemId}/chase-notice`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('福州市应急管理局');
    expect(res.body).toContain('办理中（已逾期2天）');
    expect(res.body).toContain('已超过完成时限2天');
    expect(res.body).toContain('已制定检查方案，检查了12个在建项目');
    expect(res.body).toContain('2026年5月2日');
    expect((await health.get(`/api/action-items/${itemId}/chase-notice`)).statusCode).toBe(404);
  });

  it('turns overdue after the deadline, rolls up to the convener and the superior, then closes', async () => {
    setToday('2026-05-02');
    const item = (await emergency.get(`/api/action-items/${itemId}`)).json();
    expect(item).toMatchObject({ isOverdue: true, displayStatus: 'overdue', status: 'in_progress' });
    const rollUp = (await fuzhou.get('/api/action-items?overdue=true')).json();
    expect(rollUp.items.map((i: { id: number }) => i.id)).toEqual([itemId]);
    const inbox = (await fuzhou.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('action_item.overdue');
    const unitInbox = (await emergency.get('/api/notifications')).json();
    expect(unitInbox.items.map((n: { kind: string }) => n.kind)).toContain('action_item.overdue');
    const overview = (await fujian.get('/api/meetings/overview?year=2026')).json();
    const fz = overview.rows.find((r: { code: string }) => r.code === '350100');
    expect(fz).toMatchObject({ meetingsHeld: 1, hasNoMeeting: false, overdueActionItems: 1 });
    expect(overview.rows.find((r: { code: string }) => r.code === '350200')).toMatchObject({
      hasNoMeeting: true,
    });
    const closed = await emergency.post(`/api/action-items/${itemId}/follow-ups`, {
      kind: 'close',
      note: '专项检查已完成，整改隐患35处，报告附后',
    });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json().item).toMatchObject({ status: 'closed', isOverdue: false });
    // The closure reaches the convening office (the unit of the officer who assigned the item).
    type Note = { kind: string; link: string | null };
    const closedNotes = (agent: typeof fuzhou) =>
      agent
        .get('/api/notifications')
        .then((r) =>
          (r.json().items as Note[]).filter(
            (n) => n.kind === 'action_item.closed' && n.link === `/joint-meeting/action-items/${itemId}`,
          ),
        );
    expect(await closedNotes(fuzhou)).toHaveLength(1);
    expect(await closedNotes(emergency)).toHaveLength(0);
    const again = await emergency.post(`/api/action-items/${itemId}/follow-ups`, {
      kind: 'progress',
      note: '再次更新',
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'action-item.close'));
    expect(audit[0]?.details).toMatchObject({ from: 'in_progress', to: 'closed', wasOverdue: true });
  });

  it('hides a jurisdiction’s meetings from a sibling', async () => {
    expect((await xiamen.get(`/api/meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await xiamen.get('/api/meetings')).json().items).toEqual([]);
    expect((await xiamen.post(`/api/meetings/${meetingId}/schedule`, {})).statusCode).toBe(404);
  });
});

describe('yearly implementation report: submit → return → resubmit → accept', () => {
  let reportId: number;

  it('composes Fuzhou’s report with unavailable sections said so, never a figure', async () => {
    const res = await fuzhou.post('/api/implementation-reports', {
      jurisdictionCode: '350100',
      year: 2026,
      narrative: '全年工作总结',
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    reportId = report.id;
    expect(report.dueDate).toBe('2026-12-20');
    // Every section has a module now: none says "not available".
    expect(report.parts.filter((p: { status: string }) => p.status === 'not_available')).toEqual([]);
    expect(report.parts.find((p: { key: string }) => p.key === 'meetings').rows[0].value).toBe(1);
  });

  it('refuses review by the jurisdiction itself and submission by the superior', async () => {
    expect(
      (await fuzhou.post(`/api/implementation-reports/${reportId}/review`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    expect((await fujian.post(`/api/implementation-reports/${reportId}/submit`, {})).json().code).toBe(
      'report.own_only',
    );
  });

  it('runs the cycle and lists the report as overdue only while it is not submitted', async () => {
    setToday('2026-12-21');
    const listed = (await fujian.get('/api/implementation-reports?year=2026')).json();
    expect(listed.subordinates.find((s: { code: string }) => s.code === '350100')).toMatchObject({
      status: 'draft',
      isOverdue: true,
    });
    expect((await fuzhou.post(`/api/implementation-reports/${reportId}/submit`, {})).json().status).toBe(
      'submitted',
    );
    expect(
      (await fuzhou.post(`/api/implementation-reports/${reportId}/review`, { decision: 'accept' })).json()
        .code,
    ).toBe('report.superior_only');
    const noComment = await fujian.post(`/api/implementation-reports/${reportId}/review`, {
      decision: 'return',
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await fujian.post(`/api/implementation-reports/${reportId}/review`, {
      decision: 'return',
      comment: '请补充重点行业工伤发生率分析',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: '请补充重点行业工伤发生率分析',
    });
    const recomposed = await fuzhou.post('/api/implementation-reports', {
      jurisdictionCode: '350100',
      year: 2026,
      narrative: '已补充分析',
    });
    expect(recomposed.json().narrative).toBe('已补充分析');
    expect((await fuzhou.post(`/api/implementation-reports/${reportId}/submit`, {})).json().status).toBe(
      'submitted',
    );
    const accepted = await fujian.post(`/api/implementation-reports/${reportId}/review`, {
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'return',
      'submit',
      'accept',
    ]);
    const frozen = await fuzhou.post('/api/implementation-reports', {
      jurisdictionCode: '350100',
      year: 2026,
    });
    expect(frozen.statusCode).toBe(409);
  });

  it('exports printable HTML and XLSX, and uses a configured due date', async () => {
    const html = await fujian.get(`/api/implementation-reports/${reportId}/print`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('福州市2026年度工伤预防工作实施情况报告');
    expect(html.body).toContain('本年度无相关记录');
    const xlsx = await fujian.get(`/api/implementation-reports/${reportId}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(String(workbook.worksheets[0]?.getRow(1).getCell(1).value)).toContain('福州市2026');
    const set = await fujian.put('/api/joint-meeting-settings', {
      jurisdictionCode: '350000',
      key: 'jm.prefectureReportDue',
      value: '12-15',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await fuzhou.get(`/api/implementation-reports/${reportId}`)).json().dueDate).toBe('2026-12-15');
    const bad = await fujian.put('/api/joint-meeting-settings', {
      jurisdictionCode: '350000',
      key: 'jm.prefectureReportDue',
      value: '02-30',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('member-unit yearly reports (JM-5)', () => {
  it('a unit fills its template, submits, is returned, resubmits and is accepted; the board shows it', async () => {
    const saved = await emergency.put('/api/member-reports', {
      year: 2026,
      content: { accidents: 12, deaths: 3, narrative: '全年情况' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ template: 'emergency', status: 'draft' });
    const wrongField = await emergency.put('/api/member-reports', { year: 2026, content: { insured: 5 } });
    expect(wrongField.statusCode).toBe(400);
    const id = saved.json().id;
    expect((await health.get(`/api/member-reports/${id}`)).statusCode).toBe(404);
    expect((await emergency.post(`/api/member-reports/${id}/submit`, {})).json().status).toBe('submitted');
    expect(
      (await emergency.put('/api/member-reports', { year: 2026, content: { deaths: 4 } })).statusCode,
    ).toBe(409);
    expect(
      (await emergency.post(`/api/member-reports/${id}/review`, { decision: 'accept' })).statusCode,
    ).toBe(403);
    const returned = await fuzhou.post(`/api/member-reports/${id}/review`, {
      decision: 'return',
      comment: '请补充死亡事故明细',
    });
    expect(returned.json().status).toBe('returned');
    await emergency.put('/api/member-reports', { year: 2026, content: { deaths: 4 } });
    await emergency.post(`/api/member-reports/${id}/submit`, {});
    expect(
      (await fuzhou.post(`/api/member-reports/${id}/review`, { decision: 'accept' })).json().status,
    ).toBe('accepted');
    const board = (await fuzhou.get('/api/member-reports/board?year=2026')).json();
    expect(
      board.items.find((i: { organisationId: number }) => i.organisationId === emergencyId),
    ).toMatchObject({
      status: 'accepted',
      isOverdue: false,
    });
    expect(board.items.find((i: { organisationId: number }) => i.organisationId === healthId)).toMatchObject({
      status: null,
      isOverdue: true,
    });
  });
});

describe('rectification suggestions (KI-4)', () => {
  it('issues, escalates when overdue, and closes with evidence', async () => {
    setToday('2026-06-01');
    const [employer] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州榕城建筑工程有限公司'));
    const res = await fuzhou.post('/api/rectifications', {
      jurisdictionCode: '350100',
      employerId: employer?.id,
      findingKind: 'over_limit_factor',
      finding: '打磨岗位粉尘浓度超标',
      factorName: '矽尘',
      measuredValue: '2.4 mg/m³',
      limitValue: '1 mg/m³',
      suggestion: '限期30日内完成除尘设施改造',
      deadline: '2026-07-01',
      responsibleOrganisationId: healthId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const early = await fuzhou.post(`/api/rectifications/${id}/follow-ups`, {
      kind: 'escalate',
      note: '逾期未整改',
    });
    expect(early.statusCode).toBe(409);
    setToday('2026-07-05');
    expect(
      (await health.post(`/api/rectifications/${id}/follow-ups`, { kind: 'escalate', note: '越权' }))
        .statusCode,
    ).toBe(403);
    const escalated = await fuzhou.post(`/api/rectifications/${id}/follow-ups`, {
      kind: 'escalate',
      note: '逾期未整改，移交卫健委督办',
    });
    expect(escalated.statusCode, escalated.body).toBe(201);
    expect(escalated.json().rectification).toMatchObject({ isOverdue: true, displayStatus: 'overdue' });
    const inbox = (await health.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('rectification.escalated');
    expect((await emergency.get(`/api/rectifications/${id}`)).statusCode).toBe(404);
    const closed = await health.post(`/api/rectifications/${id}/follow-ups`, {
      kind: 'close',
      note: '复测合格，检测报告编号 FZ-2026-118',
    });
    expect(closed.json().rectification.status).toBe('closed');
    expect((await xiamen.get(`/api/rectifications/${id}`)).statusCode).toBe(404);
  });
});

describe('demo workflow data', () => {
  it('adds a held Fujian meeting with minutes and two action items, one overdue, once', async () => {
    const { seedDemoJointMeeting } = await import('../../seed/demo-joint-meeting.js');
    const now = new Date('2026-11-25T02:00:00Z');
    expect(await seedDemoJointMeeting(t.db, now)).toBe(true);
    expect(await seedDemoJointMeeting(t.db, now)).toBe(false);
    setToday('2026-11-25');
    const list = (await fujian.get('/api/meetings?jurisdiction=350000')).json();
    const demo = list.items.filter((m: { jurisdictionCode: string }) => m.jurisdictionCode === '350000');
    expect(demo).toHaveLength(1);
    expect(demo[0].status).toBe('minutes_approved');
    const meeting = (await fujian.get(`/api/meetings/${demo[0].id}`)).json();
    expect(meeting.agenda[0].isFrozen).toBe(true);
    expect(meeting.actionItems.map((i: { isOverdue: boolean }) => i.isOverdue).sort()).toEqual([false, true]);
    const member = await t.signIn('fjyjt');
    expect((await member.get('/api/action-items?mine=true')).json().items).toHaveLength(1);
  });
});
