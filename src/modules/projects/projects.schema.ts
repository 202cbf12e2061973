import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { PROJECT_STATUSES } from './projects.tables.js';

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');
const ZFen = z.number().int().describe('Amount in fen (分), integer');
const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZProjectStatus = z
  .enum(PROJECT_STATUSES)
  .describe(
    'declared 已申报 | reviewing 评审中 | reviewed 已评审 | approved 已立项 | rejected 未立项 | listed 已公示 | contracted 已签协议 | in_progress 实施中 | failed 验收未通过 | rectifying 整改中 | accepted 验收通过 | deducted 已扣减 | settled 已结算 | disclosed 已公开',
  );

export const ZBudgetParams = z.object({ code: ZJurisdictionCode, year: ZYear });

export const ZBudget = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    baseYear: z.number().int().describe('The previous year, whose contribution income bounds the fee'),
    baseIncomeFen: ZFen.nullable().describe('Contribution income of the base year; null: no fund data'),
    capBasisPoints: z.number().int().describe('Share applied, basis points (300 = 3 %)'),
    capDefinedAt: z.string().nullable().describe('Jurisdiction whose setting applies; null: the default'),
    capFen: ZFen.nullable().describe('Cap; null when the fund data is missing'),
    isSet: z.boolean(),
    budgetFen: ZFen,
    committedFen: ZFen.describe('Contract sums signed and not yet paid'),
    paidFen: ZFen,
    leftFen: ZFen.describe('Budget − committed − paid'),
    keyFields: z.array(z.string()).describe('重点领域 of the year'),
    noticeFrom: z.string().nullable(),
    noticeTo: z.string().nullable(),
    prepayMinPercent: z.number().int(),
    prepayMaxPercent: z.number().int(),
  })
  .meta({ id: 'PreventionBudget' });

export const ZSetBudgetInput = z.object({
  budgetFen: z.number().int().min(0).describe('The year’s budget, fen; at most the cap'),
  keyFields: z.array(z.string().trim().min(2).max(50)).min(1).max(20).describe('重点领域 of the year'),
  reason: z.string().trim().min(2).max(500).describe('Why (e.g. the joint meeting that agreed it)'),
});

export const ZNoticeInput = z.object({
  noticeFrom: ZIsoDate.describe('公示 start'),
  noticeTo: ZIsoDate.describe('公示 end'),
  reason: z.string().trim().min(2).max(500),
});

export const ZPerformance = z
  .object({
    satisfactionPct: z.number().min(0).max(100).optional().describe('Satisfaction, percent'),
    passRatePct: z.number().min(0).max(100).optional().describe('Knowledge test pass rate, percent'),
    injuryRateChangePct: z
      .number()
      .min(-100)
      .max(1000)
      .optional()
      .describe('Injury-rate change of the trained employers against their own three-year baseline, percent'),
  })
  .meta({ id: 'ProjectPerformance' });

/** A budget line as declared: a line naming a kind of service is priced against its standard (PP-11). */
export const ZBudgetLineInput = z.object({
  item: z.string().trim().min(1).max(100),
  amountFen: z.number().int().positive(),
  serviceKind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional()
    .describe('Kind of service under a payment standard (PP-11), e.g. training_person_day'),
  quantity: z.number().int().positive().max(10_000_000).optional().describe('Units of the kind'),
  overStandardReason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('Why the line is priced above the standard: required then, shown to the reviewers'),
});

/** A budget line as stored: with the standard it was priced against, if any. */
export const ZBudgetLine = z
  .object({
    item: z.string(),
    amountFen: z.number().int(),
    serviceKind: z.string().optional(),
    quantity: z.number().int().optional(),
    unitPriceFen: z.number().int().optional().describe('The standard’s unit price at declaration, fen'),
    standardFen: z.number().int().optional().describe('quantity × unit price: what the standard allows, fen'),
    standardDefinedAt: z.string().optional().describe('Code of the jurisdiction that set the standard'),
    overStandardReason: z
      .string()
      .optional()
      .describe('The applicant’s reason for a price above the standard'),
  })
  .meta({ id: 'ProjectBudgetLine' });

export const ZDeclareInput = z.object({
  jurisdictionCode: ZJurisdictionCode.describe('The pooling jurisdiction whose fee pays'),
  year: z.number().int().min(2000).max(2100),
  applicantOrganisationId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'Officers entering a paper declaration name the applicant; applicants declare for their own unit',
    ),
  type: z.enum(['publicity', 'training']).describe('publicity 宣传 | training 培训'),
  title: z.string().trim().min(4).max(100),
  keyField: z.string().trim().min(2).max(50).describe('One of the year’s key fields'),
  summary: z.string().trim().min(10).max(4000).describe('Content, targets, schedule (standard template)'),
  industryCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('GB/T 4754 division served'),
  budgetLines: z.array(ZBudgetLineInput).min(1).max(50),
  serviceOrganisationId: z.number().int().positive().optional().describe('Proposed service organisation'),
  performanceTargets: ZPerformance.optional().describe('绩效目标 (PP-10)'),
});

export const ZProject = z
  .object({
    id: z.number().int(),
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    applicant: z.object({ id: z.number().int(), name: z.string() }),
    type: z.enum(['publicity', 'training']),
    title: z.string(),
    keyField: z.string(),
    summary: z.string(),
    industryCode: z.string().nullable(),
    budgetLines: z.array(ZBudgetLine),
    requestedFen: ZFen,
    status: ZProjectStatus,
    reviewScore: z.number().nullable(),
    serviceOrganisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    agreementNo: z.string().nullable(),
    agreementSignedOn: z.string().nullable(),
    filedWithHrssOn: z.string().nullable(),
    contractFen: ZFen.nullable(),
    prepayPercent: z.number().int().nullable(),
    deductionFen: ZFen,
    performanceTargets: ZPerformance,
    performanceResults: ZPerformance.nullable(),
    isShowcase: z.boolean(),
    showcaseNote: z.string().nullable(),
    disclosureText: z.string().nullable(),
    disclosedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PreventionProject' });

export const ZPanelMember = z.object({
  id: z.number().int(),
  expertId: z.number().int(),
  expertName: z.string(),
  field: z.string().nullable(),
  step: z.number().int(),
  status: z.enum(['invited', 'declined']),
  declineReason: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().int().nullable(),
  comment: z.string().nullable(),
  scoredAt: z.string().nullable(),
});

export const ZDraw = z
  .object({
    id: z.number().int(),
    size: z.number().int(),
    fieldMix: z.array(z.object({ field: z.string(), count: z.number().int() })),
    commitment: z.string().describe('SHA-256 of the secret, published at scheduling'),
    secret: z.string().nullable().describe('Revealed once drawn'),
    beaconSource: z.string(),
    beaconValue: z.string().nullable(),
    seed: z.string().nullable(),
    algorithm: z.string(),
    candidates: z.array(z.object({ id: z.number().int(), fields: z.array(z.string()) })).nullable(),
    exclusions: z.array(z.object({ id: z.number().int(), reasons: z.array(z.string()) })).nullable(),
    picks: z
      .array(
        z.object({
          step: z.number().int(),
          field: z.string().nullable(),
          expertId: z.number().int(),
          replacesStep: z.number().int().nullable(),
        }),
      )
      .nullable(),
    status: z.enum(['scheduled', 'drawn']),
    scheduledBy: z.string(),
    scheduledAt: z.string(),
    drawnBy: z.string().nullable(),
    drawnAt: z.string().nullable(),
  })
  .meta({ id: 'ExpertDraw' });

export const ZEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  actorName: z.string(),
  at: z.string(),
});

export const ZPayment = z.object({
  id: z.number().int(),
  kind: z.enum(['prepayment', 'balance']),
  amountFen: ZFen,
  paidBy: z.string(),
  paidAt: z.string(),
});

export const ZProjectDetail = ZProject.extend({
  draw: ZDraw.nullable().describe('Sealed (null) to the applicant until the review is over'),
  panel: z.array(ZPanelMember).describe('Empty for the applicant until the review is over'),
  criteria: z.array(z.object({ code: z.string(), name: z.string(), max: z.number().int() })),
  payments: z.array(ZPayment),
  timeline: z.array(ZEvent),
}).meta({ id: 'PreventionProjectDetail' });

export const ZProjectListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
  status: ZProjectStatus.optional(),
});

export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZMemberParams = z.object({
  id: z.coerce.number().int().positive().describe('Project id'),
  memberId: z.coerce.number().int().positive().describe('Panel member id'),
});

export const ZScheduleDrawInput = z.object({
  size: z.number().int().min(3).max(15).describe('Odd, at least 3'),
  fieldMix: z
    .array(z.object({ field: z.string(), count: z.number().int().min(1).max(15) }))
    .max(10)
    .describe('e.g. [{"field":"工伤预防","count":1},{"field":"财务管理","count":1}]'),
  beaconSource: z
    .string()
    .trim()
    .min(4)
    .max(300)
    .describe(
      'The public value that will complete the seed, declared now (e.g. a lottery result of a later date)',
    ),
});

export const ZPerformDrawInput = z.object({
  beaconValue: z.string().trim().min(1).max(200).describe('The public value, as published'),
});

export const ZDeclineInput = z.object({ reason: z.string().trim().min(2).max(500) });

export const ZScoreInput = z.object({
  scores: z.record(z.string(), z.number().int().min(0)).describe('Points per criterion code'),
  comment: z.string().trim().max(2000).optional(),
});

export const ZDecisionInput = z.object({
  isApproved: z.boolean(),
  reason: z.string().trim().min(2).max(500).describe('The joint meeting’s decision and its reference'),
});

export const ZAgreementInput = z.object({
  serviceOrganisationId: z.number().int().positive(),
  agreementNo: z.string().trim().min(2).max(100),
  signedOn: ZIsoDate,
  filedWithHrssOn: ZIsoDate.describe('Filed with HRSS (备案)'),
  contractFen: z.number().int().positive(),
  prepayPercent: z.number().int().min(0).max(100),
});

export const ZReportInput = z.object({
  kind: z.enum(['progress', 'check']).describe('progress 进度报告 | check 监督检查'),
  text: z.string().trim().min(2).max(4000),
});

export const ZAcceptanceInput = z.object({
  isPassed: z.boolean(),
  by: z.enum(['experts', 'third_party']),
  evaluator: z.string().trim().min(2).max(200).describe('Experts or the third party who accepted'),
  evidence: z.string().trim().min(2).max(4000).describe('Evidence: reports, attendance, materials'),
  reason: z.string().trim().min(2).max(1000),
  performanceResults: ZPerformance.optional().describe('Measured outcomes against the targets (PP-10)'),
});

export const ZRectifyInput = z.object({
  reason: z.string().trim().min(2).max(1000),
  deadline: ZIsoDate,
});

export const ZDeductInput = z.object({
  amountFen: z.number().int().positive(),
  reason: z.string().trim().min(2).max(1000),
});

export const ZReasonInput = z.object({ reason: z.string().trim().min(2).max(1000) });

export const ZDiscloseInput = z.object({
  text: z.string().trim().min(10).max(8000).describe('Implementation and use of the fee, as published'),
});

export const ZServiceOrganisation = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  barredReason: z.string().nullable(),
  barredAt: z.string().nullable(),
});

export const ZAssignment = z
  .object({
    memberId: z.number().int(),
    field: z.string().nullable(),
    project: z.object({
      id: z.number().int(),
      title: z.string(),
      type: z.enum(['publicity', 'training']),
      keyField: z.string(),
      summary: z.string(),
      budgetLines: z.array(ZBudgetLine),
      requestedFen: ZFen,
      applicantName: z.string(),
      status: ZProjectStatus,
    }),
    scores: z.record(z.string(), z.number()).nullable(),
    total: z.number().int().nullable(),
    scoredAt: z.string().nullable(),
  })
  .meta({ id: 'ReviewAssignment' });

export const ZVerifyResult = z.object({
  isValid: z.boolean(),
  isCommitmentValid: z.boolean(),
  isSeedValid: z.boolean(),
  isAlgorithmKnown: z.boolean(),
  isPanelValid: z.boolean(),
  recomputedPicks: z.array(
    z.object({
      step: z.number().int(),
      field: z.string().nullable(),
      expertId: z.number().int(),
      replacesStep: z.number().int().nullable(),
    }),
  ),
});

export const ZPublicProject = z
  .object({
    id: z.number().int(),
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    applicantName: z.string(),
    type: z.enum(['publicity', 'training']),
    title: z.string(),
    keyField: z.string(),
    status: ZProjectStatus,
    reviewScore: z.number().nullable(),
    requestedFen: ZFen,
    contractFen: ZFen.nullable(),
    paidFen: ZFen,
    deductionFen: ZFen,
    performanceTargets: ZPerformance,
    performanceResults: ZPerformance.nullable(),
    serviceOrganisationName: z.string().nullable(),
    industryCode: z.string().nullable(),
    isShowcase: z.boolean(),
    showcaseNote: z.string().nullable(),
    disclosureText: z.string().nullable(),
    disclosedAt: z.string().nullable(),
    noticeFrom: z.string().nullable(),
    noticeTo: z.string().nullable(),
  })
  .meta({ id: 'PublicProject' });

export const ZPublicProjectDetail = ZPublicProject.extend({
  payments: z.array(
    z.object({ kind: z.enum(['prepayment', 'balance']), amountFen: ZFen, paidAt: z.string() }),
  ),
  milestones: z.array(z.object({ action: z.string(), toStatus: z.string().nullable(), at: z.string() })),
}).meta({ id: 'PublicProjectDetail' });

export const ZPublicListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  isShowcase: z.enum(['true', 'false']).optional().describe('true: only showcases (示范项目)'),
  industryCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
