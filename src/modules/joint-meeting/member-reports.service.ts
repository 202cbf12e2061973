import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { REPORT_TEMPLATES, templateOf } from './report-templates.data.js';
import { assertState, resolveDueDates, seesAllUnits } from './workflow.shared.js';
import { memberReports, reportEvents } from './workflow.tables.js';

/** A member unit's report is late: not submitted or accepted, and the due date has passed. */
function isLate(status: string | null, dueDate: string, now: Date) {
  return status !== 'submitted' && status !== 'accepted' && today(now) > dueDate;
}

/** The status board (JM-5): each member unit of a jurisdiction and its yearly report. */
export async function getMemberReportBoard(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year: number },
  now: Date,
) {
  const j = await getJurisdictionInScope(db, actor, options.jurisdiction ?? actor.jurisdictionCode);
  const due = (await resolveDueDates(db, j.path))['jm.memberReportDue'];
  const dueDate = `${options.year}-${due.value}`;
  const units = await db
    .select({ id: organisations.id, name: organisations.name, department: organisations.department })
    .from(organisations)
    .where(and(eq(organisations.jurisdictionId, j.id), eq(organisations.kind, 'member_department')))
    .orderBy(asc(organisations.id));
  const reports = await db
    .select()
    .from(memberReports)
    .where(and(eq(memberReports.jurisdictionId, j.id), eq(memberReports.year, options.year)));
  const templates = Object.fromEntries(
    [...new Set(units.map((u) => templateOf(u.department)))].map((key) => [
      key,
      REPORT_TEMPLATES[key] ?? { name: key, fields: [] },
    ]),
  );
  return {
    jurisdiction: { code: j.code, name: j.name },
    year: options.year,
    templates,
    dueDate,
    dueDefinedAt: due.definedAt,
    items: units.map((u) => {
      const report = reports.find((r) => r.organisationId === u.id);
      return {
        organisationId: u.id,
        organisationName: u.name,
        template: templateOf(u.department),
        reportId: report?.id ?? null,
        status: report?.status ?? null,
        submittedAt: report?.submittedAt?.toISOString() ?? null,
        isOverdue: isLate(report?.status ?? null, dueDate, now),
      };
    }),
  };
}

async function getReportInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ report: memberReports, path: jurisdictions.path, organisationName: organisations.name })
    .from(memberReports)
    .innerJoin(jurisdictions, eq(jurisdictions.id, memberReports.jurisdictionId))
    .innerJoin(organisations, eq(organisations.id, memberReports.organisationId))
    .where(and(eq(memberReports.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  // A member unit sees only its own report.
  if (!row || (!seesAllUnits(actor) && row.report.organisationId !== actor.organisationId)) throw notFound();
  return row;
}

/** One member report with its template and its submission history. */
export async function getMemberReport(db: Db, actor: Actor, id: number) {
  const { report, organisationName } = await getReportInScope(db, actor, id);
  const events = await db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportType, 'member_report'), eq(reportEvents.reportId, id)))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
  return {
    id: report.id,
    organisationId: report.organisationId,
    organisationName,
    year: report.year,
    template: report.template,
    fields: REPORT_TEMPLATES[report.template]?.fields ?? [],
    content: report.content,
    status: report.status,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviewComment: report.reviewComment,
    events: events.map((e) => ({
      action: e.action,
      comment: e.comment,
      username: e.username,
      at: e.at.toISOString(),
    })),
  };
}

/** The actor's own member unit, or 403: only a member unit writes its report. */
async function ownUnit(db: Db, actor: Actor) {
  if (actor.organisationId === null) throw new AppError(403, 'workflow.no_unit');
  const [unit] = await db
    .select({
      id: organisations.id,
      department: organisations.department,
      jurisdictionId: organisations.jurisdictionId,
      kind: organisations.kind,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (unit?.kind !== 'member_department') throw new AppError(403, 'workflow.no_unit');
  return unit;
}

/** Saves the actor's unit's report for a year (draft or returned), creating it on first save. */
export async function saveMemberReport(
  db: Db,
  actor: Actor,
  input: { year: number; content: Record<string, string | number | null> },
  now: Date,
) {
  const unit = await ownUnit(db, actor);
  const template = templateOf(unit.department);
  const fields = REPORT_TEMPLATES[template]?.fields ?? [];
  for (const key of Object.keys(input.content)) {
    const field = fields.find((f) => f.key === key);
    const value = input.content[key];
    if (!field) throw badRequest('validation.failed', `content.${key}`);
    if (field.type === 'number' && value !== null && (typeof value !== 'number' || value < 0))
      throw badRequest('validation.failed', `content.${key}`);
  }
  const [existing] = await db
    .select()
    .from(memberReports)
    .where(and(eq(memberReports.organisationId, unit.id), eq(memberReports.year, input.year)));
  if (existing) assertState(existing.status, ['draft', 'returned'], 'edit');
  const [j] = await db
    .select({ path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, unit.jurisdictionId));
  const id = await db.transaction(async (tx) => {
    const [row] = existing
      ? await tx
          .update(memberReports)
          .set({ content: input.content, updatedAt: now })
          .where(eq(memberReports.id, existing.id))
          .returning({ id: memberReports.id })
      : await tx
          .insert(memberReports)
          .values({
            jurisdictionId: unit.jurisdictionId,
            organisationId: unit.id,
            year: input.year,
            template,
            content: input.content,
          })
          .returning({ id: memberReports.id });
    if (!row) throw new Error('write returned no row');
    await recordAudit(tx, actor, {
      action: 'member-report.save',
      targetType: 'member_report',
      targetId: row.id,
      jurisdictionPath: j?.path,
      details: { year: input.year, fields: Object.keys(input.content) },
    });
    return row.id;
  });
  return getMemberReport(db, actor, id);
}

/** draft/returned → submitted, by the unit itself. */
export async function submitMemberReport(
  db: Db,
  actor: Actor,
  id: number,
  input: { comment?: string },
  now: Date,
) {
  const { report, path } = await getReportInScope(db, actor, id);
  if (report.organisationId !== actor.organisationId) throw new AppError(403, 'workflow.not_assignee');
  assertState(report.status, ['draft', 'returned'], 'submit');
  await db.transaction(async (tx) => {
    await tx
      .update(memberReports)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now })
      .where(eq(memberReports.id, id));
    await tx.insert(reportEvents).values({
      reportType: 'member_report',
      reportId: id,
      action: 'submit',
      comment: input.comment ?? null,
      username: actor.username,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'member-report.submit',
      targetType: 'member_report',
      targetId: id,
      jurisdictionPath: path,
      details: { from: report.status, comment: input.comment ?? null },
    });
  });
  return getMemberReport(db, actor, id);
}

/** submitted → accepted, or → returned with the comment saying what to revise (the convener). */
export async function reviewMemberReport(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'accept' | 'return'; comment?: string },
  now: Date,
) {
  const { report, path } = await getReportInScope(db, actor, id);
  assertState(report.status, ['submitted'], input.decision);
  if (input.decision === 'return' && !input.comment?.trim()) throw badRequest('validation.failed', 'comment');
  const to = input.decision === 'accept' ? 'accepted' : 'returned';
  await db.transaction(async (tx) => {
    await tx
      .update(memberReports)
      .set({ status: to, reviewComment: input.comment ?? null, reviewedAt: now, updatedAt: now })
      .where(eq(memberReports.id, id));
    await tx.insert(reportEvents).values({
      reportType: 'member_report',
      reportId: id,
      action: input.decision,
      comment: input.comment ?? null,
      username: actor.username,
      at: now,
    });
    if (to === 'returned')
      await notifyUnit(tx, report.organisationId, {
        kind: 'member_report.returned',
        params: { year: report.year, comment: input.comment ?? '' },
        link: '/joint-meeting/member-reports',
        dedupeKey: `member_report:${id}:returned:${now.getTime()}`,
      });
    await recordAudit(tx, actor, {
      action: `member-report.${input.decision}`,
      targetType: 'member_report',
      targetId: id,
      jurisdictionPath: path,
      details: { from: report.status, to, comment: input.comment ?? null },
    });
  });
  return getMemberReport(db, actor, id);
}
