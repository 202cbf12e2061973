import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { maskIdNumber, maskName } from '../../platform/privacy/mask.js';
import { addDays, addYears, isAfterToday, today } from '../../platform/time.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { planPeriods } from '../enterprises/enterprises.tables.js';
import { checkIdNumber, normalizeIdNumber } from '../exchange/id-number.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting, resolveSettings } from '../settings/settings.service.js';
import {
  canReadCells,
  readCoverageCells,
  refreshCoverageCells,
  refreshCoverageCellsFor,
} from './coverage-cells.service.js';
import { isTrainedAsOf, keyIndustryPrefixes } from './coverage-sql.js';
import { birthDateOf, indexOfIdNumber, readPersonField, storePerson } from './person-data.js';
import { TRAINING_PERIODS } from './training.data.js';
import type {
  CompletionInput,
  CourseInput,
  CoverageQuery,
  HolderInput,
  HolderListQuery,
  TrainingRolesInput,
} from './training.schema.js';
import { TRAINING_SETTINGS } from './training.settings.js';
import {
  keyPostHolders,
  trainingCompletions,
  trainingCourses,
  trainingRoles,
  trainingTargets,
} from './training.tables.js';

/** Loads the plan periods' key posts and coverage targets (reference data, once). */
export async function loadTrainingReference(db: Db): Promise<void> {
  const periods = await db.select({ id: planPeriods.id, code: planPeriods.code }).from(planPeriods);
  const idOf = new Map(periods.map((p) => [p.code, p.id]));
  await db.transaction(async (tx) => {
    for (const period of TRAINING_PERIODS) {
      const planPeriodId = idOf.get(period.planPeriod);
      if (planPeriodId === undefined)
        throw new Error(`training reference: no plan period ${period.planPeriod}`);
      await tx
        .insert(trainingRoles)
        .values(period.roles.map((r, i) => ({ planPeriodId, ...r, sortOrder: i + 1 })))
        .onConflictDoNothing();
      await tx
        .insert(trainingTargets)
        .values({ planPeriodId, jurisdictionId: null, ...period.target })
        .onConflictDoNothing();
    }
  });
}

/** The key posts of a plan period (default: the period of today's year). */
export async function listTrainingRoles(db: Db, planPeriod?: string) {
  const period = await findPlanPeriod(db, planPeriod, Number(today().slice(0, 4)));
  const roles = await db
    .select()
    .from(trainingRoles)
    .where(eq(trainingRoles.planPeriodId, period.id))
    .orderBy(asc(trainingRoles.sortOrder), asc(trainingRoles.id));
  return {
    planPeriod: period.code,
    roles: roles.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, source: r.source })),
  };
}

/**
 * Sets the key posts of a plan period as a whole (TR-1: the 2026–2030 plan added two): new codes
 * are added, names and order follow the list, and a post left out is removed — refused while a
 * holder or a course still uses it, naming the post. Posts are the same for the whole deployment,
 * so only an officer of a province (or the nation) sets them. Coverage cells are recomputed in the
 * same transaction, so the headline figure follows at once.
 */
export async function setTrainingRoles(db: Db, actor: Actor, input: TrainingRolesInput) {
  if (actor.jurisdictionPath.split('/').length > 2) throw new AppError(403, 'training.roles_province_only');
  const seen = new Set<string>();
  input.roles.forEach((r, i) => {
    if (seen.has(r.code))
      throw new AppError(400, 'training.role_duplicate', { role: r.code }, `roles.${i}.code`);
    seen.add(r.code);
  });
  const period = await findPlanPeriod(db, input.planPeriod);
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(trainingRoles).where(eq(trainingRoles.planPeriodId, period.id));
    const removed = existing.filter((r) => !seen.has(r.code));
    for (const role of removed) {
      const [use] = rowsOf<{ holders: number; courses: number }>(
        await tx.execute(sql`
          select (select count(*)::int from key_post_holders where role_id = ${role.id}) as holders,
            (select count(*)::int from training_courses where role_codes @> ${JSON.stringify([role.code])}::jsonb) as courses`),
      );
      const holders = Number(use?.holders ?? 0);
      const courses = Number(use?.courses ?? 0);
      if (holders > 0 || courses > 0)
        throw new AppError(409, 'training.role_in_use', { role: role.nameZh, holders, courses }, 'roles');
      await tx.delete(trainingRoles).where(eq(trainingRoles.id, role.id));
    }
    for (const [i, r] of input.roles.entries())
      await tx
        .insert(trainingRoles)
        .values({ planPeriodId: period.id, ...r, sortOrder: i + 1 })
        .onConflictDoUpdate({
          target: [trainingRoles.planPeriodId, trainingRoles.code],
          set: { nameZh: r.nameZh, nameEn: r.nameEn, source: r.source, sortOrder: i + 1 },
        });
    await recordAudit(tx, actor, {
      action: 'training.roles.set',
      targetType: 'plan_period',
      targetId: period.id,
      details: {
        planPeriod: period.code,
        before: existing.map((r) => r.code),
        after: input.roles.map((r) => r.code),
      },
    });
    await refreshCoverageCells(tx);
  });
  return listTrainingRoles(db, period.code);
}

/** The coverage target that applies at a jurisdiction: its own or an ancestor's row, else the default. */
export async function findTrainingTarget(db: Db, planPeriodId: number, jurisdictionPath: string) {
  const codes = jurisdictionPath.split('/');
  const rows = rowsOf<{ coverage_pct: string; due_date: string; source: string; code: string | null }>(
    await db.execute(sql`
      select t.coverage_pct, t.due_date::text as due_date, t.source, j.code
      from training_targets t left join jurisdictions j on j.id = t.jurisdiction_id
      where t.plan_period_id = ${planPeriodId}
        and (t.jurisdiction_id is null or j.code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )}))`),
  );
  const nearest = rows
    .filter((r) => r.code !== null)
    .sort((a, b) => codes.indexOf(b.code as string) - codes.indexOf(a.code as string))[0];
  const row = nearest ?? rows.find((r) => r.code === null);
  if (!row) return null;
  return {
    coveragePct: Number(row.coverage_pct),
    dueDate: row.due_date,
    source: row.source,
    definedAt: row.code,
  };
}

/** Sets a jurisdiction's own coverage target for a plan period (its province's plan may differ). */
export async function setTrainingTarget(
  db: Db,
  actor: Actor,
  input: { jurisdiction: string; planPeriod: string; coveragePct: number; dueDate: string; source: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdiction);
  const period = await findPlanPeriod(db, input.planPeriod);
  await db.transaction(async (tx) => {
    await tx
      .insert(trainingTargets)
      .values({
        planPeriodId: period.id,
        jurisdictionId: jurisdiction.id,
        coveragePct: String(input.coveragePct),
        dueDate: input.dueDate,
        source: input.source,
      })
      .onConflictDoUpdate({
        target: [trainingTargets.planPeriodId, trainingTargets.jurisdictionId],
        set: { coveragePct: String(input.coveragePct), dueDate: input.dueDate, source: input.source },
      });
    await recordAudit(tx, actor, {
      action: 'training.target.set',
      targetType: 'jurisdiction',
      targetId: jurisdiction.id,
      details: { planPeriod: period.code, coveragePct: input.coveragePct, dueDate: input.dueDate },
    });
  });
  return findTrainingTarget(db, period.id, jurisdiction.path);
}

/** An employer in the actor's scope, and whether it is a key enterprise of the period. */
async function findEmployer(db: Db, actor: Actor, employerId: number, planPeriodId: number) {
  const rows = rowsOf<{ id: number; name: string; path: string; is_key: boolean }>(
    await db.execute(sql`
      select o.id, o.name, j.path,
        exists (select 1 from (${keyIndustryPrefixes(planPeriodId, actor.jurisdictionPath)}) ki
                where o.industry_code like ki.prefix || '%') as is_key
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.id = ${employerId} and o.kind = 'employer'`),
  );
  const row = rows[0];
  if (!row || !isInScope(actor, row.path)) throw notFound();
  return { id: Number(row.id), name: row.name, path: row.path, isKey: Boolean(row.is_key) };
}

/** Who may register holders of an employer: its own account, or an officer with training:manage in scope. */
function assertMayRegister(actor: Actor, employerId: number) {
  if (hasPermission(actor, 'training:manage')) return;
  if (actor.organisationId !== employerId)
    throw new AppError(403, 'training.own_employer_only', {}, 'employerId');
}

function validIdNumber(raw: string, field: string): string {
  const check = checkIdNumber(raw);
  if (!check.ok) {
    const reason = {
      'id.malformed': '格式不正确',
      'id.bad_date': '出生日期无效',
      'id.check_failed': '校验码错误',
    }[check.reason];
    throw badRequest('training.id_number_invalid', field, { reason });
  }
  return normalizeIdNumber(raw);
}

function notInFuture(date: string, field: string) {
  if (isAfterToday(date)) throw badRequest('training.date_in_future', field);
}

/** Registers a person in a key post of a key enterprise (TR-1): the duty to be trained starts. */
export async function addKeyPostHolder(db: Db, actor: Actor, input: HolderInput) {
  assertMayRegister(actor, input.employerId);
  notInFuture(input.startedOn, 'startedOn');
  // The registry is of today's posts: a holder is registered under the current period's roles.
  const period = await findPlanPeriod(db, undefined, Number(today().slice(0, 4)));
  const employer = await findEmployer(db, actor, input.employerId, period.id);
  if (!employer.isKey) throw badRequest('training.not_key_enterprise', 'employerId');
  const [role] = await db
    .select()
    .from(trainingRoles)
    .where(and(eq(trainingRoles.planPeriodId, period.id), eq(trainingRoles.code, input.roleCode)));
  if (!role)
    throw badRequest('training.role_unknown', 'roleCode', { period: period.code, role: input.roleCode });
  const idNumber = validIdNumber(input.idNumber, 'idNumber');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(keyPostHolders)
      .values({
        employerId: employer.id,
        roleId: role.id,
        ...storePerson(idNumber, input.personName.trim()),
        birthDate: birthDateOf(idNumber),
        startedOn: input.startedOn,
        source: hasPermission(actor, 'training:manage') ? 'hrss' : 'employer',
        createdBy: actor.username,
      })
      .onConflictDoNothing()
      .returning({ id: keyPostHolders.id });
    const id = inserted[0]?.id;
    if (id === undefined) throw new AppError(409, 'training.holder_duplicate', {}, 'idNumber');
    await recordAudit(tx, actor, {
      action: 'training.holder.add',
      targetType: 'key_post_holder',
      targetId: id,
      details: { employerId: employer.id, role: role.code, startedOn: input.startedOn },
    });
    await refreshCoverageCellsFor(tx, { employerIds: [employer.id] });
    return { id };
  });
}

/** A person leaves a key post: the duty ends that day (a successor starts a new one). */
export async function endKeyPostHolder(db: Db, actor: Actor, id: number, endedOn: string) {
  notInFuture(endedOn, 'endedOn');
  const [row] = await db
    .select({ holder: keyPostHolders, path: jurisdictions.path })
    .from(keyPostHolders)
    .innerJoin(organisations, eq(organisations.id, keyPostHolders.employerId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(eq(keyPostHolders.id, id));
  if (!row || !isInScope(actor, row.path)) throw notFound();
  assertMayRegister(actor, row.holder.employerId);
  if (row.holder.endedOn !== null) throw new AppError(409, 'training.holder_ended');
  if (endedOn < row.holder.startedOn) throw badRequest('training.end_before_start', 'endedOn');
  await db.transaction(async (tx) => {
    await tx
      .update(keyPostHolders)
      .set({ endedOn })
      .where(and(eq(keyPostHolders.id, id), isNull(keyPostHolders.endedOn)));
    await recordAudit(tx, actor, {
      action: 'training.holder.end',
      targetType: 'key_post_holder',
      targetId: id,
      details: { endedOn },
    });
    await refreshCoverageCellsFor(tx, { employerIds: [row.holder.employerId] });
  });
  return { ok: true as const };
}

/** Whether this actor sees personal data unmasked. */
const seesPersonalData = (actor: Actor) => hasPermission(actor, 'personal-data:view');

/**
 * Key-post holders of a jurisdiction (officers) or of one's own employer (employer accounts), with
 * whether each is trained as of today; names and 身份证号 masked unless the viewer may see them
 * (every unmasked view is audited).
 */
export async function listKeyPostHolders(
  db: Db,
  actor: Actor,
  query: HolderListQuery & { ownOnly?: boolean },
) {
  const asOf = today();
  const ownOnly = query.ownOnly === true;
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  // An account of no employer holds no posts of its own.
  if (ownOnly && actor.organisationId === null) return { total: 0, masked: true, items: [] };
  const filters: SQL[] = [sql`${withinScope(sql`j.path`, jurisdiction.path)}`];
  if (ownOnly) filters.push(sql`h.employer_id = ${actor.organisationId}`);
  if (query.employerId) filters.push(sql`h.employer_id = ${query.employerId}`);
  if (query.roleCode) filters.push(sql`r.code = ${query.roleCode}`);
  if (query.active) filters.push(sql`(h.ended_on is null or h.ended_on > ${asOf})`);
  if (query.search) {
    // Names and numbers may be ciphertext (decision 0042): a search matches the employer's name, or
    // a whole 身份证号 by its lookup key.
    const pattern = containing(query.search);
    filters.push(
      sql`(o.name ilike ${pattern} or h.id_number_index = ${indexOfIdNumber(normalizeIdNumber(query.search))})`,
    );
  }
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select h.id, h.employer_id, o.name as employer_name, j.code as jurisdiction_code, j.name as jurisdiction_name,
        r.code as role_code, r.name_zh, r.name_en, h.person_name, h.id_number,
        h.started_on::text as started_on, h.ended_on::text as ended_on, h.source,
        (select max(c.completed_on)::text from training_completions c join training_courses k on k.id = c.course_id
          where c.id_number_index = h.id_number_index and k.role_codes ? r.code and c.revoked_at is null
            and c.completed_on <= ${asOf} and c.valid_until >= ${asOf}) as trained_on,
        count(*) over () as total
      from key_post_holders h
      join training_roles r on r.id = h.role_id
      join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id
      where ${sql.join(filters, sql` and `)}
      order by o.name, r.sort_order, h.started_on desc, h.id
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
  );
  const unmasked = seesPersonalData(actor);
  // Masked or not, who was shown which holders is on record (one entry per request).
  await recordPersonalDataAccess(db, actor, {
    targetType: 'key_post_holder',
    ids: rows.map((r) => Number(r.id)),
    isMasked: !unmasked,
    route: ownOnly ? 'GET /api/own-training/holders' : 'GET /api/training/holders',
    fields: ['personName', 'idNumber'],
  });
  return {
    total: Number(rows[0]?.total ?? 0),
    masked: !unmasked,
    items: rows.map((r) => ({
      id: Number(r.id),
      employerId: Number(r.employer_id),
      employerName: String(r.employer_name),
      jurisdictionCode: String(r.jurisdiction_code),
      jurisdictionName: String(r.jurisdiction_name),
      roleCode: String(r.role_code),
      roleNameZh: String(r.name_zh),
      roleNameEn: String(r.name_en),
      personName: unmasked
        ? readPersonField(r.person_name)
        : (maskName(readPersonField(r.person_name)) as string),
      idNumber: unmasked
        ? readPersonField(r.id_number)
        : (maskIdNumber(readPersonField(r.id_number)) as string),
      startedOn: String(r.started_on),
      endedOn: r.ended_on === null ? null : String(r.ended_on),
      source: String(r.source),
      trainedOn: r.trained_on === null ? null : String(r.trained_on),
    })),
  };
}

/** Courses visible at the actor's jurisdiction: set up there, above it (they apply below) or below it. */
export async function listCourses(db: Db, actor: Actor, query: { jurisdiction?: string } = {}) {
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const codes = jurisdiction.path.split('/');
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select k.*, j.code as jurisdiction_code, j.name as jurisdiction_name, p.name as provider_name,
        (select count(*) from training_completions c where c.course_id = k.id and c.revoked_at is null)::int as completions
      from training_courses k join jurisdictions j on j.id = k.jurisdiction_id
      left join organisations p on p.id = k.provider_organisation_id
      where ${withinScope(sql`j.path`, jurisdiction.path)} or j.code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})
      order by k.status, k.id desc`),
  );
  return { total: rows.length, items: rows.map(courseOf) };
}

function courseOf(r: Record<string, unknown>) {
  return {
    id: Number(r.id),
    title: String(r.title),
    form: r.form as 'online' | 'offline' | 'mixed',
    roleCodes: r.role_codes as string[],
    industryPrefixes: r.industry_prefixes as string[],
    contentItems: r.content_items as (
      | 'policy'
      | 'accident_prevention'
      | 'warning_education'
      | 'occupational_health'
    )[],
    hours: Number(r.hours),
    providerOrganisationId: r.provider_organisation_id === null ? null : Number(r.provider_organisation_id),
    providerName: (r.provider_name as string | null) ?? null,
    projectId: r.project_id === null ? null : Number(r.project_id),
    status: r.status as 'active' | 'retired',
    jurisdictionCode: String(r.jurisdiction_code),
    jurisdictionName: String(r.jurisdiction_name),
    completions: Number(r.completions ?? 0),
  };
}

/** Sets up a course (TR-1, TR-4) at the actor's jurisdiction. */
export async function createCourse(db: Db, actor: Actor, input: CourseInput) {
  const jurisdictionId = input.jurisdictionCode
    ? Number((await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode')).id)
    : actor.jurisdictionId;
  if (input.providerOrganisationId) {
    const [provider] = await db
      .select({ id: organisations.id, path: jurisdictions.path })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(eq(organisations.id, input.providerOrganisationId));
    if (!provider) throw badRequest('not_found', 'providerOrganisationId');
  }
  const known = rowsOf<{ code: string }>(await db.execute(sql`select distinct code from training_roles`)).map(
    (r) => r.code,
  );
  const unknown = input.roleCodes.find((c) => !known.includes(c));
  if (unknown) throw badRequest('training.role_unknown', 'roleCodes', { period: '', role: unknown });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingCourses)
      .values({
        jurisdictionId,
        title: input.title.trim(),
        form: input.form,
        roleCodes: input.roleCodes,
        industryPrefixes: input.industryPrefixes ?? [],
        contentItems: input.contentItems,
        hours: String(input.hours),
        providerOrganisationId: input.providerOrganisationId ?? null,
        projectId: input.projectId ?? null,
        createdBy: actor.username,
      })
      .returning({ id: trainingCourses.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, {
      action: 'training.course.create',
      targetType: 'training_course',
      targetId: id,
      details: { title: input.title, form: input.form, roleCodes: input.roleCodes },
    });
    return { id };
  });
}

/** A certificate number: year, jurisdiction and 40 random bits, so numbers cannot be guessed in turn. */
export function newCertificateNumber(year: string, jurisdictionCode: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  let tail = '';
  for (const b of bytes) tail += alphabet.charAt(b % 32);
  return `PX${year}${jurisdictionCode}${tail}`;
}

/**
 * Records a completed course for a person (an offline session attended, an online course finished,
 * an exam passed) and issues its certificate, valid for the jurisdiction's validity setting.
 */
export async function recordCompletion(db: Db, actor: Actor, input: CompletionInput) {
  notInFuture(input.completedOn, 'completedOn');
  const [course] = await db
    .select({ course: trainingCourses, path: jurisdictions.path })
    .from(trainingCourses)
    .innerJoin(jurisdictions, eq(jurisdictions.id, trainingCourses.jurisdictionId))
    .where(eq(trainingCourses.id, input.courseId));
  if (!course) throw badRequest('not_found', 'courseId');
  if (!isInScope(actor, course.path) && !actor.jurisdictionPath.startsWith(`${course.path}/`))
    throw notFound();
  if (course.course.status === 'retired') throw badRequest('training.course_retired', 'courseId');
  const idNumber = validIdNumber(input.idNumber, 'idNumber');
  if (input.employerId) {
    const [employer] = await db
      .select({ path: jurisdictions.path })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(and(eq(organisations.id, input.employerId), eq(organisations.kind, 'employer')));
    if (!employer || !isInScope(actor, employer.path)) throw badRequest('not_found', 'employerId');
  }
  const validity = await resolveSetting(db, actor.jurisdictionPath, TRAINING_SETTINGS.validityYears);
  const number = newCertificateNumber(input.completedOn.slice(0, 4), actor.jurisdictionCode);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(trainingCompletions)
      .values({
        courseId: input.courseId,
        ...storePerson(idNumber, input.personName.trim()),
        employerId: input.employerId ?? null,
        completedOn: input.completedOn,
        hours: String(input.hours ?? Number(course.course.hours)),
        method: input.method,
        score: input.score ?? null,
        certificateNumber: number,
        validUntil: addDays(addYears(input.completedOn, validity.value), -1),
        recordedBy: actor.username,
      })
      .onConflictDoNothing({
        target: [
          trainingCompletions.courseId,
          trainingCompletions.idNumberIndex,
          trainingCompletions.completedOn,
        ],
      })
      .returning({ id: trainingCompletions.id, validUntil: trainingCompletions.validUntil });
    const row = inserted[0];
    if (!row) throw new AppError(409, 'training.completion_duplicate', {}, 'idNumber');
    await recordAudit(tx, actor, {
      action: 'training.completion.record',
      targetType: 'training_completion',
      targetId: row.id,
      details: {
        courseId: input.courseId,
        completedOn: input.completedOn,
        method: input.method,
        certificate: number,
      },
    });
    await refreshCoverageCellsFor(tx, { idNumberIndexes: [indexOfIdNumber(idNumber)] });
    return { id: row.id, certificateNumber: number, validUntil: row.validUntil };
  });
}

/** The public certificate check: masked name, course, date and whether it is valid today. */
export async function verifyCertificate(db: Db, number: string) {
  const [row] = await db
    .select({ c: trainingCompletions, title: trainingCourses.title })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .where(eq(trainingCompletions.certificateNumber, number.trim().toUpperCase()));
  if (!row) throw new AppError(404, 'training.certificate_unknown', { number });
  const asOf = today();
  const status = row.c.revokedAt ? 'revoked' : row.c.validUntil < asOf ? 'expired' : 'valid';
  return {
    certificateNumber: row.c.certificateNumber,
    personName: maskName(readPersonField(row.c.personName)) as string,
    courseTitle: row.title,
    completedOn: row.c.completedOn,
    hours: Number(row.c.hours),
    validUntil: row.c.validUntil,
    status: status as 'valid' | 'expired' | 'revoked',
  };
}

/** Where, when and under which period and grace coverage is counted (coverage and gaps alike). */
export async function coverageContext(db: Db, actor: Actor, query: CoverageQuery) {
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const asOf = query.asOf ?? today();
  const period = await findPlanPeriod(db, query.planPeriod, Number(asOf.slice(0, 4)));
  const { grace } = await resolveSettings(db, jurisdiction.path, { grace: TRAINING_SETTINGS.graceDays });
  return { jurisdiction, asOf, period, graceDays: grace.value, dueBy: addDays(asOf, -grace.value) };
}

interface CoverageRow {
  area_code: string;
  area_name: string;
  role_code: string;
  industry: string;
  posts: number;
  due: number;
  in_grace: number;
  trained: number;
}

const pct = (trained: number, due: number) => (due > 0 ? Math.round((trained * 10000) / due) / 100 : null);

/**
 * Training coverage of key posts (TR-1, TR-2) at a jurisdiction as of a date: posts held, posts due
 * (held past the grace period, or trained already), trained (a valid completion of a course serving
 * the post), by role × child area × key industry, against the plan period's target. A person counts
 * once per role in each county (the employer's own jurisdiction), however many employers there list
 * them: a post is counted where it is held, so a city's figure is the sum of its counties' on every
 * page, from the maintained cells or from the raw rows alike (issue 14).
 */
export async function describeTrainingCoverage(db: Db, actor: Actor, query: CoverageQuery) {
  const { jurisdiction, asOf, period, graceDays, dueBy } = await coverageContext(db, actor, query);
  const depth = jurisdiction.path.split('/').length;
  // The maintained cells when they answer exactly (decision 0026); else the raw rows.
  const fromCells = await canReadCells(db, {
    planPeriodId: period.id,
    path: jurisdiction.path,
    asOf,
    graceDays,
  });
  const rows = fromCells
    ? await readCoverageCells(db, {
        planPeriodId: period.id,
        path: jurisdiction.path,
        code: jurisdiction.code,
      })
    : rowsOf<CoverageRow>(
        await db.execute(sql`
      with ki as (${keyIndustryPrefixes(period.id, jurisdiction.path)}),
      emp as (
        select o.id, o.industry_code, o.jurisdiction_id, j.path,
          coalesce(split_part(j.path, '/', ${depth + 1}), '') as child
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}
          and exists (select 1 from ki where o.industry_code like ki.prefix || '%')
      ),
      held as (
        -- One row per county, person and role (as the cells count): the earliest start there decides grace and industry.
        select distinct on (emp.jurisdiction_id, h.id_number_index, r.code) h.id_number_index, r.code as role_code, h.started_on, emp.child, emp.industry_code
        from key_post_holders h
        join training_roles r on r.id = h.role_id
          and r.code in (select code from training_roles where plan_period_id = ${period.id})
        join emp on emp.id = h.employer_id
        where h.started_on <= ${asOf} and (h.ended_on is null or h.ended_on > ${asOf})
        order by emp.jurisdiction_id, h.id_number_index, r.code, h.started_on, h.id
      ),
      judged as (
        select held.*,
          ${isTrainedAsOf(sql`held.id_number_index`, sql`held.role_code`, asOf)} as trained
        from held
      ),
      tagged as (
        select judged.*, coalesce(nullif(judged.child, ''), ${jurisdiction.code}) as area,
          (select string_agg(distinct ki.name, '、' order by ki.name) from ki where judged.industry_code like ki.prefix || '%') as industry
        from judged
      )
      select t.area as area_code, coalesce(aj.name, t.area) as area_name, t.role_code, t.industry,
        count(*)::int as posts,
        count(*) filter (where t.trained or t.started_on <= ${dueBy})::int as due,
        count(*) filter (where not t.trained and t.started_on > ${dueBy})::int as in_grace,
        count(*) filter (where t.trained)::int as trained
      from tagged t left join jurisdictions aj on aj.code = t.area
      group by t.area, aj.name, t.role_code, t.industry`),
      );
  const roles = await listTrainingRoles(db, period.code);
  const target = await findTrainingTarget(db, period.id, jurisdiction.path);
  const sum = (list: CoverageRow[]) => {
    const posts = list.reduce((n, r) => n + Number(r.posts), 0);
    const due = list.reduce((n, r) => n + Number(r.due), 0);
    const inGrace = list.reduce((n, r) => n + Number(r.in_grace), 0);
    const trained = list.reduce((n, r) => n + Number(r.trained), 0);
    return { posts, due, inGrace, trained, untrained: due - trained, coveragePct: pct(trained, due) };
  };
  const group = <K extends string>(key: (r: CoverageRow) => K) => {
    const map = new Map<K, CoverageRow[]>();
    for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
    return map;
  };
  const totals = sum(rows);
  const meets = (c: number | null) => target === null || (c !== null && c >= target.coveragePct);
  const status =
    target === null
      ? 'no_target'
      : meets(totals.coveragePct)
        ? 'met'
        : asOf > target.dueDate
          ? 'overdue'
          : 'behind';
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    asOf,
    planPeriod: period.code,
    graceDays,
    target,
    status: status as 'met' | 'behind' | 'overdue' | 'no_target',
    totals,
    byRole: roles.roles.map((role) => ({
      roleCode: role.code,
      nameZh: role.nameZh,
      nameEn: role.nameEn,
      ...sum(rows.filter((r) => r.role_code === role.code)),
    })),
    byArea: [...group((r) => r.area_code).entries()]
      .map(([code, list]) => ({
        code,
        name: String(list[0]?.area_name ?? code),
        ...sum(list),
        meetsTarget: meets(pct(sum(list).trained, sum(list).due)),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    byIndustry: [...group((r) => r.industry).entries()]
      .map(([industry, list]) => ({ industry, ...sum(list) }))
      .sort((a, b) => a.industry.localeCompare(b.industry)),
  };
}

/**
 * Key enterprises below the target at a jurisdiction as of a date, with their untrained posts by
 * role: who to chase first (most untrained first).
 */
export async function listCoverageGaps(db: Db, actor: Actor, query: CoverageQuery) {
  const { jurisdiction, asOf, period, dueBy } = await coverageContext(db, actor, query);
  const target = await findTrainingTarget(db, period.id, jurisdiction.path);
  const targetPct = target?.coveragePct ?? 100;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with ki as (${keyIndustryPrefixes(period.id, jurisdiction.path)}),
      emp as (
        select o.id, o.name, o.credit_code, j.code as jurisdiction_code, j.name as jurisdiction_name
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}
          and exists (select 1 from ki where o.industry_code like ki.prefix || '%')
      ),
      posts as (
        select h.employer_id, r.code as role_code, h.started_on,
          ${isTrainedAsOf(sql`h.id_number_index`, sql`r.code`, asOf)} as trained
        from key_post_holders h
        join training_roles r on r.id = h.role_id
          and r.code in (select code from training_roles where plan_period_id = ${period.id})
        where h.employer_id in (select id from emp)
          and h.started_on <= ${asOf} and (h.ended_on is null or h.ended_on > ${asOf})
      ),
      per as (
        select employer_id, count(*)::int as held,
          count(*) filter (where trained or started_on <= ${dueBy})::int as due,
          count(*) filter (where trained)::int as trained
        from posts group by employer_id
      ),
      gaps as (
        select employer_id, jsonb_object_agg(role_code, n) as untrained_by_role
        from (select employer_id, role_code, count(*)::int as n from posts
              where not trained and started_on <= ${dueBy} group by employer_id, role_code) g
        group by employer_id
      )
      select emp.*, coalesce(per.held, 0) as held, coalesce(per.due, 0) as due, coalesce(per.trained, 0) as trained,
        coalesce(gaps.untrained_by_role, '{}'::jsonb) as untrained_by_role, count(*) over () as total
      from emp left join per on per.employer_id = emp.id left join gaps on gaps.employer_id = emp.id
      where coalesce(per.held, 0) = 0 or per.trained * 100.0 < ${targetPct} * per.due
      order by coalesce(per.due, 0) - coalesce(per.trained, 0) desc, emp.name
      limit ${query.pageSize ?? 50} offset ${((query.page ?? 1) - 1) * (query.pageSize ?? 50)}`),
  );
  return {
    asOf,
    planPeriod: period.code,
    targetPct,
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      employerId: Number(r.id),
      employerName: String(r.name),
      creditCode: (r.credit_code as string | null) ?? null,
      jurisdictionCode: String(r.jurisdiction_code),
      jurisdictionName: String(r.jurisdiction_name),
      due: Number(r.due),
      trained: Number(r.trained),
      coveragePct: pct(Number(r.trained), Number(r.due)),
      /** No key-post holder registered at all: the registry itself is the gap. */
      noneRegistered: Number(r.held) === 0,
      untrainedByRole: r.untrained_by_role as Record<string, number>,
    })),
  };
}

/**
 * One employer's key-post coverage as of today (本单位, issue 17 item 7), counted as the coverage
 * gaps count it: posts held, due (past the grace period or trained), trained, by role, against the
 * target that applies at the employer's jurisdiction. Not a key enterprise: no posts are due.
 */
export async function describeEmployerTrainingCoverage(
  db: Db,
  actor: Actor,
  employer: { id: number; path: string; jurisdictionCode: string },
) {
  const { asOf, period, graceDays, dueBy } = await coverageContext(db, actor, {
    jurisdiction: employer.jurisdictionCode,
  });
  const target = await findTrainingTarget(db, period.id, employer.path);
  const [key] = rowsOf<{ is_key: boolean }>(
    await db.execute(sql`
      select exists (select 1 from (${keyIndustryPrefixes(period.id, employer.path)}) ki
        where o.industry_code like ki.prefix || '%') as is_key
      from organisations o where o.id = ${employer.id}`),
  );
  const rows = rowsOf<{ role_code: string; held: number; due: number; trained: number }>(
    await db.execute(sql`
      with posts as (
        select r.code as role_code, h.started_on, ${isTrainedAsOf(sql`h.id_number_index`, sql`r.code`, asOf)} as trained
        from key_post_holders h
        join training_roles r on r.id = h.role_id
          and r.code in (select code from training_roles where plan_period_id = ${period.id})
        where h.employer_id = ${employer.id}
          and h.started_on <= ${asOf} and (h.ended_on is null or h.ended_on > ${asOf})
      )
      select role_code, count(*)::int as held,
        count(*) filter (where trained or started_on <= ${dueBy})::int as due,
        count(*) filter (where trained)::int as trained
      from posts group by role_code`),
  );
  const roles = await listTrainingRoles(db, period.code);
  const byRole = roles.roles.map((role) => {
    const r = rows.find((x) => x.role_code === role.code);
    const held = Number(r?.held ?? 0);
    const due = Number(r?.due ?? 0);
    const trained = Number(r?.trained ?? 0);
    return {
      roleCode: role.code,
      nameZh: role.nameZh,
      nameEn: role.nameEn,
      held,
      due,
      trained,
      coveragePct: pct(trained, due),
    };
  });
  const held = byRole.reduce((n, r) => n + r.held, 0);
  const due = byRole.reduce((n, r) => n + r.due, 0);
  const trained = byRole.reduce((n, r) => n + r.trained, 0);
  const coveragePct = pct(trained, due);
  return {
    asOf,
    planPeriod: period.code,
    graceDays,
    isKeyEnterprise: Boolean(key?.is_key),
    targetPct: target?.coveragePct ?? null,
    held,
    due,
    trained,
    untrained: due - trained,
    coveragePct,
    meetsTarget: target === null ? null : coveragePct !== null && coveragePct >= target.coveragePct,
    byRole: byRole.filter((r) => r.held > 0),
  };
}
