import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  actorName,
  applyChange,
  assertServiceOrganisation,
  change,
  detailOf,
  findProjectInScope,
  getProject,
  type ProjectRow,
  SEALED,
  SERVICE_KINDS,
  selectProjects,
  toProjectDto,
} from './projects.shared.js';
import {
  type BudgetLine,
  barredOrganisations,
  type PerformanceFigures,
  type ProjectStatus,
  preventionBudgets,
  preventionProjects,
  projectEvents,
} from './projects.tables.js';
import { priceBudgetLines } from './standards.service.js';

// The project lifecycle (PP-2, PP-3, PP-6, PP-8): declaration, decision, reports, acceptance,
// rectification, service organisations. Budget, review, money and disclosure have files of their own.

/** Projects of the actor's scope (PP-6). */
export async function listProjects(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number; status?: ProjectStatus },
) {
  const scope = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scope)];
  if (options.year) conditions.push(eq(preventionProjects.year, options.year));
  if (options.status) conditions.push(eq(preventionProjects.status, options.status));
  const rows = await selectProjects(db)
    .where(and(...conditions))
    .orderBy(desc(preventionProjects.id));
  return rows.map(toProjectDto);
}

/** The projects the actor's own organisation declared; the panel stays sealed until the review is over. */
export async function listOwnProjects(db: Db, actor: Actor) {
  if (actor.organisationId === null) return [];
  const rows = await selectProjects(db)
    .where(eq(preventionProjects.applicantOrganisationId, actor.organisationId))
    .orderBy(desc(preventionProjects.id));
  return Promise.all(rows.map((r) => detailOf(db, r, { isSealed: SEALED.includes(r.project.status) })));
}

/** One project of one's own organisation, sealed as in the list; 404 for any other (no existence leak). */
export async function getOwnProject(db: Db, actor: Actor, id: number) {
  if (actor.organisationId === null) throw notFound();
  const [row] = await selectProjects(db).where(
    and(eq(preventionProjects.id, id), eq(preventionProjects.applicantOrganisationId, actor.organisationId)),
  );
  if (!row) throw notFound();
  return detailOf(db, row, { isSealed: SEALED.includes(row.project.status) });
}

/** Who may declare (PP-2): an industry association, or a large or medium enterprise. */
function isEligibleApplicant(org: { kind: string; sizeBand: string | null }): boolean {
  return (
    org.kind === 'industry_association' ||
    (org.kind === 'employer' && (org.sizeBand === 'large' || org.sizeBand === 'medium'))
  );
}

/**
 * Declares a project (申报, PP-2) on the standard template. An association or a large or medium
 * enterprise declares for itself; an officer holding projects:manage may enter a paper declaration
 * for a named applicant.
 */
export async function declareProject(
  db: Db,
  actor: Actor,
  input: {
    jurisdictionCode: string;
    year: number;
    applicantOrganisationId?: number;
    type: 'publicity' | 'training';
    title: string;
    keyField: string;
    summary: string;
    industryCode?: string;
    budgetLines: BudgetLine[];
    serviceOrganisationId?: number;
    performanceTargets?: PerformanceFigures;
  },
) {
  // The pooling jurisdiction may lie above an applicant's own (a district firm declares to its city).
  const [jurisdiction] = await db
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.jurisdictionCode));
  const isOfficer = hasPermission(actor, 'projects:manage');
  const applicantId = isOfficer
    ? (input.applicantOrganisationId ?? actor.organisationId)
    : actor.organisationId;
  if (applicantId === null || applicantId === undefined) throw new AppError(403, 'project.not_applicant');
  const [applicant] = await db
    .select({ org: organisations, path: jurisdictions.path })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(eq(organisations.id, applicantId));
  if (!applicant) throw badRequest('project.applicant_ineligible', 'applicantOrganisationId');
  if (isOfficer && !isInScope(actor, applicant.path)) throw notFound();
  if (
    !jurisdiction ||
    !(applicant.path === jurisdiction.path || applicant.path.startsWith(`${jurisdiction.path}/`))
  )
    throw badRequest('jurisdiction.unknown', 'jurisdictionCode', { code: input.jurisdictionCode });
  const isEligible = isEligibleApplicant(applicant.org);
  if (!isEligible) {
    if (!isOfficer) throw new AppError(403, 'project.applicant_ineligible');
    throw badRequest('project.applicant_ineligible', 'applicantOrganisationId');
  }
  const [budget] = await db
    .select()
    .from(preventionBudgets)
    .where(
      and(eq(preventionBudgets.jurisdictionId, jurisdiction.id), eq(preventionBudgets.year, input.year)),
    );
  if (!budget) throw new AppError(409, 'budget.missing', { year: input.year });
  if (!budget.keyFields.includes(input.keyField))
    throw badRequest('project.key_field_outside', 'keyField', { fields: budget.keyFields.join('、') });
  if (input.serviceOrganisationId !== undefined)
    await assertServiceOrganisation(db, input.serviceOrganisationId, 'serviceOrganisationId');
  const budgetLines = await priceBudgetLines(db, jurisdiction.path, input.year, input.budgetLines);
  const requestedFen = budgetLines.reduce((sum, l) => sum + l.amountFen, 0);
  const overStandard = budgetLines.filter((l) => l.standardFen !== undefined && l.amountFen > l.standardFen);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(preventionProjects)
      .values({
        jurisdictionId: jurisdiction.id,
        year: input.year,
        applicantOrganisationId: applicantId,
        type: input.type,
        title: input.title,
        keyField: input.keyField,
        summary: input.summary,
        industryCode: input.industryCode ?? null,
        budgetLines,
        requestedFen,
        serviceOrganisationId: input.serviceOrganisationId ?? null,
        performanceTargets: input.performanceTargets ?? {},
        createdBy: actor.username,
      })
      .returning({ id: preventionProjects.id });
    if (!row) throw new Error('insert returned no row');
    await tx.insert(projectEvents).values({
      projectId: row.id,
      action: 'declare',
      toStatus: 'declared',
      details: {
        requestedFen,
        applicant: applicant.org.name,
        ...(overStandard.length ? { overStandardLines: overStandard.map((l) => l.item) } : {}),
      },
      actorUserId: actor.userId,
      actorName: actorName(actor),
    });
    await recordAudit(tx, actor, {
      action: 'project.declare',
      targetType: 'prevention_project',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { title: input.title, requestedFen, applicantId },
    });
    return row.id;
  });
  const [row] = await selectProjects(db).where(eq(preventionProjects.id, id));
  return detailOf(db, row as ProjectRow, { isSealed: !isOfficer });
}

/** The joint meeting's decision on a reviewed project. */
export async function decideProject(
  db: Db,
  actor: Actor,
  id: number,
  input: { isApproved: boolean; reason: string },
) {
  return change(db, actor, id, {
    action: input.isApproved ? 'approve' : 'reject',
    from: ['reviewed'],
    to: input.isApproved ? 'approved' : 'rejected',
    reason: input.reason,
  });
}

/** A progress report (service organisation, applicant) or a supervision check (officer) (PP-6). */
export async function reportOnProject(
  db: Db,
  actor: Actor,
  id: number,
  input: { kind: 'progress' | 'check'; text: string },
) {
  const [row] = await selectProjects(db).where(eq(preventionProjects.id, id));
  const isOfficer = row && hasPermission(actor, 'projects:read') && isInScope(actor, row.jurisdictionPath);
  const isParty =
    row &&
    actor.organisationId !== null &&
    (row.project.serviceOrganisationId === actor.organisationId ||
      row.project.applicantOrganisationId === actor.organisationId);
  if (!row || !(isOfficer || isParty)) throw notFound();
  if (input.kind === 'check' && !isOfficer) throw new AppError(403, 'auth.forbidden');
  await db.transaction(async (tx) =>
    applyChange(tx, actor, row, {
      action: input.kind,
      from: ['contracted', 'in_progress', 'failed', 'rectifying', 'accepted', 'deducted'],
      reason: input.text,
    }),
  );
  return isOfficer ? getProject(db, actor, id) : detailOf(db, row, { isSealed: false });
}

/** Acceptance (验收) by experts or a third party, with evidence: pass, or fail. */
export async function recordAcceptance(
  db: Db,
  actor: Actor,
  id: number,
  input: {
    isPassed: boolean;
    by: 'experts' | 'third_party';
    evaluator: string;
    evidence: string;
    reason: string;
    performanceResults?: PerformanceFigures;
  },
) {
  return change(db, actor, id, {
    action: input.isPassed ? 'accept' : 'fail',
    from: ['in_progress', 'rectifying'],
    to: input.isPassed ? 'accepted' : 'failed',
    reason: input.reason,
    details: {
      by: input.by,
      evaluator: input.evaluator,
      evidence: input.evidence,
      performanceResults: input.performanceResults ?? null,
    },
    set: input.performanceResults ? { performanceResults: input.performanceResults } : undefined,
  });
}

/** A failed project is sent back for rectification, then accepted again. */
export async function orderRectification(
  db: Db,
  actor: Actor,
  id: number,
  input: { reason: string; deadline: string },
) {
  return change(db, actor, id, {
    action: 'rectify',
    from: ['failed'],
    to: 'rectifying',
    reason: input.reason,
    details: { deadline: input.deadline },
  });
}

// ---------------------------------------------------------------------------------------------
// Service organisations (PP-4, PP-8)

/** Service organisations of the scope, with whether they are barred. */
export async function listServiceOrganisations(db: Db, actor: Actor, options: { jurisdiction?: string }) {
  const scope = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const rows = await db
    .select({
      org: organisations,
      code: jurisdictions.code,
      name: jurisdictions.name,
      bar: barredOrganisations,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .leftJoin(barredOrganisations, eq(barredOrganisations.organisationId, organisations.id))
    .where(and(inArray(organisations.kind, [...SERVICE_KINDS]), withinScope(jurisdictions.path, scope)))
    .orderBy(asc(organisations.id));
  return rows.map((r) => ({
    id: r.org.id,
    name: r.org.name,
    kind: r.org.kind,
    jurisdiction: { code: r.code, name: r.name },
    barredReason: r.bar?.reason ?? null,
    barredAt: r.bar?.barredAt.toISOString() ?? null,
  }));
}

/** Bars a service organisation found defrauding the fund: it cannot be chosen again (PP-8). */
export async function barServiceOrganisation(
  db: Db,
  actor: Actor,
  organisationId: number,
  input: { reason: string },
) {
  const [org] = await db
    .select({ org: organisations, path: jurisdictions.path })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(eq(organisations.id, organisationId), withinScope(jurisdictions.path, actor.jurisdictionPath)),
    );
  if (!org || !(SERVICE_KINDS as readonly string[]).includes(org.org.kind)) throw notFound();
  await db.transaction(async (tx) => {
    await tx
      .insert(barredOrganisations)
      .values({ organisationId, reason: input.reason, barredBy: actor.username })
      .onConflictDoUpdate({ target: barredOrganisations.organisationId, set: { reason: input.reason } });
    await recordAudit(tx, actor, {
      action: 'service-organisation.bar',
      targetType: 'organisation',
      targetId: organisationId,
      jurisdictionPath: org.path,
      details: input,
    });
  });
  return (await listServiceOrganisations(db, actor, {})).find((o) => o.id === organisationId);
}

/** One project with its panel, draw record, payments and timeline (PP-6); defined beside `change`, which returns it. */
export { getProject } from './projects.shared.js';

/**
 * Projects declared by the given organisations (no scope: the caller found them in its scope), e.g.
 * the employers holding a warning-education base, whom the joint meeting favours (J 三(二)).
 */
export async function listProjectsOfApplicants(db: Db, organisationIds: number[]) {
  // Guard against running an invalid query when the ids list is empty.
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: preventionProjects.id,
      title: preventionProjects.title,
      year: preventionProjects.year,
      status: preventionProjects.status,
      applicantOrganisationId: preventionProjects.applicantOrganisationId,
    })
    .from(preventionProjects)
    .where(inArray(preventionProjects.applicantOrganisationId, organisationIds))
    .orderBy(desc(preventionProjects.year), desc(preventionProjects.id));
}

/**
 * A training-type project in the actor's scope, for the training module to link trainees to (PP-10:
 * the project's "trained" figure is counted from them); 404 out of scope, 400 on a publicity project.
 */
export async function findTrainingProject(db: Db, actor: Actor, id: number) {
  const row = await findProjectInScope(db, actor, id);
  if (row.project.type !== 'training') throw badRequest('projects.not_training', 'projectId');
  return { id: row.project.id, title: row.project.title, status: row.project.status };
}

/**
 * Where an organisation may declare a prevention project this year (本单位, issue 17 item 7): the
 * year's budgets set at its jurisdiction or above it (a district firm declares to its city), each
 * with the key fields declarations must fall within, and whether the organisation may declare at
 * all (an association, or a large or medium enterprise: the rule declareProject enforces).
 */
export async function listDeclarableBudgets(
  db: Db,
  organisation: { path: string; kind: string; sizeBand: string | null },
  year: number,
) {
  const codes = organisation.path.split('/');
  const rows = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      b: preventionBudgets,
    })
    .from(preventionBudgets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, preventionBudgets.jurisdictionId))
    .where(and(eq(preventionBudgets.year, year), inArray(jurisdictions.code, codes)))
    .orderBy(asc(jurisdictions.path));
  return {
    mayDeclare: isEligibleApplicant(organisation),
    budgets: rows.map((r) => ({
      jurisdiction: { code: r.code, name: r.name },
      year: r.b.year,
      keyFields: r.b.keyFields,
      noticeFrom: r.b.noticeFrom,
      noticeTo: r.b.noticeTo,
    })),
  };
}

/** Statuses of a project's implementation (实施期): the agreement signed, not yet accepted. */
const IMPLEMENTING: ProjectStatus[] = ['contracted', 'in_progress'];

/**
 * Funded projects an employer may send its workers to (本单位, issue 17 item 7): training projects
 * of its jurisdiction or one above it (a county firm joins its city's and province's projects,
 * never a sibling county's), in their implementation (agreement signed, not yet accepted), whose
 * industry is the employer's GB/T 4754 division — or that name no industry. An employer of no
 * recorded industry sees only the latter. No actor scope: the employer's own path is the rule, as
 * for listDeclarableBudgets. The organiser is the applicant (the association or enterprise that
 * declared it); the caller reads its contact from the organisations module.
 */
export async function listJoinableProjects(db: Db, employer: { path: string; industryCode: string | null }) {
  const codes = employer.path.split('/');
  const industry = employer.industryCode
    ? or(
        isNull(preventionProjects.industryCode),
        sql`left(${employer.industryCode}::text, length(${preventionProjects.industryCode})) = ${preventionProjects.industryCode}`,
      )
    : isNull(preventionProjects.industryCode);
  const rows = await selectProjects(db)
    .where(
      and(
        eq(preventionProjects.type, 'training'),
        inArray(preventionProjects.status, IMPLEMENTING),
        inArray(jurisdictions.code, codes),
        industry,
      ),
    )
    .orderBy(asc(jurisdictions.path), desc(preventionProjects.year), asc(preventionProjects.id));
  return rows.map((r) => ({
    id: r.project.id,
    title: r.project.title,
    year: r.project.year,
    jurisdiction: { code: r.jurisdictionCode, name: r.jurisdictionName },
    keyField: r.project.keyField,
    summary: r.project.summary,
    industryCode: r.project.industryCode,
    status: r.project.status,
    organiserId: r.project.applicantOrganisationId,
    organiserName: r.applicantName,
    serviceOrganisationName: r.serviceName,
  }));
}
