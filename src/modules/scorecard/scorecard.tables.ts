import { integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import type { RuleSet } from './scorecard.data.js';

/**
 * A jurisdiction's scorecard rule set for a year (SV-1): the indicators it assesses its
 * subordinates on, their weights and scoring rules, as data. Without one, the nearest ancestor's
 * applies, else the default (scorecard.data.ts).
 */
export const scorecardRuleSets = pgTable(
  'scorecard_rule_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    ruleSet: jsonb('rule_set').$type<RuleSet>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scorecard_rule_sets_jurisdiction_year').on(t.jurisdictionId, t.year)],
);

/**
 * A signed-off assessment (考核结果确认): the scorecard of a jurisdiction's subordinates for a year,
 * stored as it stood when signed; from then on it is shown from here and no longer changes.
 */
export const scorecardSignoffs = pgTable(
  'scorecard_signoffs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    /** The scorecard as computed at sign-off (the same shape the live view returns). */
    snapshot: jsonb('snapshot').notNull(),
    note: text('note'),
    signedBy: text('signed_by').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scorecard_signoffs_jurisdiction_year').on(t.jurisdictionId, t.year)],
);
