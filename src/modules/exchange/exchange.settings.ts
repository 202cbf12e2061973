import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { jurisdictionSettings } from '../enterprises/enterprises.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';

/**
 * The exchange's per-jurisdiction settings, declared as plain objects so that the settings module
 * can take them over: a key, a zod schema, a default and a description. Until then they are read
 * by `resolveExchangeSetting` below from `jurisdiction_settings` (nearest ancestor wins).
 */
export interface ExchangeSetting<T> {
  key: string;
  schema: z.ZodType<T>;
  default: T;
  description: { zh: string; en: string };
}

const ZAction = z.enum(['reject', 'warn']).describe('reject the row, or accept it with a warning');

export const ZPlausibility = z
  .object({
    /** Youngest plausible age at the injury, in whole years. */
    minAge: z.number().int().min(0).max(100),
    /** Oldest plausible age at the injury, in whole years. */
    maxAge: z.number().int().min(0).max(120),
    ageAction: ZAction,
    /** No date of an injury, accident or diagnosis before this (YYYY-MM-DD). */
    earliestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    earliestDateAction: ZAction,
  })
  .refine((p) => p.minAge <= p.maxAge, { message: 'minAge must not exceed maxAge' });
export type Plausibility = z.infer<typeof ZPlausibility>;

/** Plausibility of injury rows: age at the injury and the earliest date. An injury before birth is always rejected. */
export const PLAUSIBILITY_SETTING: ExchangeSetting<Plausibility> = {
  key: 'exchange.plausibility',
  schema: ZPlausibility,
  default: {
    minAge: 16,
    maxAge: 75,
    ageAction: 'reject',
    earliestDate: '1990-01-01',
    earliestDateAction: 'reject',
  },
  description: {
    zh: '导入数据的合理性：受伤时年龄范围、最早日期，以及超出时拒绝该行还是仅提示',
    en: 'Plausibility of imported rows: age range at the injury, earliest date, and whether a row outside them is rejected or warned about',
  },
};

export const ZCorrection = z.object({
  /** A correction may remove at most this share (percent) of the corrected batch's rows without confirmation. */
  maxRemovedShare: z.number().min(0).max(100),
});
export type Correction = z.infer<typeof ZCorrection>;

/** How much of a corrected batch a correction may remove before it needs an explicit confirmation. */
export const CORRECTION_SETTING: ExchangeSetting<Correction> = {
  key: 'exchange.correction',
  schema: ZCorrection,
  default: { maxRemovedShare: 50 },
  description: {
    zh: '更正批次删除被更正批次行数的比例上限（%），超过须明确确认',
    en: 'Largest share (%) of a corrected batch’s rows that a correction may remove without an explicit confirmation',
  },
};

export const EXCHANGE_SETTINGS = [PLAUSIBILITY_SETTING, CORRECTION_SETTING] as const;

/**
 * A setting at a jurisdiction (`path` of codes, `350000/350100/350102`): the nearest ancestor's row
 * of jurisdiction_settings, else the default. A stored value that no longer fits the schema falls
 * back to the default rather than failing every import.
 */
export async function resolveExchangeSetting<T>(
  db: Db,
  path: string,
  setting: ExchangeSetting<T>,
): Promise<{ value: T; definedAt: string | null }> {
  const codes = path.split('/');
  const rows = await db
    .select({ code: jurisdictions.code, value: jurisdictionSettings.value })
    .from(jurisdictionSettings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionSettings.jurisdictionId))
    .where(and(eq(jurisdictionSettings.key, setting.key), inArray(jurisdictions.code, codes)));
  const nearest = rows.sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
  const parsed = nearest ? setting.schema.safeParse(nearest.value) : null;
  return parsed?.success
    ? { value: parsed.data, definedAt: nearest?.code ?? null }
    : { value: setting.default, definedAt: null };
}
