import { z } from 'zod';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

export const ORGANISATION_KINDS = [
  'member_department',
  'employer',
  'industry_association',
  'service_organisation',
  'training_institution',
  'technical_school',
] as const;

/** The member departments of a joint meeting (联席会议成员单位). */
export const DEPARTMENTS = [
  'hrss',
  'industry',
  'finance',
  'housing',
  'transport',
  'health',
  'emergency',
  'union',
  'social_insurance',
] as const;

export const ZOrganisationKind = z
  .enum(ORGANISATION_KINDS)
  .describe(
    'member_department 成员单位 | employer 用人单位 | industry_association 行业协会 | service_organisation 服务机构 | training_institution 培训机构 | technical_school 技工院校',
  );

export const ZDepartment = z
  .enum(DEPARTMENTS)
  .describe(
    'hrss 人社 | industry 工信 | finance 财政 | housing 住建 | transport 交通运输 | health 卫健 | emergency 应急 | union 总工会 | social_insurance 社保经办',
  );

/** Upper-cased before checks: officials type codes in either case. */
const ZCreditCodeInput = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .describe(
    '统一社会信用代码 (GB 32100, 18 characters); a failed check character is recorded with a warning',
  );

const ZIndustryCode = z
  .string()
  .trim()
  .regex(/^\d{2,4}$/, 'industry code: 2 to 4 digits')
  .describe('GB/T 4754-2017 division (2 digits), group (3) or class (4)');

const optionalText = (max: number, description: string) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))
    .describe(description);

export const ZOrganisationInput = z.object({
  kind: ZOrganisationKind,
  department: ZDepartment.nullish().describe('Required for member departments, absent otherwise'),
  name: z.string().trim().min(2).max(100).describe('Full registered name'),
  creditCode: ZCreditCodeInput.nullish(),
  industryCode: ZIndustryCode.nullish(),
  jurisdictionCode: ZJurisdictionCode.describe(
    'Jurisdiction the organisation belongs to (within your scope)',
  ),
  address: optionalText(200, 'Address'),
  contactName: optionalText(50, 'Contact person (personal data)'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'phone: 5 to 20 digits')
    .nullish()
    .transform((v) => (v ? v : null))
    .describe('Contact phone (personal data)'),
});

export type OrganisationInput = z.output<typeof ZOrganisationInput>;

export const ZOrganisation = z
  .object({
    id: z.number().int(),
    kind: ZOrganisationKind,
    department: ZDepartment.nullable(),
    name: z.string(),
    creditCode: z.string().nullable(),
    creditCodeStatus: z.enum(['valid', 'check_failed']).nullable().describe('Result of the GB 32100 check'),
    industryCode: z.string().nullable(),
    industryName: z.string().nullable().describe('Name of the GB/T 4754 division'),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable().describe('Masked (张*) unless you hold personal-data:view'),
    contactPhone: z.string().nullable().describe('Masked (138****5678) unless you hold personal-data:view'),
    isPersonalDataMasked: z.boolean(),
    isPending: z.boolean().describe('Created from an exchange row naming an unknown credit code: to review'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const ZWarning = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const ZOrganisationSaved = z
  .object({
    organisation: ZOrganisation,
    warnings: z.array(ZWarning).describe('Accepted, but worth checking'),
  })
  .meta({ id: 'OrganisationSaved' });

export const ZOrganisationListQuery = ZPageQuery.extend({
  kind: ZOrganisationKind.optional(),
  department: ZDepartment.optional(),
  jurisdiction: ZJurisdictionCode.optional().describe(
    'This jurisdiction and those below (default: your own)',
  ),
  search: z.string().trim().max(50).optional().describe('Part of the name or the credit code'),
  pending: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only employers created from exchange rows and awaiting review'),
  sort: z.enum(['name', 'createdAt', 'jurisdiction']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
