import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZDate = z.iso.date();

export const ZSchoolClassInput = z.object({
  /** The technical school (an organisation of kind technical_school). */
  schoolId: z.number().int().positive(),
  /** Year the cohort entered. */
  cohort: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(100),
  major: z.string().trim().max(100).optional(),
  /** The required prevention course of the class. */
  courseId: z.number().int().positive(),
});
export type SchoolClassInput = z.infer<typeof ZSchoolClassInput>;

/** A course a school may make the required course of a class. */
export const ZSchoolCourse = z.object({
  id: z.number(),
  title: z.string(),
  hours: z.number(),
  /** Where the course was set up (the school's area or above). */
  jurisdictionName: z.string(),
});
export const ZSchoolCourseList = z.object({ items: z.array(ZSchoolCourse) }).meta({ id: 'SchoolCourseList' });

export const ZSchoolClassQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
});

export const ZSchoolClass = z.object({
  id: z.number(),
  schoolId: z.number(),
  schoolName: z.string(),
  cohort: z.number(),
  name: z.string(),
  major: z.string().nullable(),
  courseId: z.number(),
  courseTitle: z.string(),
  /** Students of the class. */
  students: z.number(),
  /** Students with a passed pre-internship assessment. */
  passed: z.number(),
  /** Students placed in an internship. */
  placed: z.number(),
});
export const ZSchoolClassList = z
  .object({ total: z.number(), items: z.array(ZSchoolClass) })
  .meta({ id: 'SchoolClassList' });

export const ZStudentInput = z.object({
  personName: z.string().trim().min(1).max(50),
  /** 公民身份号码 */
  idNumber: z.string().trim().min(15).max(18),
});
export type StudentInput = z.infer<typeof ZStudentInput>;

export const ZStudent = z.object({
  id: z.number(),
  personName: z.string(),
  idNumber: z.string(),
  /** The best assessment so far, null when none. */
  bestScore: z.number().nullable(),
  isPassed: z.boolean(),
  /** The latest placement's host and start, when placed. */
  placedAt: z.string().nullable(),
  placedOn: z.string().nullable(),
});
export const ZStudentList = z
  .object({ masked: z.boolean(), items: z.array(ZStudent) })
  .meta({ id: 'SchoolStudentList' });

export const ZAssessmentInput = z.object({
  assessedOn: ZDate,
  score: z.number().int().min(0).max(100),
});
export type AssessmentInput = z.infer<typeof ZAssessmentInput>;
export const ZAssessmentResult = z.object({
  id: z.number(),
  passMark: z.number(),
  isPassed: z.boolean(),
});

export const ZPlacementInput = z.object({
  hostName: z.string().trim().min(2).max(200),
  /** The host employer when it is registered here. */
  hostEmployerId: z.number().int().positive().optional(),
  startsOn: ZDate,
});
export type PlacementInput = z.infer<typeof ZPlacementInput>;

export const ZSchoolCoverage = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        schoolId: z.number(),
        schoolName: z.string(),
        jurisdictionName: z.string(),
        classes: z.number(),
        /** Classes with a required course on record (every class has one: a class needs it). */
        students: z.number(),
        passed: z.number(),
        placed: z.number(),
        /** Students with a passed assessment, percent of students; null without students. */
        coveragePct: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'SchoolCoverage' });
