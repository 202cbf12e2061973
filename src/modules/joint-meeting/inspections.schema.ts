import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');
const ZId = z.number().int().positive();

export const ZPlanInspectionInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  meetingId: ZId.optional().describe('The meeting that decided the inspection'),
  title: z.string().trim().min(2).max(200),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  memberUnitIds: z.array(ZId).min(1).max(20).describe('Member units inspecting together'),
  employers: z
    .array(
      z.object({
        employerId: ZId,
        source: z.enum(['ledger', 'monitoring']).describe('ledger 重点企业台账 | monitoring 重点监控名单'),
      }),
    )
    .min(1)
    .max(200),
  reason: z.string().trim().max(500).optional(),
});

export const ZInspectionListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZInspectionSummary = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    employers: z.number().int(),
    findings: z.number().int(),
  })
  .meta({ id: 'InspectionSummary' });

const ZChecklistAnswer = z.object({
  code: z.string().trim().min(1).max(50).describe('Checklist item code of the unit’s department'),
  isMet: z.boolean(),
  note: z.string().trim().max(500).optional(),
});

export const ZInspectionFinding = z
  .object({
    id: z.number().int(),
    employerId: z.number().int(),
    employerName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    department: z.string(),
    checklist: z.array(ZChecklistAnswer),
    finding: z.string(),
    isHazard: z.boolean(),
    rectificationId: z.number().int().nullable(),
    rectificationStatus: z.string().nullable(),
    rectificationDeadline: z.string().nullable(),
    recordedAt: z.string(),
    photos: z.array(z.object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int() })),
  })
  .meta({ id: 'InspectionFinding' });

export const ZInspection = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    meetingId: z.number().int().nullable(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    isUnderway: z.boolean(),
    units: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        department: z.string().nullable(),
        checklist: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
      }),
    ),
    employers: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        creditCode: z.string().nullable(),
        source: z.enum(['ledger', 'monitoring']),
      }),
    ),
    findings: z.array(ZInspectionFinding),
  })
  .meta({ id: 'Inspection' });

export const ZRecordFindingInput = z.object({
  employerId: ZId.describe('The employer inspected: one the inspection chose (required)'),
  unitId: ZId.optional().describe('The inspecting unit; defaults to the actor’s own'),
  checklist: z.array(ZChecklistAnswer).max(50),
  finding: z.string().trim().min(2).max(2000),
  isHazard: z.boolean().describe('A hazard (隐患) to rectify'),
});

export const ZFindingRectificationInput = z.object({
  suggestion: z.string().trim().min(2).max(2000),
  deadline: ZIsoDate,
  responsibleOrganisationId: ZId.describe('Member unit that follows it up'),
  reason: z.string().trim().max(500).optional(),
});

export const ZPhoto = z
  .object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
  .meta({ id: 'InspectionPhoto' });

export const ZPhotoQuery = z.object({
  fileName: z.string().trim().min(1).max(200).describe('Original file name'),
});

export const ZInspectionReportParams = z.object({
  code: ZJurisdictionCode,
  year: z.coerce.number().int().min(2000).max(2100),
});

export const ZInspectionReport = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    inspections: z.number().int(),
    employersPlanned: z.number().int(),
    employersInspected: z.number().int().describe('Employers with at least one finding recorded'),
    findings: z.number().int(),
    findingsByDepartment: z.array(
      z.object({ department: z.string(), findings: z.number().int(), hazards: z.number().int() }),
    ),
    rectificationsIssued: z.number().int(),
    rectificationsClosed: z.number().int(),
  })
  .meta({ id: 'InspectionReport' });
