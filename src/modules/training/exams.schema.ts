import { z } from 'zod';

const ZKind = z.enum(['single', 'multiple', 'true_false']);

export const ZQuestionImportQuery = z.object({
  /** The uploaded workbook's name (recorded with each question). */
  fileName: z.string().trim().min(1).max(200),
});

export const ZQuestionImportResult = z
  .object({
    imported: z.number(),
    /** Valid rows whose stem the bank already holds (skipped). */
    alreadyInBank: z.number(),
    /** Each refused row: its line (1 is the header), the column letter and header, and why. */
    rejected: z.array(
      z.object({
        line: z.number(),
        column: z.string(),
        field: z.string(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'QuestionImportResult' });

export const ZQuestionList = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        kind: ZKind,
        stem: z.string(),
        options: z.array(z.string()),
        /** Indexes of the right options (true/false: 0 true, 1 false). */
        answer: z.array(z.number()),
        points: z.number(),
        isActive: z.boolean(),
        sourceLine: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'QuestionList' });

export const ZExamAttempt = z
  .object({
    id: z.number(),
    courseId: z.number(),
    attemptNo: z.number(),
    status: z.enum(['open', 'submitted', 'expired']),
    startedAt: z.string(),
    deadlineAt: z.string(),
    /** Seconds left to answer, by the server's clock (0 once closed). */
    secondsLeft: z.number(),
    passMark: z.number(),
    score: z.number().nullable(),
    isPassed: z.boolean().nullable(),
    /** The paper drawn for this attempt, in order; no answers. */
    questions: z.array(
      z.object({
        id: z.number(),
        kind: ZKind,
        stem: z.string(),
        options: z.array(z.string()),
        points: z.number(),
      }),
    ),
  })
  .meta({ id: 'ExamAttempt' });

export const ZExamAttemptList = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        attemptNo: z.number(),
        status: z.enum(['open', 'submitted', 'expired']),
        startedAt: z.string(),
        submittedAt: z.string().nullable(),
        score: z.number().nullable(),
        passMark: z.number(),
        isPassed: z.boolean().nullable(),
      }),
    ),
  })
  .meta({ id: 'ExamAttemptList' });

export const ZExamAnswers = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.number().int().positive(),
        /** Chosen option indexes (one for single choice and true/false). */
        choice: z.array(z.number().int().min(0).max(5)).max(6),
      }),
    )
    .max(200),
});

export const ZExamResult = z
  .object({
    score: z.number(),
    earnedPoints: z.number(),
    totalPoints: z.number(),
    passMark: z.number(),
    isPassed: z.boolean(),
    /** Issued when the pass completes the course. */
    certificateNumber: z.string().nullable(),
    validUntil: z.string().nullable(),
  })
  .meta({ id: 'ExamResult' });
