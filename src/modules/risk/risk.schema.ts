import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { COMPONENT_KEYS, RISK_GRADES } from './risk.logic.js';

export const ZRiskGrade = z.enum(RISK_GRADES);
const ZYear = z.coerce.number().int().min(1990).max(2100);

export const ZRiskListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear,
  grade: ZRiskGrade.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

const ZComponent = z.object({
  value: z.number(),
  weight: z.number(),
  points: z.number(),
  applicable: z.boolean(),
});
const ZComponents = z.object(
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, ZComponent])) as Record<
    (typeof COMPONENT_KEYS)[number],
    typeof ZComponent
  >,
);
const ZInputs = z.object({
  cases: z.number(),
  insured: z.number().nullable(),
  credibility: z.number().nullable(),
  industryRate: z.number().nullable(),
  shrunkRate: z.number().nullable(),
  deaths: z.number(),
  serious: z.number(),
  diseases: z.number(),
  overLimitFactors: z.number(),
  openRectifications: z.number(),
  overdueRectifications: z.number(),
  insuranceStatus: z.enum(['insured', 'uninsured', 'suspended']).nullable(),
  rateMultiplierPct: z.number().nullable(),
  keyPostHolders: z.number(),
  keyPostTrained: z.number(),
});
const ZFormula = z.object({ zh: z.string(), en: z.string() });
const ZGradeCount = z.object({ grade: ZRiskGrade, employers: z.number().int() });

export const ZRiskScore = z.object({
  employerId: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  score: z.number(),
  grade: ZRiskGrade,
  components: ZComponents,
  inputs: ZInputs,
  computedAt: z.string(),
});

export const ZRiskList = z.object({
  year: z.number().int(),
  total: z.number().int(),
  grades: z.array(ZGradeCount),
  formula: ZFormula,
  items: z.array(ZRiskScore),
});

const ZAlertKind = z.enum(['rate_above_industry', 'grade_worsened']);
const ZAlertDetails = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const ZScales = z.object({
  rateRatioFull: z.number(),
  seriousPerDeath: z.number(),
  occupationalFull: z.number(),
  rectificationsFull: z.number(),
  suspended: z.number(),
  rateTierFullPct: z.number(),
});
const ZWeightsValue = z.object({
  total: z.number(),
  weights: z.object(
    Object.fromEntries(COMPONENT_KEYS.map((k) => [k, z.number()])) as Record<
      (typeof COMPONENT_KEYS)[number],
      z.ZodNumber
    >,
  ),
});
const ZThresholds = z.object({ yellow: z.number(), orange: z.number(), red: z.number() });

export const ZRiskDetailQuery = z.object({ year: ZYear });

export const ZRiskDetail = ZRiskScore.extend({
  year: z.number().int(),
  formula: ZFormula,
  scales: ZScales,
  settings: z.object({
    weights: ZWeightsValue,
    grades: ZThresholds,
    alertMargin: z.number(),
    definedAt: z.object({
      weights: z.string().nullable(),
      grades: z.string().nullable(),
      alertMargin: z.string().nullable(),
    }),
  }),
  records: z.object({
    injuries: z.array(
      z.object({
        id: z.number().int(),
        caseNo: z.string(),
        occurredOn: z.string(),
        determinedOn: z.string(),
        ground: z.string(),
        severity: z.string(),
        isDeath: z.boolean(),
      }),
    ),
    accidents: z.array(
      z.object({
        id: z.number().int(),
        accidentNo: z.string(),
        occurredOn: z.string(),
        category: z.string(),
        grade: z.string(),
        deaths: z.number().int(),
        seriousInjuries: z.number().int(),
      }),
    ),
    diseases: z.array(
      z.object({
        id: z.number().int(),
        caseNo: z.string(),
        diagnosedOn: z.string(),
        diseaseName: z.string(),
      }),
    ),
    rectifications: z.array(
      z.object({
        id: z.number().int(),
        findingKind: z.string(),
        finding: z.string(),
        factorName: z.string().nullable(),
        deadline: z.string(),
        status: z.string(),
        closedAt: z.string().nullable(),
      }),
    ),
  }),
  alerts: z.array(
    z.object({
      id: z.number().int(),
      employerId: z.number().int(),
      year: z.number().int(),
      kind: ZAlertKind,
      details: ZAlertDetails,
      organisationId: z.number().int().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const ZRiskAlertQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const ZRiskAlertList = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      employerId: z.number().int(),
      employerName: z.string(),
      year: z.number().int(),
      kind: ZAlertKind,
      details: ZAlertDetails,
      organisationId: z.number().int().nullable(),
      unitName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const ZRiskFormula = z.object({
  formula: ZFormula,
  scales: ZScales,
  weights: ZWeightsValue,
  grades: ZThresholds,
  alertMargin: z.number(),
});

export const ZRecomputeInput = z.object({
  year: z.number().int().min(1990).max(2100),
  jurisdictionCode: ZJurisdictionCode.optional(),
});
export const ZRecomputeResult = z.object({
  year: z.number().int(),
  employers: z.number().int(),
  alerts: z.number().int(),
  full: z.boolean(),
  ms: z.number(),
});
