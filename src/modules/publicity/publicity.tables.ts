import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { planPeriods } from '../enterprises/enterprises.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

export type CampaignStatus = 'planned' | 'recorded' | 'accepted';

/** One industry or field a campaign targets: a key industry of its period, or a local addition. */
export interface CampaignIndustry {
  name: string;
  /** The key industry of the period it matches; null: not a key industry (a warning, not counted). */
  keyIndustryId: number | null;
}

/** Who organises a campaign: a member unit, an association, or a funded prevention project. */
export interface CampaignOrganiser {
  kind: 'member_unit' | 'association' | 'project' | 'other';
  name: string;
  organisationId?: number | null;
  projectId?: number | null;
}

/**
 * A concentrated publicity campaign (集中宣传活动, PU-1): a jurisdiction's, in one year, for one or
 * more key industries of the plan period and one or more topics, through channels, on dates. The
 * organiser records what happened (events, reach with its source, materials, photos); HRSS accepts.
 */
export const publicityCampaigns = pgTable(
  'publicity_campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    title: text('title').notNull(),
    industries: jsonb('industries').$type<CampaignIndustry[]>().notNull(),
    /** Topic codes of the publicity.topics setting. */
    topics: jsonb('topics').$type<string[]>().notNull(),
    organisers: jsonb('organisers').$type<CampaignOrganiser[]>().notNull(),
    /** tv | newspaper | new_media | on_site | online_course | other */
    channels: jsonb('channels').$type<string[]>().notNull(),
    /** The key period or event it is timed to (安全生产月, 职业病防治法宣传周 …). */
    occasion: text('occasion'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('planned'),
    /** What happened (the organiser's record). */
    events: integer('events'),
    views: integer('views'),
    participants: integer('participants'),
    enterprisesReached: integer('enterprises_reached'),
    /** Where the reach figures come from (platform statistics, sign-in sheets …). */
    reachSource: text('reach_source'),
    summary: text('summary'),
    materialLinks: jsonb('material_links').$type<string[]>().notNull().default([]),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    acceptedBy: text('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicity_campaigns_jurisdiction_year_idx').on(t.jurisdictionId, t.year),
    check('publicity_campaigns_status_check', sql`${t.status} in ('planned','recorded','accepted')`),
    check('publicity_campaigns_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'publicity_campaigns_reach_check',
      sql`coalesce(${t.events},0) >= 0 and coalesce(${t.views},0) >= 0 and coalesce(${t.participants},0) >= 0 and coalesce(${t.enterprisesReached},0) >= 0`,
    ),
  ],
);

export type BaseStatus = 'applied' | 'designated' | 'rejected' | 'withdrawn';

/**
 * A warning-education base (警示教育基地, PU-2): an employer applies to a joint meeting (of its county,
 * prefecture or province); the meeting reviews and designates; the designation is filed with the
 * provincial meeting, which may raise it to a provincial base; reviewed periodically; withdrawn with
 * a reason. `jurisdictionId` is the meeting's jurisdiction: the base counts for its coverage.
 */
export const warningBases = pgTable(
  'warning_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    /** Accident and occupational-disease cases shown. */
    cases: text('cases').notNull(),
    exhibits: text('exhibits').notNull(),
    /** Visitors at a time. */
    capacity: integer('capacity').notNull(),
    openingTimes: text('opening_times').notNull(),
    /** How to book a visit (phone, online form …), shown on the public pages. */
    booking: text('booking').notNull(),
    status: text('status').$type<BaseStatus>().notNull().default('applied'),
    isProvincial: boolean('is_provincial').notNull().default(false),
    appliedBy: text('applied_by').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    designatedOn: date('designated_on', { mode: 'string' }),
    /** Filed (备案) with the provincial joint meeting: the day of designation. */
    filedOn: date('filed_on', { mode: 'string' }),
    provincialOn: date('provincial_on', { mode: 'string' }),
    nextReviewDue: date('next_review_due', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    index('warning_bases_jurisdiction_idx').on(t.jurisdictionId),
    index('warning_bases_employer_idx').on(t.employerId),
    check('warning_bases_status_check', sql`${t.status} in ('applied','designated','rejected','withdrawn')`),
    check('warning_bases_capacity_check', sql`${t.capacity} > 0`),
  ],
);

/** An expert's opinion in a base review (drawn or picked from the expert pool). */
export interface ExpertOpinion {
  expertId: number;
  name: string;
  opinion: string;
}

/** A review of a base: the application's (site visit, experts' opinion, decision) or a periodic one. */
export const warningBaseReviews = pgTable(
  'warning_base_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    baseId: integer('base_id')
      .notNull()
      .references(() => warningBases.id),
    kind: text('kind').$type<'application' | 'periodic'>().notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    siteVisit: text('site_visit').notNull(),
    expertOpinions: jsonb('expert_opinions').$type<ExpertOpinion[]>().notNull(),
    /** designate | reject | keep | withdraw */
    outcome: text('outcome').$type<'designate' | 'reject' | 'keep' | 'withdraw'>().notNull(),
    reason: text('reason'),
    reviewedBy: text('reviewed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('warning_base_reviews_base_idx').on(t.baseId),
    check('warning_base_reviews_kind_check', sql`${t.kind} in ('application','periodic')`),
    check(
      'warning_base_reviews_outcome_check',
      sql`${t.outcome} in ('designate','reject','keep','withdraw')`,
    ),
  ],
);

/** Visits a base received (groups, visitors, enterprises), as the base records them. */
export const warningBaseVisits = pgTable(
  'warning_base_visits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    baseId: integer('base_id')
      .notNull()
      .references(() => warningBases.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    groups: integer('groups').notNull(),
    visitors: integer('visitors').notNull(),
    enterprises: integer('enterprises').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('warning_base_visits_base_idx').on(t.baseId),
    check(
      'warning_base_visits_counts_check',
      sql`${t.groups} >= 0 and ${t.visitors} >= 0 and ${t.enterprises} >= 0`,
    ),
  ],
);

export type ExampleStatus = 'nominated' | 'published' | 'rejected';

/**
 * How an example's figures were computed from the records: the counts behind each rate, so a
 * reader can check them.
 */
export interface ExampleFiguresBasis {
  /** The day they were computed (at nomination, again at publication). */
  computedOn: string;
  /** The example's year: injuries (under the counting rules) and 年平均参保人数 of that year. */
  year: number;
  employerId: number | null;
  injuries: number | null;
  insured: number | null;
  /** GB/T 4754 division (大类, two digits) of the employer; the industry is that division in its province. */
  industryDivision: string | null;
  industryEmployers: number;
  industryInjuries: number;
  industryInsured: number;
  /** Key-post training coverage as of this day (training's own count). */
  trainingAsOf: string | null;
  keyPostsDue: number | null;
  keyPostsTrained: number | null;
}

/** Figures shown with an example: its injury rate against its industry's, its training coverage. */
export interface ExampleFigures {
  injuryRatePerMille?: number | null;
  industryRatePerMille?: number | null;
  trainingCoveragePct?: number | null;
  /** Present when computed from the records; absent on rows whose figures were typed in by hand. */
  basis?: ExampleFiguresBasis;
}

/**
 * An advanced example (先进典型) or demonstration enterprise (示范企业) (PU-3): an employer, a
 * project or a person, nominated, reviewed and published with its story and figures.
 */
export const advancedExamples = pgTable(
  'advanced_examples',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    subjectKind: text('subject_kind').$type<'employer' | 'project' | 'person'>().notNull(),
    /** advanced (先进典型) | demonstration (示范企业) */
    category: text('category').$type<'advanced' | 'demonstration'>().notNull(),
    name: text('name').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    projectId: integer('project_id'),
    year: integer('year').notNull(),
    story: text('story').notNull(),
    figures: jsonb('figures').$type<ExampleFigures>().notNull().default({}),
    status: text('status').$type<ExampleStatus>().notNull().default('nominated'),
    reviewNote: text('review_note'),
    nominatedBy: text('nominated_by').notNull(),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull(),
    reviewedBy: text('reviewed_by'),
    publishedOn: date('published_on', { mode: 'string' }),
  },
  (t) => [
    index('advanced_examples_jurisdiction_idx').on(t.jurisdictionId),
    check('advanced_examples_kind_check', sql`${t.subjectKind} in ('employer','project','person')`),
    check('advanced_examples_category_check', sql`${t.category} in ('advanced','demonstration')`),
    check('advanced_examples_status_check', sql`${t.status} in ('nominated','published','rejected')`),
  ],
);

/**
 * Files of publicity records: campaign materials and photos, base photos, example photos. Stored
 * hash-addressed like every evidence file; an image also gets a resized copy for the public pages.
 */
export const publicityFiles = pgTable(
  'publicity_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerType: text('owner_type').$type<'campaign' | 'base' | 'example'>().notNull(),
    ownerId: integer('owner_id').notNull(),
    /** material | photo */
    kind: text('kind').$type<'material' | 'photo'>().notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The resized JPEG for public pages (photos only). */
    publicSha256: text('public_sha256'),
    publicSizeBytes: integer('public_size_bytes'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicity_files_owner_idx').on(t.ownerType, t.ownerId),
    check('publicity_files_owner_check', sql`${t.ownerType} in ('campaign','base','example')`),
    check('publicity_files_kind_check', sql`${t.kind} in ('material','photo')`),
  ],
);
