import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** The exchange's per-jurisdiction settings (settings module: nearest ancestor wins). */

/**
 * Largest file one upload may carry (issue 13 item 9): the body limit of the upload route. 1 GiB
 * holds a province's yearly file of about 5 million rows; split larger files.
 */
export const UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
/** Body limit of the JSON submission (at most 10,000 rows a call). */
export const JSON_SUBMIT_MAX_BYTES = 16 * 1024 * 1024;

/** A byte count for a message: 1 GiB, 16 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
  return `${bytes} B`;
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

export const ZEmbeddedLimit = z.object({
  /** Most rows one file may hold in the embedded database (PGlite); larger files are refused. */
  maxRows: z.number().int().min(1),
});
export type EmbeddedLimit = z.infer<typeof ZEmbeddedLimit>;

/**
 * The embedded database (PGlite) has one connection: a batch's merge transaction holds every other
 * request until it commits. Files larger than this are refused before their import, pointing to
 * PostgreSQL (docs/decisions/0016). 20,000 rows merge in about a second there (the slowest domain,
 * injuries, merged ~22,000 rows/s at province scale). Ignored on PostgreSQL.
 */
export const EMBEDDED_LIMIT_SETTING = defineSetting({
  key: 'exchange.embeddedLimit',
  module: 'exchange',
  schema: ZEmbeddedLimit,
  default: { maxRows: 20_000 },
  description: {
    zh: '嵌入式数据库（PGlite）模式下单个文件的最大行数；超过的文件在导入前即被拒绝，须改用 PostgreSQL',
    en: 'Most rows one file may hold in embedded-database (PGlite) mode; larger files are refused before import and need PostgreSQL',
  },
});

export const EXCHANGE_SETTINGS = {
  plausibility: PLAUSIBILITY_SETTING,
  correction: CORRECTION_SETTING,
  embeddedLimit: EMBEDDED_LIMIT_SETTING,
};
