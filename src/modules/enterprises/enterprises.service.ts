import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { GBT4754_DIVISIONS } from '../code-tables/gbt4754.data.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { jurisdictionSettings, keyIndustries, planPeriods, planPeriodTargets } from './enterprises.tables.js';
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

/**
 * The targets a jurisdiction's documents set for a plan period: its nearest ancestor's own plan
 * (a province's row), else the period's national default, with the clause they come from.
 */
export async function findDocumentTargets(
  db: Db,
  path: string,
  period: {
    id: number;
    code: string;
    targetReductionPct: string | number;
    annualReductionPct: string | number | null;
  },
) {
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
  const period = await findPlanPeriod(db, options.planPeriod, new Date().getFullYear());
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

export const SETTINGS = {
  /** 重点监控: an employer with at least this many determinations in a year is listed. */
  'monitoring.injuryThreshold': { default: 3, min: 1, max: 1000 },
  /** 工伤预防费 cap, basis points of the previous year's contribution income (300 = 3 %, 13号 第五条). */
  'prevention.capBasisPoints': { default: 300, min: 1, max: 1000 },
  /** Prepayment range of a project's contract sum, percent (30–70 in the Fujian/Jilin plans; unverified in 13号). */
  'prevention.prepayMinPercent': { default: 30, min: 0, max: 100 },
  'prevention.prepayMaxPercent': { default: 70, min: 0, max: 100 },
  /** An expert's term (聘期), years. */
  'experts.termYears': { default: 3, min: 1, max: 10 },
} as const;
export type SettingKey = keyof typeof SETTINGS;

/** A setting for a jurisdiction: its own value, else its nearest ancestor's, else the default. */
export async function resolveSetting(
  db: Db,
  path: string,
  key: SettingKey,
): Promise<{ value: number; definedAt: string | null }> {
  const rows = await db
    .select({ code: jurisdictions.code, value: jurisdictionSettings.value })
    .from(jurisdictionSettings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionSettings.jurisdictionId))
    .where(and(eq(jurisdictionSettings.key, key), inArray(jurisdictions.code, ancestorCodes(path))));
  const codes = ancestorCodes(path);
  const nearest = rows.sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
  return nearest
    ? { value: Number(nearest.value), definedAt: nearest.code }
    : { value: SETTINGS[key].default, definedAt: null };
}

/** The setting that applies to a jurisdiction of the actor's scope (default: the actor's own). */
export async function getSetting(
  db: Db,
  actor: Actor,
  jurisdictionCode: string | undefined,
  key: SettingKey,
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  return resolveSetting(db, jurisdiction.path, key);
}

/** Sets a jurisdiction's own value of a setting (it applies below it unless overridden). */
export async function updateSetting(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  key: SettingKey,
  value: number,
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode);
  const rule = SETTINGS[key];
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    throw badRequest('setting.out_of_range', 'value', { min: rule.min, max: rule.max });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(jurisdictionSettings)
      .values({ jurisdictionId: jurisdiction.id, key, value, updatedBy: actor.username })
      .onConflictDoUpdate({
        target: [jurisdictionSettings.jurisdictionId, jurisdictionSettings.key],
        set: { value, updatedBy: actor.username, updatedAt: sql`now()` },
      });
    await recordAudit(tx, actor, {
      action: 'setting.update',
      targetType: 'jurisdiction_setting',
      targetId: `${jurisdiction.code}:${key}`,
      jurisdictionPath: jurisdiction.path,
      details: { key, value },
    });
  });
  return resolveSetting(db, jurisdiction.path, key);
}
