import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per seed step applied, so reference and demo data load once and never overwrite later edits. */
export const seedRuns = pgTable('seed_runs', {
  key: text('key').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
