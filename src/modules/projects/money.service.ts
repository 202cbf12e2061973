import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { resolveSetting } from '../settings/settings.service.js';
import { assertWithinApproved } from './finance.service.js';
import { assertAgreementOrganisation } from './procurement.service.js';
import { PROJECTS_SETTINGS } from './projects.settings.js';
import {
  actorName,
  applyChange,
  assertServiceOrganisation,
  change,
  findProjectInScope,
  getProject,
  illegal,
  lockBudget,
  lockProject,
} from './projects.shared.js';
import { preventionBudgets, projectPayments } from './projects.tables.js';

// Money (PP-4, PP-5): agreement, one prepayment, deduction, one balance; committed + paid ≤ budget,
// each in one transaction.

/**
 * The service agreement (服务协议), signed by the agency and filed with HRSS: fixes the service
 * organisation, the contract sum and the prepayment share, and commits the sum on the budget. A
 * procured project signs with the awarded organisation only, and not while its procurement is open.
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
    await assertAgreementOrganisation(tx, id, input.serviceOrganisationId, 'serviceOrganisationId');
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
    await assertWithinApproved(tx, budget, project.jurisdictionPath, amountFen);
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
    await assertWithinApproved(tx, budget, project.jurisdictionPath, balance);
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
