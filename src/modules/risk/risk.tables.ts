import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables.js';
import type { RiskComponents, RiskGrade } from './risk.logic.js';

/**
 * The enterprise risk index (AN-5, decision 0035): one row per employer and year, recomputed for
 * the employers an exchange batch touched right after its commit, and wholly by `recompute`.
 */
export const riskScores = pgTable(
  'risk_scores',
  {
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** 0–100, one decimal. */
    score: doublePrecision('score').notNull(),
    grade: text('grade').$type<RiskGrade>().notNull(),
    /** Each component's inputs, sub-score (0–1), weight and points (risk.logic.ts). */
    components: jsonb('components').$type<RiskComponents>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.employerId, t.year] }),
    index('risk_scores_year_grade_idx').on(t.year, t.grade),
    check('risk_scores_grade_check', sql`${t.grade} in ('green','yellow','orange','red')`),
  ],
);

/**
 * The credibility fit of a year (decision 0007) from the last full recomputation: the credibility
 * constant k and each industry division's rate. An incremental recomputation shrinks the touched
 * employers' rates with it rather than refitting over every employer.
 */
export const riskFits = pgTable('risk_fits', {
  year: smallint('year').primaryKey(),
  k: doublePrecision('k'),
  groupRates: jsonb('group_rates').$type<Record<string, number>>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

export type RiskAlertKind = 'rate_above_industry' | 'grade_worsened';

/** The alerts ledger: a row per alert raised, with the unit whose inbox it went to. */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    kind: text('kind').$type<RiskAlertKind>().notNull(),
    /** { from, to } grades, or { rate, industryRate, margin }. */
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull(),
    /** The member unit (人社 of the employer's jurisdiction or its nearest ancestor) notified; null when none. */
    organisationId: integer('organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('risk_alerts_employer_idx').on(t.employerId, t.year),
    check('risk_alerts_kind_check', sql`${t.kind} in ('rate_above_industry','grade_worsened')`),
  ],
);

/**
 * Employers and years an exchange batch touched, queued inside the batch's transaction and
 * recomputed right after its commit (as analytics_refresh_queue): a crash in between loses nothing.
 */
export const riskRecomputeQueue = pgTable(
  'risk_recompute_queue',
  {
    employerId: integer('employer_id').notNull(),
    year: smallint('year').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.year] })],
);
