import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { fundAccounts } from '../exchange/exchange.tables.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { resolveSetting } from '../settings/settings.service.js';
import { PROJECTS_SETTINGS } from './projects.settings.js';
import { applyChange, selectProjects } from './projects.shared.js';
import { preventionBudgets, preventionProjects } from './projects.tables.js';

// Budget (PP-1) and the public notice window (公示).

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

export async function budgetView(
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
          // A changed amount goes back to the finance unit (财政) before further payments.
          ...(input.budgetFen !== existing.budgetFen && existing.financeStatus !== 'draft'
            ? { financeStatus: 'draft' as const }
            : {}),
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
    // The window itself is a change too, even when no project moves (a window moved later).
    await recordAudit(tx, actor, {
      action: 'budget.notice',
      targetType: 'prevention_budget',
      targetId: budget.id,
      details: {
        year,
        noticeFrom: input.noticeFrom,
        noticeTo: input.noticeTo,
        before: { noticeFrom: budget.noticeFrom, noticeTo: budget.noticeTo },
        listed: approved.length,
        reason: input.reason,
      },
    });
  });
  return budgetView(db, jurisdiction, year);
}
