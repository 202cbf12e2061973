import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * A five-year plan period (工伤预防五年行动计划): its years, baseline and targets. Data, not code:
 * the 2026–2030 plan changed the target from −20 % to −10 %.
 */
export const planPeriods = pgTable('plan_periods', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** e.g. 2021-2025 */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  startYear: smallint('start_year').notNull(),
  endYear: smallint('end_year').notNull(),
  baselineYear: smallint('baseline_year').notNull(),
  /** Key-industry accident-rate reduction over the period, percent (20 = −20 %). */
  targetReductionPct: numeric('target_reduction_pct', { precision: 5, scale: 2 }).notNull(),
  /** Minimum reduction each year against the previous one, percent; null when the plan sets none. */
  annualReductionPct: numeric('annual_reduction_pct', { precision: 5, scale: 2 }),
  /** The document that set it. */
  source: text('source').notNull(),
});

/**
 * A plan period's targets as a province's own plan states them (Fujian: −20 % over five years only;
 * Jilin: −20 % and ≥ 5 % a year). They apply to the jurisdiction and below, before the period's
 * national default; an officer's override (jurisdiction settings) still comes first.
 */
export const planPeriodTargets = pgTable(
  'plan_period_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** Reduction over the period, percent (20 = −20 %). */
    targetReductionPct: numeric('target_reduction_pct', { precision: 5, scale: 2 }).notNull(),
    /** Minimum reduction each year against the previous one, percent; null when the plan sets none. */
    annualReductionPct: numeric('annual_reduction_pct', { precision: 5, scale: 2 }),
    /** The document and clause that set it. */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('plan_period_targets_key').on(t.planPeriodId, t.jurisdictionId)],
);

/**
 * Key industries (重点行业) and dust-hazard industries (尘肺病易发高发行业) of a plan period, each
 * mapped to GB/T 4754 code prefixes. A province may add its own (jurisdiction set).
 */
export const keyIndustries = pgTable(
  'key_industries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    /** key | dust */
    category: text('category').$type<'key' | 'dust'>().notNull(),
    name: text('name').notNull(),
    /** GB/T 4754-2017 code prefixes (division, group or class), e.g. ["47","48","49","50"]. */
    industryPrefixes: jsonb('industry_prefixes').$type<string[]>().notNull(),
    /** Null: applies everywhere; otherwise only in this jurisdiction and below. */
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id),
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('key_industries_name_key').on(t.planPeriodId, t.category, t.name, t.jurisdictionId),
    index('key_industries_period_idx').on(t.planPeriodId),
    check('key_industries_category_check', sql`${t.category} in ('key','dust')`),
  ],
);

/**
 * The joint meeting's adoption (确定) of a year's enterprise ranking into the key-enterprise ledger
 * (AN-3, J 三(一)): who adopted it, when, why, with which method and parameters. Re-adopting the
 * same jurisdiction and year supersedes the earlier adoption; both stay.
 */
export const keyEnterpriseAdoptions = pgTable(
  'key_enterprise_adoptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The data year ranked (e.g. 2025), which decides the key enterprises that follow. */
    year: smallint('year').notNull(),
    /** e.g. poisson-gamma-eb */
    method: text('method').notNull(),
    /** Counting options, k and the industry level used, as ranked at adoption time. */
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull(),
    /** The meeting's decision, e.g. 2026年第一次联席会议纪要. */
    reason: text('reason').notNull(),
    adoptedByUserId: integer('adopted_by_user_id'),
    adoptedBy: text('adopted_by').notNull(),
    adoptedByName: text('adopted_by_name').notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
    /** When and by which adoption this one was replaced; both null while it stands. */
    supersededById: integer('superseded_by_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('key_enterprise_adoptions_year_idx').on(t.jurisdictionId, t.year),
    uniqueIndex('key_enterprise_adoptions_current_key')
      .on(t.jurisdictionId, t.year)
      .where(sql`${t.supersededAt} is null`),
  ],
);

/** One adopted employer with its rank and figures at adoption time. */
export const keyEnterpriseAdoptionItems = pgTable(
  'key_enterprise_adoption_items',
  {
    adoptionId: integer('adoption_id')
      .notNull()
      .references(() => keyEnterpriseAdoptions.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    rank: integer('rank').notNull(),
    cases: integer('cases').notNull(),
    /** The denominator (average insured or paying persons). */
    exposure: integer('exposure').notNull(),
    /** Per 1,000; null without a denominator. */
    rawRate: numeric('raw_rate', { precision: 12, scale: 4 }),
    credibility: numeric('credibility', { precision: 6, scale: 4 }),
    industryRate: numeric('industry_rate', { precision: 12, scale: 4 }),
    shrunkRate: numeric('shrunk_rate', { precision: 12, scale: 4 }),
  },
  (t) => [
    primaryKey({ columns: [t.adoptionId, t.employerId] }),
    index('key_enterprise_adoption_items_employer_idx').on(t.employerId),
  ],
);
