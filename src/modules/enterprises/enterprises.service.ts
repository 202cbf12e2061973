import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { currentYear } from '../../platform/time.js';
import { GBT4754_DIVISIONS } from '../code-tables/gbt4754.data.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { resolveSetting, updateSetting } from '../settings/settings.service.js';
import { ENTERPRISES_SETTINGS } from './enterprises.settings.js';
import { keyIndustries, planPeriods, planPeriodTargets } from './enterprises.tables.js';
import { PLAN_PERIODS } from './plan-periods.data.js';

/** Loads the plan periods and their industry lists (reference data, once). */
export async function loadPlanPeriods(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const p of PLAN_PERIODS) {
      const { industries, targets: _targets, targetSource: _targetSource, ...period } = p;
      const [row] = await tx
        .insert(planPeriods)
        .values({ ...period })
        .onConflictDoUpdate({ target: planPeriods.code, set: { name: period.name } })
        .returning({ id: planPeriods.id });
      if (!row) continue;
      for (const industry of industries) {
        await tx
          .insert(keyIndustries)
          .values({ ...industry, planPeriodId: row.id, source: period.source, createdBy: 'reference-data' })
          .onConflictDoNothing();
      }
    }
  });
}

/**
 * Brings the plan periods' targets to what the documents state (national default per period, and
 * the provinces' own rows): the 2021–2025 default no longer carries Jilin's yearly 5 %.
 */
export async function loadPlanTargets(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const p of PLAN_PERIODS) {
      const [row] = await tx
        .update(planPeriods)
        .set({
          baselineYear: p.baselineYear,
          targetReductionPct: p.targetReductionPct,
          annualReductionPct: p.annualReductionPct,
        })
        .where(eq(planPeriods.code, p.code))
        .returning({ id: planPeriods.id });
      if (!row) continue;
      for (const target of p.targets) {
        const [j] = await tx
          .select({ id: jurisdictions.id })
          .from(jurisdictions)
          .where(eq(jurisdictions.code, target.jurisdictionCode));
        if (!j) continue;
        const { jurisdictionCode: _code, ...values } = target;
        await tx
          .insert(planPeriodTargets)
          .values({ ...values, planPeriodId: row.id, jurisdictionId: j.id })
          .onConflictDoUpdate({
            target: [planPeriodTargets.planPeriodId, planPeriodTargets.jurisdictionId],
            set: values,
          });
      }
    }
  });
}

/** A plan period as far as its targets go. */
export interface PeriodTargets {
  id: number;
  code: string;
  targetReductionPct: string | number;
  annualReductionPct: string | number | null;
}

/**
 * The targets a jurisdiction's documents set for a plan period: its nearest ancestor's own plan
 * (a province's row), else the period's national default, with the clause they come from.
 */
export async function findDocumentTargets(db: Db, path: string, period: PeriodTargets) {
  const codes = ancestorCodes(path);
  const rows = await db
    .select({
      code: jurisdictions.code,
      targetReductionPct: planPeriodTargets.targetReductionPct,
      annualReductionPct: planPeriodTargets.annualReductionPct,
      source: planPeriodTargets.source,
    })
    .from(planPeriodTargets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, planPeriodTargets.jurisdictionId))
    .where(and(eq(planPeriodTargets.planPeriodId, period.id), inArray(jurisdictions.code, codes)));
  const nearest = rows.sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
  const pct = (v: string | number | null) => (v === null ? null : Number(v));
  if (nearest)
    return {
      targetReductionPct: Number(nearest.targetReductionPct),
      annualReductionPct: pct(nearest.annualReductionPct),
      definedAt: null,
      source: nearest.source,
    };
  return {
    targetReductionPct: Number(period.targetReductionPct),
    annualReductionPct: pct(period.annualReductionPct),
    definedAt: null,
    source: PLAN_PERIODS.find((p) => p.code === period.code)?.targetSource ?? null,
  };
}

export async function listPlanPeriods(db: Db) {
  const rows = await db.select().from(planPeriods).orderBy(asc(planPeriods.startYear));
  return rows.map((p) => ({
    ...p,
    targetReductionPct: Number(p.targetReductionPct),
    annualReductionPct: p.annualReductionPct === null ? null : Number(p.annualReductionPct),
  }));
}

/** The plan period a year belongs to (the latest one when the year lies beyond every period). */
export async function findPlanPeriod(db: Db, code?: string, year?: number) {
  const periods = await listPlanPeriods(db);
  const found = code
    ? periods.find((p) => p.code === code)
    : (periods.find((p) => year !== undefined && year >= p.startYear && year <= p.endYear) ??
      periods[periods.length - 1]);
  if (!found) throw notFound();
  return found;
}

/** Codes of a jurisdiction and its ancestors: a setting or industry defined on any of them applies. */
function ancestorCodes(path: string): string[] {
  return path.split('/');
}

/**
 * The key and dust-hazard industries that apply to a jurisdiction in a plan period: the national
 * list plus those its province or prefecture added.
 */
export async function listKeyIndustries(
  db: Db,
  actor: Actor,
  options: { planPeriod?: string; jurisdiction?: string; category?: 'key' | 'dust' },
) {
  const period = await findPlanPeriod(db, options.planPeriod, currentYear());
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const ancestors = db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, ancestorCodes(jurisdiction.path)));
  const conditions: SQL[] = [
    eq(keyIndustries.planPeriodId, period.id),
    or(isNull(keyIndustries.jurisdictionId), inArray(keyIndustries.jurisdictionId, ancestors)) as SQL,
  ];
  if (options.category) conditions.push(eq(keyIndustries.category, options.category));
  const rows = await db
    .select({
      id: keyIndustries.id,
      category: keyIndustries.category,
      name: keyIndustries.name,
      industryPrefixes: keyIndustries.industryPrefixes,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      source: keyIndustries.source,
      createdBy: keyIndustries.createdBy,
      createdAt: keyIndustries.createdAt,
    })
    .from(keyIndustries)
    .leftJoin(jurisdictions, eq(jurisdictions.id, keyIndustries.jurisdictionId))
    .where(and(...conditions))
    .orderBy(asc(keyIndustries.category), asc(keyIndustries.id));
  return {
    planPeriod: period,
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

/**
 * Adds an industry to a plan period's list for a jurisdiction and those below it (e.g. the
 * 2026–2030 addition 即时配送), as data an officer enters.
 */
export async function addKeyIndustry(
  db: Db,
  actor: Actor,
  input: {
    planPeriod: string;
    category: 'key' | 'dust';
    name: string;
    industryPrefixes: string[];
    jurisdictionCode: string;
    source: string;
  },
) {
  const period = await findPlanPeriod(db, input.planPeriod);
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdictionCode);
  for (const [i, prefix] of input.industryPrefixes.entries()) {
    if (!/^\d{2,4}$/.test(prefix) || !GBT4754_DIVISIONS[prefix.slice(0, 2)]) {
      throw badRequest('industry.unknown', `industryPrefixes.${i}`, { code: prefix });
    }
  }
  const [existing] = await db
    .select({ id: keyIndustries.id })
    .from(keyIndustries)
    .where(
      and(
        eq(keyIndustries.planPeriodId, period.id),
        eq(keyIndustries.category, input.category),
        eq(keyIndustries.name, input.name),
        eq(keyIndustries.jurisdictionId, jurisdiction.id),
      ),
    );
  if (existing) throw new AppError(409, 'key_industry.duplicate', {}, 'name');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(keyIndustries)
      .values({
        planPeriodId: period.id,
        category: input.category,
        name: input.name,
        industryPrefixes: input.industryPrefixes,
        jurisdictionId: jurisdiction.id,
        source: input.source,
        createdBy: actor.username,
      })
      .returning({ id: keyIndustries.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'key-industry.add',
      targetType: 'key_industry',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { ...input, planPeriod: period.code },
    });
    return row.id;
  });
  return { id };
}

/** Removes an industry a jurisdiction in scope added (the documents' national lists stay). */
export async function removeKeyIndustry(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ id: keyIndustries.id, name: keyIndustries.name, path: jurisdictions.path })
    .from(keyIndustries)
    .innerJoin(jurisdictions, eq(jurisdictions.id, keyIndustries.jurisdictionId))
    .where(eq(keyIndustries.id, id));
  if (!row || !(row.path === actor.jurisdictionPath || row.path.startsWith(`${actor.jurisdictionPath}/`)))
    throw notFound();
  await db.transaction(async (tx) => {
    await tx.delete(keyIndustries).where(eq(keyIndustries.id, id));
    await recordAudit(tx, actor, {
      action: 'key-industry.remove',
      targetType: 'key_industry',
      targetId: id,
      jurisdictionPath: row.path,
      details: { name: row.name },
    });
  });
}

/** The key-monitoring threshold that applies to a jurisdiction of the actor's scope (default: the actor's own). */
export async function getMonitoringThreshold(db: Db, actor: Actor, jurisdictionCode: string | undefined) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  const { value, definedAt } = await resolveSetting(
    db,
    jurisdiction.path,
    ENTERPRISES_SETTINGS.injuryThreshold,
  );
  return { value, definedAt };
}

/** Sets a jurisdiction's own key-monitoring threshold (it applies below it unless overridden). */
export async function updateMonitoringThreshold(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  value: number,
) {
  const resolved = await updateSetting(db, actor, {
    jurisdictionCode,
    setting: ENTERPRISES_SETTINGS.injuryThreshold,
    value,
    reason: null,
  });
  return { value: resolved.value, definedAt: resolved.definedAt };
}
