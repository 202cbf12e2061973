import { z } from 'zod';
import { ZYearBasis } from '../facts/counting.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { AXES } from './elements.js';

export const ZAxis = z.enum(AXES);
const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZCountingOptions = z.object({
  yearBasis: ZYearBasis,
  countUnit: z
    .enum(['persons', 'cases'])
    .describe('persons: distinct persons within the area (and group) and year; cases: 人次'),
  groundScope: z
    .enum(['all', 'determined', 'production'])
    .describe('all grounds (14 and 15), 认定 only (14-*), production injuries (14-1…14-4)'),
  denominator: z.enum(['insured', 'paying']).describe('average insured or average paying persons'),
});

const ZOptionalCounting = ZCountingOptions.partial();

/** A jurisdiction's counting options; without a year basis the current one stays. */
export const ZCountingInput = ZCountingOptions.partial({ yearBasis: true });

export const ZIndicator = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    numerator: z.string(),
    denominator: z.string().nullable(),
    factor: z.number(),
    unitZh: z.string(),
    unitEn: z.string(),
    decimals: z.number().int(),
    direction: z.enum(['lower', 'higher']),
    isBuiltIn: z.boolean(),
    axes: z.array(ZAxis),
  })
  .meta({ id: 'Indicator' });

export const ZIndicatorInput = z.object({
  jurisdictionCode: ZJurisdictionCode.describe('The jurisdiction defining it, for itself and those below'),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120),
  numerator: z
    .string()
    .min(1)
    .describe('A data element, e.g. injury.count (see GET /api/analytics/elements)'),
  denominator: z.string().min(1).nullable(),
  factor: z.number().positive().max(1e9),
  unitZh: z.string().max(20).default(''),
  unitEn: z.string().max(40).default(''),
  decimals: z.number().int().min(0).max(6).default(2),
  direction: z.enum(['lower', 'higher']).default('lower'),
});

export const ZElement = z.object({ code: z.string(), source: z.string(), zh: z.string(), en: z.string() });

export const ZQuery = ZOptionalCounting.extend({
  indicator: z.string().min(1),
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional().describe('Default: the latest year with data'),
  fromYear: ZYear.optional().describe('First year when a year axis is used (default: year − 5)'),
  rows: ZAxis.default('jurisdiction'),
  columns: ZAxis.optional(),
  keyIndustries: z
    .union([z.literal('all'), z.coerce.number().int().positive()])
    .optional()
    .describe('Only the key industries of the plan period: all, or one by id'),
  planPeriod: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
});

const ZHeader = z.object({ key: z.string(), label: z.string() });
const ZCell = z.object({
  row: z.string(),
  column: z.string(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable().describe('null when the denominator is zero (shown as —)'),
});

/** Committed batches whose figures are not in the cells yet: every answer from the cells says so. */
export const ZRefreshing = z
  .object({
    batches: z.number().int(),
    since: z.string().nullable().describe('When the oldest of them committed (ISO 8601)'),
  })
  .describe(
    'Committed batches of this jurisdiction, above or below it, whose figures are still being brought up to date: the figures shown do not include them yet',
  )
  .meta({ id: 'Refreshing' });

export const ZQueryResult = z
  .object({
    refreshing: ZRefreshing,
    indicator: ZIndicator,
    definition: z.string(),
    options: ZCountingOptions,
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    planPeriod: z.string(),
    years: z.array(z.number().int()),
    partialYears: z.array(z.number().int()),
    rows: z.object({ axis: ZAxis, items: z.array(ZHeader) }),
    columns: z.object({ axis: ZAxis, items: z.array(ZHeader) }).nullable(),
    measure: z
      .enum(['rate', 'share'])
      .describe(
        "rate: each cell divides by its own group's denominator | share: the denominator has no such breakdown (sex, age band, post, accident category), so each cell is the group's share of the cases in % (numerator ÷ the cases of its group); the total is always the overall figure",
      ),
    listed: z
      .object({
        employers: z
          .number()
          .int()
          .describe('Employers of the area that filed an insured-person list of the year(s)'),
        cells: z.array(ZCell),
      })
      .nullable()
      .describe(
        'With measure "share" by sex or age band: the rate over the insured-person lists (参保人员名单) — those employers\' injuries over their listed insured, by the same cells; null when no list was filed',
      ),
    cells: z.array(ZCell),
    total: ZCell,
    notes: z.array(z.string()),
  })
  .meta({ id: 'QueryResult' });

export const ZDashboardQuery = ZOptionalCounting.extend({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
  indicator: z.string().default('injury_rate_per_1000'),
});

export const ZDashboard = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    year: z.number().int(),
    partial: z.boolean(),
    options: ZCountingOptions,
    refreshing: ZRefreshing,
    headline: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        decimals: z.number().int(),
        direction: z.enum(['lower', 'higher']),
        definition: z.string(),
        value: z.number().nullable(),
        previous: z.number().nullable(),
        changePct: z.number().nullable(),
      }),
    ),
    main: z.object({
      indicator: ZIndicator,
      definition: z.string(),
      children: z.array(ZCell.extend({ label: z.string() })),
      trend: z.array(ZCell.extend({ label: z.string(), partial: z.boolean() })),
    }),
  })
  .meta({ id: 'Dashboard' });

const ZPoint = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  required: z.number().nullable(),
  partial: z.boolean(),
});
const ZProjection = z
  .object({
    year: z.number().int(),
    value: z.number(),
    low: z.number(),
    high: z.number(),
    annualChangePct: z.number(),
    points: z.number().int(),
  })
  .nullable();
const ZAssessment = z.object({
  code: z.string(),
  name: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  latestYear: z.number().int().nullable(),
  latest: z.number().nullable(),
  latestProvisional: z
    .boolean()
    .describe(
      'The latest is the current, incomplete year scaled to a whole year (暂估): no complete year yet',
    ),
  changePct: z.number().nullable(),
  requiredLatest: z.number().nullable(),
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_baseline', 'not_started']),
  projection: ZProjection,
  series: z.array(ZPoint),
});

export const ZTargetsQuery = ZOptionalCounting.extend({
  jurisdiction: ZJurisdictionCode.optional(),
  planPeriod: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
});

export const ZTargets = z
  .object({
    refreshing: ZRefreshing,
    planPeriod: z.object({
      code: z.string(),
      name: z.string(),
      baselineYear: z.number().int(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      targetReductionPct: z.number(),
      annualReductionPct: z.number().nullable(),
      targetsDefinedAt: z.string().nullable(),
      targetsSource: z
        .string()
        .nullable()
        .describe('The plan clause the targets quote (the province’s own plan, else the national one)'),
    }),
    definition: z.string(),
    options: ZCountingOptions,
    jurisdiction: ZAssessment,
    children: z.array(ZAssessment),
    pneumoconiosis: z.object({
      definition: z.string(),
      series: z.array(
        z.object({ year: z.number().int(), value: z.number().nullable(), partial: z.boolean() }),
      ),
      projection: ZProjection,
    }),
  })
  .meta({ id: 'Targets' });

export const ZCounting = ZCountingOptions.extend({
  jurisdiction: z.string(),
  definedAt: z.object({
    yearBasis: z.string().nullable(),
    countUnit: z.string().nullable(),
    groundScope: z.string().nullable(),
    denominator: z.string().nullable(),
  }),
}).meta({ id: 'Counting' });

export const ZTargetsInput = z.object({
  planPeriod: z.string().regex(/^\d{4}-\d{4}$/),
  targetReductionPct: z.number().min(0).max(100).describe('Reduction over the period, percent (20 = −20 %)'),
  annualReductionPct: z.number().min(0).max(100).nullable().describe('Minimum yearly reduction, percent'),
  reason: z.string().trim().min(2).max(500).describe('Why (e.g. the provincial plan document)'),
});

export const ZTargetsSetting = z.object({
  jurisdiction: z.string(),
  planPeriod: z.string(),
  targetReductionPct: z.number(),
  annualReductionPct: z.number().nullable(),
  definedAt: z.string().nullable(),
});
