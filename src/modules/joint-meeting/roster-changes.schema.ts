import { z } from 'zod';
import { ZRosterRole } from './joint-meeting.schema.js';

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');

export const ZRosterChangeStatus = z
  .enum(['proposed', 'returned', 'confirmed'])
  .describe(
    'proposed 待确认 | returned 已退回 (the unit may revise) | confirmed 已确认 (the roster changed)',
  );

/** What a member unit proposes: who takes over its member's or liaison's place. */
export const ZRosterChangeInput = z.object({
  personName: z.string().trim().min(2).max(20).describe('Full name of the person taking over'),
  title: z.string().trim().min(1).max(100).describe('Post and rank'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{7,20}$/, 'Phone: 7 to 20 digits, +, -, brackets or spaces')
    .describe('Office or mobile phone of the person taking over'),
  reason: z.string().trim().min(2).max(500).describe('Why (e.g. 工作调动)'),
  effectiveDate: ZIsoDate.describe('Date the change takes effect (not in the future)'),
});
export type RosterChangeInput = z.infer<typeof ZRosterChangeInput>;

export const ZRosterChangeReturn = z.object({
  reason: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .describe('Why the office returns the proposal (shown to the unit)'),
});

const ZProposal = z.object({
  personName: z.string(),
  title: z.string(),
  phone: z.string().describe('Masked unless the viewer may see it (the office, the proposing unit)'),
  reason: z.string(),
  effectiveDate: z.string(),
});

export const ZRosterChangeEvent = z.object({
  action: z.enum(['proposed', 'revised', 'returned', 'confirmed']).describe('The step'),
  proposal: ZProposal.describe('The proposal as it stood at this step'),
  comment: z.string().nullable().describe('The office’s reason for a return'),
  by: z.string().describe('Username'),
  at: z.string().describe('Instant, ISO 8601'),
});

export const ZRosterChange = z
  .object({
    id: z.number().int(),
    status: ZRosterChangeStatus,
    rosterMemberId: z.number().int().describe('The roster row to be replaced'),
    role: ZRosterRole,
    currentPersonName: z.string().describe('Who holds the place now (or held it, once confirmed)'),
    currentTitle: z.string(),
    organisationId: z.number().int().describe('The proposing member unit'),
    organisationName: z.string(),
    ...ZProposal.shape,
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    resultMemberId: z.number().int().nullable().describe('The roster row the confirmation opened'),
    events: z.array(ZRosterChangeEvent).describe('Every step, oldest first'),
  })
  .meta({ id: 'RosterChange' });

export const ZRosterChangeList = z
  .object({
    items: z.array(ZRosterChange).describe('Open requests first, then decided ones, newest first'),
    canConfirm: z.boolean().describe('Whether the viewer is the office that confirms or returns'),
  })
  .meta({ id: 'RosterChangeList' });

export const ZRosterChangeId = z.object({
  id: z.coerce.number().int().positive().describe('Change request id'),
});
