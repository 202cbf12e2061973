import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { resolveSetting } from '../settings/settings.service.js';
import { getCourseInScope } from './exams.service.js';
import { EXAM_SETTINGS } from './exams.settings.js';
import {
  describeCourseStanding,
  findLearner,
  getCourseForLearner,
  type Learner,
  type LearnerCourse,
  listCoursesForLearner,
  requireLearner,
  settleCompletion,
} from './learners.service.js';
import { trainingSessionAttendees, trainingSessions } from './sessions.tables.js';
import {
  trainingSegmentProgress,
  trainingSegments,
  trainingStudySessions,
  trainingVideoFiles,
} from './study.tables.js';

// ---- Segments (officers) -----------------------------------------------------------------------

/** Adds a segment at the end of a course's online part (TR-6). */
export async function addSegment(
  db: Db,
  actor: Actor,
  courseId: number,
  input: { title: string; durationSeconds: number },
) {
  const course = await getCourseInScope(db, actor, courseId);
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${trainingSegments.seq}), 0)::int` })
      .from(trainingSegments)
      .where(eq(trainingSegments.courseId, course.id));
    const [row] = await tx
      .insert(trainingSegments)
      .values({
        courseId: course.id,
        seq: (last?.seq ?? 0) + 1,
        title: input.title.trim(),
        durationSeconds: input.durationSeconds,
        createdBy: actor.username,
      })
      .returning({ id: trainingSegments.id, seq: trainingSegments.seq });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'training.segment.add',
      targetType: 'training_course',
      targetId: course.id,
      details: {
        segmentId: row.id,
        seq: row.seq,
        title: input.title,
        durationSeconds: input.durationSeconds,
      },
    });
    return { id: row.id, seq: row.seq };
  });
}

/** A course's segments in order, with their video's file name and size (officers). */
export async function listSegments(db: Db, actor: Actor, courseId: number) {
  const course = await getCourseInScope(db, actor, courseId);
  return { items: await segmentsOf(db, course.id) };
}

async function segmentsOf(db: Db, courseId: number) {
  const rows = await db
    .select({
      id: trainingSegments.id,
      seq: trainingSegments.seq,
      title: trainingSegments.title,
      durationSeconds: trainingSegments.durationSeconds,
      videoFileName: trainingVideoFiles.fileName,
      videoSizeBytes: trainingVideoFiles.sizeBytes,
    })
    .from(trainingSegments)
    .leftJoin(trainingVideoFiles, eq(trainingVideoFiles.id, trainingSegments.videoFileId))
    .where(eq(trainingSegments.courseId, courseId))
    .orderBy(asc(trainingSegments.seq));
  return rows.map((r) => ({
    ...r,
    videoFileName: r.videoFileName ?? null,
    videoSizeBytes: r.videoSizeBytes ?? null,
  }));
}

// ---- The learner's courses ---------------------------------------------------------------------

/** The courses a learner may take, each with where the learner stands (an account that is not a learner's: none). */
export async function listStudyCourses(db: Db, actor: Actor) {
  const learner = await findLearner(db, actor);
  if (!learner) return { total: 0, items: [] };
  const courses = await listCoursesForLearner(db, learner);
  const items = [];
  for (const course of courses)
    items.push({ ...course, standing: await describeCourseStanding(db, learner, course) });
  return { total: items.length, items: items.map(({ jurisdictionPath: _p, ...rest }) => rest) };
}

/** Segment progress of a learner in a course, in order, with which segments are still locked. */
async function progressOf(db: Db, learner: Learner | null, courseId: number) {
  const segments = await segmentsOf(db, courseId);
  const progress = learner
    ? await db
        .select()
        .from(trainingSegmentProgress)
        .where(
          and(
            eq(trainingSegmentProgress.userId, learner.userId),
            sql`${trainingSegmentProgress.segmentId} in (select id from training_segments where course_id = ${courseId})`,
          ),
        )
    : [];
  const bySegment = new Map(progress.map((p) => [p.segmentId, p]));
  let isOpenSoFar = true;
  return segments.map((s) => {
    const p = bySegment.get(s.id);
    const isCompleted = Boolean(p?.completedAt);
    // A segment opens when every segment before it is completed: no skipping ahead.
    const isLocked = !isOpenSoFar;
    if (!isCompleted) isOpenSoFar = false;
    return {
      id: s.id,
      seq: s.seq,
      title: s.title,
      durationSeconds: s.durationSeconds,
      hasVideo: s.videoFileName !== null,
      watchedSeconds: p?.watchedSeconds ?? 0,
      isCompleted,
      isLocked,
    };
  });
}

/**
 * One course as the learner's study page shows it: segments with progress (locked ahead of the first
 * unfinished one), offline sessions the learner is on, and where the learner stands. For an account
 * that is not a learner's, the course in its scope without progress (a preview).
 */
export async function getStudyCourse(db: Db, actor: Actor, courseId: number) {
  const learner = await findLearner(db, actor);
  const course: LearnerCourse = learner
    ? await getCourseForLearner(db, learner, courseId)
    : await previewCourse(db, actor, courseId);
  const segments = await progressOf(db, learner, course.id);
  const offlineSessions = learner
    ? (
        await db
          .select({
            id: trainingSessions.id,
            heldOn: trainingSessions.heldOn,
            place: trainingSessions.place,
            hours: trainingSessions.hours,
            signedInAt: trainingSessionAttendees.signedInAt,
          })
          .from(trainingSessionAttendees)
          .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSessionAttendees.sessionId))
          .where(
            and(
              eq(trainingSessionAttendees.holderId, learner.holderId),
              eq(trainingSessions.courseId, course.id),
            ),
          )
          .orderBy(asc(trainingSessions.heldOn))
      ).map((s) => ({ ...s, hours: Number(s.hours), signedInAt: s.signedInAt?.toISOString() ?? null }))
    : [];
  const { jurisdictionPath: _p, ...shown } = course;
  return {
    course: shown,
    isLearner: learner !== null,
    segments,
    offlineSessions,
    standing: learner ? await describeCourseStanding(db, learner, course) : null,
  };
}

async function previewCourse(db: Db, actor: Actor, courseId: number): Promise<LearnerCourse> {
  const c = await getCourseInScope(db, actor, courseId);
  return {
    id: c.id,
    title: c.title,
    form: c.form,
    hours: Number(c.hours),
    roleCodes: c.roleCodes,
    contentItems: c.contentItems,
    jurisdictionPath: c.path,
  };
}

// ---- Study sessions and heartbeats (TR-6) ------------------------------------------------------

/**
 * Starts a study session of a course: any other active session of the learner ends (superseded), so
 * one learner studies in one place at a time.
 */
export async function startStudySession(db: Db, actor: Actor, courseId: number, now: Date) {
  const learner = await requireLearner(db, actor);
  const course = await getCourseForLearner(db, learner, courseId);
  return db.transaction(async (tx) => {
    const superseded = await tx
      .update(trainingStudySessions)
      .set({ endedAt: now, endReason: 'superseded' })
      .where(and(eq(trainingStudySessions.userId, learner.userId), isNull(trainingStudySessions.endedAt)))
      .returning({ id: trainingStudySessions.id });
    const [row] = await tx
      .insert(trainingStudySessions)
      .values({ userId: learner.userId, courseId: course.id, startedAt: now, lastHeartbeatAt: now })
      .returning({ id: trainingStudySessions.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'training.study.start',
      targetType: 'training_study_session',
      targetId: row.id,
      details: { courseId: course.id, superseded: superseded.map((s) => s.id) },
    });
    return { id: row.id, startedAt: now.toISOString(), superseded: superseded.map((s) => s.id) };
  });
}

async function ownSession(db: Db, learner: Learner, sessionId: number) {
  const [session] = await db
    .select()
    .from(trainingStudySessions)
    .where(eq(trainingStudySessions.id, sessionId));
  if (!session || session.userId !== learner.userId) throw notFound();
  return session;
}

/** Ends one's own study session (leaving the page). */
export async function endStudySession(db: Db, actor: Actor, sessionId: number, now: Date) {
  const learner = await requireLearner(db, actor);
  const session = await ownSession(db, learner, sessionId);
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(trainingStudySessions)
      .set({ endedAt: now, endReason: 'ended' })
      .where(and(eq(trainingStudySessions.id, session.id), isNull(trainingStudySessions.endedAt)))
      .returning({ id: trainingStudySessions.id });
    await recordAudit(tx, actor, {
      action: 'training.study.end',
      targetType: 'training_study_session',
      targetId: session.id,
      details: { creditedSeconds: session.creditedSeconds, wasActive: ended.length > 0 },
    });
  });
  return { ok: true as const };
}

/**
 * A heartbeat of a study session on a segment (TR-6). The server credits the segment with the time
 * elapsed since the session's previous heartbeat, never more, and never past the segment's length;
 * the client's word about its position counts for nothing. Refused: a session that has ended
 * (superseded elsewhere, or locked after the idle setting's minutes without a heartbeat), and a
 * segment ahead of the first unfinished one.
 */
export async function recordHeartbeat(
  db: Db,
  actor: Actor,
  sessionId: number,
  input: { segmentId: number },
  now: Date,
) {
  const learner = await requireLearner(db, actor);
  const session = await ownSession(db, learner, sessionId);
  if (session.endedAt) {
    if (session.endReason === 'idle') throw idleLocked(await idleMinutes(db, learner));
    throw new AppError(409, 'training.study_session_ended');
  }
  const idle = await idleMinutes(db, learner);
  const elapsedMs = now.getTime() - session.lastHeartbeatAt.getTime();
  if (elapsedMs > idle * 60_000) {
    await db.transaction(async (tx) => {
      await tx
        .update(trainingStudySessions)
        .set({ endedAt: now, endReason: 'idle' })
        .where(and(eq(trainingStudySessions.id, session.id), isNull(trainingStudySessions.endedAt)));
      await recordAudit(tx, actor, {
        action: 'training.study.idle_lock',
        targetType: 'training_study_session',
        targetId: session.id,
        details: { lastHeartbeatAt: session.lastHeartbeatAt.toISOString(), idleMinutes: idle },
      });
    });
    throw idleLocked(idle);
  }
  const course = await getCourseForLearner(db, learner, session.courseId);
  const segments = await progressOf(db, learner, course.id);
  const segment = segments.find((s) => s.id === input.segmentId);
  if (!segment) throw badRequest('not_found', 'segmentId');
  if (segment.isLocked) throw new AppError(409, 'training.study_skip_refused', {}, 'segmentId');
  const credit = Math.max(
    0,
    Math.min(Math.floor(elapsedMs / 1000), segment.durationSeconds - segment.watchedSeconds),
  );
  // Whole seconds credited move the session's clock on by exactly that much, so fractions carry over.
  const advancedTo = new Date(
    session.lastHeartbeatAt.getTime() +
      (segment.isCompleted ? elapsedMs : Math.floor(elapsedMs / 1000) * 1000),
  );
  return db.transaction(async (tx) => {
    // Only the heartbeat that moves the clock from where this one read it credits: two sent at once
    // cannot both count the same seconds.
    const moved = await tx
      .update(trainingStudySessions)
      .set({
        lastHeartbeatAt: advancedTo,
        creditedSeconds: sql`${trainingStudySessions.creditedSeconds} + ${credit}`,
      })
      .where(
        and(
          eq(trainingStudySessions.id, session.id),
          isNull(trainingStudySessions.endedAt),
          eq(trainingStudySessions.lastHeartbeatAt, session.lastHeartbeatAt),
        ),
      )
      .returning({ id: trainingStudySessions.id });
    const counted = moved.length > 0 ? credit : 0;
    const watched = segment.watchedSeconds + counted;
    const isCompleted = segment.isCompleted || watched >= segment.durationSeconds;
    if (counted > 0 || !segment.isCompleted)
      await tx
        .insert(trainingSegmentProgress)
        .values({
          userId: learner.userId,
          segmentId: segment.id,
          watchedSeconds: watched,
          completedAt: isCompleted ? now : null,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [trainingSegmentProgress.userId, trainingSegmentProgress.segmentId],
          set: {
            watchedSeconds: sql`least(${trainingSegmentProgress.watchedSeconds} + ${counted}, ${segment.durationSeconds})`,
            completedAt: sql`coalesce(${trainingSegmentProgress.completedAt}, ${isCompleted ? now : null}::timestamptz)`,
            updatedAt: now,
          },
        });
    let completion = null;
    if (isCompleted && !segment.isCompleted) {
      await recordAudit(tx, actor, {
        action: 'training.study.segment_complete',
        targetType: 'training_study_session',
        targetId: session.id,
        details: { courseId: course.id, segmentId: segment.id, seq: segment.seq },
      });
      completion = await settleCompletion(tx, actor, learner, course, { now });
    }
    const next = segments.find((s) => s.seq > segment.seq && !s.isCompleted);
    return {
      creditedSeconds: counted,
      segment: { id: segment.id, watchedSeconds: Math.min(watched, segment.durationSeconds), isCompleted },
      nextSegmentId: isCompleted ? (next?.id ?? null) : segment.id,
      certificateNumber: completion?.certificateNumber ?? null,
    };
  });
}

async function idleMinutes(db: Db, learner: Learner) {
  return (await resolveSetting(db, learner.path, EXAM_SETTINGS.idleLockMinutes)).value;
}

function idleLocked(minutes: number) {
  return new AppError(409, 'training.study_idle_locked', { minutes });
}

// ---- Course videos -----------------------------------------------------------------------------

const VIDEO_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
};

/**
 * Stores a segment's video (hash-addressed, size limit a setting) and attaches it to the segment;
 * the upload is audited. The content type follows the file's extension (video only).
 */
export async function uploadSegmentVideo(
  db: Db,
  actor: Actor,
  segmentId: number,
  input: { fileName: string; body: AsyncIterable<Buffer>; uploadDir: string },
  now: Date,
) {
  const [segment] = await db.select().from(trainingSegments).where(eq(trainingSegments.id, segmentId));
  if (!segment) throw notFound();
  const course = await getCourseInScope(db, actor, segment.courseId);
  const extension = input.fileName.split('.').pop()?.toLowerCase() ?? '';
  const contentType = VIDEO_TYPES[extension];
  if (!contentType)
    throw badRequest('training.video_type', 'fileName', { types: Object.keys(VIDEO_TYPES).join(', ') });
  const maxMegabytes = (await resolveSetting(db, course.path, EXAM_SETTINGS.videoMaxMegabytes)).value;
  const stored = await saveStoredFile(input.uploadDir, input.body, { maxBytes: maxMegabytes * 1024 * 1024 });
  return db.transaction(async (tx) => {
    const [file] = await tx
      .insert(trainingVideoFiles)
      .values({
        courseId: course.id,
        sha256: stored.sha256,
        fileName: input.fileName,
        contentType,
        sizeBytes: stored.sizeBytes,
        uploadedBy: actor.username,
        uploadedAt: now,
      })
      .returning({ id: trainingVideoFiles.id });
    if (!file) throw new Error('insert returned no row');
    await tx
      .update(trainingSegments)
      .set({ videoFileId: file.id })
      .where(eq(trainingSegments.id, segment.id));
    await recordAudit(tx, actor, {
      action: 'training.video.upload',
      targetType: 'training_course',
      targetId: course.id,
      details: {
        segmentId: segment.id,
        fileName: input.fileName,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
      },
    });
    return {
      id: file.id,
      segmentId: segment.id,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      contentType,
    };
  });
}

/**
 * The video of a segment, when the actor may watch it: a learner only up to the first unfinished
 * segment (no fetching ahead), an officer previewing any course in scope.
 */
export async function findSegmentVideo(db: Db, actor: Actor, segmentId: number) {
  const [row] = await db
    .select({ segment: trainingSegments, file: trainingVideoFiles })
    .from(trainingSegments)
    .leftJoin(trainingVideoFiles, eq(trainingVideoFiles.id, trainingSegments.videoFileId))
    .where(eq(trainingSegments.id, segmentId));
  if (!row) throw notFound();
  const learner = await findLearner(db, actor);
  if (learner) {
    const course = await getCourseForLearner(db, learner, row.segment.courseId);
    const segment = (await progressOf(db, learner, course.id)).find((s) => s.id === segmentId);
    if (segment?.isLocked) throw new AppError(409, 'training.study_skip_refused');
  } else await getCourseInScope(db, actor, row.segment.courseId);
  if (!row.file) throw new AppError(404, 'training.segment_video_missing');
  return row.file;
}
