import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { DATASETS } from './open-data.service.js';

const ZBilingual = z.object({ zh: z.string(), en: z.string() });

export const ZDatasetCode = z.enum(DATASETS).describe('The data set');

export const ZOpenDataQuery = z.object({
  /** The area whose figures are published (default: the top of the tree). */
  jurisdiction: ZJurisdictionCode.optional(),
});

export const ZDatasetParams = z.object({
  dataset: ZDatasetCode,
  /** The year and the format: `2025.csv` or `2025.json`. */
  file: z
    .string()
    .regex(/^(20\d\d)\.(csv|json)$/, 'expected <year>.csv or <year>.json, e.g. 2025.csv')
    .describe('<year>.csv or <year>.json'),
});

export const ZDictionaryColumn = z
  .object({
    /** Column name in the CSV header and the JSON rows. */
    name: z.string(),
    type: z.enum(['string', 'integer', 'number', 'boolean']),
    /** Meaning in Chinese. */
    zh: z.string(),
    /** Meaning in English. */
    en: z.string(),
    /** Unit of the figure (分 = fen, 1/100 yuan), or null. */
    unit: z.string().nullable(),
    /** True when small-cell suppression may withhold a value. */
    isSuppressible: z.boolean(),
  })
  .meta({ id: 'OpenDataColumn' });

const ZCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ZDataset = z
  .object({
    dataset: ZDatasetCode,
    title: ZBilingual,
    year: z.number().int(),
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    /** Counts below this are withheld (null here, "<N" in the CSV). */
    threshold: z.number().int(),
    licence: ZBilingual,
    /** The data dictionary: every column of `rows`, in order. */
    columns: z.array(ZDictionaryColumn),
    rows: z.array(z.record(z.string(), ZCell)),
    /** The withheld cells (row index, column name). */
    suppressed: z.array(z.object({ row: z.number().int(), column: z.string() })),
  })
  .meta({ id: 'OpenDataset' });

export const ZDictionary = z.object({
  dataset: ZDatasetCode,
  title: ZBilingual,
  description: ZBilingual,
  columns: z.array(ZDictionaryColumn),
});

export const ZCatalogue = z.object({
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  threshold: z.number().int(),
  licence: ZBilingual,
  datasets: z.array(
    z.object({
      code: ZDatasetCode,
      title: ZBilingual,
      description: ZBilingual,
      columns: z.array(ZDictionaryColumn),
      /** The stable URLs of each offered year. */
      years: z.array(z.object({ year: z.number().int(), csv: z.string(), json: z.string() })),
    }),
  ),
});

export const ZPublicBulletins = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      jurisdiction: z.object({ code: z.string(), name: z.string() }),
      title: z.string(),
      body: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
});
