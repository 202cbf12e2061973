import { z } from 'zod';
import { ZInjuryCase } from '../exchange/exchange.schema.js';
import { ZRectificationDetail } from '../joint-meeting/workflow.schema.js';
import { ZProjectStatus } from '../projects/projects.schema.js';

/** 本单位 (issue 17 item 7): an employer's own record, the one response of GET /api/my-employer. */

export const ZOwnEmployer = z
  .object({
    id: z.number().int(),
    name: z.string(),
    creditCode: z.string().nullable().describe('统一社会信用代码'),
    industryCode: z.string().nullable().describe('GB/T 4754 class'),
    sizeBand: z.enum(['large', 'medium', 'small', 'micro']).nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
  })
  .meta({ id: 'OwnEmployer' });

export const ZOwnYear = z.object({
  year: z.number().int(),
  averageInsured: z
    .number()
    .int()
    .nullable()
    .describe('年平均参保人数 from the exchange’s headcounts; null: no headcount that year'),
  injuries: z
    .number()
    .int()
    .describe('Injury determinations under the jurisdiction’s counting rules (人次 or persons)'),
  cases: z.number().int().describe('Determinations (人次), whatever the counting unit'),
  deaths: z.number().int().describe('Distinct persons with a death determination'),
});

export const ZOwnCoverage = z.object({
  asOf: z.string(),
  planPeriod: z.string(),
  graceDays: z.number().int(),
  isKeyEnterprise: z
    .boolean()
    .describe('In a key industry of the plan period: its key posts must be trained'),
  targetPct: z
    .number()
    .nullable()
    .describe('Coverage target that applies at its jurisdiction; null: none set'),
  held: z.number().int().describe('Key posts held today'),
  due: z.number().int().describe('Held past the grace period, or trained already'),
  trained: z.number().int(),
  untrained: z.number().int(),
  coveragePct: z.number().nullable().describe('trained / due × 100; null when nothing is due'),
  meetsTarget: z.boolean().nullable(),
  byRole: z.array(
    z.object({
      roleCode: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      held: z.number().int(),
      due: z.number().int(),
      trained: z.number().int(),
      coveragePct: z.number().nullable(),
    }),
  ),
});

export const ZOwnRateNotice = z.object({
  assignmentId: z.number().int().describe('Appeal it through POST /api/own-rates/:id/appeals'),
  rateYear: z.number().int(),
  cycleFromYear: z.number().int(),
  cycleToYear: z.number().int(),
  status: z.string(),
  riskClass: z.number().nullable(),
  baseRateBp: z.number().nullable(),
  multiplierPct: z.number().nullable(),
  rateMicro: z.number().nullable().describe('Rate in 0.0001 % (19500 = 1.95 %)'),
  correctedRateMicro: z.number().nullable(),
  rationaleZh: z.string(),
  rationaleEn: z.string(),
  openAppeals: z.number().int(),
});

export const ZOwnProject = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  type: z.enum(['publicity', 'training']),
  status: ZProjectStatus,
  requestedFen: z.number().int(),
  jurisdictionName: z.string(),
});

export const ZMyEmployer = z
  .object({
    employer: ZOwnEmployer.nullable().describe(
      'null: the account belongs to no employer, and nothing follows',
    ),
    years: z.array(ZOwnYear).describe('The last five years, oldest first'),
    counting: z.string().describe('How injuries are counted here (the jurisdiction’s counting rules)'),
    injuries: z.object({
      total: z.number().int(),
      items: z.array(ZInjuryCase).describe('Newest 50, always masked; the view is audited'),
    }),
    rectifications: z.array(ZRectificationDetail).describe('Suggestions addressed to it, open ones first'),
    training: ZOwnCoverage.nullable(),
    rateNotices: z.array(ZOwnRateNotice),
    projects: z.object({
      mayDeclare: z.boolean().describe('An association, or a large or medium enterprise (PP-2)'),
      budgets: z
        .array(
          z.object({
            jurisdiction: z.object({ code: z.string(), name: z.string() }),
            year: z.number().int(),
            keyFields: z.array(z.string()),
            noticeFrom: z.string().nullable(),
            noticeTo: z.string().nullable(),
          }),
        )
        .describe('This year’s budgets at its jurisdiction and above it: where it may declare'),
      own: z.array(ZOwnProject).describe('Projects it declared'),
    }),
  })
  .meta({ id: 'MyEmployer' });

export const ZRectificationAnswer = z.object({
  note: z
    .string()
    .trim()
    .min(2)
    .max(2000)
    .describe('What the employer did or will do about the finding (整改情况反馈)'),
});

export const ZProjectsToJoin = z
  .object({
    industryCode: z
      .string()
      .nullable()
      .describe('The employer’s GB/T 4754 code the industry rule used; null: none recorded'),
    items: z
      .array(
        z.object({
          id: z.number().int(),
          title: z.string(),
          year: z.number().int(),
          jurisdiction: z.object({ code: z.string(), name: z.string() }).describe('Where it is funded'),
          keyField: z.string(),
          summary: z.string().describe('Content, targets and schedule as declared'),
          industryCode: z.string().nullable().describe('GB/T 4754 division it serves; null: every industry'),
          status: ZProjectStatus.describe('contracted (agreement signed) or in_progress (under way)'),
          organiser: z.object({
            name: z.string().describe('The applicant (association or enterprise) that organises it'),
            address: z.string().nullable(),
            contactName: z
              .string()
              .nullable()
              .describe('Whole: the organiser’s liaison; the view is audited'),
            contactPhone: z.string().nullable(),
          }),
          serviceOrganisation: z
            .string()
            .nullable()
            .describe('Who delivers it (the agreement’s organisation)'),
        }),
      )
      .describe(
        'Training projects of its jurisdiction and above, agreement signed and not yet accepted, of its industry’s division or of none',
      ),
  })
  .meta({ id: 'ProjectsToJoin' });
