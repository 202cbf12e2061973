import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { expertDraws, experts, panelMembers } from '../experts/experts.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  barredOrganisations,
  type ProjectStatus,
  preventionBudgets,
  preventionProjects,
  projectEvents,
  projectPayments,
} from './projects.tables.js';

/**
 * What every projects service builds on: the status names, reading a project (list row and detail)
 * and the one way to change it (locked row, timeline event and audit record in one transaction).
 */

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
export const SEALED: ProjectStatus[] = ['declared', 'reviewing'];

/**
 * What the timeline must not tell while the panel is sealed: who was drawn (the draw's panel and its
 * seed, from which the public candidate list gives the panel back), who declined or replaced whom,
 * and which member scored under whose name. The draw record itself is withheld too (detailOf); once
 * the review is over both come back whole, so the applicant can recompute the draw.
 */
const SEALED_DETAILS = ['seed', 'panel', 'declinedExpertId', 'replacementExpertId', 'memberId'];
const SEALED_ACTOR: Record<string, string> = { score: '评审专家' };

function sealEvent<E extends { action: string; details: Record<string, unknown> | null; actorName: string }>(
  event: E,
): E {
  const details =
    event.details === null
      ? null
      : Object.fromEntries(Object.entries(event.details).filter(([key]) => !SEALED_DETAILS.includes(key)));
  return { ...event, details, actorName: SEALED_ACTOR[event.action] ?? event.actorName };
}

export const SERVICE_KINDS = ['service_organisation', 'training_institution', 'technical_school'] as const;

export function illegal(status: ProjectStatus) {
  return new AppError(409, 'project.illegal_transition', { status, statusZh: STATUS_ZH[status] });
}

export function actorName(actor: Actor) {
  return `${actor.displayName}（${actor.username}）`;
}

// ---------------------------------------------------------------------------------------------
// Reading projects

const applicantOrg = alias(organisations, 'applicant_org');
const serviceOrg = alias(organisations, 'service_org');

export function selectProjects(db: Db) {
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

export type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

export function toProjectDto(row: ProjectRow) {
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

export async function detailOf(db: Db, row: ProjectRow, options: { isSealed: boolean }) {
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
    timeline: events.map((e) => {
      const event = {
        id: e.id,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        details: e.details,
        actorName: e.actorName,
        at: e.at.toISOString(),
      };
      return options.isSealed ? sealEvent(event) : event;
    }),
  };
}

export async function findProjectInScope(db: Db, actor: Actor, id: number) {
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

// ---------------------------------------------------------------------------------------------
// Writing: every change is one transaction with its event (timeline) and audit record.

export interface Change {
  action: string;
  from: ProjectStatus[];
  to?: ProjectStatus;
  reason?: string | null;
  details?: Record<string, unknown>;
  set?: Partial<typeof preventionProjects.$inferInsert>;
}

/** Locks the project row; the caller's checks and writes then see no concurrent change. */
export async function lockProject(tx: Db, id: number) {
  const [row] = await tx.select().from(preventionProjects).where(eq(preventionProjects.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

export async function applyChange(tx: Db, actor: Actor, project: ProjectRow, change: Change) {
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

export async function change(db: Db, actor: Actor, id: number, c: Change) {
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

export async function assertServiceOrganisation(db: Db, organisationId: number, field: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org || !(SERVICE_KINDS as readonly string[]).includes(org.kind))
    throw badRequest('organisation.not_service', field);
  if (await isBarred(db, organisationId)) throw badRequest('organisation.barred', field);
  return org;
}

export async function lockBudget(tx: Db, project: typeof preventionProjects.$inferSelect) {
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
