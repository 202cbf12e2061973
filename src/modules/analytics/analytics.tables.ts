import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
} from 'drizzle-orm/pg-core';

/**
 * Pre-aggregated figures (DHIS2's analytics tables): one row per source, grain, county (the
 * jurisdiction a fact is recorded at), year and up to two dimension values. Dashboards read these,
 * never the raw rows. A committed import queues the (jurisdiction, year) slices it touched in its
 * own transaction and they are recomputed right after the commit (refresh.ts, decision 0011): the
 * figures trail the facts by the length of one refresh, and a crash in between loses nothing.
 *
 * Measures are sums, so any scope (a prefix of jurisdiction paths) adds up. "Persons" counts are
 * additive because each person is counted once per year, at their first determination of that
 * year within the ground scope (docs/decisions/0006).
 */
export const analyticsCells = pgTable(
  'analytics_cells',
  {
    /** injury | accident | disease | headcount */
    source: text('source').notNull(),
    /** Dimension keys joined by '*': '' (totals), 'industry', 'category*sex', … */
    grain: text('grain').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    year: smallint('year').notNull(),
    d1: text('d1').notNull().default(''),
    d2: text('d2').notNull().default(''),
    /** Injury determinations (人次) of all grounds, of 认定 grounds (14-*), of production grounds (14-1…14-4). */
    casesAll: integer('cases_all').notNull().default(0),
    casesDet: integer('cases_det').notNull().default(0),
    casesProd: integer('cases_prod').notNull().default(0),
    personsAll: integer('persons_all').notNull().default(0),
    personsDet: integer('persons_det').notNull().default(0),
    personsProd: integer('persons_prod').notNull().default(0),
    deathsAll: integer('deaths_all').notNull().default(0),
    deathsDet: integer('deaths_det').notNull().default(0),
    deathsProd: integer('deaths_prod').notNull().default(0),
    /** Injury fund expenditure, or an accident's direct loss, in fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    /** Accidents: count, deaths and serious injuries. Diseases: cases and pneumoconiosis cases. */
    events: integer('events').notNull().default(0),
    eventDeaths: integer('event_deaths').notNull().default(0),
    eventSerious: integer('event_serious').notNull().default(0),
    pneumoconiosis: integer('pneumoconiosis').notNull().default(0),
    /** Headcount: sums of the employers' average insured and paying persons, and employers. */
    insured: bigint('insured', { mode: 'number' }).notNull().default(0),
    paying: bigint('paying', { mode: 'number' }).notNull().default(0),
    employers: integer('employers').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.grain, t.year, t.jurisdictionId, t.d1, t.d2] }),
    index('analytics_cells_slice_idx').on(t.jurisdictionId, t.year),
  ],
);

/**
 * Figures still to bring up to date: one row per committed batch, written in the batch's own
 * transaction with the slices its rows replaced (read before they changed); the refresh after
 * the commit adds the slices of the batch's own rows, recomputes them and deletes the row in one
 * transaction. Rows left by a crash are refreshed at the next start.
 */
export const analyticsRefreshQueue = pgTable('analytics_refresh_queue', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  batchId: integer('batch_id').notNull().unique(),
  /** The batch's domain (exchange formats): which sources its rows feed. */
  domain: text('domain').notNull(),
  /** Slices captured before the batch's rows changed: { injury: [[jurisdictionId, year], …], … }. */
  slices: jsonb('slices').notNull(),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An indicator is a stored definition — numerator ÷ denominator × factor over data elements
 * (elements.ts) — not a code path: officers add indicators without a release.
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    numerator: text('numerator').notNull(),
    /** Null: the indicator is a count or a sum. */
    denominator: text('denominator'),
    factor: numeric('factor', { precision: 14, scale: 4 }).notNull(),
    unitZh: text('unit_zh').notNull().default(''),
    unitEn: text('unit_en').notNull().default(''),
    decimals: smallint('decimals').notNull().default(2),
    /** Lower is better (rates of harm) or higher is better. */
    direction: text('direction').$type<'lower' | 'higher'>().notNull().default('lower'),
    sortOrder: smallint('sort_order').notNull().default(100),
    isBuiltIn: boolean('is_built_in').notNull().default(false),
    /** Null: a national definition (built in); otherwise defined by this jurisdiction for itself and below. */
    jurisdictionId: integer('jurisdiction_id'),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('indicator_definitions_factor_check', sql`${t.factor} > 0`),
    check('indicator_definitions_direction_check', sql`${t.direction} in ('lower','higher')`),
  ],
);

/**
 * One row: a number that grows with every statement that changes what the dashboard reads (the
 * cells, the refresh queue, indicator definitions, settings, key industries, plan periods, the fund
 * accounts, the jurisdictions), bumped by triggers in the writer's own transaction (decision 0015).
 * A cached answer is served only for the version it was computed at.
 */
export const analyticsVersion = pgTable('analytics_version', {
  id: smallint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
