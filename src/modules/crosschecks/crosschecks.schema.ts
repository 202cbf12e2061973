import { z } from 'zod';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import { ZDepartment } from '../organisations/organisations.schema.js';

const ZKind = z
  .enum([
    'injury_without_headcount',
    'injured_not_insured',
    'accident_without_determination',
    'disease_without_determination',
    'dust_insured_share',
  ])
  .describe('The check a rule runs');
export const ZHitStatus = z
  .enum(['open', 'confirmed', 'explained', 'closed', 'resolved'])
  .describe('open → confirmed / explained → closed; resolved when a later import removed the cause');

export const ZCrosscheckRule = z
  .object({
    code: z.string().describe('Rule code, e.g. injury-without-headcount'),
    kind: ZKind,
    titleZh: z.string(),
    titleEn: z.string(),
    ownerDepartment: ZDepartment.describe('The department whose member unit answers the rule’s hits'),
    params: z.record(z.string(), z.unknown()).describe('Parameter values (see decision 0036 for each kind)'),
    isActive: z.boolean(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
    standing: z
      .number()
      .int()
      .nullable()
      .describe(
        'Standing hits of the rule in the jurisdiction asked for (every unit’s); null after a change',
      ),
  })
  .meta({ id: 'CrosscheckRule' });
export const ZRuleListQuery = z.object({ jurisdiction: ZJurisdictionCode });
export const ZCrosscheckRuleList = z.object({ items: z.array(ZCrosscheckRule) });

export const ZRuleParams = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .describe('Rule code'),
});
export const ZCrosscheckRuleInput = z.object({
  params: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Every parameter of the rule’s kind; an unknown parameter or field is refused, naming it'),
  ownerDepartment: ZDepartment.optional(),
  isActive: z.boolean().optional(),
  reason: z.string().trim().min(2).max(500).describe('Why (kept in the audit trail)'),
});

export const ZCrosscheckHit = z
  .object({
    id: z.number().int(),
    rule: z.string(),
    ruleTitleZh: z.string(),
    ruleTitleEn: z.string(),
    subjectKey: z
      .string()
      .describe('What the hit is about: injury:<caseNo>, accident:<no>, employer:<id>:<year> …'),
    employer: z.object({ id: z.number().int(), name: z.string(), creditCode: z.string().nullable() }),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    ownerDepartment: ZDepartment,
    ownerOrganisationId: z.number().int().nullable().describe('The member unit that answers it'),
    ownerOrganisationName: z.string().nullable(),
    status: ZHitStatus,
    isOverdue: z.boolean().describe('Standing and past its deadline (computed at query time)'),
    detectedOn: z.string(),
    deadline: z.string(),
    explanation: z.string().nullable(),
    evidence: z.record(z.string(), z.unknown()).describe('The records behind the hit (no personal data)'),
    detectedByBatchId: z.number().int().nullable().describe('The exchange batch whose commit raised it'),
    resolvedByBatchId: z.number().int().nullable().describe('The correcting batch whose commit resolved it'),
    escalatedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CrosscheckHit' });

export const ZCrosscheckHitList = z.object({
  items: z.array(ZCrosscheckHit),
  total: z.number().int(),
  byRule: z
    .array(
      z.object({
        rule: z.string(),
        titleZh: z.string(),
        titleEn: z.string(),
        ownerDepartment: ZDepartment,
        open: z.number().int().describe('Standing hits of the rule the caller may see'),
      }),
    )
    .describe('Every rule with its standing hits'),
});

export const ZCrosscheckHitDetail = ZCrosscheckHit.extend({
  events: z.array(
    z.object({
      action: z.string().describe('detected | confirmed | explained | closed | resolved | escalated'),
      note: z.string().nullable(),
      batchId: z.number().int().nullable(),
      username: z.string().nullable(),
      at: z.string(),
    }),
  ),
}).meta({ id: 'CrosscheckHitDetail' });

export const ZHitQuery = ZPageQuery.extend({
  jurisdiction: ZJurisdictionCode.optional(),
  rule: z.string().max(60).optional(),
  status: z.enum(['standing', 'open', 'confirmed', 'explained', 'closed', 'resolved']).optional(),
  isOverdue: z.stringbool().optional(),
});

export const ZHitIdParams = z.object({ id: z.coerce.number().int().positive().describe('Hit id') });
export const ZHitResponse = z.object({
  note: z.string().trim().max(2000).optional().describe('A remark (confirm)'),
  explanation: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('Why the data is right, or what was done (required to explain; to close unless given before)'),
});

export const ZRunInput = z.object({ jurisdictionCode: ZJurisdictionCode });
export const ZRunResult = z.object({
  rules: z.number().int(),
  raised: z.number().int(),
  resolved: z.number().int(),
  escalated: z.number().int(),
  milliseconds: z.number().int(),
});
