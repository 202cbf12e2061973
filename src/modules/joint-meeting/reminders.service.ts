import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { getActionItemInScope } from './action-items.service.js';
import { CHASE_SETTINGS } from './joint-meeting.settings.js';
import { getMemberReportBoard } from './member-reports.service.js';
import { getRectificationInScope } from './rectifications.service.js';
import { type ReminderTarget, reminders } from './workflow.tables.js';

// 催办 (decision 0041): one click reminds the unit that owes an action item, a rectification or a
// yearly member report; each reminder is a row shown on the item, audited, and rate-limited per item
// per day (setting jm.chasePerItemPerDay).

export interface ReminderTargetInput {
  targetType: ReminderTarget;
  /** The action item's or rectification's id; for a member report, the member unit's organisation id. */
  targetId: number;
  /** The report's year (member_report only). */
  year?: number;
}

interface Owed {
  organisationId: number;
  organisationName: string;
  jurisdictionId: number;
  path: string;
  /** Notification parameters and link. */
  params: Record<string, string | number | null>;
  link: string;
}

/** The open item and the unit owing it, in the actor's scope; 404 when not visible, 409 when nothing is owed. */
async function findOwed(db: Db, actor: Actor, input: ReminderTargetInput, now: Date): Promise<Owed> {
  if (input.targetType === 'action_item') {
    const row = await getActionItemInScope(db, actor, input.targetId, now);
    if (row.item.status === 'closed')
      throw new AppError(409, 'workflow.illegal_transition', { state: 'closed', action: 'chase' });
    return {
      organisationId: row.item.organisationId,
      organisationName: row.organisationName,
      jurisdictionId: row.item.jurisdictionId,
      path: row.path,
      params: { title: row.item.title, deadline: row.item.deadline, by: actor.displayName },
      link: `/joint-meeting/action-items/${row.item.id}`,
    };
  }
  if (input.targetType === 'rectification') {
    const row = await getRectificationInScope(db, actor, input.targetId, now);
    if (row.r.status === 'closed')
      throw new AppError(409, 'workflow.illegal_transition', { state: 'closed', action: 'chase' });
    return {
      organisationId: row.r.responsibleOrganisationId,
      organisationName: row.responsibleName,
      jurisdictionId: row.r.jurisdictionId,
      path: row.path,
      params: { employer: row.employerName, deadline: row.r.deadline, by: actor.displayName },
      link: '/joint-meeting/rectifications',
    };
  }
  if (input.year === undefined) throw badRequest('chase.year_required', 'year');
  const [unit] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      jurisdictionId: jurisdictions.id,
      code: jurisdictions.code,
      path: jurisdictions.path,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        eq(organisations.id, input.targetId),
        eq(organisations.kind, 'member_department'),
        withinScope(jurisdictions.path, actor.jurisdictionPath),
      ),
    );
  if (!unit) throw notFound();
  // The report board owns whether a unit's report is still owed.
  const board = await getMemberReportBoard(db, actor, { jurisdiction: unit.code, year: input.year }, now);
  const entry = board.items.find((i) => i.organisationId === unit.id);
  if (!entry) throw notFound();
  if (entry.status === 'submitted' || entry.status === 'accepted')
    throw new AppError(409, 'workflow.illegal_transition', { state: entry.status, action: 'chase' });
  return {
    organisationId: unit.id,
    organisationName: unit.name,
    jurisdictionId: unit.jurisdictionId,
    path: unit.path,
    params: { year: input.year, dueDate: board.dueDate, by: actor.displayName },
    link: '/joint-meeting/yearly-reports',
  };
}

function sameTarget(input: ReminderTargetInput): SQL {
  return and(
    eq(reminders.targetType, input.targetType),
    eq(reminders.targetId, input.targetId),
    input.targetType === 'member_report' && input.year !== undefined
      ? eq(reminders.year, input.year)
      : isNull(reminders.year),
  ) as SQL;
}

function toDto(row: typeof reminders.$inferSelect) {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    year: row.year,
    organisationId: row.organisationId,
    sentOn: row.sentOn,
    username: row.username,
    recipients: row.recipients,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * 催办: reminds the unit owing the item (an inbox notification to each of its active users),
 * records the reminder and audits it. Refused with 429 once the item has had its day's reminders.
 */
export async function chaseUnit(db: Db, actor: Actor, input: ReminderTargetInput, now: Date) {
  const owed = await findOwed(db, actor, input, now);
  const limit = (await resolveSetting(db, owed.path, CHASE_SETTINGS['jm.chasePerItemPerDay'])).value;
  const day = today(now);
  return db.transaction(async (tx) => {
    const [sent] = await tx
      .select({ n: count() })
      .from(reminders)
      .where(and(sameTarget(input), eq(reminders.sentOn, day)));
    if ((sent?.n ?? 0) >= limit) throw new AppError(429, 'chase.rate_limited', { limit });
    const [created] = await tx
      .insert(reminders)
      .values({
        targetType: input.targetType,
        targetId: input.targetId,
        year: input.targetType === 'member_report' ? (input.year ?? null) : null,
        organisationId: owed.organisationId,
        jurisdictionId: owed.jurisdictionId,
        sentOn: day,
        userId: actor.userId,
        username: actor.username,
        recipients: 0,
      })
      .returning();
    if (!created) throw new Error('reminder not inserted');
    const recipients = await notifyUnit(tx, owed.organisationId, {
      kind: `chase.${input.targetType}`,
      params: owed.params,
      link: owed.link,
      dedupeKey: `chase:${created.id}`,
    });
    const [row] = await tx
      .update(reminders)
      .set({ recipients })
      .where(eq(reminders.id, created.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'reminder.send',
      targetType: input.targetType,
      targetId: input.targetId,
      jurisdictionPath: owed.path,
      details: { unit: owed.organisationName, year: input.year ?? null, recipients },
    });
    return toDto(row ?? created);
  });
}

/** The reminders sent for an item the actor may see, oldest first. */
export async function listReminders(db: Db, actor: Actor, input: ReminderTargetInput, now: Date) {
  if (input.targetType === 'action_item') await getActionItemInScope(db, actor, input.targetId, now);
  else if (input.targetType === 'rectification')
    await getRectificationInScope(db, actor, input.targetId, now);
  const rows = await db
    .select({ reminder: reminders })
    .from(reminders)
    .innerJoin(jurisdictions, eq(jurisdictions.id, reminders.jurisdictionId))
    .where(and(sameTarget(input), withinScope(jurisdictions.path, actor.jurisdictionPath)))
    .orderBy(asc(reminders.id));
  // A member unit sees only the reminders sent to it.
  return rows
    .map((r) => r.reminder)
    .filter((r) => actor.permissions.has('meetings:manage') || r.organisationId === actor.organisationId)
    .map(toDto);
}
