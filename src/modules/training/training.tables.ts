import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { planPeriods } from '../enterprises/enterprises.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * The key posts (重点岗位) a plan period requires trained in every key enterprise (TR-1). Data, not
 * code: 2021–2025 names three (负责人/分管负责人, 安全管理部门主要负责人, 一线班组长), 2026–2030 four.
 */
export const trainingRoles = pgTable(
  'training_roles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    /** Stable code, e.g. responsible, safety_head, team_leader. */
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
    /** The clause that names the post. */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('training_roles_key').on(t.planPeriodId, t.code)],
);

/**
 * The coverage target of a plan period (TR-1): 100 % of key posts trained by a date. A row without a
 * jurisdiction is the default; a province's own row applies to it and below.
 */
export const trainingTargets = pgTable(
  'training_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planPeriodId: integer('plan_period_id')
      .notNull()
      .references(() => planPeriods.id),
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id),
    coveragePct: numeric('coverage_pct', { precision: 5, scale: 2 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [unique('training_targets_key').on(t.planPeriodId, t.jurisdictionId).nullsNotDistinct()],
);

/**
 * A person holding a key post at an employer (TR-1): the duty to be trained starts with the post and
 * ends when the person leaves it. Personal data (name, 身份证号) is masked unless the viewer may see it.
 */
export const keyPostHolders = pgTable(
  'key_post_holders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    roleId: integer('role_id')
      .notNull()
      .references(() => trainingRoles.id),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    personName: text('person_name').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    idNumber: text('id_number').notNull(),
    /** The lookup key of the 身份证号 (`PiiCrypto.index`): every key, join and count uses it. */
    idNumberIndex: text('id_number_index').notNull(),
    /** Read from the 身份证号 when written, so age bands never read the (encrypted) number. */
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** employer | hrss | import */
    source: text('source').$type<'employer' | 'hrss' | 'import'>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('key_post_holders_employer_idx').on(t.employerId),
    index('key_post_holders_person_idx').on(t.idNumberIndex),
    uniqueIndex('key_post_holders_live_key')
      .on(t.employerId, t.roleId, t.idNumberIndex)
      .where(sql`${t.endedOn} is null`),
    check('key_post_holders_source_check', sql`${t.source} in ('employer','hrss','import')`),
    check('key_post_holders_dates_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

export type CourseForm = 'online' | 'offline' | 'mixed';
export type ContentItem = 'policy' | 'accident_prevention' | 'warning_education' | 'occupational_health';

/**
 * A course (TR-1, TR-4): its form, the key posts and industries it serves, its required content,
 * hours, and who provides it (a training institution, an online platform, or a funded prevention
 * project of the projects module).
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The jurisdiction that set the course up; it is visible there and below. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    title: text('title').notNull(),
    form: text('form').$type<CourseForm>().notNull(),
    /** Role codes served (any period's), e.g. ["responsible","principal"]. */
    roleCodes: jsonb('role_codes').$type<string[]>().notNull(),
    /** GB/T 4754 prefixes served; empty: every industry. */
    industryPrefixes: jsonb('industry_prefixes').$type<string[]>().notNull().default([]),
    contentItems: jsonb('content_items').$type<ContentItem[]>().notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    providerOrganisationId: integer('provider_organisation_id').references(() => organisations.id),
    /** A training-type prevention project paying for it (PP-10), by its id. */
    projectId: integer('project_id'),
    status: text('status').$type<'active' | 'retired'>().notNull().default('active'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_jurisdiction_idx').on(t.jurisdictionId),
    check('training_courses_form_check', sql`${t.form} in ('online','offline','mixed')`),
    check('training_courses_status_check', sql`${t.status} in ('active','retired')`),
    check('training_courses_hours_check', sql`${t.hours} > 0`),
  ],
);

/**
 * A person's completed course (TR-4): an offline session attended, an online course studied through,
 * an exam passed. The training record kept at least six years (TR-6); it counts toward coverage for
 * the course's roles for the validity the settings give. A certificate number is issued with it.
 */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    idNumber: text('id_number').notNull(),
    /** The lookup key of the 身份证号 (`PiiCrypto.index`): every key, join and count uses it. */
    idNumberIndex: text('id_number_index').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    personName: text('person_name').notNull(),
    /** The employer the person trained for, when known. */
    employerId: integer('employer_id').references(() => organisations.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    /** offline | online | exam */
    method: text('method').$type<'offline' | 'online' | 'exam'>().notNull(),
    /** Exam score when the course has one. */
    score: smallint('score'),
    /** The verifiable certificate number (public check page). */
    certificateNumber: text('certificate_number').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_completions_certificate_key').on(t.certificateNumber),
    uniqueIndex('training_completions_once_key').on(t.courseId, t.idNumberIndex, t.completedOn),
    index('training_completions_person_idx').on(t.idNumberIndex),
    check('training_completions_method_check', sql`${t.method} in ('offline','online','exam')`),
  ],
);
