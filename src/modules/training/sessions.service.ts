import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { maskName } from '../../platform/privacy/mask.js';
import { today } from '../../platform/time.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { getCourseInScope } from './exams.service.js';
import { getCourseForLearner, type Learner, requireLearner, settleCompletion } from './learners.service.js';
import { readPersonField } from './person-data.js';
import { trainingSessionAttendees, trainingSessions } from './sessions.tables.js';
import { trainingCourses } from './training.tables.js';

/** Schedules an offline session of a course: date, place, hours and an optional sign-in code. */
export async function createTrainingSession(
  db: Db,
  actor: Actor,
  courseId: number,
  input: { heldOn: string; place: string; hours: number; signInCode?: string },
) {
  const course = await getCourseInScope(db, actor, courseId);
  if (course.form === 'online') throw badRequest('training.course_online_only', 'courseId');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        courseId: course.id,
        heldOn: input.heldOn,
        place: input.place.trim(),
        hours: String(input.hours),
        signInCode: input.signInCode?.trim() || null,
        createdBy: actor.username,
      })
      .returning({ id: trainingSessions.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'training.session.create',
      targetType: 'training_session',
      targetId: row.id,
      details: { courseId: course.id, heldOn: input.heldOn, place: input.place, hours: input.hours },
    });
    return { id: row.id };
  });
}

/** A course's offline sessions with roster and attendance counts. */
export async function listTrainingSessions(db: Db, actor: Actor, courseId: number) {
  const course = await getCourseInScope(db, actor, courseId);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.id, s.held_on::text as held_on, s.place, s.hours::text as hours, s.sign_in_code is not null as has_code,
        (select count(*) from training_session_attendees a where a.session_id = s.id)::int as rostered,
        (select count(*) from training_session_attendees a where a.session_id = s.id and a.signed_in_at is not null)::int as attended
      from training_sessions s where s.course_id = ${course.id} order by s.held_on desc, s.id desc`),
  );
  return {
    total: rows.length,
    items: rows.map((r) => ({
      id: Number(r.id),
      heldOn: String(r.held_on),
      place: String(r.place),
      hours: Number(r.hours),
      hasSignInCode: Boolean(r.has_code),
      rostered: Number(r.rostered),
      attended: Number(r.attended),
    })),
  };
}

/** A session in the actor's scope (its course's jurisdiction), with its course. */
async function getSessionInScope(db: Db, actor: Actor, sessionId: number) {
  const [row] = await db
    .select({ session: trainingSessions, path: jurisdictions.path })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, trainingCourses.jurisdictionId))
    .where(eq(trainingSessions.id, sessionId));
  if (!row) throw notFound();
  const course = await getCourseInScope(db, actor, row.session.courseId);
  return { session: row.session, course };
}

/** The roster of a session: holders in the actor's scope, names masked unless allowed, attendance. */
export async function getSessionRoster(db: Db, actor: Actor, sessionId: number) {
  const { session, course } = await getSessionInScope(db, actor, sessionId);
  const rows = rowsOf<{
    holder_id: number;
    person_name: string;
    employer_name: string;
    role_name_zh: string;
    role_name_en: string;
    signed_in_at: string | null;
    signed_in_by: 'organiser' | 'code' | null;
  }>(
    await db.execute(sql`
      select a.holder_id, h.person_name, o.name as employer_name, r.name_zh as role_name_zh, r.name_en as role_name_en,
        a.signed_in_at, a.signed_in_by
      from training_session_attendees a
      join key_post_holders h on h.id = a.holder_id
      join training_roles r on r.id = h.role_id
      join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id
      where a.session_id = ${session.id}
        and (j.path = ${actor.jurisdictionPath} or j.path like ${`${actor.jurisdictionPath}/%`})
      order by o.name, h.id`),
  );
  // Names may be ciphertext (decision 0042): ordered by name within an employer once decrypted.
  const named = rows.map((r, i) => ({ ...r, rank: i, person_name: readPersonField(r.person_name) }));
  const firstOf = new Map<string, number>();
  for (const r of named) if (!firstOf.has(r.employer_name)) firstOf.set(r.employer_name, r.rank);
  const byEmployer = (r: (typeof named)[number]) => firstOf.get(r.employer_name) ?? 0;
  named.sort((a, b) =>
    byEmployer(a) !== byEmployer(b)
      ? byEmployer(a) - byEmployer(b)
      : a.person_name < b.person_name
        ? -1
        : a.person_name > b.person_name
          ? 1
          : a.rank - b.rank,
  );
  const unmasked = hasPermission(actor, 'personal-data:view');
  await recordPersonalDataAccess(db, actor, {
    targetType: 'key_post_holder',
    ids: rows.map((r) => Number(r.holder_id)),
    isMasked: !unmasked,
    route: 'GET /api/training/sessions/:id',
    fields: ['personName'],
  });
  return {
    id: session.id,
    courseId: course.id,
    courseTitle: course.title,
    heldOn: session.heldOn,
    place: session.place,
    hours: Number(session.hours),
    signInCode: session.signInCode,
    masked: !unmasked,
    attendees: named.map((r) => ({
      holderId: Number(r.holder_id),
      personName: unmasked ? r.person_name : (maskName(r.person_name) as string),
      employerName: String(r.employer_name),
      roleNameZh: String(r.role_name_zh),
      roleNameEn: String(r.role_name_en),
      signedInAt: r.signed_in_at === null ? null : new Date(r.signed_in_at).toISOString(),
      signedInBy: r.signed_in_by ?? null,
    })),
  };
}

/** Puts key-post holders in scope on a session's roster (holders whose post the course serves). */
export async function addToRoster(db: Db, actor: Actor, sessionId: number, holderIds: number[]) {
  const { session, course } = await getSessionInScope(db, actor, sessionId);
  const found = rowsOf<{ id: number; role_code: string; path: string; ended_on: string | null }>(
    await db.execute(sql`
      select h.id, r.code as role_code, j.path, h.ended_on::text as ended_on from key_post_holders h
      join training_roles r on r.id = h.role_id
      join organisations o on o.id = h.employer_id join jurisdictions j on j.id = o.jurisdiction_id
      where h.id in (${sql.join(
        holderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  holderIds.forEach((id, i) => {
    const h = found.find((f) => Number(f.id) === id);
    if (!h || !(h.path === actor.jurisdictionPath || h.path.startsWith(`${actor.jurisdictionPath}/`)))
      throw badRequest('not_found', `holderIds.${i}`);
    if (!course.roleCodes.includes(h.role_code))
      throw badRequest('training.holder_not_served', `holderIds.${i}`);
  });
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(trainingSessionAttendees)
      .values(holderIds.map((holderId) => ({ sessionId: session.id, holderId, addedBy: actor.username })))
      .onConflictDoNothing()
      .returning({ id: trainingSessionAttendees.id });
    await recordAudit(tx, actor, {
      action: 'training.session.roster',
      targetType: 'training_session',
      targetId: session.id,
      details: { holderIds, added: added.length },
    });
    return { added: added.length };
  });
}

/** The learner behind a holder, if the holder has an account (for issuing the completion). */
async function learnerOfHolder(db: Db, holderId: number): Promise<Learner | null> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select l.user_id, h.id as holder_id, h.id_number, h.id_number_index, h.person_name, h.employer_id, r.code as role_code,
        o.industry_code, j.path, j.code as jurisdiction_code
      from key_post_holders h
      join training_roles r on r.id = h.role_id
      join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id
      left join training_learners l on l.holder_id = h.id
      where h.id = ${holderId}`),
  );
  if (!row) return null;
  return {
    // A holder without an account has no online study or exam of their own: user 0 matches none.
    userId: row.user_id === null ? 0 : Number(row.user_id),
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

/** Marks attendance, and issues the completion when this session completes what the course requires. */
async function markAttended(
  db: Db,
  actor: Actor,
  sessionId: number,
  holderId: number,
  by: 'organiser' | 'code',
  now: Date,
) {
  const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFound();
  const learner = await learnerOfHolder(db, holderId);
  if (!learner) throw notFound();
  const course = await getCourseForLearner(db, learner, session.courseId).catch(() => null);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingSessionAttendees)
      .set({ signedInAt: now, signedInBy: by })
      .where(
        and(
          eq(trainingSessionAttendees.sessionId, sessionId),
          eq(trainingSessionAttendees.holderId, holderId),
          isNull(trainingSessionAttendees.signedInAt),
        ),
      )
      .returning({ id: trainingSessionAttendees.id });
    await recordAudit(tx, actor, {
      action: 'training.session.attend',
      targetType: 'training_session',
      targetId: sessionId,
      details: { holderId, by, alreadySignedIn: updated.length === 0 },
    });
    const completion = course ? await settleCompletion(tx, actor, learner, course, { now }) : null;
    return { signedIn: true as const, certificateNumber: completion?.certificateNumber ?? null };
  });
}

/** The organiser records a rostered holder's attendance. */
export async function recordAttendance(db: Db, actor: Actor, sessionId: number, holderId: number, now: Date) {
  const { session } = await getSessionInScope(db, actor, sessionId);
  const [onRoster] = await db
    .select({ id: trainingSessionAttendees.id })
    .from(trainingSessionAttendees)
    .where(
      and(
        eq(trainingSessionAttendees.sessionId, session.id),
        eq(trainingSessionAttendees.holderId, holderId),
      ),
    );
  if (!onRoster) throw badRequest('training.not_on_roster', 'holderId');
  return markAttended(db, actor, session.id, holderId, 'organiser', now);
}

/** A rostered learner signs in with the session's code, on the day of the session. */
export async function signInWithCode(db: Db, actor: Actor, sessionId: number, code: string, now: Date) {
  const learner = await requireLearner(db, actor);
  const [row] = await db
    .select({ session: trainingSessions, attendee: trainingSessionAttendees.id })
    .from(trainingSessions)
    .leftJoin(
      trainingSessionAttendees,
      and(
        eq(trainingSessionAttendees.sessionId, trainingSessions.id),
        eq(trainingSessionAttendees.holderId, learner.holderId),
      ),
    )
    .where(eq(trainingSessions.id, sessionId));
  // Not on the roster: the session is none of the learner's business.
  if (!row || row.attendee === null) throw notFound();
  if (!row.session.signInCode || row.session.signInCode !== code.trim())
    throw badRequest('training.session_code_wrong', 'code');
  if (row.session.heldOn !== today(now)) throw new AppError(409, 'training.session_not_today');
  return markAttended(db, actor, sessionId, learner.holderId, 'code', now);
}
