import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { planPeriods } from '../enterprises/enterprises.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';

/**
 * Training coverage summed per employer jurisdiction × key post × key industry, for one day (the
 * state row's asOf), so a province's coverage reads a few thousand cells instead of 400,000
 * holders and millions of completions (decision 0026). Refreshed in full once a day and for the
 * touched jurisdictions on every write that changes who holds or completed what.
 */
export const trainingCoverageCells = pgTable(
  'training_coverage_cells',
  {
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    /** The employers' own jurisdiction (a county or whatever level they are registered at). */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    roleCode: text('role_code').notNull(),
    /** The key industries' names the employers' industry falls in, joined by 、. */
    industry: text('industry').notNull(),
    posts: integer('posts').notNull(),
    due: integer('due').notNull(),
    inGrace: integer('in_grace').notNull(),
    trained: integer('trained').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planPeriodId, t.jurisdictionId, t.roleCode, t.industry] })],
);

/** The day a plan period's cells describe; cells of another day are not read. */
export const trainingCoverageState = pgTable('training_coverage_state', {
  planPeriodId: integer('plan_period_id')
    .primaryKey()
    .references(() => planPeriods.id),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
});
