import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import type { Rating, RatingBasis, RuleDefinition } from './rule-sets.logic.js';

export type RuleSetStatus = 'draft' | 'reviewed' | 'adopted' | 'superseded';

/**
 * A premium-rate floating rule set (FR-1) of a pooling jurisdiction (统筹地区): drafted by the
 * agency, reviewed by 财政, adopted, then never edited — a later version supersedes it. The
 * definition (classes, base rates, tiers, ladders, disqualifiers, floor, cap, credibility) is data.
 */
export const rateRuleSets = pgTable(
  'rate_rule_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    version: smallint('version').notNull(),
    name: text('name').notNull(),
    /** A shipped example to adapt, not an official method: shown as such everywhere. */
    isExample: boolean('is_example').notNull().default(false),
    note: text('note'),
    status: text('status').$type<RuleSetStatus>().notNull().default('draft'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    createdByUserId: integer('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    reviewedByUserId: integer('reviewed_by_user_id'),
    /** The finance member unit (财政) that reviewed it. */
    reviewedByOrganisationId: integer('reviewed_by_organisation_id').references(() => organisations.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    adoptedByUserId: integer('adopted_by_user_id'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededById: integer('superseded_by_id'),
  },
  (t) => [
    uniqueIndex('rate_rule_sets_version_key').on(t.jurisdictionId, t.version),
    // One standing adopted set per pooling jurisdiction.
    uniqueIndex('rate_rule_sets_adopted_key').on(t.jurisdictionId).where(sql`${t.status} = 'adopted'`),
    check('rate_rule_sets_status_check', sql`${t.status} in ('draft','reviewed','adopted','superseded')`),
  ],
);

/**
 * One rating run (评定) of a rule set over the employers of an area for the year the new rates apply
 * (`rateYear`), on the record of the cycle's years; a later run of the same area and year supersedes it.
 */
export const rateRuns = pgTable(
  'rate_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ruleSetId: integer('rule_set_id')
      .notNull()
      .references(() => rateRuleSets.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    rateYear: smallint('rate_year').notNull(),
    cycleFromYear: smallint('cycle_from_year').notNull(),
    cycleToYear: smallint('cycle_to_year').notNull(),
    ranByUserId: integer('ran_by_user_id').notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** Counts by status and tier, premium income before and after, for the scorecard. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('rate_runs_jurisdiction_idx').on(t.jurisdictionId, t.rateYear)],
);

/** Each employer's rate of a run: class, tier, rate, the figures and the rationale (费率通知). */
export const rateAssignments = pgTable(
  'rate_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    runId: integer('run_id')
      .notNull()
      .references(() => rateRuns.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').$type<Rating['status']>().notNull(),
    riskClass: smallint('risk_class'),
    baseRateBp: integer('base_rate_bp'),
    multiplierPct: smallint('multiplier_pct'),
    /** The rate in 0.0001 % (base bp × multiplier %). */
    rateMicro: integer('rate_micro'),
    projectedMultiplierPct: smallint('projected_multiplier_pct'),
    projectedRateMicro: integer('projected_rate_micro'),
    /** The latest year's wage bill: the premium at the new rate is wage bill × rate. */
    wageBillFen: bigint('wage_bill_fen', { mode: 'number' }),
    figures: jsonb('figures').$type<Rating['figures']>().notNull(),
    /** Runs before decision 0046 stored the words; later runs store `basis` and write them when read. */
    rationaleZh: text('rationale_zh'),
    rationaleEn: text('rationale_en'),
    projectedRationaleZh: text('projected_rationale_zh'),
    projectedRationaleEn: text('projected_rationale_en'),
    /** The employer's totals and class context, current and projected: the rationale's source. */
    basis: jsonb('basis').$type<{ current: RatingBasis; projected: RatingBasis | null }>(),
    /** Set when an appeal corrected the rate: the corrected tier and rate. */
    correctedMultiplierPct: smallint('corrected_multiplier_pct'),
    correctedRateMicro: integer('corrected_rate_micro'),
  },
  (t) => [
    uniqueIndex('rate_assignments_key').on(t.runId, t.employerId),
    index('rate_assignments_employer_idx').on(t.employerId),
  ],
);

export type AppealStatus = 'submitted' | 'upheld' | 'dismissed';

/** An employer's appeal against its rate (工伤保险条例 第五十五条), and the agency's decision. */
export const rateAppeals = pgTable(
  'rate_appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => rateAssignments.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    status: text('status').$type<AppealStatus>().notNull().default('submitted'),
    submittedByUserId: integer('submitted_by_user_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    decisionNote: text('decision_note'),
    correctedMultiplierPct: smallint('corrected_multiplier_pct'),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('rate_appeals_assignment_idx').on(t.assignmentId),
    check('rate_appeals_status_check', sql`${t.status} in ('submitted','upheld','dismissed')`),
  ],
);

/** Files an employer attached to its appeal (hash-addressed under config.uploadDir). */
export const rateAppealFiles = pgTable('rate_appeal_files', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  appealId: integer('appeal_id')
    .notNull()
    .references(() => rateAppeals.id),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedByUserId: integer('uploaded_by_user_id').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});
