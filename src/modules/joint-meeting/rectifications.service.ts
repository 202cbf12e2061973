import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { getMeetingInScope, listFollowUps } from './workflow.queries.js';
import { assertState, isOverdue, requireMemberUnit, seesAllUnits } from './workflow.shared.js';
import { followUps, type RectificationStatus, rectifications } from './workflow.tables.js';

const employer = alias(organisations, 'employer');
const responsible = alias(organisations, 'responsible');

function selectRectifications(db: Db) {
  return db
    .select({
      r: rectifications,
      employerName: employer.name,
      employerCreditCode: employer.creditCode,
      responsibleName: responsible.name,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(rectifications)
    .innerJoin(employer, eq(employer.id, rectifications.employerId))
    .innerJoin(responsible, eq(responsible.id, rectifications.responsibleOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, rectifications.jurisdictionId))
    .$dynamic();
}

type Row = Awaited<ReturnType<typeof selectRectifications>>[number];

function toDto(row: Row, now: Date) {
  const { r } = row;
  const overdue = isOverdue(r.deadline, r.status === 'closed', now);
  return {
    id: r.id,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    employerId: r.employerId,
    employerName: row.employerName,
    employerCreditCode: row.employerCreditCode,
    meetingId: r.meetingId,
    findingKind: r.findingKind,
    finding: r.finding,
    factorName: r.factorName,
    measuredValue: r.measuredValue,
    limitValue: r.limitValue,
    suggestion: r.suggestion,
    deadline: r.deadline,
    responsibleOrganisationId: r.responsibleOrganisationId,
    responsibleName: row.responsibleName,
    status: r.status,
    isOverdue: overdue,
    displayStatus: overdue ? ('overdue' as const) : r.status,
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A convener sees all of its scope; a member unit only the suggestions it answers for. */
function visibility(actor: Actor): SQL {
  const scope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (seesAllUnits(actor)) return scope;
  return and(scope, eq(rectifications.responsibleOrganisationId, actor.organisationId ?? -1)) as SQL;
}

export async function getRectificationInScope(db: Db, actor: Actor, id: number, _now: Date) {
  const [row] = await selectRectifications(db).where(and(eq(rectifications.id, id), visibility(actor)));
  if (!row) throw notFound();
  return row;
}

export async function listRectifications(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; isOverdue?: boolean; status?: RectificationStatus; year?: number },
  now: Date,
) {
  const conditions: SQL[] = [visibility(actor)];
  // A year: the suggestions whose deadline falls in it (the scorecard's link carries it).
  if (options.year)
    conditions.push(
      sql`${rectifications.deadline} between ${`${options.year}-01-01`} and ${`${options.year}-12-31`}`,
    );
  if (options.jurisdiction) {
    const j = await getJurisdictionInScope(db, actor, options.jurisdiction);
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  if (options.status) conditions.push(eq(rectifications.status, options.status));
  if (options.isOverdue)
    conditions.push(sql`${rectifications.status} <> 'closed' and ${rectifications.deadline} < ${today(now)}`);
  const rows = await selectRectifications(db)
    .where(and(...conditions))
    .orderBy(sql`${rectifications.status} = 'closed'`, asc(rectifications.deadline), asc(rectifications.id))
    .limit(500);
  const items = rows.map((r) => toDto(r, now));
  return {
    items,
    total: items.length,
    onTime: options.year ? countRectificationsOnTime(items, options.year, today(now)) : undefined,
  };
}

/**
 * Of the suggestions due in `year` up to `asOf` (a deadline not yet reached is not counted): how
 * many, and how many were closed by their deadline. The one rule the scorecard's 整改按期办结率
 * and the rectifications page's summary both use (SV-1).
 */
export function countRectificationsOnTime(
  items: readonly { deadline: string; status: RectificationStatus; closedAt: string | null }[],
  year: number,
  asOf: string,
) {
  const dueBy = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const due = items.filter((r) => r.deadline >= `${year}-01-01` && r.deadline <= dueBy);
  const onTime = due.filter(
    (r) => r.status === 'closed' && r.closedAt !== null && today(new Date(r.closedAt)) <= r.deadline,
  ).length;
  return { year, dueBy, due: due.length, closedOnTime: onTime };
}

export async function getRectification(db: Db, actor: Actor, id: number, now: Date) {
  const row = await getRectificationInScope(db, actor, id, now);
  return { ...toDto(row, now), followUps: await listFollowUps(db, 'rectification', id) };
}

export interface IssueRectificationInput {
  jurisdictionCode: string;
  employerId: number;
  meetingId?: number;
  findingKind: 'hazard' | 'over_limit_factor';
  finding: string;
  factorName?: string;
  measuredValue?: string;
  limitValue?: string;
  suggestion: string;
  deadline: string;
  responsibleOrganisationId: number;
  reason?: string;
}

/**
 * Records a hazard or an over-limit hazard factor at an employer and issues the rectification
 * suggestion with a deadline (限期整改建议, KI-4); the responsible member unit is told.
 */
export async function issueRectification(db: Db, actor: Actor, input: IssueRectificationInput, now: Date) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if (input.deadline < today(now)) throw badRequest('workflow.deadline_past', 'deadline');
  if (input.findingKind === 'over_limit_factor' && !input.factorName)
    throw badRequest('validation.failed', 'factorName');
  const [emp] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        eq(organisations.id, input.employerId),
        eq(organisations.kind, 'employer'),
        withinScope(jurisdictions.path, jurisdiction.path),
      ),
    );
  if (!emp) throw badRequest('workflow.not_employer', 'employerId');
  const unit = await requireMemberUnit(
    db,
    jurisdiction.id,
    input.responsibleOrganisationId,
    'responsibleOrganisationId',
  );
  if (input.meetingId !== undefined) {
    const { meeting } = await getMeetingInScope(db, actor, input.meetingId).catch(() => {
      throw badRequest('not_found', 'meetingId');
    });
    if (meeting.jurisdictionId !== jurisdiction.id) throw badRequest('not_found', 'meetingId');
  }
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(rectifications)
      .values({
        jurisdictionId: jurisdiction.id,
        employerId: emp.id,
        meetingId: input.meetingId ?? null,
        findingKind: input.findingKind,
        finding: input.finding,
        factorName: input.factorName ?? null,
        measuredValue: input.measuredValue ?? null,
        limitValue: input.limitValue ?? null,
        suggestion: input.suggestion,
        deadline: input.deadline,
        responsibleOrganisationId: unit.id,
        createdByUserId: actor.userId,
      })
      .returning({ id: rectifications.id });
    if (!created) throw new Error('insert returned no row');
    await notifyUnit(tx, unit.id, {
      kind: 'rectification.issued',
      params: { employer: emp.name, deadline: input.deadline },
      link: '/joint-meeting/rectifications',
      dedupeKey: `rectification:${created.id}:issued`,
    });
    await recordAudit(tx, actor, {
      action: 'rectification.issue',
      targetType: 'rectification',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: {
        employer: emp.name,
        findingKind: input.findingKind,
        deadline: input.deadline,
        reason: input.reason ?? null,
      },
    });
    return created.id;
  });
  return getRectification(db, actor, id, now);
}

/**
 * Follow-up of a suggestion: progress (→ rectifying), closure with evidence (→ closed), or, once
 * overdue, escalation to the responsible member unit (its users are told; the state stays).
 */
export async function followUpRectification(
  db: Db,
  actor: Actor,
  id: number,
  input: { kind: 'progress' | 'close' | 'escalate'; note: string },
  now: Date,
) {
  const row = await getRectificationInScope(db, actor, id, now);
  const { r } = row;
  const isConvener = seesAllUnits(actor);
  if (input.kind === 'escalate') {
    if (!isConvener) throw new AppError(403, 'auth.forbidden');
    assertState(r.status, ['issued', 'rectifying'], 'escalate');
    if (!isOverdue(r.deadline, false, now)) throw new AppError(409, 'workflow.not_overdue');
  } else {
    if (!isConvener && r.responsibleOrganisationId !== actor.organisationId)
      throw new AppError(403, 'workflow.not_assignee');
    assertState(r.status, ['issued', 'rectifying'], input.kind === 'close' ? 'close' : 'report_progress');
  }
  const to: RectificationStatus =
    input.kind === 'close' ? 'closed' : input.kind === 'progress' ? 'rectifying' : r.status;
  const followUpId = await db.transaction(async (tx) => {
    await tx
      .update(rectifications)
      .set({
        status: to,
        closedAt: to === 'closed' ? now : null,
        ...(input.kind === 'escalate' ? { escalatedAt: now } : {}),
      })
      .where(eq(rectifications.id, id));
    const [f] = await tx
      .insert(followUps)
      .values({
        targetType: 'rectification',
        targetId: id,
        kind: input.kind,
        note: input.note,
        userId: actor.userId,
        username: actor.username,
        organisationId: actor.organisationId,
      })
      .returning({ id: followUps.id });
    if (input.kind === 'escalate')
      await notifyUnit(tx, r.responsibleOrganisationId, {
        kind: 'rectification.escalated',
        params: { employer: row.employerName, deadline: r.deadline },
        link: '/joint-meeting/rectifications',
        dedupeKey: `rectification:${id}:escalated:${f?.id}`,
      });
    await recordAudit(tx, actor, {
      action: `rectification.${input.kind}`,
      targetType: 'rectification',
      targetId: id,
      jurisdictionPath: row.path,
      details: { from: r.status, to, note: input.note },
    });
    return f?.id ?? 0;
  });
  return { followUpId, rectification: await getRectification(db, actor, id, now) };
}

/**
 * The rectification suggestions addressed to one employer (本单位, issue 17 item 7), open ones
 * first, each with its follow-ups: what the employer was told, by when, and what it answered.
 */
export async function listEmployerRectifications(db: Db, employerId: number, now: Date) {
  const rows = await selectRectifications(db)
    .where(eq(rectifications.employerId, employerId))
    .orderBy(sql`${rectifications.status} = 'closed'`, asc(rectifications.deadline), asc(rectifications.id))
    .limit(200);
  return Promise.all(
    rows.map(async (row) => ({
      ...toDto(row, now),
      followUps: await listFollowUps(db, 'rectification', row.r.id),
    })),
  );
}

/**
 * The employer answers a suggestion addressed to it (整改情况反馈): its note becomes a progress
 * follow-up on the timeline (issued → rectifying), the responsible member unit is told, and the
 * answer is audited. Closing stays with the member unit, which verifies the rectification. Another
 * employer's suggestion answers 404, as an unknown one does.
 */
export async function answerRectificationAsEmployer(
  db: Db,
  actor: Actor,
  id: number,
  input: { note: string },
  now: Date,
) {
  const [row] = await selectRectifications(db).where(
    and(
      eq(rectifications.id, id),
      eq(rectifications.employerId, actor.organisationId ?? -1),
      // The suggestion lies with the meeting that issued it (often above the employer): the scope
      // that matters is the employer's own jurisdiction.
      sql`exists (select 1 from jurisdictions ej where ej.id = ${employer.jurisdictionId}
        and ${withinScope(sql`ej.path`, actor.jurisdictionPath)})`,
    ),
  );
  if (!row) throw notFound();
  const { r } = row;
  assertState(r.status, ['issued', 'rectifying'], 'answer');
  const followUpId = await db.transaction(async (tx) => {
    await tx.update(rectifications).set({ status: 'rectifying' }).where(eq(rectifications.id, id));
    const [f] = await tx
      .insert(followUps)
      .values({
        targetType: 'rectification',
        targetId: id,
        kind: 'progress',
        note: input.note,
        userId: actor.userId,
        username: actor.username,
        organisationId: actor.organisationId,
      })
      .returning({ id: followUps.id });
    await notifyUnit(tx, r.responsibleOrganisationId, {
      kind: 'rectification.answered',
      params: { employer: row.employerName, deadline: r.deadline },
      link: `/joint-meeting/rectifications`,
      dedupeKey: `rectification:${id}:answered:${f?.id}`,
    });
    await recordAudit(tx, actor, {
      action: 'rectification.answer',
      targetType: 'rectification',
      targetId: id,
      jurisdictionPath: row.path,
      details: { from: r.status, to: 'rectifying', note: input.note, employerId: r.employerId },
    });
    return f?.id ?? 0;
  });
  const [updated] = await selectRectifications(db).where(eq(rectifications.id, id));
  if (!updated) throw notFound();
  return {
    followUpId,
    rectification: { ...toDto(updated, now), followUps: await listFollowUps(db, 'rectification', id) },
  };
}

/**
 * Per employer of an area: hazards and over-limit factors whose deadline fell in `from`…`to` (whole
 * years) and that were not closed by it — closed late, or still open once the deadline passed as of
 * `asOf` (a China date). Rate floating reads it as a disqualifier (FR-1: hazards from the
 * rectification records).
 */
export async function countLateRectificationsByEmployer(
  db: Db,
  q: { path: string; from: number; to: number; asOf: string },
): Promise<Map<number, number>> {
  const rows = await db
    .select({ employerId: rectifications.employerId, n: sql<number>`count(*)::int` })
    .from(rectifications)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rectifications.jurisdictionId))
    .where(
      and(
        withinScope(jurisdictions.path, q.path),
        sql`${rectifications.deadline} >= ${`${q.from}-01-01`}::date`,
        sql`${rectifications.deadline} <= ${`${q.to}-12-31`}::date`,
        sql`${rectifications.deadline} < ${q.asOf}::date`,
        sql`(${rectifications.closedAt} is null or (${rectifications.closedAt} at time zone 'Asia/Shanghai')::date > ${rectifications.deadline})`,
      ),
    )
    .groupBy(rectifications.employerId);
  return new Map(rows.map((r) => [r.employerId, Number(r.n)]));
}
