import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { listKeyEnterprises, listMonitoredEmployers } from '../enterprises/ledger.service.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { DEPARTMENT_NAMES_ZH, organisations } from '../organisations/organisations.tables.js';
import { checklistOf } from './inspections.data.js';
import {
  type ChecklistAnswer,
  inspectionEmployers,
  inspectionFindings,
  inspectionPhotos,
  jointInspections,
} from './inspections.tables.js';
import { issueRectification } from './rectifications.service.js';
import { getMeetingInScope } from './workflow.queries.js';
import { requireMemberUnit } from './workflow.shared.js';
import { rectifications } from './workflow.tables.js';

// 联合检查 (Fujian 三(二)1; Jilin 四(一), 附件1 三(七)): the meeting plans, inspectors record findings
// per employer on a phone, a finding becomes a rectification suggestion (KI-4), and the year's
// inspections roll into the yearly report (describeInspectionsOfYear).

/** Largest photo accepted (the route's body limit is the same). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export interface PlanInspectionInput {
  jurisdictionCode: string;
  meetingId?: number;
  title: string;
  startsOn: string;
  endsOn: string;
  memberUnitIds: number[];
  employers: { employerId: number; source: 'ledger' | 'monitoring' }[];
  reason?: string;
}

/** Whether the employer is on the jurisdiction's key-enterprise ledger or monitoring list (KI-1, KI-3). */
async function isOnList(
  db: Db,
  actor: Actor,
  code: string,
  employer: { id: number; creditCode: string | null; name: string },
  source: 'ledger' | 'monitoring',
) {
  if (source === 'ledger') {
    const ledger = await listKeyEnterprises(db, actor, {
      jurisdiction: code,
      category: 'key',
      search: employer.creditCode ?? employer.name,
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
    return ledger.items.some((e) => e.id === employer.id);
  }
  // The monitoring list is short (a threshold of determinations or uninsured): one page holds it.
  const monitored = await listMonitoredEmployers(db, actor, { jurisdiction: code, page: 1, pageSize: 5000 });
  return monitored.items.some((e) => e.id === employer.id);
}

/** The meeting plans a joint inspection: member units, employers from the ledger or the monitoring list, dates. */
export async function planInspection(db: Db, actor: Actor, input: PlanInspectionInput, now: Date) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if (input.endsOn < input.startsOn) throw badRequest('validation.failed', 'endsOn');
  for (const [i, unitId] of input.memberUnitIds.entries())
    await requireMemberUnit(db, jurisdiction.id, unitId, `memberUnitIds.${i}`);
  if (input.meetingId !== undefined) {
    const { meeting } = await getMeetingInScope(db, actor, input.meetingId).catch(() => {
      throw badRequest('not_found', 'meetingId');
    });
    if (meeting.jurisdictionId !== jurisdiction.id) throw badRequest('not_found', 'meetingId');
  }
  const seen = new Set<number>();
  for (const [i, e] of input.employers.entries()) {
    const field = `employers.${i}.employerId`;
    if (seen.has(e.employerId)) throw badRequest('validation.failed', field);
    seen.add(e.employerId);
    const [employer] = await db
      .select({ id: organisations.id, name: organisations.name, creditCode: organisations.creditCode })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(
        and(
          eq(organisations.id, e.employerId),
          eq(organisations.kind, 'employer'),
          withinScope(jurisdictions.path, jurisdiction.path),
        ),
      );
    if (!employer) throw badRequest('workflow.not_employer', field);
    if (!(await isOnList(db, actor, jurisdiction.code, employer, e.source)))
      throw badRequest('inspection.not_on_list', field, { source: e.source });
  }
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(jointInspections)
      .values({
        jurisdictionId: jurisdiction.id,
        meetingId: input.meetingId ?? null,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        memberUnitIds: input.memberUnitIds,
        createdByUserId: actor.userId,
      })
      .returning({ id: jointInspections.id });
    if (!created) throw new Error('insert returned no row');
    await tx.insert(inspectionEmployers).values(
      input.employers.map((e) => ({
        inspectionId: created.id,
        employerId: e.employerId,
        source: e.source,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'inspection.plan',
      targetType: 'joint_inspection',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: { ...input, reason: input.reason ?? null },
    });
    return created.id;
  });
  return getInspection(db, actor, id, now);
}

async function getInspectionInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      i: jointInspections,
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(jointInspections)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .where(and(eq(jointInspections.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!row) throw notFound();
  return row;
}

/** Inspections of a jurisdiction subtree, newest first, with their counts. */
export async function listInspections(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number },
) {
  const j = await getJurisdictionInScope(db, actor, options.jurisdiction ?? actor.jurisdictionCode);
  const conditions: SQL[] = [withinScope(jurisdictions.path, j.path)];
  if (options.year)
    conditions.push(
      sql`${jointInspections.startsOn} >= ${`${options.year}-01-01`} and ${jointInspections.startsOn} < ${`${options.year + 1}-01-01`}`,
    );
  const rows = await db
    .select({
      i: jointInspections,
      code: jurisdictions.code,
      name: jurisdictions.name,
      employers: sql<number>`(select count(*)::int from inspection_employers e where e.inspection_id = ${jointInspections.id})`,
      findings: sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = ${jointInspections.id})`,
    })
    .from(jointInspections)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(jointInspections.startsOn), desc(jointInspections.id))
    .limit(500);
  const items = rows.map((r) => ({
    id: r.i.id,
    jurisdictionCode: r.code,
    jurisdictionName: r.name,
    title: r.i.title,
    startsOn: r.i.startsOn,
    endsOn: r.i.endsOn,
    employers: Number(r.employers),
    findings: Number(r.findings),
  }));
  return { items, total: items.length };
}

/** One inspection: its units, employers, the checklists, and each finding with photos and rectification. */
export async function getInspection(db: Db, actor: Actor, id: number, now: Date) {
  const row = await getInspectionInScope(db, actor, id);
  const units = await db
    .select({ id: organisations.id, name: organisations.name, department: organisations.department })
    .from(organisations)
    .where(inArray(organisations.id, row.i.memberUnitIds.length > 0 ? row.i.memberUnitIds : [-1]));
  const employers = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      creditCode: organisations.creditCode,
      source: inspectionEmployers.source,
    })
    .from(inspectionEmployers)
    .innerJoin(organisations, eq(organisations.id, inspectionEmployers.employerId))
    .where(eq(inspectionEmployers.inspectionId, id))
    .orderBy(asc(organisations.name));
  const findings = await db
    .select({
      f: inspectionFindings,
      unitName: organisations.name,
      rectificationStatus: rectifications.status,
      rectificationDeadline: rectifications.deadline,
    })
    .from(inspectionFindings)
    .innerJoin(organisations, eq(organisations.id, inspectionFindings.unitId))
    .leftJoin(rectifications, eq(rectifications.id, inspectionFindings.rectificationId))
    .where(eq(inspectionFindings.inspectionId, id))
    .orderBy(asc(inspectionFindings.id));
  const photos = findings.length
    ? await db
        .select()
        .from(inspectionPhotos)
        .where(
          inArray(
            inspectionPhotos.findingId,
            findings.map((f) => f.f.id),
          ),
        )
        .orderBy(asc(inspectionPhotos.id))
    : [];
  return {
    id: row.i.id,
    jurisdictionCode: row.code,
    jurisdictionName: row.name,
    meetingId: row.i.meetingId,
    title: row.i.title,
    startsOn: row.i.startsOn,
    endsOn: row.i.endsOn,
    isUnderway: row.i.startsOn <= today(now) && today(now) <= row.i.endsOn,
    units: units.map((u) => ({ ...u, checklist: checklistOf(u.department) })),
    employers,
    findings: findings.map(({ f, unitName, rectificationStatus, rectificationDeadline }) => ({
      id: f.id,
      employerId: f.employerId,
      employerName: employers.find((e) => e.id === f.employerId)?.name ?? '',
      unitId: f.unitId,
      unitName,
      department: f.department,
      checklist: f.checklist,
      finding: f.finding,
      isHazard: f.isHazard,
      rectificationId: f.rectificationId,
      rectificationStatus: rectificationStatus ?? null,
      rectificationDeadline: rectificationDeadline ?? null,
      recordedAt: f.recordedAt.toISOString(),
      photos: photos
        .filter((p) => p.findingId === f.id)
        .map((p) => ({ id: p.id, fileName: p.fileName, sizeBytes: p.sizeBytes })),
    })),
  };
}

/**
 * An inspector records what the unit found at one employer of the inspection: the department's
 * checklist answers and the finding. The employer is required and must be one the inspection chose.
 */
export async function recordFinding(
  db: Db,
  actor: Actor,
  id: number,
  input: {
    employerId: number;
    unitId?: number;
    checklist: ChecklistAnswer[];
    finding: string;
    isHazard: boolean;
  },
  now: Date,
) {
  const row = await getInspectionInScope(db, actor, id);
  const [chosen] = await db
    .select()
    .from(inspectionEmployers)
    .where(
      and(eq(inspectionEmployers.inspectionId, id), eq(inspectionEmployers.employerId, input.employerId)),
    );
  if (!chosen) throw badRequest('inspection.employer_not_chosen', 'employerId');
  // An inspector records for its own unit; the convener may record for any unit of the inspection.
  const unitId = input.unitId ?? actor.organisationId;
  if (unitId === null || unitId === undefined || !row.i.memberUnitIds.includes(unitId))
    throw badRequest('inspection.unit_not_inspecting', 'unitId');
  if (unitId !== actor.organisationId && !actor.permissions.has('meetings:manage'))
    throw new AppError(403, 'workflow.not_assignee');
  const unit = await requireMemberUnit(db, row.i.jurisdictionId, unitId, 'unitId');
  const codes = new Set(checklistOf(unit.department).map((c) => c.code));
  for (const [i, answer] of input.checklist.entries())
    if (!codes.has(answer.code)) throw badRequest('inspection.checklist_unknown', `checklist.${i}.code`);
  const findingId = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(inspectionFindings)
      .values({
        inspectionId: id,
        employerId: input.employerId,
        unitId,
        department: unit.department ?? 'common',
        checklist: input.checklist,
        finding: input.finding,
        isHazard: input.isHazard,
        recordedByUserId: actor.userId,
      })
      .returning({ id: inspectionFindings.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'inspection.finding',
      targetType: 'inspection_finding',
      targetId: created.id,
      jurisdictionPath: row.path,
      details: { inspectionId: id, employerId: input.employerId, unitId, isHazard: input.isHazard },
    });
    return created.id;
  });
  const detail = await getInspection(db, actor, id, now);
  return detail.findings.find((f) => f.id === findingId) as (typeof detail.findings)[number];
}

async function getFindingInScope(db: Db, actor: Actor, findingId: number) {
  const [finding] = await db.select().from(inspectionFindings).where(eq(inspectionFindings.id, findingId));
  if (!finding) throw notFound();
  const inspection = await getInspectionInScope(db, actor, finding.inspectionId);
  return { finding, inspection };
}

/** Attaches a photo (raw body) to a finding; stored once per SHA-256, the upload audited. */
export async function attachFindingPhoto(
  db: Db,
  actor: Actor,
  findingId: number,
  input: { fileName: string; contentType: string; body: Readable; uploadDir: string },
) {
  const { finding, inspection } = await getFindingInScope(db, actor, findingId);
  if (finding.unitId !== actor.organisationId && !actor.permissions.has('meetings:manage'))
    throw new AppError(403, 'workflow.not_assignee');
  const { sha256, sizeBytes } = await saveStoredFile(input.uploadDir, input.body, {
    maxBytes: PHOTO_MAX_BYTES,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPhotos)
      .values({
        findingId,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes,
        sha256,
        uploadedByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'inspection.photo',
      targetType: 'inspection_photo',
      targetId: row.id,
      jurisdictionPath: inspection.path,
      details: { findingId, fileName: input.fileName, sizeBytes, sha256 },
    });
    return { id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 };
  });
}

/** A finding's photo, when its inspection is in scope; every download is audited. */
export async function openFindingPhoto(db: Db, actor: Actor, id: number) {
  const [photo] = await db.select().from(inspectionPhotos).where(eq(inspectionPhotos.id, id));
  if (!photo) throw notFound();
  const { inspection } = await getFindingInScope(db, actor, photo.findingId);
  await recordAudit(db, actor, {
    action: 'attachment.download',
    targetType: 'inspection_photo',
    targetId: id,
    jurisdictionPath: inspection.path,
    details: { fileName: photo.fileName },
  });
  return {
    fileName: photo.fileName,
    contentType: photo.contentType,
    sizeBytes: photo.sizeBytes,
    sha256: photo.sha256,
    inline: true,
  };
}

/**
 * Turns a finding into a rectification suggestion with its deadline (限期整改建议, KI-4), in one
 * transaction with the link back; a finding becomes one suggestion at most.
 */
export async function issueRectificationFromFinding(
  db: Db,
  actor: Actor,
  findingId: number,
  input: { suggestion: string; deadline: string; responsibleOrganisationId: number; reason?: string },
  now: Date,
) {
  const { finding, inspection } = await getFindingInScope(db, actor, findingId);
  if (finding.rectificationId !== null) throw new AppError(409, 'inspection.already_rectification');
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.id, findingId))
      .for('update');
    if (locked?.rectificationId !== null) throw new AppError(409, 'inspection.already_rectification');
    const rectification = await issueRectification(
      tx,
      actor,
      {
        jurisdictionCode: inspection.code,
        employerId: finding.employerId,
        ...(inspection.i.meetingId !== null ? { meetingId: inspection.i.meetingId } : {}),
        findingKind: 'hazard',
        finding: `${inspection.i.title}：${finding.finding}`,
        suggestion: input.suggestion,
        deadline: input.deadline,
        responsibleOrganisationId: input.responsibleOrganisationId,
        reason: input.reason ?? `联合检查发现（检查记录 ${findingId}）`,
      },
      now,
    );
    await tx
      .update(inspectionFindings)
      .set({ rectificationId: rectification.id })
      .where(eq(inspectionFindings.id, findingId));
    await recordAudit(tx, actor, {
      action: 'inspection.rectification',
      targetType: 'inspection_finding',
      targetId: findingId,
      jurisdictionPath: inspection.path,
      details: { rectificationId: rectification.id, deadline: input.deadline },
    });
    return rectification;
  });
}

/**
 * The joint inspections of a jurisdiction subtree in a year, for the yearly report (JM-6): how many,
 * employers inspected, findings by department, and the rectifications they became, issued and closed.
 */
export async function describeInspectionsOfYear(db: Db, jurisdictionPath: string, year: number) {
  const inYear = and(
    withinScope(jurisdictions.path, jurisdictionPath),
    sql`${jointInspections.startsOn} >= ${`${year}-01-01`} and ${jointInspections.startsOn} < ${`${year + 1}-01-01`}`,
  );
  const [totals] = await db
    .select({
      inspections: sql<number>`count(distinct ${jointInspections.id})::int`,
      employers: sql<number>`count(distinct ${inspectionEmployers.employerId})::int`,
    })
    .from(jointInspections)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .leftJoin(inspectionEmployers, eq(inspectionEmployers.inspectionId, jointInspections.id))
    .where(inYear);
  const byDepartment = await db
    .select({
      department: inspectionFindings.department,
      findings: sql<number>`count(*)::int`,
      hazards: sql<number>`count(*) filter (where ${inspectionFindings.isHazard})::int`,
    })
    .from(inspectionFindings)
    .innerJoin(jointInspections, eq(jointInspections.id, inspectionFindings.inspectionId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .where(inYear)
    .groupBy(inspectionFindings.department)
    .orderBy(asc(inspectionFindings.department));
  const [rect] = await db
    .select({
      issued: sql<number>`count(${rectifications.id})::int`,
      closed: sql<number>`count(${rectifications.id}) filter (where ${rectifications.status} = 'closed')::int`,
    })
    .from(inspectionFindings)
    .innerJoin(jointInspections, eq(jointInspections.id, inspectionFindings.inspectionId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .innerJoin(rectifications, eq(rectifications.id, inspectionFindings.rectificationId))
    .where(inYear);
  // Employers actually visited: those with at least one finding recorded.
  const [visited] = await db
    .select({ employers: sql<number>`count(distinct ${inspectionFindings.employerId})::int` })
    .from(inspectionFindings)
    .innerJoin(jointInspections, eq(jointInspections.id, inspectionFindings.inspectionId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, jointInspections.jurisdictionId))
    .where(inYear);
  return {
    year,
    inspections: Number(totals?.inspections ?? 0),
    employersPlanned: Number(totals?.employers ?? 0),
    employersInspected: Number(visited?.employers ?? 0),
    findings: byDepartment.reduce((a, d) => a + Number(d.findings), 0),
    findingsByDepartment: byDepartment.map((d) => ({
      department: d.department,
      findings: Number(d.findings),
      hazards: Number(d.hazards),
    })),
    rectificationsIssued: Number(rect?.issued ?? 0),
    rectificationsClosed: Number(rect?.closed ?? 0),
  };
}

/** The joint inspections of a year as a section of the yearly implementation report (JM-6). */
export async function describeInspectionsReportPart(db: Db, jurisdictionPath: string, year: number) {
  const r = await describeInspectionsOfYear(db, jurisdictionPath, year);
  if (r.inspections === 0) return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: '联合检查（次）', value: r.inspections },
      { label: '计划检查企业（家）', value: r.employersPlanned },
      { label: '已检查企业（家）', value: r.employersInspected },
      { label: '发现问题（项）', value: r.findings },
      ...r.findingsByDepartment.map((d) => ({
        label: `其中：${(DEPARTMENT_NAMES_ZH as Record<string, string>)[d.department ?? ''] ?? d.department ?? '共同'}（项，其中隐患 ${d.hazards} 项）`,
        value: d.findings,
      })),
      { label: '发出整改建议（份）', value: r.rectificationsIssued },
      { label: '已整改（份）', value: r.rectificationsClosed },
    ],
  };
}

/** The year's inspection report of a jurisdiction of the actor's scope (what the yearly report shows). */
export async function getInspectionReport(db: Db, actor: Actor, code: string, year: number) {
  const j = await getJurisdictionInScope(db, actor, code);
  return {
    jurisdiction: { code: j.code, name: j.name },
    ...(await describeInspectionsOfYear(db, j.path, year)),
  };
}
