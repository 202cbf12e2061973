import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import type { Department } from '../organisations/organisations.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** The checks the engine knows how to run; a rule is one of them with an owner and parameters. */
export type CrosscheckKind =
  | 'injury_without_headcount'
  | 'injured_not_insured'
  | 'accident_without_determination'
  | 'disease_without_determination'
  | 'dust_insured_share';

/**
 * 数据比对规则 (AN-6): a check over the shared facts, with its owner department (the member unit
 * that answers its hits) and its parameters as data. Seeded with the five rules of issue 18; an
 * officer edits parameters, owner and whether the rule runs; the service refuses an unknown
 * parameter or field, naming it.
 */
export const crosscheckRules = pgTable(
  'crosscheck_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    kind: text('kind').$type<CrosscheckKind>().notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    /** The department whose unit answers a hit (应急, 卫健, 社保经办 …). */
    ownerDepartment: text('owner_department').$type<Department>().notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('crosscheck_rules_code_key').on(t.code)],
);

/** open → confirmed / explained → closed; open or confirmed → resolved when its cause disappears. */
export type HitStatus = 'open' | 'confirmed' | 'explained' | 'closed' | 'resolved';

/**
 * 疑点: one hit of one rule on one subject (a determination, an accident, an employer-year …). A
 * subject's hit is not raised twice while one stands; a resolved hit whose cause comes back raises
 * a new one.
 */
export const crosscheckHits = pgTable(
  'crosscheck_hits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ruleCode: text('rule_code').notNull(),
    /** What the hit is about, unique within the rule: `injury:<caseNo>`, `employer:<id>:<year>` … */
    subjectKey: text('subject_key').notNull(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The member unit that must answer (null when the jurisdiction and its ancestors have none). */
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id),
    ownerDepartment: text('owner_department').$type<Department>().notNull(),
    status: text('status').$type<HitStatus>().notNull().default('open'),
    /** The records behind the hit, as found (numbers, dates, counts; no personal data). */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    detectedOn: date('detected_on').notNull(),
    /** detectedOn + the response days that applied: overdue after it. */
    deadline: date('deadline').notNull(),
    explanation: text('explanation'),
    /** The batch whose commit raised it, and the one whose commit resolved it. */
    detectedByBatchId: integer('detected_by_batch_id'),
    resolvedByBatchId: integer('resolved_by_batch_id'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One standing hit per subject: a closed (explained) hit keeps its subject quiet too.
    uniqueIndex('crosscheck_hits_subject_key').on(t.ruleCode, t.subjectKey).where(sql`status <> 'resolved'`),
    index('crosscheck_hits_employer_idx').on(t.employerId),
    index('crosscheck_hits_status_idx').on(t.status, t.deadline),
    index('crosscheck_hits_owner_idx').on(t.ownerOrganisationId),
    check(
      'crosscheck_hits_status_check',
      sql`${t.status} in ('open','confirmed','explained','closed','resolved')`,
    ),
    check('crosscheck_hits_closed_check', sql`${t.status} <> 'closed' or ${t.explanation} is not null`),
  ],
);

/** Every state change of a hit: who, when, why (history is kept, not overwritten). */
export const crosscheckHitEvents = pgTable(
  'crosscheck_hit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    hitId: integer('hit_id')
      .notNull()
      .references(() => crosscheckHits.id),
    /** detected | confirmed | explained | closed | resolved | escalated */
    action: text('action').notNull(),
    note: text('note'),
    batchId: integer('batch_id'),
    userId: integer('user_id'),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crosscheck_hit_events_hit_idx').on(t.hitId)],
);

/**
 * Batches committed whose employers the rules have not looked at again yet: queued inside the
 * batch's transaction, worked off right after its commit (as the analytics refresh is), so a crash
 * in between loses nothing.
 */
export const crosscheckQueue = pgTable('crosscheck_queue', {
  batchId: integer('batch_id').primaryKey(),
  domain: text('domain').notNull(),
  /** Employers whose rows the batch wrote or its superseding removed. */
  employerIds: jsonb('employer_ids').$type<number[]>().notNull(),
  /** The batch's domain names no employer through its rows (employers, fund): its whole area is re-checked. */
  isArea: boolean('is_area').notNull().default(false),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
});
