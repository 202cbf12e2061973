import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZKind = z.enum(['institution', 'online_platform']);
const ZStatus = z.enum(['applied', 'rejected', 'listed', 'removed']);

export const ZProviderApplication = z.object({
  /** institution 培训机构 | online_platform 线上培训平台 */
  kind: ZKind,
  /** What it offers: courses, forms, industries served. */
  services: z.string().trim().min(2).max(2000),
  /** Its website or platform address. */
  url: z.url().max(500).optional(),
  /** Qualifications claimed (licences, accreditation numbers). */
  qualifications: z.string().trim().min(2).max(2000),
});
export type ProviderApplication = z.infer<typeof ZProviderApplication>;

const ZAspect = z.object({ isAcceptable: z.boolean(), note: z.string().trim().min(1).max(1000) });
export const ZProviderReview = z.object({
  qualification: ZAspect,
  reputation: ZAspect,
  service: ZAspect,
  /** list: publish on the recommended list (every aspect acceptable); reject: with a reason. */
  decision: z.enum(['list', 'reject']),
  reason: z.string().trim().max(1000).optional(),
});
export type ProviderReview = z.infer<typeof ZProviderReview>;

export const ZProviderRemoval = z.object({ reason: z.string().trim().min(2).max(1000) });

export const ZProviderListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  status: ZStatus.optional(),
});

export const ZProvider = z.object({
  id: z.number(),
  organisationId: z.number(),
  name: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  kind: ZKind,
  services: z.string(),
  url: z.string().nullable(),
  qualifications: z.string(),
  status: ZStatus,
  review: z
    .object({ qualification: ZAspect, reputation: ZAspect, service: ZAspect })
    .nullable()
    .describe('The review as recorded'),
  reason: z.string().nullable(),
  appliedAt: z.string(),
  reviewedBy: z.string().nullable(),
  listedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
});
export const ZProviderList = z
  .object({ total: z.number(), items: z.array(ZProvider) })
  .meta({ id: 'TrainingProviderList' });

export const ZPublicProviderQuery = z.object({ jurisdiction: ZJurisdictionCode.optional() });
export const ZPublicProviderList = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        kind: ZKind,
        services: z.string(),
        url: z.string().nullable(),
        jurisdictionName: z.string(),
        listedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicTrainingProviderList' });
