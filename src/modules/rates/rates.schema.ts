import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { CRITERIA } from './rule-sets.logic.js';

const ZCriterion = z
  .enum(CRITERIA)
  .describe(
    'claimRatioPct 支缴率 % | incidencePerMille 工伤发生率 ‰ per person-year | injuries count in the cycle | incidenceRelativePct incidence ÷ the class’s, %',
  );
const ZBand = z.object({
  from: z.number().min(0).describe('Lower bound (the first band includes it, later ones do not)'),
  to: z.number().min(0).nullable().describe('Upper bound, inclusive; null: open-ended'),
});

export const ZRuleDefinition = z
  .object({
    cycleYears: z.number().int().describe('Years of record a rate is decided on (1–3, 71号)'),
    classes: z
      .array(
        z.object({
          riskClass: z.number().int().describe('Risk class 1–8'),
          baseRateBp: z.number().int().describe('Base rate in basis points (0.01 %), e.g. 130 = 1.3 %'),
          tiersPct: z.array(z.number().int()).describe('Multipliers the class may take, % of base'),
        }),
      )
      .describe('Base rate and tiers of each class'),
    classTable: z.record(z.string(), z.number().int()).describe('GB/T 4754-2017 division → risk class'),
    ladders: z
      .array(
        z.object({
          classes: z
            .array(z.number().int())
            .describe('Classes this ladder rates; a class without one does not float'),
          when: ZBand.extend({ criterion: ZCriterion })
            .optional()
            .describe('The ladder applies only when this criterion lies in the band'),
          criterion: ZCriterion,
          bands: z.array(ZBand.extend({ multiplierPct: z.number().int().describe('% of base') })),
        }),
      )
      .describe('Criteria with thresholds and the tier each band gives'),
    disqualifiers: z
      .array(
        z.object({
          kind: z
            .enum(['death', 'arrears', 'disease', 'hazard'])
            .describe(
              'A death, arrears or an occupational disease in the cycle, or a hazard or over-limit factor not rectified by its deadline',
            ),
          effect: z.literal('no_decrease').describe('No floating below base'),
        }),
      )
      .describe('Conditions that stop floating down'),
    floorBp: z.number().int().nullable().describe('Floor of the rate in basis points; null: none'),
    capBp: z.number().int().nullable().describe('Cap of the rate in basis points; null: none'),
    credibility: z
      .object({
        method: z
          .enum(['none', 'poisson_gamma'])
          .describe('poisson_gamma: incidence credibility-weighted (decision 0029)'),
        k: z
          .number()
          .nullable()
          .describe('Credibility constant in person-years; null: estimated from the pool'),
      })
      .describe('Credibility weighting of incidence criteria'),
  })
  .meta({ id: 'RateRuleDefinition' });

export const ZRuleSetInput = z.object({
  jurisdiction: ZJurisdictionCode.describe('The pooling jurisdiction (统筹地区)'),
  name: z.string().trim().min(1).max(200).describe('Name of the rule set'),
  note: z.string().trim().max(2000).nullable().optional().describe('Source, intent, what was changed'),
  effectiveFrom: z.iso.date().describe('Date the rates apply from'),
  definition: ZRuleDefinition,
  /** From a shipped example: marked as such until its name is changed (see `isExample`). */
  fromExample: z.string().optional().describe('Key of the shipped example it starts from, when it does'),
});

export const ZRuleSetUpdate = ZRuleSetInput.omit({ jurisdiction: true, fromExample: true });

export const ZRuleSet = z
  .object({
    id: z.number(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    version: z.number().describe('Version within the pooling jurisdiction'),
    name: z.string(),
    isExample: z.boolean().describe('A shipped example to adapt, not an official method'),
    note: z.string().nullable(),
    status: z.enum(['draft', 'reviewed', 'adopted', 'superseded']),
    effectiveFrom: z.string(),
    definition: ZRuleDefinition,
    createdAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedByOrganisation: z.string().nullable().describe('The finance unit that reviewed it'),
    reviewNote: z.string().nullable(),
    adoptedAt: z.string().nullable(),
    supersededAt: z.string().nullable(),
  })
  .meta({ id: 'RateRuleSet' });

export const ZRuleSetList = z
  .object({
    total: z.number(),
    items: z.array(ZRuleSet.omit({ definition: true })),
  })
  .meta({ id: 'RateRuleSetList' });

export const ZExample = z
  .object({
    key: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    noteZh: z.string(),
    noteEn: z.string(),
    definition: ZRuleDefinition,
  })
  .meta({ id: 'RateRuleSetExample' });

export const ZReviewInput = z.object({
  decision: z.enum(['approve', 'return']).describe('approve: reviewed; return: back to draft'),
  note: z.string().trim().max(2000).optional().describe('The finance unit’s comment'),
});

export const ZRunInput = z.object({
  jurisdiction: ZJurisdictionCode.describe('The area rated (the pooling jurisdiction or a prefecture in it)'),
  rateYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe('Year the new rates apply; the cycle is the years before'),
});

const ZFigures = z.object({
  premiumsPaidFen: z.number().nullable().describe('Premiums paid over the cycle; null: a year has no record'),
  benefitsPaidFen: z.number(),
  claimRatioPct: z.number().nullable().describe('支缴率 %'),
  injuries: z.number(),
  deaths: z.number(),
  diseases: z.number(),
  arrearsFen: z.number(),
  personYears: z.number().nullable(),
  incidencePerMille: z.number().nullable(),
  credibility: z
    .object({
      z: z.number(),
      classPerMille: z.number(),
      shrunkPerMille: z.number(),
      k: z.number().nullable(),
    })
    .nullable(),
  incidenceRelativePct: z.number().nullable(),
  missingYears: z.array(z.number()),
});

export const ZRatingStatus = z
  .enum(['rated', 'not_floating', 'short_insurance', 'missing_premiums', 'missing_headcount', 'unclassified'])
  .describe(
    'rated | class does not float | insured < cycle (base) | premiums missing | headcount missing | no class',
  );

export const ZAssignment = z
  .object({
    id: z.number(),
    runId: z.number(),
    employerId: z.number(),
    employerName: z.string(),
    jurisdictionName: z.string(),
    status: ZRatingStatus,
    riskClass: z.number().nullable(),
    baseRateBp: z.number().nullable(),
    multiplierPct: z.number().nullable(),
    /** In 0.0001 % (1.95 % = 19500). */
    rateMicro: z.number().nullable().describe('Rate in 0.0001 % (19500 = 1.95 %)'),
    projectedMultiplierPct: z.number().nullable(),
    projectedRateMicro: z.number().nullable().describe('The next cycle’s rate if the record stays as it is'),
    correctedMultiplierPct: z.number().nullable(),
    correctedRateMicro: z.number().nullable().describe('Rate corrected on appeal'),
    wageBillFen: z.number().nullable(),
    figures: ZFigures,
    rationaleZh: z.string(),
    rationaleEn: z.string(),
    projectedRationaleZh: z.string().nullable(),
    projectedRationaleEn: z.string().nullable(),
  })
  .meta({ id: 'RateAssignment' });

export const ZRunSummary = z.object({
  employers: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byTier: z.record(z.string(), z.number()).describe('Rated employers per multiplier %'),
  up: z.number().describe('Rated above base'),
  down: z.number().describe('Rated below base'),
  incomeAtBaseFen: z.number().describe('Premium income if every rated employer paid its base rate'),
  incomeAtNewFen: z.number().describe('Premium income at the new rates'),
});

export const ZRun = z
  .object({
    id: z.number(),
    ruleSetId: z.number(),
    ruleSetName: z.string(),
    isExample: z.boolean(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    rateYear: z.number(),
    cycleFromYear: z.number(),
    cycleToYear: z.number(),
    ranAt: z.string(),
    supersededAt: z.string().nullable(),
    summary: ZRunSummary,
  })
  .meta({ id: 'RateRun' });

export const ZRunList = z.object({ items: z.array(ZRun) }).meta({ id: 'RateRunList' });

export const ZAssignmentQuery = z.object({
  status: ZRatingStatus.optional(),
  search: z.string().trim().max(100).optional().describe('Part of the employer’s name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZAssignmentPage = z
  .object({ total: z.number(), items: z.array(ZAssignment) })
  .meta({ id: 'RateAssignmentPage' });

export const ZAppeal = z
  .object({
    id: z.number(),
    assignmentId: z.number(),
    employerId: z.number(),
    employerName: z.string(),
    reason: z.string(),
    status: z.enum(['submitted', 'upheld', 'dismissed']),
    submittedAt: z.string(),
    decisionNote: z.string().nullable(),
    correctedMultiplierPct: z.number().nullable(),
    decidedAt: z.string().nullable(),
    files: z.array(z.object({ id: z.number(), fileName: z.string(), sizeBytes: z.number() })),
  })
  .meta({ id: 'RateAppeal' });

export const ZAppealList = z.object({ items: z.array(ZAppeal) }).meta({ id: 'RateAppealList' });

export const ZAppealInput = z.object({
  reason: z.string().trim().min(1).max(4000).describe('Why the employer contests its rate'),
});

export const ZAppealDecision = z.object({
  decision: z.enum(['upheld', 'dismissed']).describe('upheld: the rate is corrected; dismissed: it stands'),
  note: z.string().trim().min(1).max(4000).describe('The reasons of the decision'),
  correctedMultiplierPct: z.number().int().optional().describe('For upheld: the corrected tier, % of base'),
});

export const ZNotice = z
  .object({
    assignment: ZAssignment,
    run: ZRun,
    appeals: z.array(ZAppeal),
  })
  .meta({ id: 'RateNotice' });

export const ZAttachSimulationInput = z.object({
  meetingId: z.number().int().positive().describe('A draft or scheduled meeting of the actor’s scope'),
  rateYear: z.number().int().min(2000).max(2100).describe('Year the rates would apply'),
});

export const ZSimulationQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional().describe('Area simulated; default the pooling jurisdiction'),
  rateYear: z.coerce.number().int().min(2000).max(2100).describe('Year the rates would apply'),
});

const ZSide = z.object({
  ruleSetId: z.number().nullable(),
  name: z.string().nullable(),
  byTier: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
  incomeFen: z.number().describe('Premium income: wage bill × rate over rated employers'),
  incomeByClass: z.record(z.string(), z.number()),
  incomeByPrefecture: z.record(z.string(), z.number()),
  balanceRatio: z
    .number()
    .nullable()
    .describe('Premium income ÷ the fund’s benefit expenditure of the latest year (收支比)'),
});

export const ZSimulation = z
  .object({
    rateYear: z.number(),
    employers: z.number(),
    benefitExpenditureFen: z.number().nullable().describe('The fund’s latest yearly benefit expenditure'),
    fundYear: z.number().nullable(),
    draft: ZSide,
    adopted: ZSide,
    movers: z
      .array(
        z.object({
          employerId: z.number(),
          employerName: z.string(),
          prefecture: z.string(),
          riskClass: z.number().nullable(),
          adoptedRateMicro: z.number().nullable(),
          draftRateMicro: z.number().nullable(),
          changeFen: z.number().describe('Premium at the draft rate minus at the adopted rate'),
        }),
      )
      .describe('Employers whose premium moves the most'),
  })
  .meta({ id: 'RateSimulation' });

/** The stable shape the scorecard and the yearly report read (see describeRateFloating). */
export const ZRateFloatingEffect = z
  .object({
    jurisdictionCode: z.string(),
    year: z.number(),
    ran: z.boolean().describe('Whether floating ran for rates of this year in the area'),
    runId: z.number().nullable(),
    ruleSetName: z.string().nullable(),
    isExample: z.boolean().nullable(),
    employers: z.number(),
    rated: z.number(),
    up: z.number(),
    down: z.number(),
    atBase: z.number(),
    notRated: z.number(),
    incomeAtBaseFen: z.number(),
    incomeAtNewFen: z.number(),
    appeals: z.number(),
    appealsUpheld: z.number(),
  })
  .meta({ id: 'RateFloatingEffect' });

export type RuleSetInput = z.infer<typeof ZRuleSetInput>;
export type RuleSetUpdate = z.infer<typeof ZRuleSetUpdate>;
export type AssignmentQuery = z.infer<typeof ZAssignmentQuery>;
export type RateFloatingEffect = z.infer<typeof ZRateFloatingEffect>;
