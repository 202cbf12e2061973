import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZDate = z.iso.date();
const ZRoleCode = z.string().regex(/^[a-z_]{2,40}$/);
const ZCourseForm = z.enum(['online', 'offline', 'mixed']);
const ZContentItem = z.enum(['policy', 'accident_prevention', 'warning_education', 'occupational_health']);

export const ZTrainingRoles = z
  .object({
    planPeriod: z.string(),
    roles: z.array(
      z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), source: z.string() }),
    ),
  })
  .meta({ id: 'TrainingRoles' });

/** The key posts of a plan period as a whole (HRSS at province level, TR-1: roles are data). */
export const ZTrainingRolesInput = z.object({
  planPeriod: z.string().trim().min(1).max(20),
  roles: z
    .array(
      z.object({
        code: ZRoleCode,
        nameZh: z.string().trim().min(1).max(50),
        nameEn: z.string().trim().min(1).max(100),
        source: z.string().trim().min(2).max(200),
      }),
    )
    .min(1)
    .max(20),
});
export type TrainingRolesInput = z.infer<typeof ZTrainingRolesInput>;

export const ZTrainingRolesQuery = z.object({ planPeriod: z.string().optional() });

export const ZHolderInput = z.object({
  employerId: z.number().int().positive(),
  roleCode: ZRoleCode,
  personName: z.string().trim().min(1).max(50),
  /** 公民身份号码, 18 characters (15-digit numbers are converted). */
  idNumber: z.string().trim().min(15).max(18),
  startedOn: ZDate,
});
export type HolderInput = z.infer<typeof ZHolderInput>;

export const ZHolderEnd = z.object({ endedOn: ZDate });

export const ZHolderListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  employerId: z.coerce.number().int().positive().optional(),
  roleCode: ZRoleCode.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  search: z
    .string()
    .max(50)
    .optional()
    .describe('Part of the employer’s name, or a whole 身份证号 (names are stored encrypted: not searched)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type HolderListQuery = z.infer<typeof ZHolderListQuery>;

export const ZHolder = z.object({
  id: z.number(),
  employerId: z.number(),
  employerName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  roleCode: z.string(),
  roleNameZh: z.string(),
  roleNameEn: z.string(),
  personName: z.string(),
  idNumber: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  source: z.string(),
  /** The latest valid completion of a course for this post, as of today; null: not trained. */
  trainedOn: z.string().nullable(),
});
export const ZHolderList = z
  .object({ total: z.number(), masked: z.boolean(), items: z.array(ZHolder) })
  .meta({ id: 'KeyPostHolderList' });

export const ZCourseInput = z.object({
  /** Where the course is set up (visible there and below); default: the officer's own jurisdiction. */
  jurisdictionCode: ZJurisdictionCode.optional(),
  title: z.string().trim().min(2).max(200),
  form: ZCourseForm,
  roleCodes: z.array(ZRoleCode).min(1),
  industryPrefixes: z.array(z.string().regex(/^[0-9]{2,4}$/)).optional(),
  contentItems: z.array(ZContentItem).min(1),
  hours: z.number().positive().max(999),
  providerOrganisationId: z.number().int().positive().optional(),
  projectId: z.number().int().positive().optional(),
});
export type CourseInput = z.infer<typeof ZCourseInput>;

export const ZCourse = z
  .object({
    id: z.number(),
    title: z.string(),
    form: ZCourseForm,
    roleCodes: z.array(z.string()),
    industryPrefixes: z.array(z.string()),
    contentItems: z.array(ZContentItem),
    hours: z.number(),
    providerOrganisationId: z.number().nullable(),
    providerName: z.string().nullable(),
    projectId: z.number().nullable(),
    status: z.enum(['active', 'retired']),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    completions: z.number(),
  })
  .meta({ id: 'TrainingCourse' });

export const ZCompletionInput = z.object({
  courseId: z.number().int().positive(),
  personName: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(15).max(18),
  employerId: z.number().int().positive().optional(),
  completedOn: ZDate,
  hours: z.number().positive().max(999).optional(),
  method: z.enum(['offline', 'online', 'exam']),
  score: z.number().int().min(0).max(100).optional(),
});
export type CompletionInput = z.infer<typeof ZCompletionInput>;

export const ZCompletionResult = z.object({
  id: z.number(),
  certificateNumber: z.string(),
  validUntil: z.string(),
});

export const ZCertificateCheck = z
  .object({
    certificateNumber: z.string(),
    personName: z.string(),
    courseTitle: z.string(),
    completedOn: z.string(),
    hours: z.number(),
    validUntil: z.string(),
    status: z.enum(['valid', 'expired', 'revoked']),
  })
  .meta({ id: 'CertificateCheck' });

export const ZCoverageQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  planPeriod: z.string().optional(),
  asOf: ZDate.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type CoverageQuery = z.infer<typeof ZCoverageQuery>;

const ZCounts = z.object({
  posts: z.number(),
  due: z.number(),
  inGrace: z.number(),
  trained: z.number(),
  untrained: z.number(),
  coveragePct: z.number().nullable(),
});

export const ZCoverage = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    asOf: z.string(),
    planPeriod: z.string(),
    graceDays: z.number(),
    target: z
      .object({
        coveragePct: z.number(),
        dueDate: z.string(),
        source: z.string(),
        definedAt: z.string().nullable(),
      })
      .nullable(),
    status: z.enum(['met', 'behind', 'overdue', 'no_target']),
    totals: ZCounts,
    byRole: z.array(ZCounts.extend({ roleCode: z.string(), nameZh: z.string(), nameEn: z.string() })),
    byArea: z.array(ZCounts.extend({ code: z.string(), name: z.string(), meetsTarget: z.boolean() })),
    byIndustry: z.array(ZCounts.extend({ industry: z.string() })),
  })
  .meta({ id: 'TrainingCoverage' });

export const ZCoverageGaps = z
  .object({
    asOf: z.string(),
    planPeriod: z.string(),
    targetPct: z.number(),
    total: z.number(),
    items: z.array(
      z.object({
        employerId: z.number(),
        employerName: z.string(),
        creditCode: z.string().nullable(),
        jurisdictionCode: z.string(),
        jurisdictionName: z.string(),
        due: z.number(),
        trained: z.number(),
        coveragePct: z.number().nullable(),
        noneRegistered: z.boolean(),
        untrainedByRole: z.record(z.string(), z.number()),
      }),
    ),
  })
  .meta({ id: 'TrainingCoverageGaps' });

export const ZTargetInput = z.object({
  jurisdiction: ZJurisdictionCode,
  planPeriod: z.string(),
  coveragePct: z.number().min(0).max(100),
  dueDate: ZDate,
  source: z.string().trim().min(2).max(500),
});
export const ZTarget = z
  .object({
    coveragePct: z.number(),
    dueDate: z.string(),
    source: z.string(),
    definedAt: z.string().nullable(),
  })
  .nullable();
