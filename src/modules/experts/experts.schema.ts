import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');

export const ZExpertStatus = z
  .enum(['pending', 'active', 'rejected', 'suspended', 'expired'])
  .describe('pending 待审核 | active 在聘 | rejected 未通过 | suspended 暂停 | expired 聘期届满');

export const ZExpertShareStatus = z
  .enum(['pending', 'accepted', 'declined'])
  .describe(
    'pending until the receiving jurisdiction’s expert administrator answers; only accepted is drawable',
  )
  .meta({ id: 'ExpertShareStatus' });

export const ZExpertField = z
  .object({ id: z.number().int(), name: z.string(), createdBy: z.string() })
  .meta({ id: 'ExpertField' });

export const ZExpertFieldInput = z.object({
  name: z.string().trim().min(2).max(30).describe('Field name, e.g. 应急救援'),
  jurisdictionCode: ZJurisdictionCode.describe('Jurisdiction that adds it (applies below it too)'),
});

export const ZExpert = z
  .object({
    id: z.number().int(),
    jurisdiction: z.object({ code: z.string(), name: z.string() }).describe('The pool'),
    name: z.string(),
    idNumber: z.string().nullable().describe('身份证号, masked without personal-data:view'),
    phone: z.string().nullable().describe('Masked without personal-data:view'),
    employerOrganisationId: z.number().int().nullable(),
    employerName: z.string(),
    title: z.string().describe('职称'),
    recommendingUnit: z.string().describe('推荐单位'),
    fields: z.array(z.string()),
    specialistGroup: z.string().nullable(),
    status: ZExpertStatus,
    termStart: z.string().nullable(),
    termEnd: z.string().nullable(),
    username: z.string().nullable().describe('Sign-in account of the expert, if linked'),
  })
  .meta({ id: 'Expert' });

export const ZExpertDetail = ZExpert.extend({
  relations: z.array(
    z.object({
      id: z.number().int(),
      organisationId: z.number().int(),
      organisationName: z.string(),
      relation: z.string(),
      declaredAt: z.string(),
    }),
  ),
  records: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      outcome: z.string(),
      reason: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
  shares: z.array(
    z.object({
      id: z.number().int(),
      jurisdiction: z.object({ code: z.string(), name: z.string() }),
      agreement: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      status: ZExpertShareStatus,
    }),
  ),
}).meta({ id: 'ExpertDetail' });

export const ZExpertListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional().describe('Pool (default: the actor’s jurisdiction and below)'),
  field: z.string().optional().describe('Only experts of this field'),
  status: ZExpertStatus.optional(),
});

export const ZCreateExpertInput = z.object({
  jurisdictionCode: ZJurisdictionCode.describe('Pool the expert joins'),
  name: z.string().trim().min(2).max(20),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, '身份证号: 18 characters')
    .optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/, 'mobile number: 11 digits')
    .optional(),
  employerOrganisationId: z.number().int().positive().optional().describe('Employer, if registered'),
  employerName: z.string().trim().min(2).max(100),
  title: z.string().trim().min(2).max(50).describe('职称'),
  recommendingUnit: z.string().trim().min(2).max(100).describe('推荐单位'),
  fields: z.array(z.string()).min(1).max(6).describe('Field names (see /api/expert-fields)'),
  specialistGroup: z.string().trim().max(50).optional(),
  username: z.string().optional().describe('An existing user of role expert to link as the sign-in'),
});

export const ZReviewExpertInput = z.object({
  isApproved: z.boolean().describe('Qualification review outcome'),
  reason: z.string().trim().min(2).max(500),
  termStart: ZIsoDate.optional().describe('Start of the term (default today); the term length is a setting'),
});

export const ZExpertRecordInput = z.object({
  kind: z
    .enum(['evaluation', 'discipline', 'suspension', 'reinstatement', 'renewal'])
    .describe(
      'evaluation 聘期考核 | discipline 违纪记录 | suspension 暂停 | reinstatement 恢复 | renewal 续聘',
    ),
  outcome: z.string().trim().min(1).max(100).describe('e.g. 合格, 警告'),
  reason: z.string().trim().min(2).max(500),
});

export const ZExpertRelationInput = z.object({
  organisationId: z.number().int().positive(),
  relation: z.string().trim().min(2).max(100).describe('e.g. 曾任职, 亲属任职, 持股'),
});

export const ZExpertShareInput = z.object({
  jurisdictionCode: ZJurisdictionCode.describe('The jurisdiction the expert is shared with'),
  agreement: z.string().trim().min(2).max(200).describe('The agreement that allows it'),
  validFrom: ZIsoDate,
  validTo: ZIsoDate,
});

export const ZExpertShareAnswer = z.object({
  isAccepted: z.boolean().describe('true: the expert joins the receiving pool for the agreed term'),
  reason: z.string().trim().max(200).optional().describe('Why, e.g. the agreement number checked'),
});

export const ZIncomingExpertShare = z
  .object({
    id: z.number().int(),
    expertId: z.number().int(),
    expertName: z.string(),
    title: z.string(),
    employerName: z.string(),
    fields: z.array(z.string()),
    from: z.object({ code: z.string(), name: z.string() }).describe('The expert’s home pool'),
    to: z.object({ code: z.string(), name: z.string() }).describe('The receiving jurisdiction'),
    agreement: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    status: ZExpertShareStatus,
    createdBy: z.string(),
    createdAt: z.string(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerReason: z.string().nullable(),
  })
  .meta({ id: 'IncomingExpertShare' });

export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
