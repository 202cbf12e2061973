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
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { meetings, rectifications } from './workflow.tables.js';

/** 联合检查: an inspection the joint meeting plans, by several member units, of chosen employers. */
export const jointInspections = pgTable(
  'joint_inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The meeting that decided it, if any. */
    meetingId: integer('meeting_id').references(() => meetings.id),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The member units (organisation ids) that inspect together. */
    memberUnitIds: jsonb('member_unit_ids').$type<number[]>().notNull(),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('joint_inspections_jurisdiction_idx').on(t.jurisdictionId, t.startsOn),
    check('joint_inspections_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An employer chosen for an inspection, and the list it was chosen from. */
export const inspectionEmployers = pgTable(
  'inspection_employers',
  {
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => jointInspections.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    /** ledger (重点企业台账) | monitoring (重点监控名单) */
    source: text('source').$type<'ledger' | 'monitoring'>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.employerId] }),
    check('inspection_employers_source_check', sql`${t.source} in ('ledger','monitoring')`),
  ],
);

/** One checklist item answered by an inspector. */
export interface ChecklistAnswer {
  code: string;
  isMet: boolean;
  note?: string;
}

/** What an inspector of one department found at one employer; it may become a rectification (KI-4). */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => jointInspections.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    /** The member unit whose inspector recorded it (its department picks the checklist). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => organisations.id),
    department: text('department').notNull(),
    checklist: jsonb('checklist').$type<ChecklistAnswer[]>().notNull(),
    finding: text('finding').notNull(),
    /** A hazard (隐患) that needs rectifying, as against a note. */
    isHazard: boolean('is_hazard').notNull(),
    rectificationId: integer('rectification_id').references(() => rectifications.id),
    recordedByUserId: integer('recorded_by_user_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    index('inspection_findings_employer_idx').on(t.employerId),
  ],
);

/** A photo of a finding: a stored file (platform/files) and who took it. */
export const inspectionPhotos = pgTable(
  'inspection_photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_photos_finding_idx').on(t.findingId)],
);
