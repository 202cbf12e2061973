import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { keyPostHolders, trainingCourses } from './training.tables.js';

/** An offline session (线下培训班) of a course (TR-4): a date, a place, its hours and its roster. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    /** A code the organiser announces in the room; a learner on the roster may sign in with it that day. */
    signInCode: text('sign_in_code'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_course_idx').on(t.courseId),
    check('training_sessions_hours_check', sql`${t.hours} > 0`),
  ],
);

/** A key-post holder on a session's roster, and whether (and how) they signed in. */
export const trainingSessionAttendees = pgTable(
  'training_session_attendees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => keyPostHolders.id),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    /** organiser | code */
    signedInBy: text('signed_in_by').$type<'organiser' | 'code'>(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [
    uniqueIndex('training_session_attendees_key').on(t.sessionId, t.holderId),
    check(
      'training_session_attendees_by_check',
      sql`${t.signedInBy} is null or ${t.signedInBy} in ('organiser','code')`,
    ),
  ],
);
