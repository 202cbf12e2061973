import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZDate = z.iso.date();
const ZYear = z.coerce.number().int().min(2000).max(2100);
/** A reach figure: a non-negative integer. */
const ZCount = z.number().int().min(0).max(2_000_000_000);

export const ZChannel = z.enum(['tv', 'newspaper', 'new_media', 'on_site', 'online_course', 'other']);

export const ZOrganiser = z.object({
  /** member_unit (成员单位) | association (行业协会) | project (a funded prevention project) | other */
  kind: z.enum(['member_unit', 'association', 'project', 'other']),
  name: z.string().trim().min(1).max(100),
  organisationId: z.number().int().positive().nullish(),
  projectId: z.number().int().positive().nullish(),
});

export const ZCampaignInput = z.object({
  /** The jurisdiction holding the campaign (default: the actor's). */
  jurisdiction: ZJurisdictionCode.optional(),
  title: z.string().trim().min(2).max(200),
  /** Key industries or fields targeted, by name (a name outside the period's key list is a warning). */
  industries: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  /** Topic codes of the publicity.topics setting. */
  topics: z.array(z.string().min(1).max(40)).min(1).max(10),
  organisers: z.array(ZOrganiser).min(1).max(20),
  channels: z.array(ZChannel).min(1).max(6),
  /** The key period or event it is timed to. */
  occasion: z.string().trim().max(100).optional(),
  startsOn: ZDate,
  endsOn: ZDate,
});
export type CampaignInput = z.infer<typeof ZCampaignInput>;

export const ZCampaignRecordInput = z.object({
  events: ZCount,
  views: ZCount,
  participants: ZCount,
  enterprisesReached: ZCount,
  /** Where the reach figures come from (platform statistics, sign-in sheets, the broadcaster …). */
  reachSource: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(4000),
  materialLinks: z.array(z.url().max(500)).max(20).default([]),
});
export type CampaignRecordInput = z.infer<typeof ZCampaignRecordInput>;

export const ZWarning = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const ZPublicityFile = z.object({
  id: z.number(),
  kind: z.enum(['material', 'photo']),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  hasPublicImage: z.boolean(),
  createdAt: z.string(),
});

export const ZCampaign = z
  .object({
    id: z.number(),
    /** Whether the actor organises it and so may record it and add its materials (publicity.organiser_only). */
    mayRecord: z.boolean(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    year: z.number(),
    planPeriod: z.string(),
    title: z.string(),
    industries: z.array(
      z.object({ name: z.string(), keyIndustryId: z.number().nullable(), isKey: z.boolean() }),
    ),
    topics: z.array(z.string()),
    organisers: z.array(ZOrganiser),
    channels: z.array(z.string()),
    occasion: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['planned', 'recorded', 'accepted']),
    events: z.number().nullable(),
    views: z.number().nullable(),
    participants: z.number().nullable(),
    enterprisesReached: z.number().nullable(),
    reachSource: z.string().nullable(),
    summary: z.string().nullable(),
    materialLinks: z.array(z.string()),
    recordedBy: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    files: z.array(ZPublicityFile),
  })
  .meta({ id: 'Campaign' });

export const ZCampaignSaved = z.object({
  id: z.number(),
  /** Non-blocking warnings, e.g. an industry that is not a key industry of the period. */
  warnings: z.array(ZWarning),
});

export const ZCampaignQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
  status: z.enum(['planned', 'recorded', 'accepted']).optional(),
  /** Only campaigns counting for this key industry (id). */
  keyIndustryId: z.coerce.number().int().positive().optional(),
});

export const ZBoardQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
});

const ZReach = z.object({
  campaigns: z.number(),
  events: z.number(),
  views: z.number(),
  participants: z.number(),
  enterprisesReached: z.number(),
});

export const ZQuotaBoard = z
  .object({
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    year: z.number(),
    planPeriod: z.string(),
    industries: z.array(z.object({ id: z.number(), name: z.string() })),
    areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
    /** One cell per key industry × area: held (green), planned (amber) or none (red). */
    cells: z.array(
      z.object({
        industryId: z.number(),
        areaCode: z.string(),
        status: z.enum(['held', 'planned', 'none']),
        campaignIds: z.array(z.number()),
        reach: ZReach,
      }),
    ),
    /** Per area: distinct campaigns and their reach (a campaign for two industries counts once). */
    areaTotals: z.array(
      z.object({ areaCode: z.string(), held: z.number(), planned: z.number(), reach: ZReach }),
    ),
    summary: z.object({
      cells: z.number(),
      held: z.number(),
      planned: z.number(),
      none: z.number(),
      heldPct: z.number().nullable(),
      reach: ZReach,
    }),
  })
  .meta({ id: 'QuotaBoard' });

export const ZBaseApplication = z.object({
  employerId: z.number().int().positive(),
  /** The joint meeting applied to, by its jurisdiction (default: the employer's own). */
  meetingJurisdiction: ZJurisdictionCode.optional(),
  name: z.string().trim().min(2).max(200),
  address: z.string().trim().min(2).max(300),
  cases: z.string().trim().min(1).max(4000),
  exhibits: z.string().trim().min(1).max(4000),
  capacity: z.number().int().positive().max(100_000),
  openingTimes: z.string().trim().min(1).max(300),
  booking: z.string().trim().min(1).max(300),
});
export type BaseApplication = z.infer<typeof ZBaseApplication>;

export const ZExpertOpinionInput = z.object({
  expertId: z.number().int().positive(),
  opinion: z.string().trim().min(1).max(2000),
});

export const ZBaseReviewInput = z.object({
  reviewedOn: ZDate,
  siteVisit: z.string().trim().min(1).max(4000),
  expertOpinions: z.array(ZExpertOpinionInput).min(1).max(15),
  /** Application review: designate | reject; periodic review: keep | withdraw. */
  outcome: z.enum(['designate', 'reject', 'keep', 'withdraw']),
  reason: z.string().trim().max(2000).optional(),
});
export type BaseReviewInput = z.infer<typeof ZBaseReviewInput>;

export const ZReasonInput = z.object({ reason: z.string().trim().min(2).max(2000) });

export const ZVisitInput = z.object({
  visitedOn: ZDate,
  groups: ZCount,
  visitors: ZCount,
  enterprises: ZCount,
  note: z.string().trim().max(500).optional(),
});

export const ZBase = z
  .object({
    id: z.number(),
    employerId: z.number(),
    employerName: z.string(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    name: z.string(),
    address: z.string(),
    cases: z.string(),
    exhibits: z.string(),
    capacity: z.number(),
    openingTimes: z.string(),
    booking: z.string(),
    status: z.enum(['applied', 'designated', 'rejected', 'withdrawn']),
    isProvincial: z.boolean(),
    appliedAt: z.string(),
    designatedOn: z.string().nullable(),
    filedOn: z.string().nullable(),
    provincialOn: z.string().nullable(),
    nextReviewDue: z.string().nullable(),
    isReviewDue: z.boolean(),
    withdrawnOn: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
    visits: z.object({ groups: z.number(), visitors: z.number(), enterprises: z.number() }),
  })
  .meta({ id: 'WarningBase' });

export const ZBaseDetail = ZBase.extend({
  reviews: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      reviewedOn: z.string(),
      siteVisit: z.string(),
      expertOpinions: z.array(z.object({ expertId: z.number(), name: z.string(), opinion: z.string() })),
      outcome: z.string(),
      reason: z.string().nullable(),
      reviewedBy: z.string(),
    }),
  ),
  visitLog: z.array(
    z.object({
      id: z.number(),
      visitedOn: z.string(),
      groups: z.number(),
      visitors: z.number(),
      enterprises: z.number(),
      note: z.string().nullable(),
    }),
  ),
  files: z.array(ZPublicityFile),
  /** Prevention projects declared by the base's employer: the meeting favours them (J 三(二)). */
  projects: z.array(z.object({ id: z.number(), title: z.string(), year: z.number(), status: z.string() })),
});

export const ZBaseQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  status: z.enum(['applied', 'designated', 'rejected', 'withdrawn']).optional(),
  /** Only designations filed with the province (the provincial meeting's filing list). */
  filed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZBaseCoverage = z
  .object({
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    /** Every prefecture and county below (and the jurisdiction itself), with or without a base. */
    areas: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.string(),
        parentCode: z.string().nullable(),
        bases: z.number(),
        provincialBases: z.number(),
        hasBase: z.boolean(),
      }),
    ),
    summary: z.object({
      prefectures: z.number(),
      prefecturesCovered: z.number(),
      counties: z.number(),
      countiesCovered: z.number(),
      bases: z.number(),
      provincialBases: z.number(),
    }),
  })
  .meta({ id: 'BaseCoverage' });

export const ZFavouredProjects = z.object({
  items: z.array(
    z.object({
      projectId: z.number(),
      title: z.string(),
      year: z.number(),
      status: z.string(),
      baseId: z.number(),
      baseName: z.string(),
    }),
  ),
});

export const ZExampleInput = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  subjectKind: z.enum(['employer', 'project', 'person']),
  category: z.enum(['advanced', 'demonstration']),
  name: z.string().trim().min(2).max(200),
  organisationId: z.number().int().positive().optional(),
  projectId: z.number().int().positive().optional(),
  year: z.number().int().min(2000).max(2100),
  story: z.string().trim().min(10).max(8000),
  // No figures here: they are computed from the records (computeExampleFigures), never typed in.
});
export type ExampleInput = z.infer<typeof ZExampleInput>;

export const ZExampleReviewInput = z.object({
  decision: z.enum(['publish', 'reject']),
  note: z.string().trim().max(2000).optional(),
});

export const ZExample = z
  .object({
    id: z.number(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    subjectKind: z.string(),
    category: z.string(),
    name: z.string(),
    organisationId: z.number().nullable(),
    projectId: z.number().nullable(),
    year: z.number(),
    story: z.string(),
    figures: z.object({
      /** records: computed from the records (basis says how); entered: typed in by hand (older rows), not checked. */
      source: z.enum(['records', 'entered']),
      /** Injuries per 1,000 insured of the employer in the example's year (2 decimals); null without a headcount. */
      injuryRatePerMille: z.number().nullish(),
      /** Injuries per 1,000 insured of the employers of its GB/T 4754 division in its province, the same year. */
      industryRatePerMille: z.number().nullish(),
      /** Key-post training coverage of the employer (%), as of basis.trainingAsOf. */
      trainingCoveragePct: z.number().nullish(),
      basis: z
        .object({
          computedOn: z.string(),
          year: z.number(),
          employerId: z.number().nullable(),
          injuries: z.number().nullable(),
          insured: z.number().nullable(),
          industryDivision: z.string().nullable(),
          industryEmployers: z.number(),
          industryInjuries: z.number(),
          industryInsured: z.number(),
          trainingAsOf: z.string().nullable(),
          keyPostsDue: z.number().nullable(),
          keyPostsTrained: z.number().nullable(),
        })
        .nullable(),
    }),
    status: z.string(),
    reviewNote: z.string().nullable(),
    publishedOn: z.string().nullable(),
    photoIds: z.array(z.number()),
  })
  .meta({ id: 'AdvancedExample' });

export const ZExampleQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  status: z.enum(['nominated', 'published', 'rejected']).optional(),
});

export const ZFileQuery = z.object({
  fileName: z.string().trim().min(1).max(200),
  kind: z.enum(['material', 'photo']).default('photo'),
});

export const ZTopics = z.object({
  items: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  channels: z.array(z.string()),
});

export const ZPublicQuery = z.object({
  /** A province or lower (default: every one). */
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
});

export const ZPublicCampaigns = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
      title: z.string(),
      industries: z.array(z.string()),
      topics: z.array(z.string()),
      channels: z.array(z.string()),
      occasion: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.string(),
      photoIds: z.array(z.number()),
    }),
  ),
});

export const ZPublicBases = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
      /** The prefecture it lies in (for the map). */
      prefectureCode: z.string().nullable(),
      name: z.string(),
      address: z.string(),
      openingTimes: z.string(),
      booking: z.string(),
      capacity: z.number(),
      isProvincial: z.boolean(),
      designatedOn: z.string().nullable(),
      photoIds: z.array(z.number()),
    }),
  ),
});

export const ZPublicExamples = z.object({
  items: z.array(ZExample.omit({ reviewNote: true, status: true })),
});
