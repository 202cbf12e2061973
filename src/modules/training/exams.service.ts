import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { type Language, type MessageKey, translate } from '../../platform/i18n/messages.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { resolveSettings } from '../settings/settings.service.js';
import { EXAM_SETTINGS } from './exams.settings.js';
import { type QuestionKind, trainingExamAttempts, trainingQuestions } from './exams.tables.js';
import {
  describeCourseStanding,
  findLearner,
  getCourseForLearner,
  type Learner,
  requireLearner,
  settleCompletion,
} from './learners.service.js';
import { storeIdNumber } from './person-data.js';
import { trainingCourses } from './training.tables.js';

/** A course in the actor's scope (set up there or above it), for officers managing its bank. */
export async function getCourseInScope(db: Db, actor: Actor, courseId: number) {
  const [row] = await db
    .select({ course: trainingCourses, path: jurisdictions.path })
    .from(trainingCourses)
    .innerJoin(jurisdictions, eq(jurisdictions.id, trainingCourses.jurisdictionId))
    .where(eq(trainingCourses.id, courseId));
  if (!row || !isInScope(actor, row.path)) throw notFound();
  return { ...row.course, path: row.path };
}

// ---- Question bank import (XLSX) -------------------------------------------------------------

/** The columns of the question template, in order (row 1 is the header). */
export const QUESTION_COLUMNS = [
  { key: 'kind', header: '题型', letter: 'A' },
  { key: 'stem', header: '题干', letter: 'B' },
  { key: 'A', header: '选项A', letter: 'C' },
  { key: 'B', header: '选项B', letter: 'D' },
  { key: 'C', header: '选项C', letter: 'E' },
  { key: 'D', header: '选项D', letter: 'F' },
  { key: 'E', header: '选项E', letter: 'G' },
  { key: 'F', header: '选项F', letter: 'H' },
  { key: 'answer', header: '答案', letter: 'I' },
  { key: 'points', header: '分值', letter: 'J' },
] as const;
const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const KIND_WORDS: Record<string, QuestionKind> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
  判断: 'true_false',
  判断题: 'true_false',
  true_false: 'true_false',
};
const TRUE_WORDS = new Set(['正确', '对', '√', 'T', 'TRUE', '是']);
const FALSE_WORDS = new Set(['错误', '错', '×', 'F', 'FALSE', '否']);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return value.result === undefined ? '' : String(value.result).trim();
    if ('text' in value) return String(value.text).trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value).trim();
}

/** A rejected line of an import: the line and column of the first problem, and what it is. */
export interface RowProblem {
  line: number;
  column: string;
  field: string;
  code: MessageKey;
  message: string;
}

interface ParsedQuestion {
  line: number;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  points: number;
}

/** Reads one data row into a question, or the first problem found in it (pure: tested on its own). */
export function parseQuestionRow(
  cells: Record<string, string>,
  line: number,
  language: Language,
): ParsedQuestion | RowProblem {
  const problem = (key: (typeof QUESTION_COLUMNS)[number]['key'], code: MessageKey, params = {}) => {
    const column = QUESTION_COLUMNS.find((c) => c.key === key) as (typeof QUESTION_COLUMNS)[number];
    return {
      line,
      column: column.letter,
      field: column.header,
      code,
      message: translate(code, language, params),
    };
  };
  const kind =
    KIND_WORDS[(cells.kind ?? '').replace(/\s/g, '').toLowerCase()] ?? KIND_WORDS[cells.kind ?? ''];
  if (!kind) return problem('kind', 'training.question_kind');
  const stem = cells.stem ?? '';
  if (stem.length === 0 || stem.length > 500) return problem('stem', 'training.question_stem');
  let options: string[];
  if (kind === 'true_false') options = ['正确', '错误'];
  else {
    const texts = OPTION_LETTERS.map((l) => cells[l] ?? '');
    const last = texts.reduce((n, text, i) => (text ? i : n), -1);
    const gap = texts.findIndex((text, i) => i <= last && !text);
    if (gap >= 0) return problem(OPTION_LETTERS[gap] as 'A', 'training.question_options');
    if (last < 1) return problem(OPTION_LETTERS[Math.max(last + 1, 0)] as 'A', 'training.question_options');
    options = texts.slice(0, last + 1);
  }
  const raw = (cells.answer ?? '').replace(/[\s,，、]/g, '').toUpperCase();
  let answer: number[];
  if (kind === 'true_false') {
    if (TRUE_WORDS.has(raw)) answer = [0];
    else if (FALSE_WORDS.has(raw)) answer = [1];
    else return problem('answer', 'training.question_answer');
  } else {
    const indexes = [...raw].map((c) => OPTION_LETTERS.indexOf(c as 'A'));
    const unique = [...new Set(indexes)].sort((a, b) => a - b);
    const fits =
      raw.length > 0 &&
      unique.length === indexes.length &&
      unique.every((i) => i >= 0 && i < options.length) &&
      (kind === 'single' ? unique.length === 1 : unique.length >= 2);
    if (!fits) return problem('answer', 'training.question_answer');
    answer = unique;
  }
  const pointsText = cells.points ?? '';
  const points = pointsText === '' ? 1 : Number(pointsText);
  if (!Number.isInteger(points) || points < 1 || points > 100)
    return problem('points', 'training.question_points');
  return { line, kind, stem, options, answer, points };
}

/**
 * Imports a course's questions from an XLSX workbook (first sheet, header on line 1): every valid
 * row is kept, each bad row is returned with its line and column; a stem already in the bank is
 * skipped (counted), a stem repeated within the file is refused at its second line.
 */
export async function importQuestions(
  db: Db,
  actor: Actor,
  courseId: number,
  input: { fileName: string; body: Buffer; language: Language },
) {
  const course = await getCourseInScope(db, actor, courseId);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input.body as unknown as ArrayBuffer);
  } catch (error) {
    throw badRequest('training.file_invalid', 'file', { reason: (error as Error).message.slice(0, 100) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest('training.file_invalid', 'file', { reason: 'no sheet' });
  const parsed: ParsedQuestion[] = [];
  const rejected: RowProblem[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, string> = {};
    QUESTION_COLUMNS.forEach((c, i) => {
      cells[c.key] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).every((v) => v === '')) return;
    const result = parseQuestionRow(cells, line, input.language);
    if ('code' in result) return void rejected.push(result);
    const earlier = seen.get(result.stem);
    if (earlier !== undefined) {
      const code = 'training.question_repeated';
      return void rejected.push({
        line,
        column: 'B',
        field: '题干',
        code,
        message: translate(code, input.language, { line: earlier }),
      });
    }
    seen.set(result.stem, line);
    parsed.push(result);
  });
  return db.transaction(async (tx) => {
    const inserted =
      parsed.length === 0
        ? []
        : await tx
            .insert(trainingQuestions)
            .values(
              parsed.map((q) => ({
                courseId: course.id,
                kind: q.kind,
                stem: q.stem,
                options: q.options,
                answer: q.answer,
                points: q.points,
                sourceFile: input.fileName,
                sourceLine: q.line,
                createdBy: actor.username,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: trainingQuestions.id });
    await recordAudit(tx, actor, {
      action: 'training.questions.import',
      targetType: 'training_course',
      targetId: course.id,
      details: {
        fileName: input.fileName,
        imported: inserted.length,
        alreadyInBank: parsed.length - inserted.length,
        rejected: rejected.length,
      },
    });
    return {
      imported: inserted.length,
      alreadyInBank: parsed.length - inserted.length,
      rejected: rejected.sort((a, b) => a.line - b.line),
    };
  });
}

/** A course's question bank with the answers (officers). */
export async function listQuestions(db: Db, actor: Actor, courseId: number) {
  const course = await getCourseInScope(db, actor, courseId);
  const rows = await db
    .select()
    .from(trainingQuestions)
    .where(eq(trainingQuestions.courseId, course.id))
    .orderBy(asc(trainingQuestions.id));
  return {
    total: rows.length,
    items: rows.map((q) => ({
      id: q.id,
      kind: q.kind,
      stem: q.stem,
      options: q.options,
      answer: q.answer,
      points: q.points,
      isActive: q.isActive,
      sourceLine: q.sourceLine,
    })),
  };
}

// ---- Papers, answers, scores -------------------------------------------------------------------

/** The questions of a paper as a learner sees them: no answers. */
async function paperQuestions(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db.select().from(trainingQuestions).where(inArray(trainingQuestions.id, ids));
  const byId = new Map(rows.map((q) => [q.id, q]));
  return ids.map((id) => {
    const q = byId.get(id);
    if (!q) throw new Error(`question ${id} of a paper is gone`);
    return q;
  });
}

/**
 * The score of a paper: the points of the questions answered exactly right (a multiple choice
 * counts only when every right option and no wrong one is chosen), out of 100, rounded down so a
 * score never rounds up over the pass mark.
 */
export function scorePaper(
  questions: readonly { id: number; answer: number[]; points: number }[],
  answers: Readonly<Record<string, number[]>>,
) {
  const total = questions.reduce((n, q) => n + q.points, 0);
  let earned = 0;
  for (const q of questions) {
    const given = [...new Set(answers[String(q.id)] ?? [])].sort((a, b) => a - b);
    if (given.length === q.answer.length && given.every((v, i) => v === q.answer[i])) earned += q.points;
  }
  return { earned, total, score: total === 0 ? 0 : Math.floor((earned * 100) / total) };
}

type AttemptRow = typeof trainingExamAttempts.$inferSelect;

async function attemptView(db: Db, attempt: AttemptRow, now: Date) {
  const questions = await paperQuestions(db, attempt.questionIds);
  const isOpen = attempt.status === 'open' && now <= attempt.deadlineAt;
  return {
    id: attempt.id,
    courseId: attempt.courseId,
    attemptNo: attempt.attemptNo,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt.toISOString(),
    secondsLeft: isOpen ? Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000) : 0,
    passMark: attempt.passMark,
    score: attempt.score,
    isPassed: attempt.isPassed,
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      stem: q.stem,
      options: q.options,
      points: q.points,
    })),
  };
}

/** Draws `count` of the ids at random (Fisher–Yates with a cryptographic source). */
function drawQuestions(ids: number[], count: number): number[] {
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, count);
}

/** Marks an attempt whose time ran out as expired (its own transaction and audit row). */
async function expireAttempt(db: Db, actor: Actor, attempt: AttemptRow) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingExamAttempts)
      .set({ status: 'expired', score: 0, isPassed: false })
      .where(and(eq(trainingExamAttempts.id, attempt.id), eq(trainingExamAttempts.status, 'open')))
      .returning({ id: trainingExamAttempts.id });
    if (updated.length > 0)
      await recordAudit(tx, actor, {
        action: 'training.exam.expire',
        targetType: 'training_exam_attempt',
        targetId: attempt.id,
        details: { courseId: attempt.courseId, attemptNo: attempt.attemptNo },
      });
  });
}

/**
 * Starts an attempt at a course's exam (TR-4): draws a random paper from the bank (recorded), with
 * the deadline the time-limit setting gives. An open attempt still in time is returned instead.
 */
export async function startExamAttempt(db: Db, actor: Actor, courseId: number, now: Date) {
  const learner = await requireLearner(db, actor);
  const course = await getCourseForLearner(db, learner, courseId);
  const settings = await resolveSettings(db, learner.path, EXAM_SETTINGS);
  const attempts = await db
    .select()
    .from(trainingExamAttempts)
    .where(and(eq(trainingExamAttempts.userId, learner.userId), eq(trainingExamAttempts.courseId, course.id)))
    .orderBy(desc(trainingExamAttempts.attemptNo));
  const open = attempts.find((a) => a.status === 'open');
  if (open && now <= open.deadlineAt) return attemptView(db, open, now);
  if (open) await expireAttempt(db, actor, open);
  if (attempts.some((a) => a.isPassed)) throw new AppError(409, 'training.exam_already_passed');
  if (attempts.length >= settings.maxAttempts.value)
    throw new AppError(409, 'training.exam_attempts_used', { max: settings.maxAttempts.value });
  const standing = await describeCourseStanding(db, learner, course);
  if (!standing.isOnlineDone) throw new AppError(409, 'training.exam_study_incomplete');
  const bank = await db
    .select({ id: trainingQuestions.id })
    .from(trainingQuestions)
    .where(and(eq(trainingQuestions.courseId, course.id), eq(trainingQuestions.isActive, true)));
  if (bank.length === 0) throw new AppError(409, 'training.exam_no_questions');
  const questionIds = drawQuestions(
    bank.map((q) => q.id),
    settings.questionCount.value,
  );
  const attempt = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingExamAttempts)
      .values({
        courseId: course.id,
        userId: learner.userId,
        holderId: learner.holderId,
        ...storeIdNumber(learner.idNumber),
        attemptNo: (attempts[0]?.attemptNo ?? 0) + 1,
        questionIds,
        passMark: settings.passMark.value,
        startedAt: now,
        deadlineAt: new Date(now.getTime() + settings.timeLimitMinutes.value * 60_000),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'training.exam.start',
      targetType: 'training_exam_attempt',
      targetId: row.id,
      details: { courseId: course.id, attemptNo: row.attemptNo, questionIds },
    });
    return row;
  });
  return attemptView(db, attempt, now);
}

/** The learner's own attempt; another learner's paper answers 404, as an unknown one. */
async function ownAttempt(db: Db, learner: Learner, attemptId: number) {
  const [attempt] = await db
    .select()
    .from(trainingExamAttempts)
    .where(eq(trainingExamAttempts.id, attemptId));
  if (!attempt || attempt.userId !== learner.userId) throw notFound();
  return attempt;
}

/** One of the learner's own attempts, with its paper (no answers). */
export async function getExamAttempt(db: Db, actor: Actor, attemptId: number, now: Date) {
  const learner = await requireLearner(db, actor);
  return attemptView(db, await ownAttempt(db, learner, attemptId), now);
}

/** The learner's attempts at a course: results kept, passed or not. */
export async function listExamAttempts(db: Db, actor: Actor, courseId: number, now: Date) {
  const learner = await findLearner(db, actor);
  // An account that is not a learner's has no attempts; the course must still be one it may see.
  if (!learner) {
    await getCourseInScope(db, actor, courseId);
    return { total: 0, items: [] };
  }
  const course = await getCourseForLearner(db, learner, courseId);
  const rows = await db
    .select()
    .from(trainingExamAttempts)
    .where(and(eq(trainingExamAttempts.userId, learner.userId), eq(trainingExamAttempts.courseId, course.id)))
    .orderBy(asc(trainingExamAttempts.attemptNo));
  return {
    total: rows.length,
    items: rows.map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      status: a.status === 'open' && now > a.deadlineAt ? ('expired' as const) : a.status,
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      score: a.score,
      passMark: a.passMark,
      isPassed: a.isPassed,
    })),
  };
}

/**
 * Submits the answers of a paper (TR-4). Refused: another learner's paper (404), a paper already
 * submitted, answers after the time limit (the attempt is then expired), a question not on the
 * paper or a choice outside its options. A pass issues the completion and its certificate when the
 * rest of the course is done too.
 */
export async function submitExamAnswers(
  db: Db,
  actor: Actor,
  attemptId: number,
  input: { answers: { questionId: number; choice: number[] }[] },
  now: Date,
) {
  const learner = await requireLearner(db, actor);
  const attempt = await ownAttempt(db, learner, attemptId);
  if (attempt.status !== 'open') throw new AppError(409, 'training.exam_closed');
  if (now > attempt.deadlineAt) {
    await expireAttempt(db, actor, attempt);
    throw new AppError(409, 'training.exam_time_up');
  }
  const questions = await paperQuestions(db, attempt.questionIds);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Record<string, number[]> = {};
  input.answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q)
      throw badRequest('training.exam_question_not_in_paper', `answers.${i}.questionId`, {
        questionId: a.questionId,
      });
    const valid =
      a.choice.every((c) => Number.isInteger(c) && c >= 0 && c < q.options.length) &&
      (q.kind === 'multiple' || a.choice.length <= 1);
    if (!valid)
      throw badRequest('training.exam_choice_invalid', `answers.${i}.choice`, { questionId: a.questionId });
    answers[String(a.questionId)] = a.choice;
  });
  const result = scorePaper(questions, answers);
  const isPassed = result.score >= attempt.passMark;
  const course = await getCourseForLearner(db, learner, attempt.courseId);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingExamAttempts)
      .set({ status: 'submitted', submittedAt: now, answers, score: result.score, isPassed })
      .where(and(eq(trainingExamAttempts.id, attempt.id), eq(trainingExamAttempts.status, 'open')))
      .returning({ id: trainingExamAttempts.id });
    if (updated.length === 0) throw new AppError(409, 'training.exam_closed');
    await recordAudit(tx, actor, {
      action: 'training.exam.submit',
      targetType: 'training_exam_attempt',
      targetId: attempt.id,
      details: { courseId: attempt.courseId, score: result.score, isPassed, passMark: attempt.passMark },
    });
    const completion = isPassed
      ? await settleCompletion(tx, actor, learner, course, { now, score: result.score })
      : null;
    if (completion)
      await tx
        .update(trainingExamAttempts)
        .set({ completionId: completion.id })
        .where(eq(trainingExamAttempts.id, attempt.id));
    return {
      score: result.score,
      earnedPoints: result.earned,
      totalPoints: result.total,
      passMark: attempt.passMark,
      isPassed,
      certificateNumber: completion?.certificateNumber ?? null,
      validUntil: completion?.validUntil ?? null,
    };
  });
}
