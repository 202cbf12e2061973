import { z } from 'zod';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

/** The counting rules a page's figures were made by (facts module), with their label. */
export const ZCountingUsed = z
  .object({
    yearBasis: z.enum(['determined', 'occurred']),
    countUnit: z.enum(['cases', 'persons']),
    groundScope: z.enum(['all', 'determined', 'production']),
    label: z.string().describe('e.g. 人次，全部认定及视同情形，按认定年度'),
  })
  .meta({ id: 'CountingUsed' });

export const ZPlanPeriod = z
  .object({
    id: z.number().int(),
    code: z.string().describe('e.g. 2021-2025'),
    name: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    baselineYear: z.number().int(),
    targetReductionPct: z.number().describe('Key-industry accident-rate reduction over the period, percent'),
    annualReductionPct: z.number().nullable().describe('Minimum yearly reduction, percent; null if none'),
    source: z.string(),
  })
  .meta({ id: 'PlanPeriod' });

export const ZKeyIndustryCategory = z
  .enum(['key', 'dust'])
  .describe('key 重点行业 | dust 尘肺病易发高发行业');

export const ZKeyIndustry = z
  .object({
    id: z.number().int(),
    category: ZKeyIndustryCategory,
    name: z.string(),
    industryPrefixes: z.array(z.string()).describe('GB/T 4754-2017 code prefixes'),
    jurisdictionCode: z
      .string()
      .nullable()
      .describe('Null: the national list; otherwise added for this jurisdiction and below'),
    jurisdictionName: z.string().nullable(),
    source: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'KeyIndustry' });

export const ZKeyIndustryList = z
  .object({ planPeriod: ZPlanPeriod, items: z.array(ZKeyIndustry) })
  .meta({ id: 'KeyIndustryList' });

export const ZKeyIndustryInput = z.object({
  planPeriod: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .describe('Plan period code, e.g. 2026-2030'),
  category: ZKeyIndustryCategory,
  name: z.string().trim().min(2).max(30).describe('Industry name as the plan words it, e.g. 即时配送'),
  industryPrefixes: z
    .array(z.string().trim())
    .min(1)
    .max(30)
    .describe('GB/T 4754 code prefixes (2–4 digits)'),
  jurisdictionCode: ZJurisdictionCode.describe(
    'Applies to this jurisdiction and those below (within your scope)',
  ),
  source: z.string().trim().min(2).max(200).describe('The document or meeting that decided it'),
});

export const ZLedgerQuery = ZPageQuery.extend({
  jurisdiction: ZJurisdictionCode.optional(),
  planPeriod: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
  keyIndustryId: z.coerce.number().int().positive().optional(),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('Default: the latest year with headcount data'),
  insuranceStatus: z.enum(['insured', 'uninsured', 'suspended']).optional(),
  search: z.string().trim().max(50).optional().describe('Part of the name or credit code'),
  adoptedOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: only employers the joint meeting adopted for the year (AN-3)'),
  sort: z.enum(['injuries', 'rate', 'insured', 'name', 'insuredShare']).default('injuries'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const ZLedgerRow = z
  .object({
    id: z.number().int(),
    name: z.string(),
    creditCode: z.string().nullable(),
    industryCode: z.string().nullable(),
    keyIndustries: z.string().describe('Which listed industries it belongs to'),
    sizeBand: z.string().nullable(),
    insuranceStatus: z.string().nullable(),
    isPending: z.boolean().describe('Created from an exchange row, awaiting review'),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    averageInsured: z.number().nullable(),
    employees: z.number().nullable(),
    insuredShare: z.number().nullable().describe('Average insured ÷ workforce, percent'),
    injuries: z
      .number()
      .int()
      .describe(
        "Injury determinations of the year, counted by the jurisdiction's counting rules (see counting)",
      ),
    deaths: z.number().int().describe('Distinct persons with a death determination'),
    fundExpenditureFen: z.number().int(),
    ratePer1000: z.number().nullable().describe('Injuries per 1,000 average insured; null without headcount'),
    accidents: z.number().int(),
    diseases: z.number().int(),
    pneumoconiosis: z.number().int(),
    adoption: z
      .object({
        rank: z.number().int().describe('Rank in the adopted ranking'),
        adoptedByName: z.string(),
        adoptedIn: z.string().describe('The jurisdiction whose joint meeting adopted it'),
        adoptedAt: z.string(),
      })
      .nullable()
      .describe('The joint meeting’s standing adoption of this employer for the year (AN-3), if any'),
  })
  .meta({ id: 'LedgerRow' });

export const ZLedger = z
  .object({
    year: z.number().int(),
    counting: ZCountingUsed,
    planPeriod: z.string(),
    category: ZKeyIndustryCategory,
    total: z.number().int(),
    items: z.array(ZLedgerRow),
  })
  .meta({ id: 'Ledger' });

export const ZMonitoring = z
  .object({
    year: z.number().int(),
    counting: ZCountingUsed,
    threshold: z.number().int().describe('Determinations in the year that put an employer on the list'),
    thresholdDefinedAt: z
      .string()
      .nullable()
      .describe('Jurisdiction whose setting applies; null: the default'),
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        creditCode: z.string().nullable(),
        industryCode: z.string().nullable(),
        insuranceStatus: z.string().nullable(),
        jurisdictionCode: z.string(),
        jurisdictionName: z.string(),
        injuries: z.number().int(),
        deaths: z.number().int(),
        averageInsured: z.number().nullable(),
        reasons: z.array(
          z.object({
            code: z.enum(['not_insured', 'suspended', 'frequent_injuries']),
            injuries: z.number().int().optional(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Monitoring' });

const ZCount = z.object({ key: z.string(), count: z.number().int() });

export const ZSharedPicture = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    counting: ZCountingUsed,
    injuries: z.object({
      count: z.number().int().describe('Under the counting rules (人次 or persons)'),
      cases: z.number().int().describe('Determinations (人次)'),
      persons: z.number().int().describe('Distinct persons'),
      deaths: z.number().int(),
      serious: z.number().int(),
      fundExpenditureFen: z.number().int(),
      previousYearCases: z.number().int(),
    }),
    byCategory: z
      .array(ZCount.extend({ name: z.string().nullable().describe('GB 6441 name of the category') }))
      .describe('GB 6441 accident category (empty key: occupational disease or sudden illness)'),
    byGround: z.array(ZCount).describe('工伤保险条例 article and item'),
    topPosts: z.array(ZCount).describe('High-incidence posts (岗位), top 10'),
    byAgeSex: z
      .array(z.object({ band: z.string(), male: z.number().int(), female: z.number().int() }))
      .describe('Age at the injury, by band'),
    bySeverity: z.array(ZCount.extend({ fundExpenditureFen: z.number().int() })),
    byMonth: z.array(ZCount),
    accidents: z.object({ count: z.number().int(), deaths: z.number().int() }),
    diseases: z.object({ count: z.number().int(), pneumoconiosis: z.number().int() }),
  })
  .meta({ id: 'SharedPicture' });

export const ZSettingInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  value: z.number().int().describe('New value'),
});

export const ZInsuredList = z
  .object({
    employer: z.object({
      id: z.number().int(),
      name: z.string(),
      creditCode: z.string().nullable(),
      industryCode: z.string().nullable(),
      jurisdictionName: z.string(),
    }),
    year: z.number().int().nullable().describe('null: no list submitted for this employer'),
    averageInsured: z.number().nullable(),
    employees: z.number().nullable(),
    total: z.number().int(),
    items: z.array(
      z.object({
        no: z.number().int(),
        name: z.string().describe('Masked, e.g. 张*'),
        idNumber: z.string().describe('Masked, e.g. 350102********123X'),
        insuredFrom: z.string(),
      }),
    ),
  })
  .meta({ id: 'InsuredList' });
