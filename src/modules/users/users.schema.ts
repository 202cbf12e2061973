import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../platform/auth/permissions.js';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

export const ZRole = z
  .enum(ROLES)
  .describe(
    'system_admin 系统管理员 | hrss_officer 人社 | member_officer 成员单位 | si_agency_officer 社保经办 | expert 专家 | employer 用人单位 | service_org 服务机构',
  );

export const ZLoginInput = z.object({
  username: z.string().trim().min(1).max(64).describe('Username'),
  password: z.string().min(1).max(200).describe('Password'),
});

export const ZMe = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: ZRole,
    permissions: z
      .array(z.enum(PERMISSIONS))
      .describe('What the server will allow: the UI hides the rest (the UI types `can()` from this list)'),
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string(), path: z.string() }),
    organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    mustChangePassword: z.boolean(),
    csrfToken: z.string().describe('Send it back in the X-CSRF-Token header on every write'),
  })
  .meta({ id: 'Me' });

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z
    .string()
    .min(1)
    .max(200)
    .describe('At least 10 characters, three of: upper, lower, digits, symbols'),
});

const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone: 5 to 20 digits')
  .nullish()
  .transform((v) => (v ? v : null))
  .describe('Phone (personal data)');

export const ZUserUpdate = z.object({
  displayName: z.string().trim().min(1).max(50).describe('Name shown in the UI (personal data)'),
  phone: ZPhone,
  role: ZRole,
  jurisdictionCode: ZJurisdictionCode.describe('Jurisdiction the user acts in: within your scope'),
  organisationId: z.number().int().positive().nullish().describe('Organisation the user acts for'),
  isActive: z.boolean().default(true).describe('A disabled user cannot sign in'),
});

export const ZUserCreate = ZUserUpdate.extend({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'username: 3 to 32 of a-z, 0-9, . _ -')
    .describe('Sign-in name, lower case'),
  password: z.string().min(1).max(200).describe('Initial password: the user must change it at first sign-in'),
});

export const ZUser = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string().describe('Masked unless you hold personal-data:view'),
    phone: z.string().nullable().describe('Masked unless you hold personal-data:view'),
    role: ZRole,
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    isActive: z.boolean(),
    isLocked: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const ZUserListQuery = ZPageQuery.extend({
  jurisdiction: ZJurisdictionCode.optional().describe(
    'This jurisdiction and those below (default: your own)',
  ),
  role: ZRole.optional(),
  search: z.string().trim().max(50).optional().describe('Part of the username or name'),
});

export const ZResetPasswordInput = z.object({
  newPassword: z.string().min(1).max(200).describe('Temporary password; the user must change it'),
});

export const ZApiToken = z
  .object({
    id: z.number().int(),
    name: z.string().describe('What the token is for, e.g. 应急管理局事故数据接口'),
    prefix: z.string().describe('First characters of the token'),
    organisationId: z.number().int(),
    organisationName: z.string().describe('The member unit the token acts for'),
    jurisdictionCode: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const ZIssuedApiToken = ZApiToken.extend({
  token: z.string().describe('The secret, shown this once: send it as Authorization: Bearer <token>'),
}).meta({ id: 'IssuedApiToken' });

export const ZIssueApiTokenInput = z.object({
  organisationId: z.number().int().positive().describe('A member department in your scope'),
  name: z.string().trim().min(2).max(60).describe('What the token is for'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Lifetime in days: default API_TOKEN_DEFAULT_DAYS (90), at most API_TOKEN_MAX_DAYS (365)'),
});
