import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, declareUniqueField, notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.js';
import { addYears, today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { users } from '../users/users.tables.js';
import {
  DRAW_ALGORITHM,
  type DrawCandidate,
  type DrawRule,
  drawPanel,
  drawReplacement,
  NotEnoughCandidatesError,
  seedOf,
  sha256Hex,
  verifyDrawRecord,
} from './draw.js';
import { EXPERTS_SETTINGS } from './experts.settings.js';
import {
  type ExpertRecordKind,
  type ExpertShareStatus,
  type ExpertStatus,
  expertDraws,
  expertFields,
  expertRecords,
  expertRelations,
  expertShares,
  experts,
  panelMembers,
} from './experts.tables.js';

// A second expert linked to an already linked account: 409 naming the field the form sent.
declareUniqueField('experts_user_key', 'username');

/** The six fields of the plans (EX-1); more are added as data. */
export const DEFAULT_EXPERT_FIELDS = ['工伤预防', '安全生产', '职业卫生', '财务管理', '法律事务', '宣传培训'];

/** Loads the six fields of the plans (reference data, once). */
export async function loadExpertFields(db: Db): Promise<void> {
  await db
    .insert(expertFields)
    .values(DEFAULT_EXPERT_FIELDS.map((name) => ({ name, createdBy: 'reference-data' })))
    .onConflictDoNothing();
}

/** Fields that apply to a jurisdiction: the national six plus those it or its ancestors added. */
export async function listExpertFields(db: Db, path: string) {
  const ancestors = db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, path.split('/')));
  return db
    .select({ id: expertFields.id, name: expertFields.name, createdBy: expertFields.createdBy })
    .from(expertFields)
    .where(or(isNull(expertFields.jurisdictionId), inArray(expertFields.jurisdictionId, ancestors)))
    .orderBy(asc(expertFields.id));
}

/** Adds a field a unit recommended, for a jurisdiction and those below it (EX-1). */
export async function addExpertField(
  db: Db,
  actor: Actor,
  input: { name: string; jurisdictionCode: string },
) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  const known = await listExpertFields(db, jurisdiction.path);
  if (known.some((f) => f.name === input.name)) throw new AppError(409, 'expert.field_duplicate', {}, 'name');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(expertFields)
      .values({ name: input.name, jurisdictionId: jurisdiction.id, createdBy: actor.username })
      .returning({ id: expertFields.id, name: expertFields.name, createdBy: expertFields.createdBy });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'expert-field.add',
      targetType: 'expert_field',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { name: input.name },
    });
    return row;
  });
}

function selectExperts(db: Db) {
  return db
    .select({
      expert: experts,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      jurisdictionPath: jurisdictions.path,
      username: users.username,
    })
    .from(experts)
    .innerJoin(jurisdictions, eq(jurisdictions.id, experts.jurisdictionId))
    .leftJoin(users, eq(users.id, experts.userId))
    .$dynamic();
}

type ExpertRow = Awaited<ReturnType<typeof selectExperts>>[number];

function toExpertDto(row: ExpertRow, isUnmasked: boolean) {
  const e = row.expert;
  // Stored as SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042): the mask needs the plaintext.
  const crypto = piiCrypto();
  const idNumber = crypto.decrypt(e.idNumber);
  const phone = crypto.decrypt(e.phone);
  return {
    id: e.id,
    jurisdiction: { code: row.jurisdictionCode, name: row.jurisdictionName },
    name: e.name,
    idNumber: isUnmasked ? idNumber : maskIdNumber(idNumber),
    phone: isUnmasked ? phone : maskPhone(phone),
    employerOrganisationId: e.employerOrganisationId,
    employerName: e.employerName,
    title: e.title,
    recommendingUnit: e.recommendingUnit,
    fields: e.fields,
    specialistGroup: e.specialistGroup,
    status: e.status,
    termStart: e.termStart,
    termEnd: e.termEnd,
    username: row.username,
  };
}

/** The expert pool of the actor's scope (EX-1); phone and 身份证号 masked without personal-data:view. */
export async function listExperts(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; field?: string; status?: ExpertStatus },
) {
  const scope = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scope)];
  if (options.status) conditions.push(eq(experts.status, options.status));
  if (options.field) conditions.push(sql`${experts.fields} @> ${JSON.stringify([options.field])}::jsonb`);
  const rows = await selectExperts(db)
    .where(and(...conditions))
    .orderBy(asc(experts.id));
  const isUnmasked = hasPermission(actor, 'personal-data:view');
  await recordPersonalDataAccess(db, actor, {
    targetType: 'expert',
    ids: rows.filter((r) => r.expert.idNumber || r.expert.phone).map((r) => r.expert.id),
    isMasked: !isUnmasked,
    route: 'GET /api/experts',
    fields: ['idNumber', 'phone'],
  });
  return { items: rows.map((r) => toExpertDto(r, isUnmasked)), fields: await listExpertFields(db, scope) };
}

async function findExpertInScope(db: Db, actor: Actor, id: number) {
  const [row] = await selectExperts(db).where(
    and(eq(experts.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)),
  );
  if (!row) throw notFound();
  return row;
}

/** One expert with declared relations, file records and shares (EX-2). */
export async function getExpert(db: Db, actor: Actor, id: number) {
  const row = await findExpertInScope(db, actor, id);
  const isUnmasked = hasPermission(actor, 'personal-data:view');
  if (row.expert.idNumber || row.expert.phone)
    await recordPersonalDataAccess(db, actor, {
      targetType: 'expert',
      ids: [id],
      isMasked: !isUnmasked,
      route: 'GET /api/experts/:id',
      fields: ['idNumber', 'phone'],
    });
  const [relations, records, shares] = await Promise.all([
    db
      .select({
        id: expertRelations.id,
        organisationId: expertRelations.organisationId,
        organisationName: organisations.name,
        relation: expertRelations.relation,
        declaredAt: expertRelations.declaredAt,
      })
      .from(expertRelations)
      .innerJoin(organisations, eq(organisations.id, expertRelations.organisationId))
      .where(eq(expertRelations.expertId, id))
      .orderBy(asc(expertRelations.id)),
    db.select().from(expertRecords).where(eq(expertRecords.expertId, id)).orderBy(asc(expertRecords.id)),
    db
      .select({
        id: expertShares.id,
        code: jurisdictions.code,
        name: jurisdictions.name,
        agreement: expertShares.agreement,
        validFrom: expertShares.validFrom,
        validTo: expertShares.validTo,
        status: expertShares.status,
      })
      .from(expertShares)
      .innerJoin(jurisdictions, eq(jurisdictions.id, expertShares.jurisdictionId))
      .where(eq(expertShares.expertId, id))
      .orderBy(asc(expertShares.id)),
  ]);
  return {
    ...toExpertDto(row, isUnmasked),
    relations: relations.map((r) => ({ ...r, declaredAt: r.declaredAt.toISOString() })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      outcome: r.outcome,
      reason: r.reason,
      recordedBy: r.recordedBy,
      recordedAt: r.recordedAt.toISOString(),
    })),
    shares: shares.map((s) => ({
      id: s.id,
      jurisdiction: { code: s.code, name: s.name },
      agreement: s.agreement,
      validFrom: s.validFrom,
      validTo: s.validTo,
      status: s.status,
    })),
  };
}

async function assertFieldsExist(db: Db, path: string, fields: string[]) {
  const known = new Set((await listExpertFields(db, path)).map((f) => f.name));
  fields.forEach((f, i) => {
    if (!known.has(f)) throw badRequest('expert.field_unknown', `fields.${i}`, { field: f });
  });
}

/** Adds an expert to a pool, pending qualification review (EX-1, EX-2). */
export async function createExpert(
  db: Db,
  actor: Actor,
  input: {
    jurisdictionCode: string;
    name: string;
    idNumber?: string;
    phone?: string;
    employerOrganisationId?: number;
    employerName: string;
    title: string;
    recommendingUnit: string;
    fields: string[];
    specialistGroup?: string;
    username?: string;
  },
) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  await assertFieldsExist(db, jurisdiction.path, input.fields);
  if (input.employerOrganisationId !== undefined) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.employerOrganisationId));
    if (!org) throw badRequest('organisation.outside_jurisdiction', 'employerOrganisationId');
  }
  let userId: number | null = null;
  if (input.username) {
    const [user] = await db
      .select({ id: users.id, role: users.role, path: jurisdictions.path })
      .from(users)
      .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
      .where(eq(users.username, input.username));
    if (user?.role !== 'expert' || !isInScope(actor, user.path))
      throw badRequest('expert.user_invalid', 'username');
    userId = user.id;
  }
  const crypto = piiCrypto();
  const idNumber = input.idNumber ?? null;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(experts)
      .values({
        jurisdictionId: jurisdiction.id,
        userId,
        name: input.name,
        idNumber: crypto.encrypt(idNumber),
        idNumberIndex: crypto.index(idNumber),
        phone: crypto.encrypt(input.phone ?? null),
        employerOrganisationId: input.employerOrganisationId ?? null,
        employerName: input.employerName,
        title: input.title,
        recommendingUnit: input.recommendingUnit,
        fields: input.fields,
        specialistGroup: input.specialistGroup ?? null,
      })
      .returning({ id: experts.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'expert.create',
      targetType: 'expert',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { fields: input.fields, recommendingUnit: input.recommendingUnit },
    });
    return row.id;
  });
  return getExpert(db, actor, id);
}

async function writeRecord(
  tx: Db,
  actor: Actor,
  expert: ExpertRow,
  record: { kind: ExpertRecordKind; outcome: string; reason: string },
  change: Partial<typeof experts.$inferInsert>,
  expectedStatuses: ExpertStatus[],
) {
  if (Object.keys(change).length > 0) {
    const updated = await tx
      .update(experts)
      .set({ ...change, updatedAt: sql`now()` })
      .where(and(eq(experts.id, expert.expert.id), inArray(experts.status, expectedStatuses)))
      .returning({ id: experts.id });
    if (updated.length === 0)
      throw new AppError(409, 'expert.illegal_transition', { status: expert.expert.status });
  }
  await tx.insert(expertRecords).values({
    expertId: expert.expert.id,
    kind: record.kind,
    outcome: record.outcome,
    reason: record.reason,
    recordedBy: actor.username,
  });
  await recordAudit(tx, actor, {
    action: `expert.${record.kind}`,
    targetType: 'expert',
    targetId: expert.expert.id,
    jurisdictionPath: expert.jurisdictionPath,
    details: { ...record, ...change },
  });
}

/** Qualification review (资格审核): a pending expert becomes active for a term, or is rejected. */
export async function reviewExpert(
  db: Db,
  actor: Actor,
  id: number,
  input: { isApproved: boolean; reason: string; termStart?: string },
) {
  const expert = await findExpertInScope(db, actor, id);
  const termYears = (await resolveSetting(db, expert.jurisdictionPath, EXPERTS_SETTINGS.termYears)).value;
  const termStart = input.termStart ?? today();
  await db.transaction(async (tx) =>
    writeRecord(
      tx,
      actor,
      expert,
      { kind: 'qualification', outcome: input.isApproved ? 'approved' : 'rejected', reason: input.reason },
      input.isApproved
        ? { status: 'active', termStart, termEnd: addYears(termStart, termYears) }
        : { status: 'rejected' },
      ['pending'],
    ),
  );
  return getExpert(db, actor, id);
}

/** Term evaluation, discipline, suspension, reinstatement or renewal, on the expert's file (EX-2). */
export async function recordExpertEntry(
  db: Db,
  actor: Actor,
  id: number,
  input: { kind: Exclude<ExpertRecordKind, 'qualification'>; outcome: string; reason: string },
) {
  const expert = await findExpertInScope(db, actor, id);
  const termYears = (await resolveSetting(db, expert.jurisdictionPath, EXPERTS_SETTINGS.termYears)).value;
  const termStart = today();
  const transitions: Record<typeof input.kind, [Partial<typeof experts.$inferInsert>, ExpertStatus[]]> = {
    evaluation: [{}, []],
    discipline: [{}, []],
    suspension: [{ status: 'suspended' }, ['active']],
    reinstatement: [{ status: 'active' }, ['suspended']],
    renewal: [
      { status: 'active', termStart, termEnd: addYears(termStart, termYears) },
      ['active', 'expired'],
    ],
  };
  const [change, from] = transitions[input.kind];
  await db.transaction(async (tx) => writeRecord(tx, actor, expert, input, change, from));
  return getExpert(db, actor, id);
}

/** A relation the expert declared with an organisation: excluded from its projects' panels. */
export async function addExpertRelation(
  db: Db,
  actor: Actor,
  id: number,
  input: { organisationId: number; relation: string },
) {
  const expert = await findExpertInScope(db, actor, id);
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org) throw badRequest('organisation.outside_jurisdiction', 'organisationId');
  await db.transaction(async (tx) => {
    await tx
      .insert(expertRelations)
      .values({ expertId: id, ...input, declaredBy: actor.username })
      .onConflictDoUpdate({
        target: [expertRelations.expertId, expertRelations.organisationId],
        set: { relation: input.relation, declaredBy: actor.username },
      });
    await recordAudit(tx, actor, {
      action: 'expert.relation',
      targetType: 'expert',
      targetId: id,
      jurisdictionPath: expert.jurisdictionPath,
      details: input,
    });
  });
  return getExpert(db, actor, id);
}

/**
 * Offers an expert of one's pool to another jurisdiction by agreement (EX-4). The share is pending
 * until an expert administrator of the receiving jurisdiction accepts it (answerExpertShare); one
 * shared into the actor's own scope is accepted at once, since the same administrator answers for
 * both sides. A changed share (new terms) is pending again.
 */
export async function shareExpert(
  db: Db,
  actor: Actor,
  id: number,
  input: { jurisdictionCode: string; agreement: string; validFrom: string; validTo: string },
) {
  const expert = await findExpertInScope(db, actor, id);
  if (input.validTo < input.validFrom) throw badRequest('expert.share_dates', 'validTo');
  // The receiving jurisdiction lies outside the actor's scope by design (another province's pool).
  const [target] = await db
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.jurisdictionCode));
  if (!target) throw badRequest('jurisdiction.unknown', 'jurisdictionCode', { code: input.jurisdictionCode });
  const isOwnSide = isInScope(actor, target.path);
  const answer = isOwnSide
    ? { status: 'accepted' as const, answeredBy: actor.username, answeredAt: new Date(), answerReason: null }
    : { status: 'pending' as const, answeredBy: null, answeredAt: null, answerReason: null };
  await db.transaction(async (tx) => {
    const [share] = await tx
      .insert(expertShares)
      .values({
        expertId: id,
        jurisdictionId: target.id,
        agreement: input.agreement,
        validFrom: input.validFrom,
        validTo: input.validTo,
        createdBy: actor.username,
        ...answer,
      })
      .onConflictDoUpdate({
        target: [expertShares.expertId, expertShares.jurisdictionId],
        set: { agreement: input.agreement, validFrom: input.validFrom, validTo: input.validTo, ...answer },
      })
      .returning({ id: expertShares.id });
    await recordAudit(tx, actor, {
      action: 'expert.share',
      targetType: 'expert',
      targetId: id,
      jurisdictionPath: expert.jurisdictionPath,
      details: { ...input, shareId: share?.id, status: answer.status },
    });
  });
  return getExpert(db, actor, id);
}

/**
 * Shares offered into the actor's scope (the receiving side, EX-4), newest first: the expert's
 * name, title, fields and home pool, never the 身份证号 or phone (they are another province's data).
 */
export async function listIncomingExpertShares(
  db: Db,
  actor: Actor,
  options: { status?: ExpertShareStatus },
) {
  const conditions: SQL[] = [withinScope(jurisdictions.path, actor.jurisdictionPath)];
  if (options.status) conditions.push(eq(expertShares.status, options.status));
  const home = alias(jurisdictions, 'home');
  const rows = await db
    .select({
      id: expertShares.id,
      expertId: experts.id,
      expertName: experts.name,
      title: experts.title,
      employerName: experts.employerName,
      fields: experts.fields,
      from: { code: home.code, name: home.name },
      to: { code: jurisdictions.code, name: jurisdictions.name },
      agreement: expertShares.agreement,
      validFrom: expertShares.validFrom,
      validTo: expertShares.validTo,
      status: expertShares.status,
      createdBy: expertShares.createdBy,
      createdAt: expertShares.createdAt,
      answeredBy: expertShares.answeredBy,
      answeredAt: expertShares.answeredAt,
      answerReason: expertShares.answerReason,
    })
    .from(expertShares)
    .innerJoin(jurisdictions, eq(jurisdictions.id, expertShares.jurisdictionId))
    .innerJoin(experts, eq(experts.id, expertShares.expertId))
    .innerJoin(home, eq(home.id, experts.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(expertShares.id));
  return {
    total: rows.length,
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The receiving side's answer to a pending share (EX-4): accepted, the expert becomes drawable in
 * the receiving jurisdiction for the agreed term; declined, never. Only an expert administrator
 * whose scope holds the receiving jurisdiction answers; a share answered already is refused (409).
 */
export async function answerExpertShare(
  db: Db,
  actor: Actor,
  shareId: number,
  input: { isAccepted: boolean; reason?: string },
) {
  const [share] = await db
    .select({ share: expertShares, path: jurisdictions.path })
    .from(expertShares)
    .innerJoin(jurisdictions, eq(jurisdictions.id, expertShares.jurisdictionId))
    .where(and(eq(expertShares.id, shareId), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!share) throw notFound();
  const status = input.isAccepted ? 'accepted' : 'declined';
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(expertShares)
      .set({ status, answeredBy: actor.username, answeredAt: new Date(), answerReason: input.reason ?? null })
      .where(and(eq(expertShares.id, shareId), eq(expertShares.status, 'pending')))
      .returning({ id: expertShares.id });
    if (updated.length === 0)
      throw new AppError(409, 'expert.share_not_pending', { status: share.share.status });
    await recordAudit(tx, actor, {
      action: input.isAccepted ? 'expert.share.accept' : 'expert.share.decline',
      targetType: 'expert_share',
      targetId: shareId,
      jurisdictionPath: share.path,
      details: { expertId: share.share.expertId, reason: input.reason ?? null },
    });
  });
  const { items } = await listIncomingExpertShares(db, actor, {});
  const answered = items.find((i) => i.id === shareId);
  if (!answered) throw notFound();
  return answered;
}

// ---------------------------------------------------------------------------------------------
// Draws (EX-3): called by the projects module, which checks the project's state and scope.

/** Validates a draw rule: odd size ≥ 3, a field mix of known fields that fits the size. */
export async function assertDrawRule(db: Db, path: string, rule: DrawRule) {
  if (rule.size < 3 || rule.size % 2 === 0) throw badRequest('draw.size_invalid', 'size');
  const total = rule.fieldMix.reduce((sum, m) => sum + m.count, 0);
  if (total > rule.size) throw badRequest('draw.mix_exceeds_size', 'fieldMix');
  await assertFieldsExist(
    db,
    path,
    rule.fieldMix.map((m) => m.field),
  ).catch(() => {
    throw badRequest('expert.field_unknown', 'fieldMix', {
      field: rule.fieldMix.map((m) => m.field).join('、'),
    });
  });
}

/**
 * Schedules a draw: the server's secret is fixed now and only its SHA-256 is shown until the draw,
 * together with the declared source of the public value that will complete the seed.
 */
export async function scheduleDraw(
  tx: Db,
  actor: Actor,
  input: DrawRule & { projectId: number; jurisdictionId: number; beaconSource: string },
) {
  const secret = randomBytes(32).toString('hex');
  const [row] = await tx
    .insert(expertDraws)
    .values({
      projectId: input.projectId,
      jurisdictionId: input.jurisdictionId,
      size: input.size,
      fieldMix: input.fieldMix,
      commitment: sha256Hex(secret),
      secret,
      beaconSource: input.beaconSource,
      algorithm: DRAW_ALGORITHM,
      scheduledBy: actor.username,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * The candidates of a draw and the excluded with reasons: experts of the pools serving the
 * jurisdiction (its own, its ancestors' and those below it) and experts shared into them, minus
 * the inactive, the out-of-term and those employed by or related to a conflicting organisation.
 */
export async function listDrawCandidates(
  db: Db,
  input: { jurisdictionPath: string; conflictOrganisationIds: number[]; onDate: string },
) {
  const ancestors = input.jurisdictionPath.split('/');
  const ancestorIds = db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, ancestors));
  const sharedIn = db
    .select({ id: expertShares.expertId })
    .from(expertShares)
    .where(
      and(
        inArray(expertShares.jurisdictionId, ancestorIds),
        // Only once the receiving side accepted it (EX-4): an offer alone adds nobody to a pool.
        eq(expertShares.status, 'accepted'),
        sql`${expertShares.validFrom} <= ${input.onDate}`,
        sql`${expertShares.validTo} >= ${input.onDate}`,
      ),
    );
  const rows = await db
    .select({ expert: experts })
    .from(experts)
    .innerJoin(jurisdictions, eq(jurisdictions.id, experts.jurisdictionId))
    .where(
      or(
        inArray(experts.jurisdictionId, ancestorIds),
        withinScope(jurisdictions.path, input.jurisdictionPath),
        inArray(experts.id, sharedIn),
      ),
    )
    .orderBy(asc(experts.id));
  const ids = rows.map((r) => r.expert.id);
  const relations =
    ids.length === 0 || input.conflictOrganisationIds.length === 0
      ? []
      : await db
          .select()
          .from(expertRelations)
          .where(
            and(
              inArray(expertRelations.expertId, ids),
              inArray(expertRelations.organisationId, input.conflictOrganisationIds),
            ),
          );
  const candidates: DrawCandidate[] = [];
  const exclusions: { id: number; reasons: string[] }[] = [];
  for (const { expert } of rows) {
    const reasons: string[] = [];
    if (expert.status !== 'active') reasons.push(`status:${expert.status}`);
    else if (!expert.termEnd || expert.termEnd < input.onDate || (expert.termStart ?? '') > input.onDate)
      reasons.push('term:outside');
    if (
      expert.employerOrganisationId &&
      input.conflictOrganisationIds.includes(expert.employerOrganisationId)
    )
      reasons.push(`employer:${expert.employerOrganisationId}`);
    for (const r of relations.filter((x) => x.expertId === expert.id))
      reasons.push(`relation:${r.organisationId}:${r.relation}`);
    if (reasons.length > 0) exclusions.push({ id: expert.id, reasons });
    else candidates.push({ id: expert.id, fields: expert.fields });
  }
  return { candidates, exclusions };
}

/** Performs a scheduled draw with the public value: records candidates, exclusions, seed and picks. */
export async function performDraw(
  tx: Db,
  actor: Actor,
  draw: typeof expertDraws.$inferSelect,
  input: { beaconValue: string; jurisdictionPath: string; conflictOrganisationIds: number[] },
) {
  const { candidates, exclusions } = await listDrawCandidates(tx, {
    jurisdictionPath: input.jurisdictionPath,
    conflictOrganisationIds: input.conflictOrganisationIds,
    onDate: today(),
  });
  const seed = seedOf(draw.secret, input.beaconValue);
  let picks: ReturnType<typeof drawPanel>;
  try {
    picks = drawPanel(seed, candidates, draw);
  } catch (error) {
    if (error instanceof NotEnoughCandidatesError)
      throw new AppError(409, 'draw.not_enough_candidates', { field: error.field ?? '—' });
    throw error;
  }
  const updated = await tx
    .update(expertDraws)
    .set({
      beaconValue: input.beaconValue,
      seed,
      candidates,
      exclusions,
      picks,
      status: 'drawn',
      drawnBy: actor.username,
      drawnAt: sql`now()`,
    })
    .where(and(eq(expertDraws.id, draw.id), eq(expertDraws.status, 'scheduled')))
    .returning({ id: expertDraws.id });
  if (updated.length === 0) throw new AppError(409, 'draw.already_drawn');
  await tx.insert(panelMembers).values(
    picks.map((p) => ({
      drawId: draw.id,
      projectId: draw.projectId,
      expertId: p.expertId,
      step: p.step,
      field: p.field,
    })),
  );
  return { picks, candidates, exclusions, seed };
}

/** Records a declined invitation with its reason and draws the replacement from the remaining candidates. */
export async function declineAndReplace(
  tx: Db,
  draw: typeof expertDraws.$inferSelect,
  memberId: number,
  reason: string,
) {
  const [member] = await tx
    .update(panelMembers)
    .set({ status: 'declined', declineReason: reason })
    .where(
      and(
        eq(panelMembers.id, memberId),
        eq(panelMembers.drawId, draw.id),
        eq(panelMembers.status, 'invited'),
        sql`${panelMembers.scoredAt} is null`,
      ),
    )
    .returning();
  if (!member) throw new AppError(409, 'panel.member_not_invited');
  const picks = draw.picks ?? [];
  let replacement: ReturnType<typeof drawReplacement>;
  try {
    replacement = drawReplacement(draw.seed ?? '', draw.candidates ?? [], picks, member.step);
  } catch (error) {
    if (error instanceof NotEnoughCandidatesError)
      throw new AppError(409, 'draw.not_enough_candidates', { field: error.field ?? '—' });
    throw error;
  }
  await tx
    .update(expertDraws)
    .set({ picks: [...picks, replacement] })
    .where(eq(expertDraws.id, draw.id));
  await tx.insert(panelMembers).values({
    drawId: draw.id,
    projectId: draw.projectId,
    expertId: replacement.expertId,
    step: replacement.step,
    field: replacement.field,
  });
  return { declined: member, replacement };
}

/** Recomputes a stored draw from its record alone. */
export function verifyDraw(draw: typeof expertDraws.$inferSelect) {
  if (draw.status !== 'drawn' || !draw.seed || !draw.beaconValue) throw new AppError(409, 'draw.not_drawn');
  return verifyDrawRecord({
    size: draw.size,
    fieldMix: draw.fieldMix,
    commitment: draw.commitment,
    secret: draw.secret,
    beaconValue: draw.beaconValue,
    seed: draw.seed,
    algorithm: draw.algorithm,
    candidates: draw.candidates ?? [],
    picks: draw.picks ?? [],
  });
}

/** The expert record linked to a signed-in user, if any. */
export async function findExpertOfUser(db: Db, userId: number) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}

/**
 * Names and fields of pool experts by id, no personal data: for a module recording an expert's
 * opinion (a warning-education base review, PU-2). The caller chose the ids from the pool serving
 * its jurisdiction (listDrawCandidates).
 */
export async function listExpertNames(db: Db, ids: number[]) {
  // Guard against running an invalid query when the ids list is empty.
  if (ids.length === 0) return [];
  return db
    .select({ id: experts.id, name: experts.name, fields: experts.fields })
    .from(experts)
    .where(inArray(experts.id, ids))
    .orderBy(asc(experts.id));
}
