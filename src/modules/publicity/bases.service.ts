import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { addDays, addYears, isAfterToday, today } from '../../platform/time.js';
import { listDrawCandidates, listExpertNames } from '../experts/experts.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { listProjectsOfApplicants } from '../projects/projects.service.js';
import { resolveSetting } from '../settings/settings.service.js';
import { listPublicityFiles } from './files.service.js';
import type { BaseApplication, BaseReviewInput } from './publicity.schema.js';
import { PUBLICITY_SETTINGS } from './publicity.settings.js';
import { warningBaseReviews, warningBases, warningBaseVisits } from './publicity.tables.js';

// Warning-education bases (警示教育基地, PU-2): application to a joint meeting, review with a site
// visit and experts' opinion, designation filed with the province, provincial bases, visits,
// periodic review and withdrawal; the coverage of prefectures and counties.

/** The employer of an application, in the actor's scope, with its jurisdiction path. */
async function findEmployer(db: Db, actor: Actor, employerId: number) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, path: jurisdictions.path })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(and(eq(organisations.id, employerId), eq(organisations.kind, 'employer')));
  if (!row || !isInScope(actor, row.path)) throw notFound();
  return row;
}

/**
 * An employer (or HRSS on its behalf) applies to a joint meeting for a warning-education base
 * (J 三(二)). The meeting is its county's by default, or one above it; an employer outside the
 * meeting's jurisdiction is refused.
 */
export async function applyForBase(db: Db, actor: Actor, input: BaseApplication, now: Date) {
  if (!hasPermission(actor, 'publicity:manage') && actor.organisationId !== input.employerId)
    throw new AppError(403, 'publicity.own_employer_only', {}, 'employerId');
  const employer = await findEmployer(db, actor, input.employerId);
  const meetingCode = input.meetingJurisdiction ?? employer.path.split('/').at(-1);
  const [meeting] = await db
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, meetingCode ?? ''));
  if (!meeting || meeting.level === 'national')
    throw new AppError(400, 'jurisdiction.unknown', { code: meetingCode }, 'meetingJurisdiction');
  if (!(employer.path === meeting.path || employer.path.startsWith(`${meeting.path}/`)))
    throw badRequest('publicity.employer_outside_meeting', 'employerId');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(warningBases)
      .values({
        employerId: employer.id,
        jurisdictionId: meeting.id,
        name: input.name,
        address: input.address,
        cases: input.cases,
        exhibits: input.exhibits,
        capacity: input.capacity,
        openingTimes: input.openingTimes,
        booking: input.booking,
        appliedBy: actor.username,
        appliedAt: now,
      })
      .returning({ id: warningBases.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'publicity.base.apply',
      targetType: 'warning_base',
      targetId: row.id,
      jurisdictionPath: meeting.path,
      details: { employerId: employer.id, meeting: meeting.code, name: input.name },
    });
    return { id: row.id };
  });
}

/**
 * A base the actor may see: its meeting's jurisdiction lies in scope, or the actor's employer is
 * the base's (an employer of a county may have applied to its prefecture's meeting).
 */
async function findBase(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      base: warningBases,
      path: jurisdictions.path,
      code: jurisdictions.code,
      level: jurisdictions.level,
    })
    .from(warningBases)
    .innerJoin(jurisdictions, eq(jurisdictions.id, warningBases.jurisdictionId))
    .where(eq(warningBases.id, id));
  if (!row) throw notFound();
  const isOwn = actor.organisationId !== null && actor.organisationId === row.base.employerId;
  if (!isOwn && !isInScope(actor, row.path)) throw notFound();
  return { ...row, isOwn };
}

/** A base the actor may see, for other services of this module (files). */
export async function findBaseForActor(db: Db, actor: Actor, id: number) {
  return findBase(db, actor, id);
}

/** The experts' names and their opinions: each expert must be in the pool serving the meeting. */
async function resolveOpinions(
  db: Db,
  meetingPath: string,
  employerId: number,
  opinions: BaseReviewInput['expertOpinions'],
  onDate: string,
) {
  const { candidates } = await listDrawCandidates(db, {
    jurisdictionPath: meetingPath,
    conflictOrganisationIds: [employerId],
    onDate,
  });
  const allowed = new Set(candidates.map((c) => c.id));
  opinions.forEach((o, i) => {
    if (!allowed.has(o.expertId))
      throw badRequest('publicity.experts_required', `expertOpinions.${i}.expertId`);
  });
  const names = new Map(
    (
      await listExpertNames(
        db,
        opinions.map((o) => o.expertId),
      )
    ).map((e) => [e.id, e.name]),
  );
  return opinions.map((o) => ({
    expertId: o.expertId,
    name: names.get(o.expertId) ?? '',
    opinion: o.opinion,
  }));
}

/** The experts of the pool serving a base's meeting (its own, its ancestors', shared in), minus conflicts. */
export async function listBaseExpertCandidates(db: Db, actor: Actor, id: number, now: Date) {
  const { base, path } = await findBase(db, actor, id);
  const { candidates } = await listDrawCandidates(db, {
    jurisdictionPath: path,
    conflictOrganisationIds: [base.employerId],
    onDate: today(now),
  });
  const names = await listExpertNames(
    db,
    candidates.map((c) => c.id),
  );
  return { items: names.map((e) => ({ id: e.id, name: e.name, fields: e.fields })) };
}

/**
 * The meeting reviews a base (PU-2): an application's review (site visit, experts' opinion from
 * the pool) designates or rejects it; designation files it with the provincial meeting that day
 * and sets the next periodic review (publicity.baseReviewYears); a periodic review keeps it or
 * withdraws it with a reason.
 */
export async function reviewBase(db: Db, actor: Actor, id: number, input: BaseReviewInput, now: Date) {
  const { base, path } = await findBase(db, actor, id);
  if (!isInScope(actor, path)) throw notFound();
  if (isAfterToday(input.reviewedOn, now)) throw badRequest('publicity.date_in_future', 'reviewedOn');
  const isApplication = base.status === 'applied';
  const allowed = isApplication
    ? ['designate', 'reject']
    : base.status === 'designated'
      ? ['keep', 'withdraw']
      : [];
  if (!allowed.includes(input.outcome))
    throw new AppError(409, 'publicity.base_state', { status: base.status }, 'outcome');
  if ((input.outcome === 'reject' || input.outcome === 'withdraw') && !input.reason)
    throw badRequest('publicity.reason_required', 'reason');
  const appliedOn = today(base.appliedAt);
  if (isApplication && input.reviewedOn < appliedOn)
    throw badRequest('publicity.dates_out_of_order', 'reviewedOn', {
      field: 'reviewedOn',
      other: 'appliedAt',
    });
  if (!isApplication && base.designatedOn && input.reviewedOn < base.designatedOn)
    throw badRequest('publicity.dates_out_of_order', 'reviewedOn', {
      field: 'reviewedOn',
      other: 'designatedOn',
    });
  const opinions = await resolveOpinions(db, path, base.employerId, input.expertOpinions, input.reviewedOn);
  const reviewYears = (await resolveSetting(db, path, PUBLICITY_SETTINGS.baseReviewYears)).value;
  await db.transaction(async (tx) => {
    await tx.insert(warningBaseReviews).values({
      baseId: id,
      kind: isApplication ? 'application' : 'periodic',
      reviewedOn: input.reviewedOn,
      siteVisit: input.siteVisit,
      expertOpinions: opinions,
      outcome: input.outcome,
      reason: input.reason ?? null,
      reviewedBy: actor.username,
      createdAt: now,
    });
    const set =
      input.outcome === 'designate'
        ? {
            status: 'designated' as const,
            designatedOn: input.reviewedOn,
            filedOn: input.reviewedOn,
            nextReviewDue: addYears(input.reviewedOn, reviewYears),
          }
        : input.outcome === 'reject'
          ? { status: 'rejected' as const }
          : input.outcome === 'keep'
            ? { nextReviewDue: addYears(input.reviewedOn, reviewYears) }
            : {
                status: 'withdrawn' as const,
                withdrawnOn: input.reviewedOn,
                withdrawnReason: input.reason ?? null,
                isProvincial: false,
              };
    await tx.update(warningBases).set(set).where(eq(warningBases.id, id));
    await recordAudit(tx, actor, {
      action: `publicity.base.review.${input.outcome}`,
      targetType: 'warning_base',
      targetId: id,
      jurisdictionPath: path,
      details: {
        reviewedOn: input.reviewedOn,
        experts: opinions.map((o) => o.expertId),
        reason: input.reason,
      },
    });
  });
  return { ok: true as const };
}

/** The provincial meeting raises a filed base to a provincial base (省级警示教育基地). */
export async function raiseBaseToProvincial(db: Db, actor: Actor, id: number, now: Date) {
  const { base, path } = await findBase(db, actor, id);
  if (!isInScope(actor, path)) throw notFound();
  const [own] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, actor.jurisdictionId));
  if (own?.level !== 'province') throw new AppError(403, 'auth.forbidden');
  if (base.status !== 'designated' || base.isProvincial)
    throw new AppError(409, 'publicity.base_state', {
      status: base.isProvincial ? 'provincial' : base.status,
    });
  await db.transaction(async (tx) => {
    await tx
      .update(warningBases)
      .set({ isProvincial: true, provincialOn: today(now) })
      .where(eq(warningBases.id, id));
    await recordAudit(tx, actor, {
      action: 'publicity.base.raise',
      targetType: 'warning_base',
      targetId: id,
      jurisdictionPath: path,
    });
  });
  return { ok: true as const };
}

/** The meeting withdraws a designated base outside a periodic review, with a reason. */
export async function withdrawBase(db: Db, actor: Actor, id: number, reason: string, now: Date) {
  const { base, path } = await findBase(db, actor, id);
  if (!isInScope(actor, path)) throw notFound();
  if (base.status !== 'designated') throw new AppError(409, 'publicity.base_state', { status: base.status });
  await db.transaction(async (tx) => {
    await tx
      .update(warningBases)
      .set({ status: 'withdrawn', withdrawnOn: today(now), withdrawnReason: reason, isProvincial: false })
      .where(eq(warningBases.id, id));
    await recordAudit(tx, actor, {
      action: 'publicity.base.withdraw',
      targetType: 'warning_base',
      targetId: id,
      jurisdictionPath: path,
      details: { reason },
    });
  });
  return { ok: true as const };
}

/** A base records a visit (groups, visitors, enterprises): its employer, or an officer in scope. */
export async function recordBaseVisit(
  db: Db,
  actor: Actor,
  id: number,
  input: { visitedOn: string; groups: number; visitors: number; enterprises: number; note?: string },
  now: Date,
) {
  const { base, path, isOwn } = await findBase(db, actor, id);
  if (!isOwn && !hasPermission(actor, 'publicity:manage'))
    throw new AppError(403, 'publicity.own_employer_only', {}, 'id');
  if (base.status !== 'designated') throw new AppError(409, 'publicity.base_state', { status: base.status });
  if (isAfterToday(input.visitedOn, now)) throw badRequest('publicity.date_in_future', 'visitedOn');
  if (base.designatedOn && input.visitedOn < base.designatedOn)
    throw badRequest('publicity.dates_out_of_order', 'visitedOn', {
      field: 'visitedOn',
      other: 'designatedOn',
    });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(warningBaseVisits)
      .values({ baseId: id, ...input, note: input.note ?? null, recordedBy: actor.username, createdAt: now })
      .returning({ id: warningBaseVisits.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'publicity.base.visit',
      targetType: 'warning_base',
      targetId: id,
      jurisdictionPath: path,
      details: { visitedOn: input.visitedOn, visitors: input.visitors },
    });
    return { id: row.id };
  });
}

type BaseRow = { base: typeof warningBases.$inferSelect; code: string; name: string; employerName: string };

function toBaseDto(
  r: BaseRow,
  visits: Map<number, { groups: number; visitors: number; enterprises: number }>,
  asOf: string,
) {
  const b = r.base;
  return {
    id: b.id,
    employerId: b.employerId,
    employerName: r.employerName,
    jurisdictionCode: r.code,
    jurisdictionName: r.name,
    name: b.name,
    address: b.address,
    cases: b.cases,
    exhibits: b.exhibits,
    capacity: b.capacity,
    openingTimes: b.openingTimes,
    booking: b.booking,
    status: b.status,
    isProvincial: b.isProvincial,
    appliedAt: b.appliedAt.toISOString(),
    designatedOn: b.designatedOn,
    filedOn: b.filedOn,
    provincialOn: b.provincialOn,
    nextReviewDue: b.nextReviewDue,
    isReviewDue: b.status === 'designated' && b.nextReviewDue !== null && b.nextReviewDue <= asOf,
    withdrawnOn: b.withdrawnOn,
    withdrawnReason: b.withdrawnReason,
    visits: visits.get(b.id) ?? { groups: 0, visitors: 0, enterprises: 0 },
  };
}

async function visitTotals(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { groups: number; visitors: number; enterprises: number }>();
  const rows = await db
    .select({
      baseId: warningBaseVisits.baseId,
      groups: sql<string>`sum(${warningBaseVisits.groups})`,
      visitors: sql<string>`sum(${warningBaseVisits.visitors})`,
      enterprises: sql<string>`sum(${warningBaseVisits.enterprises})`,
    })
    .from(warningBaseVisits)
    .where(inArray(warningBaseVisits.baseId, ids))
    .groupBy(warningBaseVisits.baseId);
  return new Map(
    rows.map((r) => [
      r.baseId,
      { groups: Number(r.groups), visitors: Number(r.visitors), enterprises: Number(r.enterprises) },
    ]),
  );
}

const baseColumns = {
  base: warningBases,
  code: jurisdictions.code,
  name: jurisdictions.name,
  employerName: organisations.name,
};

/**
 * Bases of a jurisdiction subtree (default: the actor's); an employer account sees its own.
 * `filed`: the designations filed with the province (the provincial meeting's filing list).
 */
export async function listBases(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; status?: string; filed?: boolean; ownOnly?: boolean },
  now: Date,
) {
  const conditions: SQL[] = [];
  if (query.ownOnly) {
    // An account of no employer holds no bases of its own.
    if (actor.organisationId === null) return { total: 0, items: [] };
    conditions.push(eq(warningBases.employerId, actor.organisationId));
  } else {
    const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  if (query.status) conditions.push(sql`${warningBases.status} = ${query.status}`);
  if (query.filed) conditions.push(sql`${warningBases.filedOn} is not null`);
  const rows = await db
    .select(baseColumns)
    .from(warningBases)
    .innerJoin(jurisdictions, eq(jurisdictions.id, warningBases.jurisdictionId))
    .innerJoin(organisations, eq(organisations.id, warningBases.employerId))
    .where(and(...conditions))
    .orderBy(desc(warningBases.appliedAt), desc(warningBases.id));
  const visits = await visitTotals(
    db,
    rows.map((r) => r.base.id),
  );
  return { total: rows.length, items: rows.map((r) => toBaseDto(r, visits, today(now))) };
}

/** One base: reviews, visit log, files, and the prevention projects its employer declared. */
export async function getBase(db: Db, actor: Actor, id: number, now: Date) {
  await findBase(db, actor, id);
  const [row] = await db
    .select(baseColumns)
    .from(warningBases)
    .innerJoin(jurisdictions, eq(jurisdictions.id, warningBases.jurisdictionId))
    .innerJoin(organisations, eq(organisations.id, warningBases.employerId))
    .where(eq(warningBases.id, id));
  if (!row) throw notFound();
  const reviews = await db
    .select()
    .from(warningBaseReviews)
    .where(eq(warningBaseReviews.baseId, id))
    .orderBy(asc(warningBaseReviews.reviewedOn), asc(warningBaseReviews.id));
  const visitLog = await db
    .select()
    .from(warningBaseVisits)
    .where(eq(warningBaseVisits.baseId, id))
    .orderBy(desc(warningBaseVisits.visitedOn), desc(warningBaseVisits.id));
  const projects = await listProjectsOfApplicants(db, [row.base.employerId]);
  return {
    ...toBaseDto(row, await visitTotals(db, [id]), today(now)),
    reviews: reviews.map((r) => ({
      id: r.id,
      kind: r.kind,
      reviewedOn: r.reviewedOn,
      siteVisit: r.siteVisit,
      expertOpinions: r.expertOpinions,
      outcome: r.outcome,
      reason: r.reason,
      reviewedBy: r.reviewedBy,
    })),
    visitLog: visitLog.map((v) => ({
      id: v.id,
      visitedOn: v.visitedOn,
      groups: v.groups,
      visitors: v.visitors,
      enterprises: v.enterprises,
      note: v.note,
    })),
    files: await listPublicityFiles(db, 'base', id),
    projects: projects.map((p) => ({ id: p.id, title: p.title, year: p.year, status: p.status })),
  };
}

/**
 * Prevention projects declared by employers holding a designated base in a jurisdiction subtree:
 * the joint meeting favours them when it funds projects (J 三(二)).
 */
export async function listFavouredProjects(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const bases = await db
    .select({ id: warningBases.id, name: warningBases.name, employerId: warningBases.employerId })
    .from(warningBases)
    .innerJoin(organisations, eq(organisations.id, warningBases.employerId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(and(eq(warningBases.status, 'designated'), withinScope(jurisdictions.path, j.path)));
  if (bases.length === 0) return { items: [] };
  const projects = await listProjectsOfApplicants(
    db,
    bases.map((b) => b.employerId),
  );
  return {
    items: projects.flatMap((p) => {
      const base = bases.find((b) => b.employerId === p.applicantOrganisationId);
      return base
        ? [
            {
              projectId: p.id,
              title: p.title,
              year: p.year,
              status: p.status,
              baseId: base.id,
              baseName: base.name,
            },
          ]
        : [];
    }),
  };
}

/**
 * Base coverage (PU-2, J 三(二): every 市（州） and 县（市、区） sets up at least one): every
 * prefecture and county of a jurisdiction subtree, with the designated bases its own meeting
 * holds (withdrawn ones do not count), red where none. Stable shape: the scorecard and the yearly
 * implementation report read it.
 */
export async function describeBaseCoverage(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const rows = rowsOf<{
    code: string;
    name: string;
    level: string;
    parent_code: string | null;
    bases: string;
    provincial: string;
  }>(
    await db.execute(sql`
      select j.code, j.name, j.level, p.code as parent_code,
        count(b.id) filter (where b.status = 'designated') as bases,
        count(b.id) filter (where b.status = 'designated' and b.is_provincial) as provincial
      from jurisdictions j
      left join jurisdictions p on p.id = j.parent_id
      left join warning_bases b on b.jurisdiction_id = j.id
      where ${withinScope(sql`j.path`, j.path)} and j.level in ('prefecture', 'county')
      group by j.id, j.code, j.name, j.level, p.code
      order by j.code`),
  );
  const areas = rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    bases: Number(r.bases),
    provincialBases: Number(r.provincial),
    hasBase: Number(r.bases) > 0,
  }));
  const [provincial] = rowsOf<{ bases: string; provincial: string }>(
    await db.execute(sql`
      select count(*) filter (where b.status = 'designated') as bases,
        count(*) filter (where b.status = 'designated' and b.is_provincial) as provincial
      from warning_bases b join jurisdictions j on j.id = b.jurisdiction_id
      where ${withinScope(sql`j.path`, j.path)}`),
  );
  const prefectures = areas.filter((a) => a.level === 'prefecture');
  const counties = areas.filter((a) => a.level === 'county');
  return {
    jurisdictionCode: j.code,
    jurisdictionName: j.name,
    areas,
    summary: {
      prefectures: prefectures.length,
      prefecturesCovered: prefectures.filter((a) => a.hasBase).length,
      counties: counties.length,
      countiesCovered: counties.filter((a) => a.hasBase).length,
      bases: Number(provincial?.bases ?? 0),
      provincialBases: Number(provincial?.provincial ?? 0),
    },
  };
}

/** Public: designated bases of a jurisdiction subtree (address, opening times, how to book). */
export async function unsafeListPublicBases(db: Db, query: { jurisdiction?: string }) {
  // Public by design (the plans ask bases to be open to visitors): only designated bases, no review.
  const conditions: SQL[] = [eq(warningBases.status, 'designated')];
  if (query.jurisdiction) {
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, query.jurisdiction));
    if (!j) return { items: [] };
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  const rows = await db
    .select({
      base: warningBases,
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(warningBases)
    .innerJoin(jurisdictions, eq(jurisdictions.id, warningBases.jurisdictionId))
    .where(and(...conditions))
    .orderBy(asc(jurisdictions.code), asc(warningBases.id))
    .limit(1000);
  const photos = await listPublicityFiles(
    db,
    'base',
    rows.map((r) => r.base.id),
  );
  return {
    items: rows.map(({ base: b, code, name, path }) => ({
      id: b.id,
      jurisdictionCode: code,
      jurisdictionName: name,
      prefectureCode: path.split('/')[2] ?? null,
      name: b.name,
      address: b.address,
      openingTimes: b.openingTimes,
      booking: b.booking,
      capacity: b.capacity,
      isProvincial: b.isProvincial,
      designatedOn: b.designatedOn,
      photoIds: photos.filter((p) => p.ownerId === b.id && p.hasPublicImage).map((p) => p.id),
    })),
  };
}

/** How far ahead a base's periodic review is announced in the inbox. */
export const BASE_REVIEW_NOTICE_DAYS = 30;

/**
 * Reminders of warning-base reviews (PU-2), generated before the actor's inbox is read (idempotent,
 * like the joint meeting's deadline reminders): a designated base whose periodic review falls due
 * within 30 days, or is past due, is announced to the officers who review bases in its area and to
 * the employer that runs it, once per base and due date.
 */
export async function refreshBaseReviewReminders(db: Db, actor: Actor, now: Date): Promise<number> {
  const reviewer = hasPermission(actor, 'publicity:manage');
  if (!reviewer && actor.organisationId === null) return 0;
  const horizon = addDays(today(now), BASE_REVIEW_NOTICE_DAYS);
  const rows = await db
    .select({ id: warningBases.id, name: warningBases.name, due: warningBases.nextReviewDue })
    .from(warningBases)
    .innerJoin(jurisdictions, eq(jurisdictions.id, warningBases.jurisdictionId))
    .where(
      and(
        eq(warningBases.status, 'designated'),
        sql`${warningBases.nextReviewDue} <= ${horizon}`,
        reviewer
          ? withinScope(jurisdictions.path, actor.jurisdictionPath)
          : eq(warningBases.employerId, actor.organisationId ?? -1),
      ),
    );
  let added = 0;
  for (const r of rows)
    added += await notifyUsers(db, [actor.userId], {
      kind: 'warning_base.review_due',
      params: { name: r.name, due: r.due },
      link: '/publicity',
      dedupeKey: `warning_base:${r.id}:review:${r.due}`,
    });
  return added;
}
