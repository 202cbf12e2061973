import { sql } from 'drizzle-orm';
import {
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
import { organisations } from '../organisations/organisations.tables.js';

export type ProviderKind = 'institution' | 'online_platform';
export type ProviderStatus = 'applied' | 'rejected' | 'listed' | 'removed';

/** One reviewed aspect: acceptable or not, and the reviewer's note. */
export interface ProviderReviewAspect {
  isAcceptable: boolean;
  note: string;
}

/**
 * A training institution or online platform applying for HRSS's recommended list (推荐名单, TR-5:
 * 三(七), 四(二)): applied → listed or rejected; listed → removed (with a reason).
 */
export const trainingProviders = pgTable(
  'training_providers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The applying organisation (a training institution or service organisation). */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The jurisdiction whose HRSS reviews it and whose list it joins. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').$type<ProviderKind>().notNull(),
    /** What it offers: courses, forms, industries. */
    services: text('services').notNull(),
    /** Its website or platform address. */
    url: text('url'),
    /** Qualifications it claims (licence numbers etc.). */
    qualifications: text('qualifications').notNull(),
    status: text('status').$type<ProviderStatus>().notNull().default('applied'),
    /** The review: qualification, reputation, service (recorded as given). */
    review: jsonb('review').$type<{
      qualification: ProviderReviewAspect;
      reputation: ProviderReviewAspect;
      service: ProviderReviewAspect;
    }>(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    listedAt: timestamp('listed_at', { withTimezone: true }),
    /** Why it was rejected or removed. */
    reason: text('reason'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    appliedBy: text('applied_by').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_providers_jurisdiction_idx').on(t.jurisdictionId, t.status),
    check('training_providers_kind_check', sql`${t.kind} in ('institution','online_platform')`),
    check('training_providers_status_check', sql`${t.status} in ('applied','rejected','listed','removed')`),
  ],
);

/** Every step of an application: who, when, what and why (history kept, not overwritten). */
export const trainingProviderEvents = pgTable(
  'training_provider_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    providerId: integer('provider_id')
      .notNull()
      .references(() => trainingProviders.id),
    action: text('action').$type<'apply' | 'list' | 'reject' | 'remove'>().notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_provider_events_provider_idx').on(t.providerId)],
);

/**
 * The trainees of a training-type prevention project (PP-10): key-post holders or other persons,
 * so the project's "trained" figure is counted from these rows, not typed.
 */
export const projectTrainees = pgTable(
  'project_trainees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** prevention_projects.id, checked through the projects module's exported function. */
    projectId: integer('project_id').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    idNumber: text('id_number').notNull(),
    /** The lookup key of the 身份证号 (`PiiCrypto.index`), the project's unique key. */
    idNumberIndex: text('id_number_index').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    personName: text('person_name').notNull(),
    /** The key post the person holds, when a key-post holder. */
    holderId: integer('holder_id'),
    trainedOn: date('trained_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_trainees_key').on(t.projectId, t.idNumberIndex)],
);
