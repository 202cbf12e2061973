import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';
import { keyPostHolders, trainingCourses } from './training.tables.js';

/**
 * A learner account (学员): a user of role `learner` who is one key-post holder (decision 0025).
 * The employer (or an officer) creates it; the holder's 身份证号 ties study, exams and completions
 * to the person.
 */
export const trainingLearners = pgTable(
  'training_learners',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => keyPostHolders.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_learners_holder_key').on(t.holderId)],
);

/** A course video file (hash-addressed under the upload directory; served with Range requests). */
export const trainingVideoFiles = pgTable('training_video_files', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  courseId: integer('course_id')
    .notNull()
    .references(() => trainingCourses.id),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});

/** A segment (章节) of an online course, watched in order; its duration is what must be studied. */
export const trainingSegments = pgTable(
  'training_segments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    seq: smallint('seq').notNull(),
    title: text('title').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    videoFileId: integer('video_file_id').references(() => trainingVideoFiles.id),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('training_segments_seq_key').on(t.courseId, t.seq),
    check('training_segments_duration_check', sql`${t.durationSeconds} > 0`),
  ],
);

/**
 * A study session (TR-6): one active per learner (a second ends the first), locked when idle; the
 * seconds credited are the server's, from heartbeat to heartbeat, never more than time elapsed.
 */
export const trainingStudySessions = pgTable(
  'training_study_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** ended | superseded | idle */
    endReason: text('end_reason').$type<'ended' | 'superseded' | 'idle'>(),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
  },
  (t) => [
    uniqueIndex('training_study_sessions_active_key').on(t.userId).where(sql`${t.endedAt} is null`),
    index('training_study_sessions_course_idx').on(t.courseId, t.userId),
    check(
      'training_study_sessions_reason_check',
      sql`${t.endReason} is null or ${t.endReason} in ('ended','superseded','idle')`,
    ),
  ],
);

/** A learner's progress in one segment: seconds credited by the server, and when it was completed. */
export const trainingSegmentProgress = pgTable(
  'training_segment_progress',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    segmentId: integer('segment_id')
      .notNull()
      .references(() => trainingSegments.id),
    watchedSeconds: integer('watched_seconds').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.segmentId] })],
);
