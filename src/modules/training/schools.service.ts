import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { maskIdNumber, maskName } from '../../platform/privacy/mask.js';
import { isAfterToday } from '../../platform/time.js';
import { checkIdNumber, normalizeIdNumber } from '../exchange/id-number.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { resolveSetting } from '../settings/settings.service.js';
import { readPersonField, storePerson } from './person-data.js';
import type { AssessmentInput, PlacementInput, SchoolClassInput, StudentInput } from './schools.schema.js';
import { SCHOOL_SETTINGS } from './schools.settings.js';
import { internshipPlacements, schoolAssessments, schoolClasses, schoolStudents } from './schools.tables.js';
import { listCourses } from './training.service.js';

/**
 * Technical schools (TR-3): the required prevention course per class and cohort, each student's
 * pre-internship assessment, and internships placed only after a passed one. A school's own
 * account records for itself; an officer with training:manage for any school in scope.
 */

/** A technical school in the actor's scope that the actor may record for (else 404, as unknown). */
async function findSchool(db: Db, actor: Actor, schoolId: number, field = 'schoolId') {
  const [row] = rowsOf<{ id: number; name: string; path: string }>(
    await db.execute(sql`
      select o.id, o.name, j.path from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.id = ${schoolId} and o.kind = 'technical_school'`),
  );
  if (!row || !isInScope(actor, row.path)) throw notFound();
  if (!hasPermission(actor, 'training:manage') && actor.organisationId !== Number(row.id))
    throw new AppError(403, 'schools.own_school_only', {}, field);
  return { id: Number(row.id), name: row.name, path: row.path };
}

/** A class (by id) the actor may record for; unknown and out of scope alike answer 404. */
async function findClass(db: Db, actor: Actor, classId: number) {
  const [row] = await db.select().from(schoolClasses).where(eq(schoolClasses.id, classId));
  if (!row) throw notFound();
  await findSchool(db, actor, row.schoolId);
  return row;
}

async function findStudent(db: Db, actor: Actor, studentId: number) {
  const [row] = await db.select().from(schoolStudents).where(eq(schoolStudents.id, studentId));
  if (!row) throw notFound();
  await findClass(db, actor, row.classId);
  return row;
}

/**
 * The active courses a school may make a class's required course: those that apply at the
 * jurisdiction (set up there, above or below it), as createSchoolClass accepts them. A school's
 * account holds no training:read, so it picks its courses here.
 */
export async function listSchoolCourses(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const { items } = await listCourses(db, actor, query);
  return {
    items: items
      .filter((c) => c.status === 'active')
      .map((c) => ({ id: c.id, title: c.title, hours: c.hours, jurisdictionName: c.jurisdictionName })),
  };
}

/** Records a class of a cohort with its required prevention course. */
export async function createSchoolClass(db: Db, actor: Actor, input: SchoolClassInput) {
  const school = await findSchool(db, actor, input.schoolId);
  const [course] = rowsOf<{ id: number; path: string }>(
    await db.execute(sql`
      select k.id, j.path from training_courses k join jurisdictions j on j.id = k.jurisdiction_id
      where k.id = ${input.courseId} and k.status = 'active'`),
  );
  // A course set up above the school applies to it, as courses do.
  if (!course || !(isInScope(actor, course.path) || school.path.startsWith(`${course.path}/`)))
    throw badRequest('not_found', 'courseId');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(schoolClasses)
      .values({
        schoolId: school.id,
        cohort: input.cohort,
        name: input.name,
        major: input.major ?? null,
        courseId: input.courseId,
        createdBy: actor.username,
      })
      .onConflictDoNothing()
      .returning({ id: schoolClasses.id });
    const id = inserted[0]?.id;
    if (id === undefined)
      throw new AppError(
        409,
        'training.school_class_exists',
        { cohort: input.cohort, name: input.name },
        'name',
      );
    await recordAudit(tx, actor, {
      action: 'training.school_class.create',
      targetType: 'school_class',
      targetId: id,
      details: { schoolId: school.id, cohort: input.cohort, name: input.name, courseId: input.courseId },
    });
    return { id };
  });
}

/** Classes of the schools in scope (or of one school), with their students, passes and placements. */
export async function listSchoolClasses(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; schoolId?: number },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const own =
    !hasPermission(actor, 'training:manage') && !hasPermission(actor, 'training:read')
      ? sql`and o.id = ${actor.organisationId ?? 0}`
      : sql``;
  const one = query.schoolId ? sql`and o.id = ${query.schoolId}` : sql``;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select c.id, c.school_id, o.name as school_name, c.cohort, c.name, c.major, c.course_id, k.title,
        (select count(*)::int from school_students s where s.class_id = c.id) as students,
        (select count(distinct s.id)::int from school_students s join school_assessments a on a.student_id = s.id
          where s.class_id = c.id and a.is_passed) as passed,
        (select count(distinct s.id)::int from school_students s join internship_placements p on p.student_id = s.id
          where s.class_id = c.id) as placed
      from school_classes c join organisations o on o.id = c.school_id
      join jurisdictions j on j.id = o.jurisdiction_id join training_courses k on k.id = c.course_id
      where ${withinScope(sql`j.path`, jurisdiction.path)} ${own} ${one}
      order by o.name, c.cohort desc, c.name`),
  );
  return {
    total: rows.length,
    items: rows.map((r) => ({
      id: Number(r.id),
      schoolId: Number(r.school_id),
      schoolName: String(r.school_name),
      cohort: Number(r.cohort),
      name: String(r.name),
      major: (r.major as string | null) ?? null,
      courseId: Number(r.course_id),
      courseTitle: String(r.title),
      students: Number(r.students),
      passed: Number(r.passed),
      placed: Number(r.placed),
    })),
  };
}

/** Adds a student to a class. */
export async function addSchoolStudent(db: Db, actor: Actor, classId: number, input: StudentInput) {
  const cls = await findClass(db, actor, classId);
  const check = checkIdNumber(input.idNumber);
  if (!check.ok) throw badRequest('training.id_number_invalid', 'idNumber', { reason: check.reason });
  const idNumber = normalizeIdNumber(input.idNumber);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(schoolStudents)
      .values({ classId: cls.id, ...storePerson(idNumber, input.personName), createdBy: actor.username })
      .onConflictDoNothing()
      .returning({ id: schoolStudents.id });
    const id = inserted[0]?.id;
    if (id === undefined)
      throw new AppError(
        409,
        'training.school_student_exists',
        { idNumber: maskIdNumber(idNumber) ?? '' },
        'idNumber',
      );
    await recordAudit(tx, actor, {
      action: 'training.school_student.add',
      targetType: 'school_student',
      targetId: id,
      details: { classId: cls.id },
    });
    return { id };
  });
}

/** A class's students with their best assessment and placement (personal data masked unless allowed). */
export async function listSchoolStudents(db: Db, actor: Actor, classId: number) {
  const cls = await findClass(db, actor, classId);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.id, s.person_name, s.id_number,
        (select max(a.score) from school_assessments a where a.student_id = s.id) as best,
        exists (select 1 from school_assessments a where a.student_id = s.id and a.is_passed) as passed,
        (select p.host_name from internship_placements p where p.student_id = s.id order by p.starts_on desc, p.id desc limit 1) as host,
        (select p.starts_on::text from internship_placements p where p.student_id = s.id order by p.starts_on desc, p.id desc limit 1) as starts
      from school_students s where s.class_id = ${cls.id} order by s.id`),
  );
  const unmasked = hasPermission(actor, 'personal-data:view');
  await recordPersonalDataAccess(db, actor, {
    targetType: 'school_student',
    ids: rows.map((r) => Number(r.id)),
    isMasked: !unmasked,
    route: 'GET /api/training/school-classes/:id/students',
    fields: ['personName', 'idNumber'],
  });
  return {
    masked: !unmasked,
    items: rows.map((r) => ({
      id: Number(r.id),
      personName: unmasked
        ? readPersonField(r.person_name)
        : (maskName(readPersonField(r.person_name)) as string),
      idNumber: unmasked
        ? readPersonField(r.id_number)
        : (maskIdNumber(readPersonField(r.id_number)) as string),
      bestScore: r.best === null ? null : Number(r.best),
      isPassed: Boolean(r.passed),
      placedAt: (r.host as string | null) ?? null,
      placedOn: (r.starts as string | null) ?? null,
    })),
  };
}

/** Records a pre-internship assessment; it passes at the pass mark that applies to the school. */
export async function recordSchoolAssessment(
  db: Db,
  actor: Actor,
  studentId: number,
  input: AssessmentInput,
) {
  const student = await findStudent(db, actor, studentId);
  if (isAfterToday(input.assessedOn)) throw badRequest('training.date_in_future', 'assessedOn');
  const [school] = rowsOf<{ path: string }>(
    await db.execute(sql`
      select j.path from school_classes c join organisations o on o.id = c.school_id
      join jurisdictions j on j.id = o.jurisdiction_id where c.id = ${student.classId}`),
  );
  const passMark = (
    await resolveSetting(db, school?.path ?? actor.jurisdictionPath, SCHOOL_SETTINGS.passMark)
  ).value;
  const isPassed = input.score >= passMark;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schoolAssessments)
      .values({
        studentId: student.id,
        assessedOn: input.assessedOn,
        score: input.score,
        passMark,
        isPassed,
        recordedBy: actor.username,
      })
      .returning({ id: schoolAssessments.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, {
      action: 'training.school_assessment.record',
      targetType: 'school_student',
      targetId: student.id,
      details: { assessedOn: input.assessedOn, score: input.score, passMark, isPassed },
    });
    return { id, passMark, isPassed };
  });
}

/**
 * Places a student in an internship: refused (400 naming the student) unless a pre-internship
 * assessment on or before the start was passed.
 */
export async function placeIntern(db: Db, actor: Actor, studentId: number, input: PlacementInput) {
  const student = await findStudent(db, actor, studentId);
  const [passed] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from school_assessments
      where student_id = ${student.id} and is_passed and assessed_on <= ${input.startsOn}`),
  );
  if (Number(passed?.n ?? 0) === 0)
    throw badRequest('schools.assessment_not_passed', 'studentId', {
      student: maskName(readPersonField(student.personName)) ?? '',
      studentId: student.id,
    });
  if (input.hostEmployerId) {
    const [host] = rowsOf<{ id: number }>(
      await db.execute(
        sql`select id from organisations where id = ${input.hostEmployerId} and kind = 'employer'`,
      ),
    );
    if (!host) throw badRequest('not_found', 'hostEmployerId');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(internshipPlacements)
      .values({
        studentId: student.id,
        hostName: input.hostName,
        hostEmployerId: input.hostEmployerId ?? null,
        startsOn: input.startsOn,
        recordedBy: actor.username,
      })
      .returning({ id: internshipPlacements.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, {
      action: 'training.internship.place',
      targetType: 'school_student',
      targetId: student.id,
      details: { hostName: input.hostName, startsOn: input.startsOn },
    });
    return { id };
  });
}

/** Coverage per technical school in a jurisdiction: students, passed assessments, placements. */
export async function describeSchoolCoverage(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select o.id, o.name, j.name as jurisdiction_name,
        (select count(*)::int from school_classes c where c.school_id = o.id) as classes,
        (select count(*)::int from school_students s join school_classes c on c.id = s.class_id where c.school_id = o.id) as students,
        (select count(distinct s.id)::int from school_students s join school_classes c on c.id = s.class_id
          join school_assessments a on a.student_id = s.id where c.school_id = o.id and a.is_passed) as passed,
        (select count(distinct s.id)::int from school_students s join school_classes c on c.id = s.class_id
          join internship_placements p on p.student_id = s.id where c.school_id = o.id) as placed
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.kind = 'technical_school' and ${withinScope(sql`j.path`, jurisdiction.path)}
      order by o.name`),
  );
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    items: rows.map((r) => {
      const students = Number(r.students);
      const passed = Number(r.passed);
      return {
        schoolId: Number(r.id),
        schoolName: String(r.name),
        jurisdictionName: String(r.jurisdiction_name),
        classes: Number(r.classes),
        students,
        passed,
        placed: Number(r.placed),
        coveragePct: students > 0 ? Math.round((passed * 10000) / students) / 100 : null,
      };
    }),
  };
}
