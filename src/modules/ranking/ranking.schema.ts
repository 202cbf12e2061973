import { z } from 'zod';
import { ZYearBasis } from '../facts/counting.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZYear = z.coerce.number().int().min(1990).max(2100);

/** How the rate is counted: the request's parameters, shown beside every figure. */
export const ZCountingOptions = z.object({
  yearBasis: ZYearBasis.default('determined'),
  counting: z
    .enum(['cases', 'persons'])
    .default('cases')
    .describe(
      'cases: 人次 (a worker injured twice counts twice) | persons: distinct workers within the employer, industry or area',
    ),
  grounds: z
    .enum(['all', 'determined', 'production'])
    .default('all')
    .describe(
      'all: every ground 14-1…15-3 | determined: 认定 only (14-*) without 视同 (15-*) | production: 生产性工伤 14-1…14-4',
    ),
  denominator: z
    .enum(['insured', 'paying'])
    .default('insured')
    .describe('insured: average insured persons | paying: average paying persons (insured_headcounts)'),
});

export const ZRankingQuery = ZCountingOptions.extend({
  jurisdiction: ZJurisdictionCode.optional().describe('Default: your own jurisdiction'),
  year: ZYear.optional().describe('Default: the latest year with headcount data'),
});

export const ZIndustryRankingQuery = ZRankingQuery.extend({
  level: z
    .enum(['division', 'key'])
    .default('division')
    .describe('division: GB/T 4754 division (2 digits) | key: the plan period’s key industries'),
  sort: z.enum(['rate', 'count']).default('rate'),
});

export const ZEnterpriseRankingQuery = ZRankingQuery.extend({
  sort: z
    .enum(['shrunk', 'raw', 'count'])
    .default('shrunk')
    .describe('shrunk: credibility-weighted rate (default) | raw: the employer’s own rate | count'),
  division: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Only employers of this GB/T 4754 division'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Top rows returned (at most 500)'),
});

const ZRankingHeader = {
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  options: ZCountingOptions.required(),
};

export const ZIndustryRanking = z
  .object({
    ...ZRankingHeader,
    level: z.enum(['division', 'key']),
    planPeriod: z.string().describe('The plan period whose key-industry list applies to the year'),
    items: z.array(
      z.object({
        rank: z.number().int(),
        code: z.string().describe('GB/T 4754 division, or the key industry’s id'),
        name: z.string(),
        employers: z.number().int().describe('Employers with a denominator or a case in the year'),
        exposure: z.number().int().describe('Sum of the denominator over the industry’s employers'),
        cases: z.number().int().describe('Numerator over every employer of the industry'),
        unratedCases: z.number().int().describe('Cases of employers without a denominator in the year'),
        ratePer1000: z
          .number()
          .nullable()
          .describe('Rated cases ÷ exposure × 1,000; null when exposure is 0'),
      }),
    ),
  })
  .meta({ id: 'IndustryRanking' });

export const ZCredibilityMethod = z
  .object({
    name: z.literal('poisson-gamma-eb').describe('Poisson–gamma empirical Bayes, method of moments'),
    k: z
      .number()
      .nullable()
      .describe(
        'Credibility constant in insured persons: Z = exposure / (exposure + k); null when the data show no variance beyond chance (Z = 0)',
      ),
    overallRatePer1000: z.number().nullable(),
    priorVariancePer1000Sq: z
      .number()
      .nullable()
      .describe('Between-employer variance of true rates around their industry rate, (‰)²'),
    employersRated: z.number().int(),
    kFromYear: z
      .number()
      .int()
      .describe(
        'First year of the data k was estimated from: the ranked year, or three years back when one year shows no difference beyond chance',
      ),
    kToYear: z.number().int().describe('Last year of the data k was estimated from (the ranked year)'),
    weightsZeroBecause: z
      .enum(['too_few_employers', 'no_cases', 'chance'])
      .nullable()
      .describe(
        'Why every credibility weight is 0 (k null), else null: too_few_employers (no industry has two rated employers), no_cases (no rated employer has a case), chance (over one and three years the employers differ no more than chance makes them differ). Every employer then carries its industry rate; equal rates are ordered by the employer’s own rate, then its cases',
      ),
  })
  .meta({ id: 'CredibilityMethod' });

export const ZAdoptionSummary = z.object({
  id: z.number().int(),
  adoptedAt: z.string(),
  adoptedBy: z.string(),
  adoptedByName: z.string(),
  reason: z.string(),
  employers: z.number().int(),
});

export const ZEnterpriseRankingRow = z
  .object({
    rank: z.number().int(),
    employerId: z.number().int(),
    name: z.string(),
    creditCode: z.string().nullable(),
    industryCode: z.string().nullable(),
    division: z.string().describe('GB/T 4754 division, empty when the employer has no industry'),
    divisionName: z.string().nullable(),
    jurisdictionName: z.string(),
    exposure: z.number().int().nullable().describe('The denominator; null without a headcount row'),
    cases: z.number().int(),
    rawRatePer1000: z.number().nullable(),
    credibility: z.number().nullable().describe('Z = exposure / (exposure + k), 0…1'),
    industryRatePer1000: z.number().nullable(),
    shrunkRatePer1000: z
      .number()
      .nullable()
      .describe('Z × raw + (1 − Z) × industry rate = (cases + k·r_ind) / (exposure + k)'),
    isAdopted: z.boolean().describe('In the standing adoption of this jurisdiction and year'),
  })
  .meta({ id: 'EnterpriseRankingRow' });

export const ZEnterpriseRanking = z
  .object({
    ...ZRankingHeader,
    method: ZCredibilityMethod,
    total: z.number().int().describe('Ranked employers (before the limit)'),
    items: z.array(ZEnterpriseRankingRow),
    currentAdoption: ZAdoptionSummary.nullable().describe(
      'The standing adoption of this jurisdiction and year, if any',
    ),
  })
  .meta({ id: 'EnterpriseRanking' });

export const ZAdoptionInput = ZCountingOptions.extend({
  jurisdictionCode: ZJurisdictionCode.describe('The joint meeting’s jurisdiction (within your scope)'),
  year: z.number().int().min(1990).max(2100).describe('The data year ranked'),
  top: z.number().int().min(1).max(500).optional().describe('Adopt the top N by credibility-weighted rate'),
  employerIds: z
    .array(z.number().int().positive())
    .min(1)
    .max(500)
    .optional()
    .describe('Or adopt this selection of ranked employers'),
  reason: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .describe('The meeting’s decision, e.g. 2026年第一次联席会议纪要; required again when replacing'),
});

export const ZAdoption = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    year: z.number().int(),
    method: z.string(),
    parameters: z.record(z.string(), z.unknown()),
    reason: z.string(),
    adoptedBy: z.string(),
    adoptedByName: z.string(),
    adoptedAt: z.string(),
    supersededAt: z.string().nullable(),
    supersededById: z.number().int().nullable(),
    items: z.array(
      z.object({
        employerId: z.number().int(),
        name: z.string(),
        creditCode: z.string().nullable(),
        rank: z.number().int(),
        cases: z.number().int(),
        exposure: z.number().int(),
        rawRatePer1000: z.number().nullable(),
        credibility: z.number().nullable(),
        industryRatePer1000: z.number().nullable(),
        shrunkRatePer1000: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Adoption' });

export const ZAdoptionList = z.object({ items: z.array(ZAdoption) }).meta({ id: 'AdoptionList' });

export type CountingOptions = z.infer<typeof ZCountingOptions>;
