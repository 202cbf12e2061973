import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { resolveCountingRules } from '../facts/facts.service.js';
import { COUNTING_SETTINGS } from '../facts/facts.settings.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { updateSettings } from '../settings/settings.service.js';
import { indicatorDefinitions } from './analytics.tables.js';
import { type Axis, type CountingOptions, ELEMENTS, SOURCE_DIMENSIONS } from './elements.js';
import { BUILT_IN_INDICATORS } from './indicators.data.js';

export type IndicatorRow = typeof indicatorDefinitions.$inferSelect;

/** Loads the built-in indicator definitions (reference data, once; later edits are kept). */
export async function loadIndicators(db: Db): Promise<void> {
  await db
    .insert(indicatorDefinitions)
    .values(
      BUILT_IN_INDICATORS.map((i) => ({
        ...i,
        factor: String(i.factor),
        isBuiltIn: true,
        createdBy: 'reference-data',
      })),
    )
    .onConflictDoNothing();
}

/** Definitions that apply to a jurisdiction: the national ones and those of it and its ancestors. */
function applicable(path: string) {
  return sql`(${indicatorDefinitions.jurisdictionId} is null or ${indicatorDefinitions.jurisdictionId} in (
    select id from jurisdictions where code in (${sql.join(
      path.split('/').map((c) => sql`${c}`),
      sql`, `,
    )})))`;
}

export async function indicatorsFor(db: Db, path: string) {
  return db
    .select()
    .from(indicatorDefinitions)
    .where(applicable(path))
    .orderBy(asc(indicatorDefinitions.sortOrder), asc(indicatorDefinitions.id));
}

export async function listIndicators(db: Db, actor: Actor, jurisdictionCode?: string) {
  const scope = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  return (await indicatorsFor(db, scope.path)).map(toIndicatorDto);
}

export function toIndicatorDto(r: IndicatorRow) {
  return {
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    numerator: r.numerator,
    denominator: r.denominator,
    factor: Number(r.factor),
    unitZh: r.unitZh,
    unitEn: r.unitEn,
    decimals: r.decimals,
    direction: r.direction,
    isBuiltIn: r.isBuiltIn,
    /** Axes every element of the indicator can be broken down by. */
    axes: axesOf(r.numerator),
  };
}

export function axesOf(element: string): Axis[] {
  const e = ELEMENTS[element];
  if (!e) return [];
  const stored = SOURCE_DIMENSIONS[e.source];
  const axes: Axis[] = ['jurisdiction', 'year'];
  if (stored.includes('industry')) axes.push('section', 'industry', 'keyIndustry');
  for (const d of stored) if (d !== 'industry') axes.push(d);
  return axes;
}

export interface IndicatorInput {
  code: string;
  /** The jurisdiction that defines it, for itself and those below it. */
  jurisdictionCode: string;
  nameZh: string;
  nameEn: string;
  numerator: string;
  denominator: string | null;
  factor: number;
  unitZh: string;
  unitEn: string;
  decimals: number;
  direction: 'lower' | 'higher';
}

/** Adds or changes an indicator definition (built-in ones keep their elements). */
export async function saveIndicator(db: Db, actor: Actor, input: IndicatorInput) {
  if (!ELEMENTS[input.numerator])
    throw badRequest('analytics.unknown_element', 'numerator', { element: input.numerator });
  if (input.denominator !== null && !ELEMENTS[input.denominator])
    throw badRequest('analytics.unknown_element', 'denominator', { element: input.denominator });
  const owner = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(indicatorDefinitions)
      .where(eq(indicatorDefinitions.code, input.code));
    if (existing) {
      // A national definition, or another jurisdiction's, is not this officer's to change.
      if (existing.jurisdictionId === null || existing.jurisdictionId !== owner.id)
        throw new AppError(409, 'analytics.indicator_taken', { code: input.code });
    }
    const { jurisdictionCode: _owner, ...fields } = input;
    const values = {
      ...fields,
      factor: String(input.factor),
      jurisdictionId: owner.id,
      createdBy: actor.username,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx
          .update(indicatorDefinitions)
          .set(values)
          .where(eq(indicatorDefinitions.id, existing.id))
          .returning()
      : await tx.insert(indicatorDefinitions).values(values).returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: existing ? 'indicator.update' : 'indicator.create',
      targetType: 'indicator',
      targetId: input.code,
      jurisdictionPath: owner.path,
      details: { before: existing ? toIndicatorDto(existing) : null, after: input },
    });
    return toIndicatorDto(row);
  });
}

export async function findIndicator(db: Db, code: string, path: string): Promise<IndicatorRow> {
  const [row] = await db
    .select()
    .from(indicatorDefinitions)
    .where(and(eq(indicatorDefinitions.code, code), applicable(path)));
  if (!row) throw badRequest('analytics.unknown_indicator', 'indicator', { code });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Counting options: per jurisdiction, inherited down the tree like every setting.

export async function getCounting(db: Db, actor: Actor, jurisdictionCode?: string) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  return { jurisdiction: j.code, ...(await resolveCountingRules(db, j.path)) };
}

/** Sets a jurisdiction's own counting options; they apply below it unless a jurisdiction sets its own. */
export async function updateCounting(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  options: Omit<CountingOptions, 'yearBasis'> & Partial<Pick<CountingOptions, 'yearBasis'>>,
) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode);
  await updateSettings(db, actor, {
    jurisdiction: j,
    changes: (Object.keys(COUNTING_SETTINGS) as (keyof CountingOptions)[])
      .filter((option) => options[option] !== undefined)
      .map((option) => ({ setting: COUNTING_SETTINGS[option], value: options[option], field: option })),
    reason: null,
  });
  return getCounting(db, actor, j.code);
}
