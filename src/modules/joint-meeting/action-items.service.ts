import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { addDays, today } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit, notifyUsers } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from '../users/users.tables.js';
import { getMeetingInScope, listFollowUps } from './workflow.queries.js';
import { assertState, isOverdue, requireMemberUnit, seesAllUnits } from './workflow.shared.js';
import {
  type ActionItemStatus,
  actionItems,
  followUps,
  meetings,
  rectifications,
} from './workflow.tables.js';

function selectItems(db: Db) {
  return db
    .select({
      item: actionItems,
      organisationName: organisations.name,
      meetingTitle: meetings.title,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(actionItems)
    .innerJoin(organisations, eq(organisations.id, actionItems.organisationId))
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, actionItems.jurisdictionId))
    .$dynamic();
}

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

function toDto(row: ItemRow, now: Date) {
  const { item } = row;
  const isClosed = item.status === 'closed';
  return {
    id: item.id,
    meetingId: item.meetingId,
    meetingTitle: row.meetingTitle,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    organisationId: item.organisationId,
    organisationName: row.organisationName,
    title: item.title,
    description: item.description,
    deadline: item.deadline,
    status: item.status,
    /** Derived at query time from the deadline and today. */
    isOverdue: isOverdue(item.deadline, isClosed, now),
    /** The state shown: overdue replaces open / in progress once the deadline has passed. */
    displayStatus: isOverdue(item.deadline, isClosed, now) ? ('overdue' as const) : item.status,
    closedAt: item.closedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  };
}

/** Whom an actor may see: a member unit only its own unit's items; a convener every unit's. */
function visibility(actor: Actor): SQL {
  const scope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (seesAllUnits(actor)) return scope;
  return and(scope, eq(actionItems.organisationId, actor.organisationId ?? -1)) as SQL;
}

export async function getActionItemInScope(db: Db, actor: Actor, id: number, _now: Date) {
  const [row] = await selectItems(db).where(and(eq(actionItems.id, id), visibility(actor)));
  if (!row) throw notFound();
  return row;
}

/** The action items of one meeting the actor may see. */
export async function listActionItemsOfMeeting(db: Db, actor: Actor, meetingId: number, now: Date) {
  const rows = await selectItems(db)
    .where(and(eq(actionItems.meetingId, meetingId), visibility(actor)))
    .orderBy(asc(actionItems.deadline), asc(actionItems.id));
  return rows.map((r) => toDto(r, now));
}

/**
 * Action items across meetings: `mine` for the actor's unit (its home page), else every item the
 * actor may see in a jurisdiction subtree, optionally only the overdue ones (the convener's roll-up).
 */
export async function listActionItems(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; mine?: boolean; isOverdue?: boolean; status?: ActionItemStatus },
  now: Date,
) {
  const conditions: SQL[] = [visibility(actor)];
  if (options.jurisdiction) {
    const j = await getJurisdictionInScope(db, actor, options.jurisdiction);
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  if (options.mine) conditions.push(eq(actionItems.organisationId, actor.organisationId ?? -1));
  if (options.status) conditions.push(eq(actionItems.status, options.status));
  if (options.isOverdue)
    conditions.push(sql`${actionItems.status} <> 'closed' and ${actionItems.deadline} < ${today(now)}`);
  const rows = await selectItems(db)
    .where(and(...conditions))
    .orderBy(sql`${actionItems.status} = 'closed'`, asc(actionItems.deadline), asc(actionItems.id))
    .limit(500);
  const items = rows.map((r) => toDto(r, now));
  return { items, total: items.length };
}

/** One action item with its progress history and evidence. */
export async function getActionItem(db: Db, actor: Actor, id: number, now: Date) {
  const row = await getActionItemInScope(db, actor, id, now);
  return { ...toDto(row, now), followUps: await listFollowUps(db, 'action_item', id) };
}

/** Assigns an action item of a held meeting's minutes to a member unit (JM-4); the unit is told. */
export async function createActionItem(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: { organisationId: number; title: string; description?: string; deadline: string; reason?: string },
  now: Date,
) {
  const { meeting, path } = await getMeetingInScope(db, actor, meetingId);
  assertState(meeting.status, ['held'], 'add_action_item');
  if (input.deadline < today(now)) throw badRequest('workflow.deadline_past', 'deadline');
  const unit = await requireMemberUnit(db, meeting.jurisdictionId, input.organisationId, 'organisationId');
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(actionItems)
      .values({
        meetingId,
        jurisdictionId: meeting.jurisdictionId,
        organisationId: unit.id,
        title: input.title,
        description: input.description ?? null,
        deadline: input.deadline,
        createdByUserId: actor.userId,
      })
      .returning({ id: actionItems.id });
    if (!created) throw new Error('insert returned no row');
    await notifyUnit(tx, unit.id, {
      kind: 'action_item.assigned',
      params: { title: input.title, deadline: input.deadline, meeting: meeting.title },
      link: `/joint-meeting/action-items/${created.id}`,
      dedupeKey: `action_item:${created.id}:assigned`,
    });
    await recordAudit(tx, actor, {
      action: 'action-item.create',
      targetType: 'action_item',
      targetId: created.id,
      jurisdictionPath: path,
      details: {
        meetingId,
        organisation: unit.name,
        title: input.title,
        deadline: input.deadline,
        reason: input.reason ?? null,
      },
    });
    return created.id;
  });
  return getActionItem(db, actor, id, now);
}

/**
 * Progress (open/in_progress → in_progress) or closure with evidence (→ closed), by the assigned
 * unit only. Returns the follow-up id, to which evidence files may be attached.
 */
export async function reportActionItem(
  db: Db,
  actor: Actor,
  id: number,
  input: { kind: 'progress' | 'close'; note: string },
  now: Date,
) {
  const row = await getActionItemInScope(db, actor, id, now);
  if (row.item.organisationId !== actor.organisationId) throw new AppError(403, 'workflow.not_assignee');
  const action = input.kind === 'close' ? 'close' : 'report_progress';
  assertState(row.item.status, ['open', 'in_progress'], action);
  const followUpId = await db.transaction(async (tx) => {
    const to: ActionItemStatus = input.kind === 'close' ? 'closed' : 'in_progress';
    const changed = await tx
      .update(actionItems)
      .set({ status: to, closedAt: to === 'closed' ? now : null })
      .where(and(eq(actionItems.id, id), eq(actionItems.status, row.item.status)))
      .returning({ id: actionItems.id });
    if (changed.length === 0)
      throw new AppError(409, 'workflow.illegal_transition', { state: 'changed', action });
    const [f] = await tx
      .insert(followUps)
      .values({
        targetType: 'action_item',
        targetId: id,
        kind: input.kind,
        note: input.note,
        userId: actor.userId,
        username: actor.username,
        organisationId: actor.organisationId,
      })
      .returning({ id: followUps.id });
    // A closure reaches the convening office: the unit of the officer who assigned the item.
    if (to === 'closed' && row.item.createdByUserId !== null) {
      const [creator] = await tx
        .select({ organisationId: users.organisationId })
        .from(users)
        .where(eq(users.id, row.item.createdByUserId));
      const notice = {
        kind: 'action_item.closed',
        params: { title: row.item.title, organisation: row.organisationName },
        link: `/joint-meeting/action-items/${id}`,
        dedupeKey: `action_item:${id}:closed`,
      };
      if (creator?.organisationId) await notifyUnit(tx, creator.organisationId, notice);
      else await notifyUsers(tx, [row.item.createdByUserId], notice);
    }
    await recordAudit(tx, actor, {
      action: `action-item.${input.kind}`,
      targetType: 'action_item',
      targetId: id,
      jurisdictionPath: row.path,
      details: {
        from: row.item.status,
        to,
        note: input.note,
        wasOverdue: isOverdue(row.item.deadline, false, now),
      },
    });
    return f?.id ?? 0;
  });
  return { followUpId, item: await getActionItem(db, actor, id, now) };
}

/**
 * Reminders for the actor (idempotent): its unit's items due within three days or overdue, its
 * unit's overdue rectifications, and, for a convener, every overdue item of its scope.
 */
export async function refreshDeadlineNotifications(db: Db, actor: Actor, now: Date): Promise<number> {
  const todayDate = today(now);
  const soon = addDays(todayDate, 3);
  const conditions: SQL[] = [
    withinScope(jurisdictions.path, actor.jurisdictionPath),
    sql`${actionItems.status} <> 'closed' and ${actionItems.deadline} <= ${soon}`,
  ];
  if (!seesAllUnits(actor)) conditions.push(eq(actionItems.organisationId, actor.organisationId ?? -1));
  const rows = await selectItems(db).where(and(...conditions));
  let added = 0;
  for (const r of rows) {
    const isMine = r.item.organisationId === actor.organisationId;
    const overdue = r.item.deadline < todayDate;
    if (!overdue && !isMine) continue;
    const kind = overdue ? 'action_item.overdue' : 'action_item.due_soon';
    added += await notifyUsers(db, [actor.userId], {
      kind,
      params: { title: r.item.title, deadline: r.item.deadline, organisation: r.organisationName },
      link: `/joint-meeting/action-items/${r.item.id}`,
      dedupeKey: `action_item:${r.item.id}:${overdue ? 'overdue' : 'due_soon'}`,
    });
  }
  if (actor.organisationId !== null) {
    const late = await db
      .select({ id: rectifications.id, deadline: rectifications.deadline, employer: organisations.name })
      .from(rectifications)
      .innerJoin(organisations, eq(organisations.id, rectifications.employerId))
      .where(
        and(
          eq(rectifications.responsibleOrganisationId, actor.organisationId),
          sql`${rectifications.status} <> 'closed' and ${rectifications.deadline} < ${todayDate}`,
        ),
      );
    for (const r of late)
      added += await notifyUsers(db, [actor.userId], {
        kind: 'rectification.overdue',
        params: { employer: r.employer, deadline: r.deadline },
        link: '/joint-meeting/rectifications',
        dedupeKey: `rectification:${r.id}:overdue`,
      });
  }
  return added;
}
