import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';
import { keyPostHolders, trainingCourses } from './training.tables.js';

export type QuestionKind = 'single' | 'multiple' | 'true_false';

/**
 * A question of a course's bank (题库, TR-4): single choice, multiple choice or true/false. The
 * answer is the sorted list of the correct options' indexes (true/false: 0 true, 1 false).
 */
export const trainingQuestions = pgTable(
  'training_questions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    kind: text('kind').$type<QuestionKind>().notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    answer: jsonb('answer').$type<number[]>().notNull(),
    /** Weight of the question in the paper's score. */
    points: smallint('points').notNull().default(1),
    isActive: boolean('is_active').notNull().default(true),
    /** The import it came from: file name and line, for tracing a wrong answer key back. */
    sourceFile: text('source_file'),
    sourceLine: integer('source_line'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_questions_stem_key').on(t.courseId, t.stem),
    check('training_questions_kind_check', sql`${t.kind} in ('single','multiple','true_false')`),
    check('training_questions_points_check', sql`${t.points} between 1 and 100`),
  ],
);

/**
 * One attempt at a course's exam by a learner (TR-4): the paper drawn for it (random, recorded),
 * its deadline, the answers and the result. Kept, passed or not.
 */
export const trainingExamAttempts = pgTable(
  'training_exam_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => keyPostHolders.id),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    idNumber: text('id_number').notNull(),
    /** The lookup key of the 身份证号 (`PiiCrypto.index`). */
    idNumberIndex: text('id_number_index').notNull(),
    /** 1 for the first attempt at the course. */
    attemptNo: smallint('attempt_no').notNull(),
    /** The paper: question ids in the order shown. */
    questionIds: jsonb('question_ids').$type<number[]>().notNull(),
    passMark: smallint('pass_mark').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    /** open | submitted | expired */
    status: text('status').$type<'open' | 'submitted' | 'expired'>().notNull().default('open'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** question id → chosen option indexes. */
    answers: jsonb('answers').$type<Record<string, number[]>>(),
    score: smallint('score'),
    isPassed: boolean('is_passed'),
    completionId: integer('completion_id'),
  },
  (t) => [
    uniqueIndex('training_exam_attempts_no_key').on(t.userId, t.courseId, t.attemptNo),
    index('training_exam_attempts_course_idx').on(t.courseId),
    check('training_exam_attempts_status_check', sql`${t.status} in ('open','submitted','expired')`),
  ],
);
