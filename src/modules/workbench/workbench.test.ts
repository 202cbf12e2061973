import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { buildOrganisation, jurisdictionIdOf } from '../../../test/projects-builders.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { exchangeBatches } from '../exchange/exchange.tables.js';
import {
  actionItems,
  meetings,
  memberReports,
  rectifications,
  reminders,
} from '../joint-meeting/workflow.tables.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { notifications } from '../notifications/notifications.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { preventionProjects } from '../projects/projects.tables.js';
import { users } from '../users/users.tables.js';

// The workbench (decision 0041) on data built here, every expected count worked out by hand from
// the rows below; and 催办 (chase) with its record, audit, inbox message and daily limit.

let today = new Date('2026-12-07T02:00:00Z');
let t: TestApp;
let fuzhou: Agent;
let firstNotificationId = 0;
let emergency: Agent;
let health: Agent;
let employer: Agent;
let expert: Agent;
let emergencyId: number;
let healthId: number;
let overdueItemId: number;
let closedItemId: number;

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture row missing');
  return value;
}

type Card = { key: string; count: number; link: string };
const cardsOf = async (agent: Agent) => {
  const res = await agent.get('/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().cards as Card[]).map((c) => [c.key, c]));
};

async function orgId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => today });
  const fz = await jurisdictionIdOf(t, '350100');
  const xm = await jurisdictionIdOf(t, '350200');
  emergencyId = await orgId('福州市应急管理局');
  healthId = await orgId('福州市卫生健康委员会');
  const hrssId = await orgId('福州市人力资源和社会保障局');
  const company = await buildOrganisation(t, { kind: 'employer', sizeBand: 'large' });
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
  const c = await t.buildUser({ role: 'employer', jurisdictionCode: '350100', organisationId: company.id });
  const x = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
  [fuzhou, emergency, health, employer, expert] = await Promise.all([
    t.signIn('fuzhou'),
    t.signIn(e.username, TEST_PASSWORD),
    t.signIn(h.username, TEST_PASSWORD),
    t.signIn(c.username, TEST_PASSWORD),
    t.signIn(x.username, TEST_PASSWORD),
  ]);

  // A held meeting of Fuzhou and one of Xiamen (a sibling: never counted for Fuzhou).
  const [m, mx] = await t.db
    .insert(meetings)
    .values([
      {
        jurisdictionId: fz,
        kind: 'regular',
        title: '福州例会',
        reportYear: 2025,
        plannedOn: '2026-03-12',
        heldOn: '2026-03-12',
        status: 'held',
      },
      {
        jurisdictionId: xm,
        kind: 'regular',
        title: '厦门例会',
        reportYear: 2025,
        plannedOn: '2026-03-12',
        heldOn: '2026-03-12',
        status: 'held',
      },
    ] as never)
    .returning({ id: meetings.id });
  const xiamenUnit = await buildOrganisation(t, { kind: 'employer', code: '350200' });
  const item = (
    meetingId: number,
    jurisdictionId: number,
    organisationId: number,
    deadline: string,
    status: string,
  ) => ({
    meetingId,
    jurisdictionId,
    organisationId,
    title: `事项 ${organisationId} ${deadline}`,
    deadline,
    status,
  });
  // Overdue on 2026-12-07: A1 (应急, open, 12-01) and A3 (卫健, in progress, 11-01). A2 is not yet
  // due, A4 is closed, A5 is Xiamen's.
  const rows = await t.db
    .insert(actionItems)
    .values([
      item(must(m).id, fz, emergencyId, '2026-12-01', 'open'),
      item(must(m).id, fz, emergencyId, '2026-12-31', 'open'),
      item(must(m).id, fz, healthId, '2026-11-01', 'in_progress'),
      item(must(m).id, fz, emergencyId, '2026-10-01', 'closed'),
      item(must(mx).id, xm, xiamenUnit.id, '2026-10-01', 'open'),
    ] as never)
    .returning({ id: actionItems.id });
  overdueItemId = must(rows[0]).id;
  closedItemId = must(rows[3]).id;

  // Rectifications: R1 (应急, due 12-05) overdue; R2 (应急, due 2027) not; R3 (卫健, 11-30) closed.
  const rect = (responsible: number, deadline: string, status: string) => ({
    jurisdictionId: fz,
    employerId: company.id,
    findingKind: 'hazard',
    finding: '粉尘超标',
    suggestion: '加装除尘设施',
    deadline,
    responsibleOrganisationId: responsible,
    status,
  });
  await t.db
    .insert(rectifications)
    .values([
      rect(emergencyId, '2026-12-05', 'issued'),
      rect(emergencyId, '2027-01-10', 'issued'),
      rect(healthId, '2026-11-30', 'closed'),
    ] as never);

  // 2026 member reports (due 11-30, passed): 应急 submitted, 卫健 a draft; the other units none.
  await t.db.insert(memberReports).values([
    {
      jurisdictionId: fz,
      organisationId: emergencyId,
      year: 2026,
      template: 'emergency',
      content: {},
      status: 'submitted',
    },
    {
      jurisdictionId: fz,
      organisationId: healthId,
      year: 2026,
      template: 'health',
      content: {},
      status: 'draft',
    },
  ] as never);

  // Projects: Fuzhou has two declared (to draw), one reviewed (to decide), one approved; the
  // company's own: one in progress and one rectifying (its steps) plus one declared. Xiamen: one declared.
  const project = (jurisdictionId: number, applicant: number, status: string) => ({
    jurisdictionId,
    year: 2026,
    applicantOrganisationId: applicant,
    type: 'training',
    title: `项目 ${status}`,
    keyField: '建筑施工',
    summary: '培训',
    budgetLines: [],
    requestedFen: 100,
    status,
    createdBy: 'test',
  });
  const association = await buildOrganisation(t, { kind: 'industry_association' });
  await t.db
    .insert(preventionProjects)
    .values([
      project(fz, association.id, 'declared'),
      project(fz, company.id, 'declared'),
      project(fz, association.id, 'reviewed'),
      project(fz, association.id, 'approved'),
      project(fz, company.id, 'in_progress'),
      project(fz, company.id, 'rectifying'),
      project(xm, xiamenUnit.id, 'declared'),
    ] as never);

  // Batches: Fuzhou one with rejected rows and one clean; Xiamen one with rejected rows.
  const batch = (jurisdictionId: number, rejectedRows: number) => ({
    domain: 'injuries',
    organisationId: hrssId,
    jurisdictionId,
    submittedBy: 'fuzhou',
    channel: 'web',
    fileName: 'injuries.csv',
    format: 'csv',
    fileBytes: 10,
    sha256: `${jurisdictionId}-${rejectedRows}`,
    status: 'committed',
    rejectedRows,
  });
  await t.db.insert(exchangeBatches).values([batch(fz, 3), batch(fz, 0), batch(xm, 2)] as never);

  // Inbox: fuzhou gets three, reads one.
  const [fuzhouUser] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'fuzhou'));
  for (const n of [1, 2, 3])
    await notifyUsers(t.db, [must(fuzhouUser).id], { kind: 'test', params: {}, dedupeKey: `wb-${n}` });
  const [first] = await t.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.userId, must(fuzhouUser).id))
    .orderBy(asc(notifications.id))
    .limit(1);
  firstNotificationId = must(first).id;
  await fuzhou.post('/api/notifications/read', { ids: [firstNotificationId] });
});

afterAll(async () => {
  await t.close();
});

describe('the workbench per role', () => {
  it('HRSS officer of Fuzhou: the convener’s counts of its scope, each linking to the filtered page', async () => {
    const cards = await cardsOf(fuzhou);
    expect(cards.overdueActionItems).toEqual({
      key: 'overdueActionItems',
      count: 2,
      link: '/joint-meeting/action-items?view=overdue',
    });
    expect(cards.overdueRectifications?.count).toBe(1);
    // Fuzhou's nine member units (rosters.data.ts), of which only 应急 has submitted for 2026.
    expect(cards.reportsToChase).toEqual({
      key: 'reportsToChase',
      count: 8,
      link: '/joint-meeting/yearly-reports?year=2026&late=true',
    });
    expect(cards.projectsToDraw?.count).toBe(2);
    expect(cards.projectsToDecide?.count).toBe(1);
    expect(cards.batchesRejected).toEqual({
      key: 'batchesRejected',
      count: 1,
      link: '/exchange?hasRejectedRows=true',
    });
    expect(cards.unreadNotifications?.count).toBe(2);
    // Marking one read is on record (issue 13 item 7): the ids read and the ids asked for.
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notifications.read'), eq(auditLog.actorUsername, 'fuzhou')));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.details).toEqual({ ids: [firstNotificationId], requested: [firstNotificationId] });
    expect(cards.reviewsDue).toBeUndefined();
    expect(cards.ownProjectsToReport).toBeUndefined();
    expect(cards.myOpenActionItems).toBeUndefined();
    // The training and publicity cards are those modules' own figures (no second count here).
    const gaps = (await fuzhou.get('/api/training/coverage/gaps?pageSize=1')).json();
    expect(cards.trainingGaps?.count).toBe(gaps.total);
    const board = (await fuzhou.get('/api/publicity/quota-board?year=2026')).json();
    expect(cards.campaignGaps?.count).toBe(board.summary.none);
  });

  it('member officers: only their own unit’s items, and no convener’s cards', async () => {
    const e = await cardsOf(emergency);
    // Its own open items: A1 and A2 (A4 is closed); 卫健's: A3.
    expect(e.myOpenActionItems).toEqual({
      key: 'myOpenActionItems',
      count: 2,
      link: '/joint-meeting/action-items',
    });
    expect(e.overdueActionItems?.count).toBe(1);
    expect(e.overdueRectifications?.count).toBe(1);
    expect(e.reportsToChase).toBeUndefined();
    expect(e.projectsToDraw).toBeUndefined();
    expect(e.batchesRejected?.count).toBe(1);
    expect(e.unreadNotifications?.count).toBe(0);
    const h = await cardsOf(health);
    expect(h.myOpenActionItems?.count).toBe(1);
    expect(h.overdueActionItems?.count).toBe(1);
    expect(h.overdueRectifications?.count).toBe(0);
  });

  it('employer: its own projects awaiting a report or rectification', async () => {
    const cards = await cardsOf(employer);
    expect(Object.keys(cards).sort()).toEqual(['ownProjectsToReport', 'unreadNotifications']);
    expect(cards.ownProjectsToReport).toEqual({
      key: 'ownProjectsToReport',
      count: 2,
      link: '/own-projects',
    });
  });

  it('expert: reviews due (none drawn yet) and the inbox only', async () => {
    const cards = await cardsOf(expert);
    expect(Object.keys(cards).sort()).toEqual(['reviewsDue', 'unreadNotifications']);
    expect(cards.reviewsDue?.count).toBe(0);
  });

  it('refuses an anonymous caller', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});

describe('催办 (chase)', () => {
  it('reminds the owing unit, records it on the item, audits it, and refuses a second one the same day', async () => {
    const sent = await fuzhou.post('/api/reminders', { targetType: 'action_item', targetId: overdueItemId });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      targetType: 'action_item',
      organisationId: emergencyId,
      sentOn: '2026-12-07',
    });
    expect(sent.json().recipients).toBeGreaterThanOrEqual(1);
    const inbox = (await emergency.get('/api/notifications')).json();
    const chase = inbox.items.find((n: { kind: string }) => n.kind === 'chase.action_item');
    expect(chase?.link).toBe(`/joint-meeting/action-items/${overdueItemId}`);
    // The other unit is not reminded.
    const other = (await health.get('/api/notifications')).json();
    expect(other.items.map((n: { kind: string }) => n.kind)).not.toContain('chase.action_item');
    const list = (
      await emergency.get(`/api/reminders?targetType=action_item&targetId=${overdueItemId}`)
    ).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].username).toBe('fuzhou');
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reminder.send'), eq(auditLog.targetId, String(overdueItemId))))
      .orderBy(asc(auditLog.id));
    expect(audit).toHaveLength(1);
    const again = await fuzhou.post('/api/reminders', { targetType: 'action_item', targetId: overdueItemId });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('chase.rate_limited');
    // The next day it may be chased again.
    today = new Date('2026-12-08T02:00:00Z');
    const next = await fuzhou.post('/api/reminders', { targetType: 'action_item', targetId: overdueItemId });
    expect(next.statusCode, next.body).toBe(201);
    const rows = await t.db
      .select()
      .from(reminders)
      .where(eq(reminders.targetId, overdueItemId))
      .orderBy(asc(reminders.id));
    expect(rows.map((r) => r.sentOn)).toEqual(['2026-12-07', '2026-12-08']);
    today = new Date('2026-12-07T02:00:00Z');
  });

  it('chases a late yearly report by unit and year; not one already submitted; not a closed item', async () => {
    const late = await fuzhou.post('/api/reminders', {
      targetType: 'member_report',
      targetId: healthId,
      year: 2026,
    });
    expect(late.statusCode, late.body).toBe(201);
    const inbox = (await health.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('chase.member_report');
    const submitted = await fuzhou.post('/api/reminders', {
      targetType: 'member_report',
      targetId: emergencyId,
      year: 2026,
    });
    expect(submitted.statusCode).toBe(409);
    const closed = await fuzhou.post('/api/reminders', { targetType: 'action_item', targetId: closedItemId });
    expect(closed.statusCode).toBe(409);
    const noYear = await fuzhou.post('/api/reminders', { targetType: 'member_report', targetId: healthId });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().field ?? JSON.stringify(noYear.json())).toContain('year');
  });

  it('a member unit may not chase, and a sibling cannot reach Fuzhou’s item', async () => {
    const own = await emergency.post('/api/reminders', {
      targetType: 'action_item',
      targetId: overdueItemId,
    });
    expect(own.statusCode).toBe(403);
    const x = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    const xiamen = await t.signIn(x.username, TEST_PASSWORD);
    const res = await xiamen.post('/api/reminders', { targetType: 'rectification', targetId: overdueItemId });
    expect(res.statusCode).toBe(404);
  });
});
