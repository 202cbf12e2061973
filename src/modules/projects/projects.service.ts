import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { fundAccounts } from '../exchange/exchange.tables.js';
import {
  assertDrawRule,
  declineAndReplace,
  findExpertOfUser,
  performDraw,
  scheduleDraw,
  verifyDraw,
} from '../experts/experts.service.js';
import { expertDraws, experts, panelMembers } from '../experts/experts.tables.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { PROJECTS_SETTINGS } from './projects.settings.js';
import {
  type BudgetLine,
  barredOrganisations,
  type PerformanceFigures,
  type ProjectStatus,
  preventionBudgets,
  preventionProjects,
  projectEvents,
  projectPayments,
} from './projects.tables.js';

/** Review criteria (评审标准) and their maximum points; totals are out of 100. */
export const REVIEW_CRITERIA = [
  { code: 'necessity', name: '必要性与针对性', max: 20 },
  { code: 'fit', name: '与年度重点领域契合度', max: 20 },
  { code: 'feasibility', name: '实施方案可行性', max: 25 },
  { code: 'budget', name: '预算合理性', max: 20 },
  { code: 'capacity', name: '申报单位实施能力', max: 15 },
] as const;

const STATUS_ZH: Record<ProjectStatus, string> = {
  declared: '已申报',
  reviewing: '评审中',
  reviewed: '已评审',
  approved: '已立项',
  rejected: '未立项',
  listed: '已公示',
  contracted: '已签协议',
  in_progress: '实施中',
  failed: '验收未通过',
  rectifying: '整改中',
  accepted: '验收通过',
  deducted: '已扣减',
  settled: '已结算',
  disclosed: '已公开',
};

/** Statuses during which the panel stays sealed to the applicant. */
const SEALED: ProjectStatus[] = ['declared', 'reviewing'];

const SERVICE_KINDS = ['service_organisation', 'training_institution', 'technical_school'] as const;

function illegal(status: ProjectStatus) {
  return new AppError(409, 'project.illegal_transition', { status, statusZh: STATUS_ZH[status] });
}

function actorName(actor: Actor) {
  return `${actor.displayName}（${actor.username}）`;
}

// ---------------------------------------------------------------------------------------------
// Budget (PP-1)

async function computeCap(db: Db, jurisdiction: { id: number; path: string }, year: number) {
  const setting = await resolveSetting(db, jurisdiction.path, PROJECTS_SETTINGS.capBasisPoints);
  const [fund] = await db
    .select({ income: fundAccounts.contributionIncomeFen })
    .from(fundAccounts)
    .where(and(eq(fundAccounts.jurisdictionId, jurisdiction.id), eq(fundAccounts.year, year - 1)));
  const baseIncomeFen = fund?.income ?? null;
  return {
    baseIncomeFen,
    capBasisPoints: setting.value,
    capDefinedAt: setting.definedAt,
    // Integer arithmetic in fen, rounded down: the cap is a ceiling.
    capFen: baseIncomeFen === null ? null : Math.floor((baseIncomeFen * setting.value) / 10000),
  };
}

async function budgetView(
  db: Db,
  jurisdiction: { id: number; code: string; name: string; path: string },
  year: number,
) {
  const [row] = await db
    .select()
    .from(preventionBudgets)
    .where(and(eq(preventionBudgets.jurisdictionId, jurisdiction.id), eq(preventionBudgets.year, year)));
  const cap = await computeCap(db, jurisdiction, year);
  const [min, max] = await Promise.all([
    resolveSetting(db, jurisdiction.path, PROJECTS_SETTINGS.prepayMinPercent),
    resolveSetting(db, jurisdiction.path, PROJECTS_SETTINGS.prepayMaxPercent),
  ]);
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    baseYear: year - 1,
    baseIncomeFen: row?.baseIncomeFen ?? cap.baseIncomeFen,
    capBasisPoints: row?.capBasisPoints ?? cap.capBasisPoints,
    capDefinedAt: cap.capDefinedAt,
    capFen: row?.capFen ?? cap.capFen,
    isSet: Boolean(row),
    budgetFen: row?.budgetFen ?? 0,
    committedFen: row?.committedFen ?? 0,
    paidFen: row?.paidFen ?? 0,
    leftFen: row ? row.budgetFen - row.committedFen - row.paidFen : 0,
    keyFields: row?.keyFields ?? [],
    noticeFrom: row?.noticeFrom ?? null,
    noticeTo: row?.noticeTo ?? null,
    prepayMinPercent: min.value,
    prepayMaxPercent: max.value,
  };
}

/** The year's prevention-fee budget of a pooling jurisdiction: cap, committed, paid, left (PP-1). */
export async function getBudget(db: Db, actor: Actor, code: string, year: number) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  return budgetView(db, jurisdiction, year);
}

/**
 * Sets the year's budget and key fields. The cap is the configured share of the previous year's
 * contribution income from the fund data; without that data there is no cap and no budget.
 */
export async function setBudget(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  input: { budgetFen: number; keyFields: string[]; reason: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  const cap = await computeCap(db, jurisdiction, year);
  if (cap.capFen === null || cap.baseIncomeFen === null)
    throw new AppError(409, 'budget.no_fund_data', { year: year - 1 });
  if (input.budgetFen > cap.capFen) throw badRequest('budget.over_cap', 'budgetFen', { cap: cap.capFen });
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(preventionBudgets)
      .where(and(eq(preventionBudgets.jurisdictionId, jurisdiction.id), eq(preventionBudgets.year, year)))
      .for('update');
    if (existing) {
      const spent = existing.committedFen + existing.paidFen;
      if (input.budgetFen < spent) throw badRequest('budget.below_spent', 'budgetFen', { spent });
      await tx
        .update(preventionBudgets)
        .set({
          budgetFen: input.budgetFen,
          keyFields: input.keyFields,
          baseIncomeFen: cap.baseIncomeFen as number,
          capBasisPoints: cap.capBasisPoints,
          capFen: cap.capFen as number,
          updatedBy: actor.username,
          updatedAt: sql`now()`,
        })
        .where(eq(preventionBudgets.id, existing.id));
    } else {
      await tx.insert(preventionBudgets).values({
        jurisdictionId: jurisdiction.id,
        year,
        baseIncomeFen: cap.baseIncomeFen as number,
        capBasisPoints: cap.capBasisPoints,
        capFen: cap.capFen as number,
        budgetFen: input.budgetFen,
        keyFields: input.keyFields,
        updatedBy: actor.username,
      });
    }
    await recordAudit(tx, actor, {
      action: 'prevention-budget.set',
      targetType: 'prevention_budget',
      targetId: `${jurisdiction.code}:${year}`,
      jurisdictionPath: jurisdiction.path,
      details: { ...input, capFen: cap.capFen, baseIncomeFen: cap.baseIncomeFen },
    });
  });
  return budgetView(db, jurisdiction, year);
}

// ---------------------------------------------------------------------------------------------
// Reading projects

const applicantOrg = alias(organisations, 'applicant_org');
const serviceOrg = alias(organisations, 'service_org');

function selectProjects(db: Db) {
  return db
    .select({
      project: preventionProjects,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      jurisdictionPath: jurisdictions.path,
      applicantName: applicantOrg.name,
      serviceName: serviceOrg.name,
    })
    .from(preventionProjects)
    .innerJoin(jurisdictions, eq(jurisdictions.id, preventionProjects.jurisdictionId))
    .innerJoin(applicantOrg, eq(applicantOrg.id, preventionProjects.applicantOrganisationId))
    .leftJoin(serviceOrg, eq(serviceOrg.id, preventionProjects.serviceOrganisationId))
    .$dynamic();
}

type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

function toProjectDto(row: ProjectRow) {
  const p = row.project;
  return {
    id: p.id,
    jurisdiction: { code: row.jurisdictionCode, name: row.jurisdictionName },
    year: p.year,
    applicant: { id: p.applicantOrganisationId, name: row.applicantName },
    type: p.type,
    title: p.title,
    keyField: p.keyField,
    summary: p.summary,
    industryCode: p.industryCode,
    budgetLines: p.budgetLines,
    requestedFen: p.requestedFen,
    status: p.status,
    reviewScore: p.reviewScore === null ? null : Number(p.reviewScore),
    serviceOrganisation:
      p.serviceOrganisationId === null ? null : { id: p.serviceOrganisationId, name: row.serviceName ?? '' },
    agreementNo: p.agreementNo,
    agreementSignedOn: p.agreementSignedOn,
    filedWithHrssOn: p.filedWithHrssOn,
    contractFen: p.contractFen,
    prepayPercent: p.prepayPercent,
    deductionFen: p.deductionFen,
    performanceTargets: p.performanceTargets,
    performanceResults: p.performanceResults,
    isShowcase: p.isShowcase,
    showcaseNote: p.showcaseNote,
    disclosureText: p.disclosureText,
    disclosedAt: p.disclosedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

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

async function detailOf(db: Db, row: ProjectRow, options: { isSealed: boolean }) {
  const id = row.project.id;
  const [draw] = options.isSealed
    ? []
    : await db.select().from(expertDraws).where(eq(expertDraws.projectId, id));
  const panel = options.isSealed
    ? []
    : await db
        .select({ member: panelMembers, expertName: experts.name })
        .from(panelMembers)
        .innerJoin(experts, eq(experts.id, panelMembers.expertId))
        .where(eq(panelMembers.projectId, id))
        .orderBy(asc(panelMembers.step));
  const [payments, events] = await Promise.all([
    db
      .select()
      .from(projectPayments)
      .where(eq(projectPayments.projectId, id))
      .orderBy(asc(projectPayments.id)),
    db.select().from(projectEvents).where(eq(projectEvents.projectId, id)).orderBy(asc(projectEvents.id)),
  ]);
  const isDrawn = draw?.status === 'drawn';
  return {
    ...toProjectDto(row),
    draw: draw
      ? {
          id: draw.id,
          size: draw.size,
          fieldMix: draw.fieldMix,
          commitment: draw.commitment,
          secret: isDrawn ? draw.secret : null,
          beaconSource: draw.beaconSource,
          beaconValue: draw.beaconValue,
          seed: draw.seed,
          algorithm: draw.algorithm,
          candidates: draw.candidates,
          exclusions: draw.exclusions,
          picks: draw.picks,
          status: draw.status,
          scheduledBy: draw.scheduledBy,
          scheduledAt: draw.scheduledAt.toISOString(),
          drawnBy: draw.drawnBy,
          drawnAt: draw.drawnAt?.toISOString() ?? null,
        }
      : null,
    panel: panel.map(({ member, expertName }) => ({
      id: member.id,
      expertId: member.expertId,
      expertName,
      field: member.field,
      step: member.step,
      status: member.status,
      declineReason: member.declineReason,
      scores: member.scores,
      total: member.total,
      comment: member.comment,
      scoredAt: member.scoredAt?.toISOString() ?? null,
    })),
    criteria: REVIEW_CRITERIA.map((c) => ({ ...c })),
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      amountFen: p.amountFen,
      paidBy: p.paidBy,
      paidAt: p.paidAt.toISOString(),
    })),
    timeline: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      details: e.details,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  };
}

async function findProjectInScope(db: Db, actor: Actor, id: number) {
  const [row] = await selectProjects(db).where(
    and(eq(preventionProjects.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)),
  );
  if (!row) throw notFound();
  return row;
}

/** One project with its panel, draw record, payments and timeline (PP-6). */
export async function getProject(db: Db, actor: Actor, id: number) {
  return detailOf(db, await findProjectInScope(db, actor, id), { isSealed: false });
}

/** The projects the actor's own organisation declared; the panel stays sealed until the review is over. */
export async function listOwnProjects(db: Db, actor: Actor) {
  if (actor.organisationId === null) return [];
  const rows = await selectProjects(db)
    .where(eq(preventionProjects.applicantOrganisationId, actor.organisationId))
    .orderBy(desc(preventionProjects.id));
  return Promise.all(rows.map((r) => detailOf(db, r, { isSealed: SEALED.includes(r.project.status) })));
}

// ---------------------------------------------------------------------------------------------
// Writing: every change is one transaction with its event (timeline) and audit record.

interface Change {
  action: string;
  from: ProjectStatus[];
  to?: ProjectStatus;
  reason?: string | null;
  details?: Record<string, unknown>;
  set?: Partial<typeof preventionProjects.$inferInsert>;
}

/** Locks the project row; the caller's checks and writes then see no concurrent change. */
async function lockProject(tx: Db, id: number) {
  const [row] = await tx.select().from(preventionProjects).where(eq(preventionProjects.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

async function applyChange(tx: Db, actor: Actor, project: ProjectRow, change: Change) {
  const locked = await lockProject(tx, project.project.id);
  if (!change.from.includes(locked.status)) throw illegal(locked.status);
  if (change.to || change.set) {
    await tx
      .update(preventionProjects)
      .set({ ...(change.set ?? {}), ...(change.to ? { status: change.to } : {}), updatedAt: sql`now()` })
      .where(eq(preventionProjects.id, locked.id));
  }
  await tx.insert(projectEvents).values({
    projectId: locked.id,
    action: change.action,
    fromStatus: locked.status,
    toStatus: change.to ?? null,
    reason: change.reason ?? null,
    details: change.details ?? null,
    actorUserId: actor.userId,
    actorName: actorName(actor),
  });
  await recordAudit(tx, actor, {
    action: `project.${change.action}`,
    targetType: 'prevention_project',
    targetId: locked.id,
    jurisdictionPath: project.jurisdictionPath,
    details: { from: locked.status, to: change.to ?? null, reason: change.reason ?? null, ...change.details },
  });
  return locked;
}

async function change(db: Db, actor: Actor, id: number, c: Change) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => applyChange(tx, actor, project, c));
  return getProject(db, actor, id);
}

async function isBarred(db: Db, organisationId: number) {
  const [row] = await db
    .select()
    .from(barredOrganisations)
    .where(eq(barredOrganisations.organisationId, organisationId));
  return Boolean(row);
}

async function assertServiceOrganisation(db: Db, organisationId: number, field: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org || !(SERVICE_KINDS as readonly string[]).includes(org.kind))
    throw badRequest('organisation.not_service', field);
  if (await isBarred(db, organisationId)) throw badRequest('organisation.barred', field);
  return org;
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
  const isEligible =
    applicant.org.kind === 'industry_association' ||
    (applicant.org.kind === 'employer' &&
      (applicant.org.sizeBand === 'large' || applicant.org.sizeBand === 'medium'));
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
  const requestedFen = input.budgetLines.reduce((sum, l) => sum + l.amountFen, 0);
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
        budgetLines: input.budgetLines,
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
      details: { requestedFen, applicant: applicant.org.name },
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

// ---------------------------------------------------------------------------------------------
// Review (PP-3, EX-3)

async function drawOf(db: Db, projectId: number) {
  const [draw] = await db.select().from(expertDraws).where(eq(expertDraws.projectId, projectId));
  return draw;
}

/** Schedules the random review panel: rule, commitment and the declared public value's source. */
export async function scheduleReviewDraw(
  db: Db,
  actor: Actor,
  id: number,
  input: { size: number; fieldMix: { field: string; count: number }[]; beaconSource: string },
) {
  const project = await findProjectInScope(db, actor, id);
  await assertDrawRule(db, project.jurisdictionPath, input);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'declared') throw illegal(locked.status);
    if (await drawOf(tx, id)) throw new AppError(409, 'draw.already_drawn');
    const draw = await scheduleDraw(tx, actor, {
      ...input,
      projectId: id,
      jurisdictionId: locked.jurisdictionId,
    });
    await applyChange(tx, actor, project, {
      action: 'schedule-draw',
      from: ['declared'],
      details: { drawId: draw.id, commitment: draw.commitment, ...input },
    });
  });
  return getProject(db, actor, id);
}

function conflictOrganisations(p: typeof preventionProjects.$inferSelect) {
  return [p.applicantOrganisationId, ...(p.serviceOrganisationId ? [p.serviceOrganisationId] : [])];
}

/** Draws the panel with the public value: conflicts excluded, every step recorded (EX-3). */
export async function drawReviewPanel(db: Db, actor: Actor, id: number, input: { beaconValue: string }) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'declared') throw illegal(locked.status);
    const draw = await drawOf(tx, id);
    if (!draw) throw new AppError(409, 'draw.not_scheduled');
    const result = await performDraw(tx, actor, draw, {
      beaconValue: input.beaconValue,
      jurisdictionPath: project.jurisdictionPath,
      conflictOrganisationIds: conflictOrganisations(locked),
    });
    await applyChange(tx, actor, project, {
      action: 'draw',
      from: ['declared'],
      to: 'reviewing',
      details: {
        drawId: draw.id,
        seed: result.seed,
        candidates: result.candidates.length,
        excluded: result.exclusions.length,
        panel: result.picks.map((p) => p.expertId),
      },
    });
  });
  return getProject(db, actor, id);
}

/** Records a declined invitation and its reason; a further draw replaces the expert. */
export async function declinePanelMember(
  db: Db,
  actor: Actor,
  id: number,
  memberId: number,
  input: { reason: string },
) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'reviewing') throw illegal(locked.status);
    const draw = await drawOf(tx, id);
    if (!draw) throw new AppError(409, 'draw.not_drawn');
    const { declined, replacement } = await declineAndReplace(tx, draw, memberId, input.reason);
    await applyChange(tx, actor, project, {
      action: 'decline',
      from: ['reviewing'],
      reason: input.reason,
      details: { declinedExpertId: declined.expertId, replacementExpertId: replacement.expertId },
    });
  });
  return getProject(db, actor, id);
}

/** Recomputes the project's draw from its stored record. */
export async function verifyReviewDraw(db: Db, actor: Actor, id: number) {
  await findProjectInScope(db, actor, id);
  const draw = await drawOf(db, id);
  if (!draw) throw new AppError(409, 'draw.not_drawn');
  return verifyDraw(draw);
}

/** The reviews the signed-in expert is drawn for (only those). */
export async function listAssignments(db: Db, actor: Actor) {
  const expert = await findExpertOfUser(db, actor.userId);
  if (!expert) return [];
  const rows = await db
    .select({ member: panelMembers, project: preventionProjects, applicantName: organisations.name })
    .from(panelMembers)
    .innerJoin(preventionProjects, eq(preventionProjects.id, panelMembers.projectId))
    .innerJoin(organisations, eq(organisations.id, preventionProjects.applicantOrganisationId))
    .where(and(eq(panelMembers.expertId, expert.id), eq(panelMembers.status, 'invited')))
    .orderBy(desc(panelMembers.id));
  return rows.map(({ member, project, applicantName }) => ({
    memberId: member.id,
    field: member.field,
    project: {
      id: project.id,
      title: project.title,
      type: project.type,
      keyField: project.keyField,
      summary: project.summary,
      budgetLines: project.budgetLines,
      requestedFen: project.requestedFen,
      applicantName,
      status: project.status,
    },
    scores: member.scores,
    total: member.total,
    scoredAt: member.scoredAt?.toISOString() ?? null,
  }));
}

/**
 * An expert scores an assigned project against the criteria. A score is final; when every member
 * has scored, the project is reviewed with the mean total.
 */
export async function scoreAssignment(
  db: Db,
  actor: Actor,
  memberId: number,
  input: { scores: Record<string, number>; comment?: string },
) {
  const expert = await findExpertOfUser(db, actor.userId);
  const [member] = expert
    ? await db
        .select()
        .from(panelMembers)
        .where(and(eq(panelMembers.id, memberId), eq(panelMembers.expertId, expert.id)))
    : [];
  if (!member) throw notFound();
  for (const c of REVIEW_CRITERIA) {
    const value = input.scores[c.code];
    if (value === undefined || value < 0 || value > c.max)
      throw badRequest('review.score_out_of_range', `scores.${c.code}`, { criterion: c.name, max: c.max });
  }
  const known = new Set<string>(REVIEW_CRITERIA.map((c) => c.code));
  const unknown = Object.keys(input.scores).find((k) => !known.has(k));
  if (unknown)
    throw badRequest('review.score_out_of_range', `scores.${unknown}`, { criterion: unknown, max: 0 });
  const total = REVIEW_CRITERIA.reduce((sum, c) => sum + (input.scores[c.code] ?? 0), 0);
  const [project] = await selectProjects(db).where(eq(preventionProjects.id, member.projectId));
  if (!project) throw notFound();
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, member.projectId);
    if (locked.status !== 'reviewing') throw illegal(locked.status);
    const [scored] = await tx
      .update(panelMembers)
      .set({ scores: input.scores, total, comment: input.comment ?? null, scoredAt: sql`now()` })
      .where(
        and(
          eq(panelMembers.id, memberId),
          eq(panelMembers.status, 'invited'),
          sql`${panelMembers.scoredAt} is null`,
        ),
      )
      .returning();
    if (!scored) throw new AppError(409, 'panel.member_not_invited');
    const members = await tx
      .select()
      .from(panelMembers)
      .where(and(eq(panelMembers.projectId, member.projectId), eq(panelMembers.status, 'invited')));
    const isComplete = members.every((m) => m.scoredAt !== null || m.id === memberId);
    const mean = members.reduce((sum, m) => sum + (m.total ?? 0), 0) / members.length;
    await applyChange(tx, actor, project, {
      action: 'score',
      from: ['reviewing'],
      to: isComplete ? 'reviewed' : undefined,
      details: { memberId, total },
      set: isComplete ? { reviewScore: mean.toFixed(2) } : undefined,
    });
  });
  return (await listAssignments(db, actor)).find((a) => a.memberId === memberId);
}

// ---------------------------------------------------------------------------------------------
// Decision, notice, agreement (PP-3, PP-4)

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

/** Publishes the year's list (公示): every approved project of the jurisdiction and year is listed. */
export async function publishNotice(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  input: { noticeFrom: string; noticeTo: string; reason: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  if (input.noticeTo < input.noticeFrom) throw badRequest('expert.share_dates', 'noticeTo');
  await db.transaction(async (tx) => {
    const [budget] = await tx
      .select()
      .from(preventionBudgets)
      .where(and(eq(preventionBudgets.jurisdictionId, jurisdiction.id), eq(preventionBudgets.year, year)))
      .for('update');
    if (!budget) throw new AppError(409, 'budget.missing', { year });
    await tx
      .update(preventionBudgets)
      .set({ noticeFrom: input.noticeFrom, noticeTo: input.noticeTo })
      .where(eq(preventionBudgets.id, budget.id));
    const approved = await selectProjects(tx).where(
      and(
        eq(preventionProjects.jurisdictionId, jurisdiction.id),
        eq(preventionProjects.year, year),
        eq(preventionProjects.status, 'approved'),
      ),
    );
    for (const project of approved)
      await applyChange(tx, actor, project, {
        action: 'notice',
        from: ['approved'],
        to: 'listed',
        reason: input.reason,
        details: { noticeFrom: input.noticeFrom, noticeTo: input.noticeTo },
      });
  });
  return budgetView(db, jurisdiction, year);
}

async function lockBudget(tx: Db, project: typeof preventionProjects.$inferSelect) {
  const [budget] = await tx
    .select()
    .from(preventionBudgets)
    .where(
      and(
        eq(preventionBudgets.jurisdictionId, project.jurisdictionId),
        eq(preventionBudgets.year, project.year),
      ),
    )
    .for('update');
  if (!budget) throw new AppError(409, 'budget.missing', { year: project.year });
  return budget;
}

/**
 * The service agreement (服务协议), signed by the agency and filed with HRSS: fixes the service
 * organisation, the contract sum and the prepayment share, and commits the sum on the budget.
 */
export async function signAgreement(
  db: Db,
  actor: Actor,
  id: number,
  input: {
    serviceOrganisationId: number;
    agreementNo: string;
    signedOn: string;
    filedWithHrssOn: string;
    contractFen: number;
    prepayPercent: number;
  },
) {
  const project = await findProjectInScope(db, actor, id);
  await assertServiceOrganisation(db, input.serviceOrganisationId, 'serviceOrganisationId');
  const [min, max] = await Promise.all([
    resolveSetting(db, project.jurisdictionPath, PROJECTS_SETTINGS.prepayMinPercent),
    resolveSetting(db, project.jurisdictionPath, PROJECTS_SETTINGS.prepayMaxPercent),
  ]);
  if (input.prepayPercent < min.value || input.prepayPercent > max.value)
    throw badRequest('prepay.out_of_range', 'prepayPercent', { min: min.value, max: max.value });
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'listed') throw illegal(locked.status);
    const budget = await lockBudget(tx, locked);
    // The conditional update is the guard; the CHECK constraint is the backstop.
    const updated = await tx
      .update(preventionBudgets)
      .set({ committedFen: sql`${preventionBudgets.committedFen} + ${input.contractFen}` })
      .where(
        and(
          eq(preventionBudgets.id, budget.id),
          sql`${preventionBudgets.committedFen} + ${preventionBudgets.paidFen} + ${input.contractFen} <= ${preventionBudgets.budgetFen}`,
        ),
      )
      .returning({ id: preventionBudgets.id });
    if (updated.length === 0)
      throw new AppError(409, 'budget.exceeded', {
        left: budget.budgetFen - budget.committedFen - budget.paidFen,
      });
    await applyChange(tx, actor, project, {
      action: 'agreement',
      from: ['listed'],
      to: 'contracted',
      details: { ...input },
      set: {
        serviceOrganisationId: input.serviceOrganisationId,
        agreementNo: input.agreementNo,
        agreementSignedOn: input.signedOn,
        filedWithHrssOn: input.filedWithHrssOn,
        contractFen: input.contractFen,
        prepayPercent: input.prepayPercent,
      },
    });
  });
  return getProject(db, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Money (PP-5): one prepayment, one balance, committed + paid ≤ budget, all in one transaction.

async function insertPayment(
  tx: Db,
  actor: Actor,
  input: { projectId: number; budgetId: number; kind: 'prepayment' | 'balance'; amountFen: number },
) {
  const inserted = await tx
    .insert(projectPayments)
    .values({ ...input, paidBy: actorName(actor) })
    .onConflictDoNothing()
    .returning({ id: projectPayments.id });
  if (inserted.length === 0) throw new AppError(409, 'payment.already_made');
}

/** Pays the prepayment (预付) of a contracted project: its share of the contract sum. */
export async function payPrepayment(db: Db, actor: Actor, id: number) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'contracted') throw illegal(locked.status);
    const budget = await lockBudget(tx, locked);
    const amountFen = Math.floor(((locked.contractFen ?? 0) * (locked.prepayPercent ?? 0)) / 100);
    await insertPayment(tx, actor, { projectId: id, budgetId: budget.id, kind: 'prepayment', amountFen });
    const moved = await tx
      .update(preventionBudgets)
      .set({
        committedFen: sql`${preventionBudgets.committedFen} - ${amountFen}`,
        paidFen: sql`${preventionBudgets.paidFen} + ${amountFen}`,
      })
      .where(and(eq(preventionBudgets.id, budget.id), sql`${preventionBudgets.committedFen} >= ${amountFen}`))
      .returning({ id: preventionBudgets.id });
    if (moved.length === 0) throw new AppError(409, 'budget.exceeded', { left: budget.committedFen });
    await applyChange(tx, actor, project, {
      action: 'prepay',
      from: ['contracted'],
      to: 'in_progress',
      details: { amountFen, percent: locked.prepayPercent },
    });
  });
  return getProject(db, actor, id);
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

/** Deducts part or all of the contract sum of a failed project, with reasons. */
export async function deductProject(
  db: Db,
  actor: Actor,
  id: number,
  input: { amountFen: number; reason: string },
) {
  const project = await findProjectInScope(db, actor, id);
  if (input.amountFen > (project.project.contractFen ?? 0))
    throw badRequest('deduction.too_large', 'amountFen');
  return change(db, actor, id, {
    action: 'deduct',
    from: ['failed'],
    to: 'deducted',
    reason: input.reason,
    details: { amountFen: input.amountFen },
    set: { deductionFen: input.amountFen },
  });
}

/**
 * Settles (结算): pays the balance (contract − prepayment − deduction, not below 0) and releases
 * the rest of the commitment. A deduction larger than the unpaid part is recorded as to recover.
 */
export async function settleProject(db: Db, actor: Actor, id: number) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'accepted' && locked.status !== 'deducted') throw illegal(locked.status);
    const budget = await lockBudget(tx, locked);
    const [prepaid] = await tx
      .select({ amountFen: projectPayments.amountFen })
      .from(projectPayments)
      .where(and(eq(projectPayments.projectId, id), eq(projectPayments.kind, 'prepayment')));
    const contract = locked.contractFen ?? 0;
    const unpaid = contract - (prepaid?.amountFen ?? 0);
    const balance = Math.max(0, unpaid - locked.deductionFen);
    const toRecover = Math.max(0, locked.deductionFen - unpaid);
    await insertPayment(tx, actor, {
      projectId: id,
      budgetId: budget.id,
      kind: 'balance',
      amountFen: balance,
    });
    const moved = await tx
      .update(preventionBudgets)
      .set({
        committedFen: sql`${preventionBudgets.committedFen} - ${unpaid}`,
        paidFen: sql`${preventionBudgets.paidFen} + ${balance}`,
      })
      .where(and(eq(preventionBudgets.id, budget.id), sql`${preventionBudgets.committedFen} >= ${unpaid}`))
      .returning({ id: preventionBudgets.id });
    if (moved.length === 0) throw new AppError(409, 'budget.exceeded', { left: budget.committedFen });
    await applyChange(tx, actor, project, {
      action: 'settle',
      from: ['accepted', 'deducted'],
      to: 'settled',
      details: { balanceFen: balance, deductionFen: locked.deductionFen, toRecoverFen: toRecover },
    });
  });
  return getProject(db, actor, id);
}

/** Releases the project's implementation and fee use to the public page (PP-7). */
export async function discloseProject(db: Db, actor: Actor, id: number, input: { text: string }) {
  return change(db, actor, id, {
    action: 'disclose',
    from: ['settled'],
    to: 'disclosed',
    set: { disclosureText: input.text, disclosedAt: new Date() },
  });
}

/** Marks a disclosed project as a showcase for small and medium firms of its industry (PP-9). */
export async function markShowcase(db: Db, actor: Actor, id: number, input: { reason: string }) {
  return change(db, actor, id, {
    action: 'showcase',
    from: ['disclosed'],
    reason: input.reason,
    set: { isShowcase: true, showcaseNote: input.reason },
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

// ---------------------------------------------------------------------------------------------
// Public disclosure (PP-7, PP-9): no sign-in.

const PUBLIC_STATUSES: ProjectStatus[] = ['listed', 'disclosed'];

async function publicProjects(db: Db, condition: SQL | undefined) {
  const rows = await selectProjects(db)
    .where(and(inArray(preventionProjects.status, PUBLIC_STATUSES), condition))
    .orderBy(desc(preventionProjects.id));
  const ids = rows.map((r) => r.project.id);
  const paid =
    ids.length === 0
      ? []
      : await db
          .select({
            projectId: projectPayments.projectId,
            total: sql<string>`sum(${projectPayments.amountFen})`,
          })
          .from(projectPayments)
          .where(inArray(projectPayments.projectId, ids))
          .groupBy(projectPayments.projectId);
  const budgets = await db.select().from(preventionBudgets);
  return rows.map((r) => {
    const p = r.project;
    const budget = budgets.find((b) => b.jurisdictionId === p.jurisdictionId && b.year === p.year);
    return {
      id: p.id,
      jurisdiction: { code: r.jurisdictionCode, name: r.jurisdictionName },
      year: p.year,
      applicantName: r.applicantName,
      type: p.type,
      title: p.title,
      keyField: p.keyField,
      status: p.status,
      reviewScore: p.reviewScore === null ? null : Number(p.reviewScore),
      requestedFen: p.requestedFen,
      contractFen: p.contractFen,
      paidFen: Number(paid.find((x) => x.projectId === p.id)?.total ?? 0),
      deductionFen: p.deductionFen,
      performanceTargets: p.performanceTargets,
      performanceResults: p.performanceResults,
      serviceOrganisationName: r.serviceName,
      industryCode: p.industryCode,
      isShowcase: p.isShowcase,
      showcaseNote: p.showcaseNote,
      disclosureText: p.disclosureText,
      disclosedAt: p.disclosedAt?.toISOString() ?? null,
      noticeFrom: budget?.noticeFrom ?? null,
      noticeTo: budget?.noticeTo ?? null,
    };
  });
}

/**
 * The public list: projects in 公示 and projects whose implementation and fee use the agency
 * released. Unscoped by design (no sign-in), and limited to those two states.
 */
export async function unsafeListPublicProjects(
  db: Db,
  options: { jurisdiction?: string; isShowcase?: 'true' | 'false'; industryCode?: string },
) {
  const conditions: SQL[] = [];
  if (options.jurisdiction) {
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, options.jurisdiction));
    if (!j) return [];
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  if (options.isShowcase === 'true') conditions.push(eq(preventionProjects.isShowcase, true));
  if (options.industryCode) conditions.push(eq(preventionProjects.industryCode, options.industryCode));
  return publicProjects(db, conditions.length ? and(...conditions) : undefined);
}

/** One public project with its payments and milestones (no names of officials). */
export async function unsafeGetPublicProject(db: Db, id: number) {
  const [item] = await publicProjects(db, eq(preventionProjects.id, id));
  if (!item) throw notFound();
  const [payments, events] = await Promise.all([
    db
      .select()
      .from(projectPayments)
      .where(eq(projectPayments.projectId, id))
      .orderBy(asc(projectPayments.id)),
    db
      .select()
      .from(projectEvents)
      .where(and(eq(projectEvents.projectId, id), or(sql`${projectEvents.toStatus} is not null`)))
      .orderBy(asc(projectEvents.id)),
  ]);
  return {
    ...item,
    payments: payments.map((p) => ({ kind: p.kind, amountFen: p.amountFen, paidAt: p.paidAt.toISOString() })),
    milestones: events.map((e) => ({ action: e.action, toStatus: e.toStatus, at: e.at.toISOString() })),
  };
}
