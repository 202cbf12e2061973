import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { change, selectProjects } from './projects.shared.js';
import {
  type ProjectStatus,
  preventionBudgets,
  preventionProjects,
  projectEvents,
  projectPayments,
} from './projects.tables.js';

// Public disclosure (PP-7, PP-9): release and showcase by the agency; the public pages need no sign-in.

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

// --- Public portal (SV-2): fee budgets and use, for the open data ---------------------------------

/**
 * The prevention-fee budgets of a year within a subtree, for the public portal (三(九)2: fee use is
 * disclosed): cap, budget, committed and paid per pooling jurisdiction. Unscoped by design.
 */
export async function unsafeListPublicBudgets(db: Db, options: { path: string; year: number }) {
  const rows = await db
    .select({ b: preventionBudgets, code: jurisdictions.code, name: jurisdictions.name })
    .from(preventionBudgets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, preventionBudgets.jurisdictionId))
    .where(and(eq(preventionBudgets.year, options.year), withinScope(jurisdictions.path, options.path)))
    .orderBy(asc(jurisdictions.code));
  return rows.map((r) => ({
    jurisdiction: { code: r.code, name: r.name },
    year: r.b.year,
    capFen: r.b.capFen,
    budgetFen: r.b.budgetFen,
    committedFen: r.b.committedFen,
    paidFen: r.b.paidFen,
  }));
}
