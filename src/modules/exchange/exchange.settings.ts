import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** The exchange's per-jurisdiction settings (settings module: nearest ancestor wins). */

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
export const PLAUSIBILITY_SETTING = defineSetting({
  key: 'exchange.plausibility',
  module: 'exchange',
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
});

export const ZCorrection = z.object({
  /** A correction may remove at most this share (percent) of the corrected batch's rows without confirmation. */
  maxRemovedShare: z.number().min(0).max(100),
});
export type Correction = z.infer<typeof ZCorrection>;

/** How much of a corrected batch a correction may remove before it needs an explicit confirmation. */
export const CORRECTION_SETTING = defineSetting({
  key: 'exchange.correction',
  module: 'exchange',
  schema: ZCorrection,
  default: { maxRemovedShare: 50 },
  description: {
    zh: '更正批次删除被更正批次行数的比例上限（%），超过须明确确认',
    en: 'Largest share (%) of a corrected batch’s rows that a correction may remove without an explicit confirmation',
  },
});

export const EXCHANGE_SETTINGS = { plausibility: PLAUSIBILITY_SETTING, correction: CORRECTION_SETTING };
