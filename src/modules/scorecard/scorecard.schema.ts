import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZYear = z.coerce.number().int().min(2000).max(2100).describe('Assessment year');

export const ZScorecardQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional().describe(
    'The assessing jurisdiction (its subordinates are scored); default the caller’s',
  ),
  year: ZYear,
});

export const ZScoringRule = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('linear'),
      fullAt: z.number().describe('The value that earns the whole weight; less earns its share'),
    }),
    z.object({
      kind: z.literal('atLeast'),
      threshold: z.number().describe('All at or above, nothing below'),
    }),
    z.object({ kind: z.literal('atMost'), threshold: z.number().describe('All at or below, nothing above') }),
    z.object({
      kind: z.literal('levels'),
      levels: z
        .record(z.string(), z.number().min(0).max(1))
        .describe('Share (0…1) of the weight per category'),
    }),
  ])
  .describe('How a measured value becomes a share of the weight');

export const ZRuleSet = z
  .object({
    totalWeight: z.number().positive().describe('What the weights must add up to (e.g. 100)'),
    fundAccountsClosedBy: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD')
      .describe('MM-DD by which the fund’s final accounts (年度决算) are done each year'),
    indicators: z
      .array(
        z.object({
          indicator: z.string().min(1).describe('Indicator key (see the scorecard’s indicator list)'),
          weight: z.number().positive().describe('Its weight in the total'),
          rule: ZScoringRule,
        }),
      )
      .min(1)
      .max(40)
      .describe('The indicators assessed, with weights and scoring rules'),
  })
  .meta({ id: 'ScorecardRuleSet' });

export const ZRuleSetView = z.object({
  jurisdictionCode: z.string(),
  year: z.number(),
  ruleSet: ZRuleSet,
  definedAt: z.string().nullable().describe('Where the rule set is stored (a code), or null for the default'),
});

export const ZRuleSetInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  year: ZYear,
  ruleSet: ZRuleSet,
});

export const ZSignOffInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  year: ZYear,
  note: z.string().max(2000).nullish().describe('A note stored with the signed-off assessment'),
});

const ZLink = z
  .object({ path: z.string(), query: z.record(z.string(), z.string()) })
  .describe('The records behind the figure: a page of the web app and its filter');

export const ZScorecard = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    year: z.number(),
    asOf: z.string().describe('The day the figures are measured at (the year’s end, or today)'),
    status: z.enum(['live', 'signed']).describe('live: computed now; signed: the stored, frozen snapshot'),
    signedAt: z.string().nullable(),
    signedBy: z.string().nullable(),
    note: z.string().nullable(),
    ruleSet: ZRuleSet,
    ruleSetDefinedAt: z.string().nullable(),
    indicators: z.array(
      z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), weight: z.number() }),
    ),
    units: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.string(),
        rank: z
          .number()
          .nullable()
          .describe('1 = best; equal totals share a rank; null when nothing is assessed'),
        total: z.number().nullable().describe('Score re-based on the assessed weights, out of totalWeight'),
        assessedWeight: z.number().describe('Sum of the weights of the indicators assessed'),
        rawScore: z.number().describe('Sum of the scores before re-basing'),
        items: z.array(
          z.object({
            indicator: z.string(),
            weight: z.number(),
            assessed: z.boolean().describe('false: 不参与考核 (the module has no records or use here)'),
            value: z.union([z.number(), z.string()]).nullable(),
            display: z.string(),
            reason: z.string().nullable(),
            score: z.number().nullable(),
            link: ZLink,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Scorecard' });

export const ZIndicatorList = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      module: z.string().describe('The module whose records measure it'),
      valueKind: z.enum(['number', 'category']),
      categories: z.array(z.string()).optional(),
      unitZh: z.string(),
    }),
  ),
  defaultRuleSet: ZRuleSet,
});
