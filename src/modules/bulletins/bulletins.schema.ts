import { z } from 'zod';
import { ZPageQuery } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

export const ZBulletinStatus = z
  .enum(['draft', 'approved', 'published'])
  .describe('draft 草稿 → approved 已审核 → published 已发布');

const ZAccidentFact = z.object({
  id: z.number().int(),
  accidentNo: z.string(),
  employerName: z.string(),
  jurisdictionName: z.string(),
  occurredOn: z.string(),
  category: z.string().describe('GB 6441 category code'),
  categoryName: z.string().nullable(),
  grade: z.string(),
  gradeName: z.string().nullable(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLossFen: z.number().int(),
});

const ZInjuryFact = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  employerName: z.string(),
  jurisdictionName: z.string(),
  occurredOn: z.string(),
  personName: z.string().nullable().describe('Always masked (张*): a bulletin is published widely'),
  sex: z.string(),
  age: z.number().int(),
  post: z.string().nullable(),
  accidentCategory: z.string().nullable(),
  categoryName: z.string().nullable(),
  severity: z.string(),
  isDeath: z.boolean(),
});

export const ZBulletinFacts = z
  .object({ accidents: z.array(ZAccidentFact), injuries: z.array(ZInjuryFact) })
  .meta({ id: 'BulletinFacts' });

export const ZBulletin = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    status: ZBulletinStatus,
    title: z.string(),
    body: z.string(),
    facts: ZBulletinFacts,
    draftedBy: z.string(),
    draftedAt: z.string(),
    isDraftedByMe: z.boolean().describe('The drafter may not approve it'),
    updatedBy: z.string(),
    updatedAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    isInScope: z
      .boolean()
      .describe('Drafted in your jurisdiction or below (false: published by a jurisdiction above yours)'),
  })
  .meta({ id: 'Bulletin' });

export const ZBulletinList = z
  .object({
    items: z.array(ZBulletin.omit({ body: true, facts: true })),
    total: z.number().int(),
  })
  .meta({ id: 'BulletinList' });

export const ZBulletinListQuery = ZPageQuery.extend({ status: ZBulletinStatus.optional() });

export const ZBulletinInput = z.object({
  jurisdictionCode: ZJurisdictionCode.describe('The publishing jurisdiction (within your scope)'),
  accidentIds: z.array(z.number().int().positive()).max(20).default([]).describe('safety_accidents ids'),
  injuryIds: z.array(z.number().int().positive()).max(20).default([]).describe('injury_cases ids'),
});

export const ZBulletinEdit = z.object({
  title: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(20_000),
});

export const ZBulletinCandidates = z
  .object({
    year: z.number().int(),
    accidents: z.array(ZAccidentFact),
    injuries: z.array(ZInjuryFact),
  })
  .meta({ id: 'BulletinCandidates' });

export const ZCandidatesQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
