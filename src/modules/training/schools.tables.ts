import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables.js';
import { trainingCourses } from './training.tables.js';

/**
 * A class of a technical school (技工院校) in a cohort, with the work-injury prevention course it is
 * required to take (TR-3: 三(五)2 / 三(三)二).
 */
export const schoolClasses = pgTable(
  'school_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The school: an organisation of kind technical_school. */
    schoolId: integer('school_id')
      .notNull()
      .references(() => organisations.id),
    /** Year the cohort (届) entered. */
    cohort: smallint('cohort').notNull(),
    name: text('name').notNull(),
    major: text('major'),
    /** The required course the class takes. */
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('school_classes_key').on(t.schoolId, t.cohort, t.name),
    check('school_classes_cohort_check', sql`${t.cohort} between 2000 and 2100`),
  ],
);

/** A student of a class (personal data: masked unless the viewer may see it). */
export const schoolStudents = pgTable(
  'school_students',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => schoolClasses.id),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    personName: text('person_name').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext (decision 0042). */
    idNumber: text('id_number').notNull(),
    /** The lookup key of the 身份证号 (`PiiCrypto.index`), the class's unique key. */
    idNumberIndex: text('id_number_index').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('school_students_key').on(t.classId, t.idNumberIndex)],
);

/** A pre-internship assessment (实习前考核) of a student: every attempt kept, pass decided by the setting. */
export const schoolAssessments = pgTable(
  'school_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    studentId: integer('student_id')
      .notNull()
      .references(() => schoolStudents.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    score: smallint('score').notNull(),
    /** The pass mark that applied, and the verdict under it. */
    passMark: smallint('pass_mark').notNull(),
    isPassed: boolean('is_passed').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('school_assessments_student_idx').on(t.studentId),
    check('school_assessments_score_check', sql`${t.score} between 0 and 100`),
  ],
);

/** An internship placement (实习安排): accepted only for a student with a passed assessment. */
export const internshipPlacements = pgTable(
  'internship_placements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    studentId: integer('student_id')
      .notNull()
      .references(() => schoolStudents.id),
    /** The host employer's name as the school knows it. */
    hostName: text('host_name').notNull(),
    hostEmployerId: integer('host_employer_id').references(() => organisations.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('internship_placements_student_idx').on(t.studentId)],
);
