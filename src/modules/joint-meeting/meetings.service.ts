import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { recordAudit, recordPersonalDataView } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { maskName } from '../../platform/privacy/mask.js';
import { currentYear, isAfterToday, today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { listActionItemsOfMeeting } from './action-items.service.js';
import { composeStandingReport, STANDING_REPORTS, type StandingReport } from './standing-reports.service.js';
import { getMeetingInScope } from './workflow.queries.js';
import { assertState } from './workflow.shared.js';
import {
  type AgendaPaper,
  implementationReports,
  type MeetingKind,
  type MeetingStatus,
  meetingAgendaItems,
  meetingParticipants,
  meetings,
} from './workflow.tables.js';

export interface CreateMeetingInput {
  jurisdictionCode: string;
  kind: MeetingKind;
  title: string;
  reportYear: number;
  plannedOn: string;
  location?: string;
  /** Departments invited beyond the member units (列席). */
  guestOrganisationIds?: number[];
  /** Further agenda topics after the three standing reports. */
  topics?: string[];
  reason?: string;
}

/**
 * Drafts a meeting (JM-2): every member department of the jurisdiction is invited, guests as
 * named, and the agenda starts with the three standing reports of J 附件1 二.
 */
export async function createMeeting(db: Db, actor: Actor, input: CreateMeetingInput, now: Date) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if (input.reportYear > currentYear(now)) throw badRequest('date.in_future', 'reportYear');
  const members = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(eq(organisations.jurisdictionId, jurisdiction.id), eq(organisations.kind, 'member_department')),
    );
  const guestIds = [...new Set(input.guestOrganisationIds ?? [])].filter(
    (id) => !members.some((m) => m.id === id),
  );
  if (guestIds.length > 0) {
    const guests = await db
      .select({ id: organisations.id })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(and(inArray(organisations.id, guestIds), withinScope(jurisdictions.path, jurisdiction.path)));
    if (guests.length !== guestIds.length)
      throw badRequest('organisation.outside_jurisdiction', 'guestOrganisationIds');
  }
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(meetings)
      .values({
        jurisdictionId: jurisdiction.id,
        kind: input.kind,
        title: input.title,
        reportYear: input.reportYear,
        plannedOn: input.plannedOn,
        location: input.location ?? null,
        createdByUserId: actor.userId,
      })
      .returning({ id: meetings.id });
    if (!created) throw new Error('insert returned no row');
    const participants = [
      ...members.map((m) => ({ meetingId: created.id, organisationId: m.id, role: 'member' as const })),
      ...guestIds.map((g) => ({ meetingId: created.id, organisationId: g, role: 'guest' as const })),
    ];
    if (participants.length > 0) await tx.insert(meetingParticipants).values(participants);
    await tx.insert(meetingAgendaItems).values([
      ...STANDING_REPORTS.map((r, i) => ({
        meetingId: created.id,
        sortOrder: i,
        kind: r.kind,
        title: r.title,
      })),
      ...(input.topics ?? []).map((title, i) => ({
        meetingId: created.id,
        sortOrder: STANDING_REPORTS.length + i,
        kind: 'topic' as const,
        title,
      })),
    ]);
    await recordAudit(tx, actor, {
      action: 'meeting.create',
      targetType: 'meeting',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: {
        title: input.title,
        kind: input.kind,
        plannedOn: input.plannedOn,
        reason: input.reason ?? null,
      },
    });
    return created.id;
  });
  return getMeeting(db, actor, id, now);
}

/** Meetings of a jurisdiction subtree in the actor's scope, newest first. */
export async function listMeetings(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number; status?: MeetingStatus },
) {
  const scope = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scope)];
  if (options.year)
    conditions.push(
      sql`coalesce(${meetings.heldOn}, ${meetings.plannedOn}) >= ${`${options.year}-01-01`} and coalesce(${meetings.heldOn}, ${meetings.plannedOn}) < ${`${options.year + 1}-01-01`}`,
    );
  if (options.status) conditions.push(eq(meetings.status, options.status));
  const rows = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      status: meetings.status,
      reportYear: meetings.reportYear,
      plannedOn: meetings.plannedOn,
      heldOn: meetings.heldOn,
      location: meetings.location,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
    })
    .from(meetings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, meetings.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(sql`coalesce(${meetings.heldOn}, ${meetings.plannedOn})`), desc(meetings.id))
    .limit(500);
  return { items: rows, total: rows.length };
}

/**
 * One meeting with participants, agenda and action items. Before the meeting is held its standing
 * reports are composed live (a preview); once held they are the frozen papers. `withReports: false`
 * skips composing them (a printed notice or minutes lists the agenda's titles only).
 */
export async function getMeeting(
  db: Db,
  actor: Actor,
  id: number,
  now: Date,
  { withReports = true }: { withReports?: boolean } = {},
) {
  const { meeting, code, name, path } = await getMeetingInScope(db, actor, id);
  const [participants, agenda, items] = await Promise.all([
    db
      .select({
        organisationId: meetingParticipants.organisationId,
        organisationName: organisations.name,
        department: organisations.department,
        role: meetingParticipants.role,
        attendance: meetingParticipants.attendance,
        attendeeName: meetingParticipants.attendeeName,
      })
      .from(meetingParticipants)
      .innerJoin(organisations, eq(organisations.id, meetingParticipants.organisationId))
      .where(eq(meetingParticipants.meetingId, id))
      .orderBy(asc(meetingParticipants.role), asc(organisations.id)),
    db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, id))
      .orderBy(asc(meetingAgendaItems.sortOrder)),
    listActionItemsOfMeeting(db, actor, id, now),
  ]);
  const isHeld = meeting.status === 'held' || meeting.status === 'minutes_approved';
  const agendaOut = await Promise.all(
    agenda.map(async (a) => {
      let report: StandingReport | null = null;
      const paper = a.kind === 'paper' ? (a.report as unknown as AgendaPaper) : null;
      if (a.kind !== 'topic' && a.kind !== 'paper' && withReports) {
        report = isHeld
          ? (a.report as unknown as StandingReport | null)
          : await composeStandingReport(db, { code, name, path }, a.kind, meeting.reportYear, now);
      }
      return {
        id: a.id,
        kind: a.kind,
        title: a.title,
        isFrozen: a.frozenAt !== null,
        frozenAt: a.frozenAt?.toISOString() ?? null,
        report,
        paper,
      };
    }),
  );
  const canSeeNames = actor.permissions.has('personal-data:view');
  const named = participants.filter((p) => p.attendeeName);
  if (canSeeNames && named.length > 0) {
    await recordPersonalDataView(db, actor, {
      targetType: 'meeting',
      ids: [id],
      fields: ['attendeeName'],
      what: 'meeting attendance',
    });
  }
  return {
    id: meeting.id,
    jurisdiction: { code, name },
    kind: meeting.kind,
    title: meeting.title,
    status: meeting.status,
    reportYear: meeting.reportYear,
    plannedOn: meeting.plannedOn,
    heldOn: meeting.heldOn,
    location: meeting.location,
    minutes: meeting.minutes,
    decisions: meeting.decisions,
    participants: participants.map((p) => ({
      ...p,
      attendeeName: canSeeNames ? p.attendeeName : maskName(p.attendeeName),
    })),
    agenda: agendaOut,
    actionItems: items,
  };
}

async function transition(
  db: Db,
  actor: Actor,
  id: number,
  action: string,
  from: readonly MeetingStatus[],
  change: (tx: Db, meeting: typeof meetings.$inferSelect, path: string) => Promise<Record<string, unknown>>,
) {
  const { meeting, path } = await getMeetingInScope(db, actor, id);
  assertState(meeting.status, from, action);
  await db.transaction(async (tx) => {
    // Re-check inside the transaction: two concurrent transitions cannot both pass.
    const [locked] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, id))
      .for('update');
    assertState(locked?.status ?? meeting.status, from, action);
    const details = await change(tx, meeting, path);
    await recordAudit(tx, actor, {
      action: `meeting.${action}`,
      targetType: 'meeting',
      targetId: id,
      jurisdictionPath: path,
      details: { from: meeting.status, ...details },
    });
  });
}

/**
 * Puts another module's paper on a meeting's agenda (FR-2: a rate-floating simulation), frozen as
 * attached, while the meeting is still being prepared (draft or scheduled). The caller has already
 * checked its own object; the meeting must be in the actor's scope and the actor its organiser.
 */
export async function attachAgendaPaper(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: { title: string; paper: AgendaPaper },
  now: Date,
) {
  if (!actor.permissions.has('meetings:manage')) throw new AppError(403, 'auth.forbidden');
  await transition(db, actor, meetingId, 'attach_paper', ['draft', 'scheduled'], async (tx) => {
    const [last] = await tx
      .select({ sortOrder: max(meetingAgendaItems.sortOrder) })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meetingId));
    const [item] = await tx
      .insert(meetingAgendaItems)
      .values({
        meetingId,
        sortOrder: (last?.sortOrder ?? 0) + 1,
        kind: 'paper',
        title: input.title,
        report: input.paper as unknown as Record<string, unknown>,
        frozenAt: now,
      })
      .returning({ id: meetingAgendaItems.id });
    return { agendaItemId: item?.id ?? null, source: input.paper.source, title: input.title };
  });
  return getMeeting(db, actor, meetingId, now, { withReports: false });
}

/** draft → scheduled: the invited units are told in their inboxes. */
export async function scheduleMeeting(
  db: Db,
  actor: Actor,
  id: number,
  input: { reason?: string },
  now: Date,
) {
  await transition(db, actor, id, 'schedule', ['draft'], async (tx, meeting) => {
    await tx.update(meetings).set({ status: 'scheduled', updatedAt: now }).where(eq(meetings.id, id));
    const units = await tx
      .select({ id: meetingParticipants.organisationId })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, id));
    for (const unit of units)
      await notifyUnit(tx, unit.id, {
        kind: 'meeting.scheduled',
        params: { title: meeting.title, plannedOn: meeting.plannedOn },
        link: `/joint-meeting/meetings/${id}`,
        dedupeKey: `meeting:${id}:scheduled`,
      });
    return { to: 'scheduled', reason: input.reason ?? null };
  });
  return getMeeting(db, actor, id, now);
}

export interface HoldMeetingInput {
  heldOn: string;
  attendance: { organisationId: number; attendance: 'present' | 'absent'; attendeeName?: string }[];
  reason?: string;
}

/**
 * scheduled → held: attendance is recorded and the standing reports are composed one last time and
 * frozen on the agenda; later imports do not change a held meeting's papers.
 */
export async function holdMeeting(db: Db, actor: Actor, id: number, input: HoldMeetingInput, now: Date) {
  if (isAfterToday(input.heldOn, now)) throw badRequest('date.in_future', 'heldOn');
  const { meeting, code, name, path } = await getMeetingInScope(db, actor, id);
  assertState(meeting.status, ['scheduled'], 'hold');
  const invited = await db
    .select({ id: meetingParticipants.organisationId })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, id));
  input.attendance.forEach((a, i) => {
    if (!invited.some((p) => p.id === a.organisationId))
      throw badRequest('workflow.not_member_unit', `attendance.${i}.organisationId`);
  });
  // Composed before the transaction: PGlite has one connection and a transaction holds it.
  const reports = await Promise.all(
    STANDING_REPORTS.map(async (r) => ({
      kind: r.kind,
      report: await composeStandingReport(db, { code, name, path }, r.kind, meeting.reportYear, now),
    })),
  );
  await transition(db, actor, id, 'hold', ['scheduled'], async (tx) => {
    await tx
      .update(meetings)
      .set({ status: 'held', heldOn: input.heldOn, updatedAt: now })
      .where(eq(meetings.id, id));
    for (const a of input.attendance)
      await tx
        .update(meetingParticipants)
        .set({ attendance: a.attendance, attendeeName: a.attendeeName ?? null })
        .where(
          and(
            eq(meetingParticipants.meetingId, id),
            eq(meetingParticipants.organisationId, a.organisationId),
          ),
        );
    for (const r of reports)
      await tx
        .update(meetingAgendaItems)
        .set({ report: r.report as unknown as Record<string, unknown>, frozenAt: now })
        .where(and(eq(meetingAgendaItems.meetingId, id), eq(meetingAgendaItems.kind, r.kind)));
    return {
      to: 'held',
      heldOn: input.heldOn,
      present: input.attendance.filter((a) => a.attendance === 'present').length,
      reason: input.reason ?? null,
    };
  });
  return getMeeting(db, actor, id, now);
}

/** Writes the minutes (会议纪要) and agreed matters of a held meeting, until they are approved. */
export async function saveMinutes(
  db: Db,
  actor: Actor,
  id: number,
  input: { minutes: string; decisions: string[]; reason?: string },
  now: Date,
) {
  await transition(db, actor, id, 'edit_minutes', ['held'], async (tx) => {
    await tx
      .update(meetings)
      .set({ minutes: input.minutes, decisions: input.decisions, updatedAt: now })
      .where(eq(meetings.id, id));
    return { decisions: input.decisions.length, reason: input.reason ?? null };
  });
  return getMeeting(db, actor, id, now);
}

/** held → minutes_approved: the minutes are final. */
export async function approveMinutes(
  db: Db,
  actor: Actor,
  id: number,
  input: { reason?: string },
  now: Date,
) {
  await transition(db, actor, id, 'approve_minutes', ['held'], async (tx, meeting) => {
    if (!meeting.minutes?.trim()) throw new AppError(409, 'workflow.minutes_required');
    await tx.update(meetings).set({ status: 'minutes_approved', updatedAt: now }).where(eq(meetings.id, id));
    return { to: 'minutes_approved', reason: input.reason ?? null };
  });
  return getMeeting(db, actor, id, now);
}

/**
 * The superior's overview (JM-2, JM-4, JM-6): the jurisdiction and each direct subordinate with
 * meetings held in the year (flagged when none), open and overdue action items and rectifications
 * of its subtree, and its yearly implementation report.
 */
export async function getMeetingsOverview(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year: number },
  now: Date,
) {
  const root = await getJurisdictionInScope(db, actor, options.jurisdiction ?? actor.jurisdictionCode);
  const children = await db
    .select({
      id: jurisdictions.id,
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      level: jurisdictions.level,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.parentId, root.id))
    .orderBy(asc(jurisdictions.sortOrder), asc(jurisdictions.code));
  const todayDate = today(now);
  const from = `${options.year}-01-01`;
  const to = `${options.year + 1}-01-01`;
  const rows = [root, ...children];
  const stats = rowsOf(
    await db.execute(sql`select r.code,
      (select count(*)::int from meetings m join jurisdictions j on j.id = m.jurisdiction_id
        where j.path = r.path and m.status in ('held','minutes_approved') and m.held_on >= ${from} and m.held_on < ${to}) as held,
      (select max(m.held_on)::text from meetings m join jurisdictions j on j.id = m.jurisdiction_id
        where j.path = r.path and m.status in ('held','minutes_approved')) as last_held,
      (select count(*)::int from action_items a join jurisdictions j on j.id = a.jurisdiction_id
        where (j.path = r.path or j.path like r.path || '/%') and a.status <> 'closed') as open_items,
      (select count(*)::int from action_items a join jurisdictions j on j.id = a.jurisdiction_id
        where (j.path = r.path or j.path like r.path || '/%') and a.status <> 'closed' and a.deadline < ${todayDate}) as overdue_items,
      (select count(*)::int from rectifications x join jurisdictions j on j.id = x.jurisdiction_id
        where (j.path = r.path or j.path like r.path || '/%') and x.status <> 'closed' and x.deadline < ${todayDate}) as overdue_rectifications
      from jurisdictions r where r.id in (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )})`),
  );
  const reports = await db
    .select({ jurisdictionId: implementationReports.jurisdictionId, status: implementationReports.status })
    .from(implementationReports)
    .where(
      and(
        inArray(
          implementationReports.jurisdictionId,
          rows.map((r) => r.id),
        ),
        eq(implementationReports.year, options.year),
      ),
    );
  return {
    jurisdiction: { code: root.code, name: root.name },
    year: options.year,
    rows: rows.map((r) => {
      const s = stats.find((x) => x.code === r.code) ?? {};
      const held = Number(s.held ?? 0);
      return {
        code: r.code,
        name: r.name,
        level: r.level,
        isSelf: r.id === root.id,
        meetingsHeld: held,
        lastHeldOn: (s.last_held as string | null) ?? null,
        hasNoMeeting: held === 0,
        openActionItems: Number(s.open_items ?? 0),
        overdueActionItems: Number(s.overdue_items ?? 0),
        overdueRectifications: Number(s.overdue_rectifications ?? 0),
        implementationReportStatus: reports.find((x) => x.jurisdictionId === r.id)?.status ?? null,
      };
    }),
  };
}
