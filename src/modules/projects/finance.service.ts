import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { budgetView } from './budget.service.js';
import { PROJECTS_SETTINGS } from './projects.settings.js';
import { actorName } from './projects.shared.js';
import {
  budgetDecisions,
  type FinanceStatus,
  type PerformanceFigures,
  preventionBudgets,
  preventionProjects,
  projectPayments,
} from './projects.tables.js';

// The finance step (PP-1): HRSS submits the year's budget with last year's execution beside it,
// the finance unit (财政) of the same jurisdiction approves or returns it, and the agency's
// payments (拨付) stay within the amount approved.

type Jurisdiction = { id: number; code: string; name: string; path: string };

async function budgetRow(db: Db, jurisdictionId: number, year: number, lock = false) {
  const query = db
    .select()
    .from(preventionBudgets)
    .where(and(eq(preventionBudgets.jurisdictionId, jurisdictionId), eq(preventionBudgets.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Last year's execution (paid against budget) and evaluation (project outcomes), shown beside a proposal. */
async function previousYear(db: Db, jurisdiction: Jurisdiction, year: number) {
  const row = await budgetRow(db, jurisdiction.id, year - 1);
  const projects = await db
    .select({
      status: preventionProjects.status,
      results: preventionProjects.performanceResults,
    })
    .from(preventionProjects)
    .where(
      and(eq(preventionProjects.jurisdictionId, jurisdiction.id), eq(preventionProjects.year, year - 1)),
    );
  const isDone = (s: string) => ['accepted', 'deducted', 'settled', 'disclosed'].includes(s);
  const checked = projects.filter(
    (p) => isDone(p.status) || p.status === 'failed' || p.status === 'rectifying',
  );
  const passed = checked.filter(
    (p) => p.status !== 'failed' && p.status !== 'rectifying' && p.status !== 'deducted',
  );
  const satisfaction = projects
    .map((p) => (p.results as PerformanceFigures | null)?.satisfactionPct)
    .filter((v): v is number => typeof v === 'number');
  return {
    year: year - 1,
    budgetFen: row?.budgetFen ?? null,
    approvedFen: row?.approvedFen ?? null,
    paidFen: row?.paidFen ?? null,
    /** Paid ÷ budget, percent with one decimal; null without a budget. */
    executionPct: row && row.budgetFen > 0 ? Math.round((row.paidFen * 1000) / row.budgetFen) / 10 : null,
    projects: projects.length,
    /** Projects checked at acceptance (accepted, deducted, failed, rectifying, settled, disclosed). */
    checked: checked.length,
    /** Of those, accepted without deduction. */
    passed: passed.length,
    meanSatisfactionPct:
      satisfaction.length > 0
        ? Math.round((satisfaction.reduce((a, b) => a + b, 0) * 10) / satisfaction.length) / 10
        : null,
  };
}

/**
 * The whole chain of a year's budget for the finance officer and HRSS: the budget and its cap, the
 * finance status, last year's execution beside it, every submission, approval and return, and the
 * payments by project.
 */
export async function getFinanceChain(db: Db, actor: Actor, code: string, year: number) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  const [budget, row, required, previous] = await Promise.all([
    budgetView(db, jurisdiction, year),
    budgetRow(db, jurisdiction.id, year),
    resolveSetting(db, jurisdiction.path, PROJECTS_SETTINGS.financeApprovalRequired),
    previousYear(db, jurisdiction, year),
  ]);
  const decisions = row
    ? await db
        .select({
          id: budgetDecisions.id,
          step: budgetDecisions.step,
          amountFen: budgetDecisions.amountFen,
          reason: budgetDecisions.reason,
          actorName: budgetDecisions.actorName,
          organisationName: organisations.name,
          at: budgetDecisions.at,
        })
        .from(budgetDecisions)
        .leftJoin(organisations, eq(organisations.id, budgetDecisions.organisationId))
        .where(eq(budgetDecisions.budgetId, row.id))
        .orderBy(asc(budgetDecisions.at), asc(budgetDecisions.id))
    : [];
  const projects = await db
    .select({
      id: preventionProjects.id,
      title: preventionProjects.title,
      status: preventionProjects.status,
      contractFen: preventionProjects.contractFen,
      serviceOrganisationName: organisations.name,
    })
    .from(preventionProjects)
    .leftJoin(organisations, eq(organisations.id, preventionProjects.serviceOrganisationId))
    .where(
      and(
        eq(preventionProjects.jurisdictionId, jurisdiction.id),
        eq(preventionProjects.year, year),
        sql`${preventionProjects.contractFen} is not null`,
      ),
    )
    .orderBy(asc(preventionProjects.id));
  const payments = row
    ? await db
        .select()
        .from(projectPayments)
        .where(eq(projectPayments.budgetId, row.id))
        .orderBy(asc(projectPayments.paidAt), asc(projectPayments.id))
    : [];
  return {
    budget,
    financeStatus: (row?.financeStatus ?? 'draft') as FinanceStatus,
    approvedFen: row?.approvedFen ?? null,
    proposalNote: row?.proposalNote ?? null,
    isApprovalRequired: required.value,
    previousYear: previous,
    decisions: decisions.map((d) => ({ ...d, at: d.at.toISOString() })),
    projects: projects.map((p) => {
      const own = payments.filter((x) => x.projectId === p.id);
      return {
        ...p,
        paidFen: own.reduce((a, x) => a + x.amountFen, 0),
        payments: own.map((x) => ({
          kind: x.kind,
          amountFen: x.amountFen,
          paidBy: x.paidBy,
          paidAt: x.paidAt.toISOString(),
        })),
      };
    }),
  };
}

/** HRSS submits the year's budget (as set) to the finance unit, with its account of last year. */
export async function submitBudget(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  input: { proposalNote: string; reason: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  await db.transaction(async (tx) => {
    const row = await budgetRow(tx, jurisdiction.id, year, true);
    if (!row) throw new AppError(409, 'budget.missing', { year });
    if (row.financeStatus === 'submitted' || row.financeStatus === 'approved')
      throw new AppError(409, 'finance.illegal_step', { status: row.financeStatus });
    await tx
      .update(preventionBudgets)
      .set({ financeStatus: 'submitted', proposalNote: input.proposalNote })
      .where(eq(preventionBudgets.id, row.id));
    await tx.insert(budgetDecisions).values({
      budgetId: row.id,
      step: 'submit',
      amountFen: row.budgetFen,
      reason: input.reason,
      actorUserId: actor.userId,
      actorName: actorName(actor),
      organisationId: actor.organisationId,
    });
    await recordAudit(tx, actor, {
      action: 'prevention-budget.submit',
      targetType: 'prevention_budget',
      targetId: `${jurisdiction.code}:${year}`,
      jurisdictionPath: jurisdiction.path,
      details: { budgetFen: row.budgetFen, reason: input.reason },
    });
  });
  return getFinanceChain(db, actor, code, year);
}

/** The finance unit of the budget's own jurisdiction (同级财政) alone approves or returns it. */
async function assertFinanceUnit(db: Db, actor: Actor, jurisdictionId: number) {
  const [unit] = actor.organisationId
    ? await db
        .select({
          kind: organisations.kind,
          department: organisations.department,
          jurisdictionId: organisations.jurisdictionId,
        })
        .from(organisations)
        .where(eq(organisations.id, actor.organisationId))
    : [];
  if (
    unit?.kind !== 'member_department' ||
    unit.department !== 'finance' ||
    unit.jurisdictionId !== jurisdictionId
  )
    throw new AppError(403, 'finance.not_finance_unit');
}

/**
 * The finance unit approves the submitted budget (批复), at most the cap and at most what HRSS
 * proposed, and never below what is already paid; or returns it with reasons.
 */
export async function decideBudget(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  input: { decision: 'approve' | 'return'; approvedFen?: number; reason: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, code);
  await assertFinanceUnit(db, actor, jurisdiction.id);
  await db.transaction(async (tx) => {
    const row = await budgetRow(tx, jurisdiction.id, year, true);
    if (!row) throw new AppError(409, 'budget.missing', { year });
    if (row.financeStatus !== 'submitted')
      throw new AppError(409, 'finance.illegal_step', { status: row.financeStatus });
    let approvedFen: number | null = null;
    if (input.decision === 'approve') {
      if (input.approvedFen === undefined) throw badRequest('validation.failed', 'approvedFen');
      approvedFen = input.approvedFen;
      if (approvedFen > row.capFen) throw badRequest('budget.over_cap', 'approvedFen', { cap: row.capFen });
      if (approvedFen > row.budgetFen)
        throw badRequest('finance.above_proposed', 'approvedFen', { proposed: row.budgetFen });
      if (approvedFen < row.paidFen)
        throw badRequest('budget.below_spent', 'approvedFen', { spent: row.paidFen });
    }
    await tx
      .update(preventionBudgets)
      .set(
        input.decision === 'approve'
          ? { financeStatus: 'approved', approvedFen }
          : { financeStatus: 'returned' },
      )
      .where(eq(preventionBudgets.id, row.id));
    await tx.insert(budgetDecisions).values({
      budgetId: row.id,
      step: input.decision,
      amountFen: approvedFen,
      reason: input.reason,
      actorUserId: actor.userId,
      actorName: actorName(actor),
      organisationId: actor.organisationId,
    });
    await recordAudit(tx, actor, {
      action: `prevention-budget.${input.decision}`,
      targetType: 'prevention_budget',
      targetId: `${jurisdiction.code}:${year}`,
      jurisdictionPath: jurisdiction.path,
      details: { proposedFen: row.budgetFen, approvedFen, capFen: row.capFen, reason: input.reason },
    });
  });
  return getFinanceChain(db, actor, code, year);
}

/**
 * Where the jurisdiction requires the finance step, a payment waits for the approval and, with what
 * is paid already, stays within the approved amount (拨付不超过批复预算).
 */
export async function assertWithinApproved(
  tx: Db,
  budget: typeof preventionBudgets.$inferSelect,
  jurisdictionPath: string,
  amountFen: number,
) {
  const required = await resolveSetting(tx, jurisdictionPath, PROJECTS_SETTINGS.financeApprovalRequired);
  if (!required.value) return;
  if (budget.financeStatus !== 'approved' || budget.approvedFen === null)
    throw new AppError(409, 'finance.not_approved', { status: budget.financeStatus });
  if (budget.paidFen + amountFen > budget.approvedFen)
    throw badRequest('finance.beyond_approved', 'amountFen', {
      approvedFen: budget.approvedFen,
      paidFen: budget.paidFen,
      amountFen,
    });
}
