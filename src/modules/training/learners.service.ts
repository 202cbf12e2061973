import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { addDays, addYears, today } from '../../platform/time.js';
import { resolveSetting } from '../settings/settings.service.js';
import { insertLearnerUser } from '../users/learner-accounts.js';
import { refreshCoverageCellsFor } from './coverage-cells.service.js';
import { readPersonField, storePerson } from './person-data.js';
import { trainingLearners } from './study.tables.js';
import { newCertificateNumber } from './training.service.js';
import { TRAINING_SETTINGS } from './training.settings.js';
import { trainingCompletions } from './training.tables.js';

/**
 * A learner's own name for the UI's greeting (`/api/auth/me`; app.ts hands it to the users
 * module): the holder's name, decrypted. The account stores only the masked name (decision 0047).
 * Null for every other account (no query).
 */
export async function describeLearnerOwnName(db: Db, actor: Actor): Promise<string | null> {
  if (actor.role !== 'learner') return null;
  return (await findLearner(db, actor))?.personName ?? null;
}

/** The key-post holder a learner account is, with the holder's post and employer. */
export interface Learner {
  userId: number;
  holderId: number;
  /** Plaintext (decrypted when read). */
  idNumber: string;
  /** The 身份证号's lookup key, what completions are matched by. */
  idNumberIndex: string;
  /** Plaintext (decrypted when read). */
  personName: string;
  employerId: number;
  roleCode: string;
  industryCode: string | null;
  /** The employer's jurisdiction path (the learner's scope). */
  path: string;
  jurisdictionCode: string;
}

/** The learner an account is, or null for an account that is not one (an officer previewing). */
export async function findLearner(db: Db, actor: Actor): Promise<Learner | null> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select l.user_id, l.holder_id, h.id_number, h.id_number_index, h.person_name, h.employer_id, r.code as role_code,
        o.industry_code, j.path, j.code as jurisdiction_code
      from training_learners l
      join key_post_holders h on h.id = l.holder_id
      join training_roles r on r.id = h.role_id
      join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id
      where l.user_id = ${actor.userId}`),
  );
  if (!row) return null;
  return {
    userId: Number(row.user_id),
    holderId: Number(row.holder_id),
    idNumber: readPersonField(row.id_number),
    idNumberIndex: String(row.id_number_index),
    personName: readPersonField(row.person_name),
    employerId: Number(row.employer_id),
    roleCode: String(row.role_code),
    industryCode: (row.industry_code as string | null) ?? null,
    path: String(row.path),
    jurisdictionCode: String(row.jurisdiction_code),
  };
}

/** The learner an account is; an account that is not one may not study. */
export async function requireLearner(db: Db, actor: Actor): Promise<Learner> {
  const learner = await findLearner(db, actor);
  if (!learner) throw new AppError(403, 'training.not_learner');
  return learner;
}

/** A course as the learner's pages need it. */
export interface LearnerCourse {
  id: number;
  title: string;
  form: 'online' | 'offline' | 'mixed';
  hours: number;
  roleCodes: string[];
  contentItems: string[];
  jurisdictionPath: string;
}

/**
 * Courses a learner may take: active, set up at the learner's jurisdiction or above it, serving the
 * learner's post and (when the course names industries) the employer's industry.
 */
export async function listCoursesForLearner(db: Db, learner: Learner, courseId?: number) {
  const codes = learner.path.split('/');
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select k.id, k.title, k.form, k.hours, k.role_codes, k.content_items, j.path
      from training_courses k join jurisdictions j on j.id = k.jurisdiction_id
      where k.status = 'active' and k.role_codes ? ${learner.roleCode}
        and j.code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})
        and (jsonb_array_length(k.industry_prefixes) = 0 or exists (
          select 1 from jsonb_array_elements_text(k.industry_prefixes) p(prefix)
          where ${learner.industryCode ?? ''} like p.prefix || '%'))
        ${courseId === undefined ? sql`` : sql`and k.id = ${courseId}`}
      order by k.id`),
  );
  return rows.map(
    (r): LearnerCourse => ({
      id: Number(r.id),
      title: String(r.title),
      form: r.form as LearnerCourse['form'],
      hours: Number(r.hours),
      roleCodes: r.role_codes as string[],
      contentItems: r.content_items as string[],
      jurisdictionPath: String(r.path),
    }),
  );
}

/** One course the learner may take, else 404 (as for an unknown id). */
export async function getCourseForLearner(db: Db, learner: Learner, courseId: number) {
  const [course] = await listCoursesForLearner(db, learner, courseId);
  if (!course) throw notFound();
  return course;
}

/** Where a learner stands in a course: what is done and what the completion still needs. */
export interface CourseStanding {
  segments: number;
  segmentsDone: number;
  onlineSeconds: number;
  offlineHours: number;
  offlineHoursRequired: number;
  questions: number;
  isExamPassed: boolean;
  bestScore: number | null;
  isOnlineDone: boolean;
  isOfflineDone: boolean;
  completion: { id: number; certificateNumber: string; completedOn: string; validUntil: string } | null;
}

/**
 * The completion rule of a course (TR-4, TR-6): every online segment studied through (when it has
 * any); offline hours attended (offline: the course's hours; mixed: the hours its segments do not
 * cover); the exam passed (when it has a question bank).
 */
export async function describeCourseStanding(db: Db, learner: Learner, course: LearnerCourse) {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select
        (select count(*) from training_segments s where s.course_id = ${course.id})::int as segments,
        (select coalesce(sum(s.duration_seconds), 0) from training_segments s where s.course_id = ${course.id})::int as segment_seconds,
        (select count(*) from training_segments s join training_segment_progress p on p.segment_id = s.id
          where s.course_id = ${course.id} and p.user_id = ${learner.userId} and p.completed_at is not null)::int as segments_done,
        (select coalesce(sum(p.watched_seconds), 0) from training_segments s join training_segment_progress p on p.segment_id = s.id
          where s.course_id = ${course.id} and p.user_id = ${learner.userId})::int as online_seconds,
        (select coalesce(sum(ts.hours), 0) from training_sessions ts join training_session_attendees a on a.session_id = ts.id
          where ts.course_id = ${course.id} and a.holder_id = ${learner.holderId} and a.signed_in_at is not null)::text as offline_hours,
        (select count(*) from training_questions q where q.course_id = ${course.id} and q.is_active)::int as questions,
        (select max(e.score) from training_exam_attempts e where e.course_id = ${course.id} and e.user_id = ${learner.userId}) as best_score,
        exists (select 1 from training_exam_attempts e where e.course_id = ${course.id} and e.user_id = ${learner.userId} and e.is_passed) as passed`),
  );
  const r = row as Record<string, unknown>;
  const segments = Number(r.segments);
  const segmentHours = Number(r.segment_seconds) / 3600;
  const offlineHoursRequired =
    course.form === 'online'
      ? 0
      : course.form === 'offline'
        ? course.hours
        : Math.max(0, Math.round((course.hours - segmentHours) * 10) / 10);
  const offlineHours = Number(r.offline_hours);
  const [completion] = await db
    .select({
      id: trainingCompletions.id,
      certificateNumber: trainingCompletions.certificateNumber,
      completedOn: trainingCompletions.completedOn,
      validUntil: trainingCompletions.validUntil,
    })
    .from(trainingCompletions)
    .where(
      and(
        eq(trainingCompletions.courseId, course.id),
        eq(trainingCompletions.idNumberIndex, learner.idNumberIndex),
        sql`${trainingCompletions.revokedAt} is null`,
      ),
    )
    .orderBy(sql`${trainingCompletions.completedOn} desc`)
    .limit(1);
  return {
    segments,
    segmentsDone: Number(r.segments_done),
    onlineSeconds: Number(r.online_seconds),
    offlineHours,
    offlineHoursRequired,
    questions: Number(r.questions),
    isExamPassed: Boolean(r.passed),
    bestScore: r.best_score === null ? null : Number(r.best_score),
    isOnlineDone: Number(r.segments_done) >= segments,
    isOfflineDone: offlineHours >= offlineHoursRequired,
    completion: completion ?? null,
  } satisfies CourseStanding;
}

/**
 * Issues the course's completion and certificate once everything the course requires is done (and
 * none is held yet); returns it, or null when something is still missing. Runs in the caller's
 * transaction with its own audit row.
 */
export async function settleCompletion(
  tx: Db,
  actor: Actor,
  learner: Learner,
  course: LearnerCourse,
  options: { now: Date; score?: number },
) {
  const standing = await describeCourseStanding(tx, learner, course);
  if (standing.completion) return standing.completion;
  const hasExam = standing.questions > 0;
  if (!standing.isOnlineDone || !standing.isOfflineDone || (hasExam && !standing.isExamPassed)) return null;
  const completedOn = today(options.now);
  const validity = await resolveSetting(tx, learner.path, TRAINING_SETTINGS.validityYears);
  const certificateNumber = newCertificateNumber(completedOn.slice(0, 4), learner.jurisdictionCode);
  // The hours the server counted (heartbeats and sign-ins), to the tenth, never the course's nominal hours.
  const hours = Math.max(0.1, Math.round((standing.onlineSeconds / 3600 + standing.offlineHours) * 10) / 10);
  const method = hasExam ? 'exam' : standing.segments > 0 && course.form === 'online' ? 'online' : 'offline';
  const [row] = await tx
    .insert(trainingCompletions)
    .values({
      courseId: course.id,
      ...storePerson(learner.idNumber, learner.personName),
      employerId: learner.employerId,
      completedOn,
      hours: String(Math.min(hours, 999)),
      method,
      score: hasExam ? (options.score ?? standing.bestScore) : null,
      certificateNumber,
      validUntil: addDays(addYears(completedOn, validity.value), -1),
      recordedBy: actor.username,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  // The maintained coverage cells of the counties where this person holds a post (decision 0026).
  await refreshCoverageCellsFor(tx, { idNumberIndexes: [learner.idNumberIndex] });
  await recordAudit(tx, actor, {
    action: 'training.completion.record',
    targetType: 'training_completion',
    targetId: row.id,
    details: {
      courseId: course.id,
      completedOn,
      method,
      certificate: certificateNumber,
      holderId: learner.holderId,
    },
  });
  return {
    id: row.id,
    certificateNumber: row.certificateNumber,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
  };
}

/**
 * Creates the learner account of a key-post holder (decision 0025): the employer for its own holder,
 * or an officer who may register holders in scope. One account per holder row.
 */
export async function createLearnerAccount(
  db: Db,
  actor: Actor,
  holderId: number,
  input: { username: string; password: string },
) {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select h.id, h.employer_id, h.person_name, h.ended_on, o.jurisdiction_id, j.path
      from key_post_holders h join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id where h.id = ${holderId}`),
  );
  if (!row || !isInScope(actor, String(row.path))) throw notFound();
  if (!hasPermission(actor, 'training:manage') && actor.organisationId !== Number(row.employer_id))
    throw notFound();
  if (row.ended_on !== null) throw new AppError(409, 'training.holder_ended');
  const [existing] = await db
    .select({ userId: trainingLearners.userId })
    .from(trainingLearners)
    .where(eq(trainingLearners.holderId, holderId));
  if (existing) throw new AppError(409, 'training.learner_exists', {}, 'holderId');
  return db.transaction(async (tx) => {
    const userId = await insertLearnerUser(tx, {
      username: input.username,
      password: input.password,
      displayName: readPersonField(row.person_name),
      jurisdictionId: Number(row.jurisdiction_id),
      organisationId: Number(row.employer_id),
    });
    await tx.insert(trainingLearners).values({ userId, holderId, createdBy: actor.username });
    await recordAudit(tx, actor, {
      action: 'training.learner.create',
      targetType: 'key_post_holder',
      targetId: holderId,
      details: { userId, username: input.username },
    });
    return { userId, username: input.username };
  });
}
