import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

export const ZRosterRole = z
  .enum(['convener', 'director', 'deputy_director', 'member', 'liaison'])
  .describe('convener 召集人 | director 主任 | deputy_director 副主任 | member 成员 | liaison 联络员');

export const ZOfficeRole = z
  .enum(['office_director', 'office_member'])
  .describe('office_director 办公室主任 | office_member 办公室成员 (the office sits in HRSS 工伤保险处)');

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');

export const ZRosterMember = z
  .object({
    id: z.number().int(),
    role: ZRosterRole,
    officeRole: ZOfficeRole.nullable(),
    personName: z.string().describe('Name as published in the roster document'),
    title: z.string().describe('Post and rank'),
    unitName: z.string().describe('Unit as printed in the roster'),
    phone: z
      .string()
      .nullable()
      .describe('Office phone from a confirmed change request; masked without personal-data:view'),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable().describe('Set when the member was replaced or left'),
    replacesId: z.number().int().nullable().describe('The member this one replaced'),
    changeReason: z.string().describe('Why this membership began (document, or reason for a replacement)'),
    endReason: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable().describe('Username who recorded it; null for seeded rows'),
  })
  .meta({ id: 'RosterMember' });

export const ZRoster = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    current: z.array(ZRosterMember).describe('Members now in office, by role'),
    history: z.array(ZRosterMember).describe('Every membership, past and present, newest change first'),
  })
  .meta({ id: 'Roster' });

const memberFields = {
  personName: z.string().trim().min(2).max(20).describe('Full name'),
  title: z.string().trim().min(1).max(100).describe('Post and rank'),
  unitName: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .optional()
    .describe('Unit as it should be printed; defaults to the organisation name'),
  organisationId: z.number().int().positive().optional().describe('Member department the person represents'),
  effectiveDate: ZIsoDate.describe('Date the change took effect (not in the future)'),
  reason: z.string().trim().min(2).max(500).describe('Why (e.g. 工作变动, the meeting that confirmed it)'),
};

export const ZReplaceMemberInput = z.object(memberFields);

export const ZAddMemberInput = z.object({
  ...memberFields,
  role: ZRosterRole,
  officeRole: ZOfficeRole.nullish(),
});

export const ZRosterParams = z.object({ code: ZJurisdictionCode });
