import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit, recordPersonalDataView } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { isAfterToday } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from '../users/users.tables.js';
import { rosterMembers } from './joint-meeting.tables.js';
import { ROSTERS, type RosterRole } from './rosters.data.js';

const ROLE_ORDER = sql`case ${rosterMembers.role} when 'convener' then 0 when 'director' then 0 when 'deputy_director' then 1 when 'member' then 2 else 3 end`;

const recorder = alias(users, 'recorder');

function selectMembers(db: Db) {
  return db
    .select({
      id: rosterMembers.id,
      role: rosterMembers.role,
      officeRole: rosterMembers.officeRole,
      personName: rosterMembers.personName,
      title: rosterMembers.title,
      unitName: rosterMembers.unitName,
      phone: rosterMembers.phone,
      organisationId: rosterMembers.organisationId,
      organisationName: organisations.name,
      effectiveFrom: rosterMembers.effectiveFrom,
      effectiveTo: rosterMembers.effectiveTo,
      replacesId: rosterMembers.replacesId,
      changeReason: rosterMembers.changeReason,
      endReason: rosterMembers.endReason,
      createdAt: rosterMembers.createdAt,
      recordedBy: recorder.username,
    })
    .from(rosterMembers)
    .leftJoin(organisations, eq(organisations.id, rosterMembers.organisationId))
    .leftJoin(recorder, eq(recorder.id, rosterMembers.createdByUserId))
    .$dynamic();
}

type MemberRow = Awaited<ReturnType<typeof selectMembers>>[number];

function toDto(row: MemberRow, canSeePhone = false) {
  const { createdAt, ...rest } = row;
  // Stored as SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042): decrypted, then masked.
  const phone = piiCrypto().decrypt(row.phone);
  return {
    ...rest,
    phone: canSeePhone ? phone : maskPhone(phone),
    recordedAt: createdAt.toISOString(),
  };
}

/** The roster of a jurisdiction's joint meeting (JM-1): who is in office now, and every change. */
export async function getRoster(db: Db, actor: Actor, jurisdictionCode: string) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode);
  const rows = await selectMembers(db)
    .where(eq(rosterMembers.jurisdictionId, jurisdiction.id))
    .orderBy(ROLE_ORDER, asc(rosterMembers.sortOrder), asc(rosterMembers.id));
  const history = [...rows].sort(
    (a, b) =>
      (b.effectiveTo ?? b.effectiveFrom).localeCompare(a.effectiveTo ?? a.effectiveFrom) ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      b.id - a.id,
  );
  // Phones (given with confirmed change requests) are personal data: unmasked only with the permission, and audited.
  const canSeePhone = actor.permissions.has('personal-data:view');
  if (canSeePhone)
    await recordPersonalDataView(db, actor, {
      targetType: 'roster_member',
      ids: rows.filter((r) => r.phone !== null).map((r) => r.id),
      fields: ['phone'],
    });
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    current: rows.filter((r) => r.effectiveTo === null).map((r) => toDto(r, canSeePhone)),
    history: history.map((r) => toDto(r, canSeePhone)),
  };
}

export interface MemberInput {
  personName: string;
  title: string;
  unitName?: string;
  organisationId?: number;
  effectiveDate: string;
  reason: string;
}

/** The organisation a roster member represents: in the roster's jurisdiction. */
async function resolveMemberUnit(db: Db, jurisdictionId: number, input: MemberInput, fallbackUnit?: string) {
  if (input.organisationId === undefined) {
    if (!input.unitName && !fallbackUnit)
      throw badRequest('organisation.outside_jurisdiction', 'organisationId');
    return { organisationId: null, unitName: input.unitName ?? (fallbackUnit as string) };
  }
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.jurisdictionId, jurisdictionId)));
  if (!org) throw badRequest('organisation.outside_jurisdiction', 'organisationId');
  return { organisationId: org.id, unitName: input.unitName ?? fallbackUnit ?? org.name };
}

/** A roster row in the actor's scope, with its jurisdiction's path; 404 outside it. */
export async function getRosterMemberInScope(db: Db, actor: Actor, memberId: number) {
  const [found] = await db
    .select({ member: rosterMembers, path: jurisdictions.path })
    .from(rosterMembers)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rosterMembers.jurisdictionId))
    .where(and(eq(rosterMembers.id, memberId), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!found) throw notFound();
  return found;
}

/** The checks of a replacement's effective date against the member it replaces. */
export function checkReplacementDate(member: { effectiveFrom: string }, effectiveDate: string) {
  if (isAfterToday(effectiveDate)) throw badRequest('date.in_future', 'effectiveDate');
  if (effectiveDate < member.effectiveFrom) {
    throw badRequest('roster.date_before_start', 'effectiveDate', { from: member.effectiveFrom });
  }
}

/**
 * Inside a transaction: ends an open membership on the effective date and opens the one replacing
 * it, audited. Refused (400 on id) when the membership has already ended (replaced meanwhile).
 */
export async function applyRosterReplacement(
  tx: Db,
  actor: Actor,
  found: { member: typeof rosterMembers.$inferSelect; path: string },
  /** `phone` in plaintext: it is encrypted here, on write (decision 0042). */
  input: MemberInput & { phone?: string | null },
  unit: { organisationId: number | null; unitName: string },
  extra: Record<string, unknown> = {},
): Promise<number> {
  const member = found.member;
  // Only an open membership can be replaced; the condition makes two concurrent replacements of one member fail.
  const ended = await tx
    .update(rosterMembers)
    .set({ effectiveTo: input.effectiveDate, endReason: input.reason, endedByUserId: actor.userId })
    .where(and(eq(rosterMembers.id, member.id), isNull(rosterMembers.effectiveTo)))
    .returning({ id: rosterMembers.id });
  if (ended.length === 0) throw badRequest('roster.member_ended', 'id');
  const [created] = await tx
    .insert(rosterMembers)
    .values({
      jurisdictionId: member.jurisdictionId,
      role: member.role,
      officeRole: member.officeRole,
      personName: input.personName,
      title: input.title,
      unitName: unit.unitName,
      phone: piiCrypto().encrypt(input.phone ?? null),
      organisationId: unit.organisationId,
      sortOrder: member.sortOrder,
      effectiveFrom: input.effectiveDate,
      replacesId: member.id,
      changeReason: input.reason,
      createdByUserId: actor.userId,
    })
    .returning({ id: rosterMembers.id });
  if (!created) throw new Error('insert returned no row');
  await recordAudit(tx, actor, {
    action: 'roster.replace',
    targetType: 'roster_member',
    targetId: created.id,
    jurisdictionPath: found.path,
    details: {
      replaced: { id: member.id, personName: member.personName, title: member.title },
      by: { personName: input.personName, title: input.title },
      effectiveDate: input.effectiveDate,
      reason: input.reason,
      ...extra,
    },
  });
  return created.id;
}

/**
 * Replaces a roster member: the old membership ends on the effective date with the reason, a new
 * one begins that points back at it. Both rows stay, so the history is visible.
 */
export async function replaceRosterMember(db: Db, actor: Actor, memberId: number, input: MemberInput) {
  const found = await getRosterMemberInScope(db, actor, memberId);
  const member = found.member;
  checkReplacementDate(member, input.effectiveDate);
  // Same unit unless another is named: keep the roster's printed form of it (e.g. 市总工会).
  const isSameUnit = input.organisationId === undefined || input.organisationId === member.organisationId;
  const unit = await resolveMemberUnit(
    db,
    member.jurisdictionId,
    { ...input, organisationId: input.organisationId ?? member.organisationId ?? undefined },
    isSameUnit ? member.unitName : undefined,
  );
  const newId = await db.transaction((tx) => applyRosterReplacement(tx, actor, found, input, unit));
  const [row] = await selectMembers(db).where(eq(rosterMembers.id, newId));
  return toDto(row as MemberRow, actor.permissions.has('personal-data:view'));
}

/** Adds a new position to a jurisdiction's roster (e.g. a department joining the meeting). */
export async function addRosterMember(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  input: MemberInput & { role: RosterRole; officeRole?: 'office_director' | 'office_member' | null },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode);
  if (isAfterToday(input.effectiveDate)) throw badRequest('date.in_future', 'effectiveDate');
  const unit = await resolveMemberUnit(db, jurisdiction.id, input);
  const newId = await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ sortOrder: rosterMembers.sortOrder })
      .from(rosterMembers)
      .where(eq(rosterMembers.jurisdictionId, jurisdiction.id))
      .orderBy(desc(rosterMembers.sortOrder))
      .limit(1);
    const [created] = await tx
      .insert(rosterMembers)
      .values({
        jurisdictionId: jurisdiction.id,
        role: input.role,
        officeRole: input.officeRole ?? null,
        personName: input.personName,
        title: input.title,
        unitName: unit.unitName,
        organisationId: unit.organisationId,
        sortOrder: (last?.sortOrder ?? 0) + 1,
        effectiveFrom: input.effectiveDate,
        changeReason: input.reason,
        createdByUserId: actor.userId,
      })
      .returning({ id: rosterMembers.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'roster.add',
      targetType: 'roster_member',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: { personName: input.personName, role: input.role, reason: input.reason },
    });
    return created.id;
  });
  const [row] = await selectMembers(db).where(eq(rosterMembers.id, newId));
  return toDto(row as MemberRow, actor.permissions.has('personal-data:view'));
}

/**
 * Loads the member departments and rosters of the source documents, once per jurisdiction: a
 * roster that already has rows is left as it is, so later replacements are never overwritten.
 */
export async function loadRosters(db: Db): Promise<number> {
  let loaded = 0;
  for (const roster of ROSTERS) {
    await db.transaction(async (tx) => {
      const [jurisdiction] = await tx
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, roster.jurisdictionCode));
      if (!jurisdiction)
        throw new Error(`roster seed: jurisdiction ${roster.jurisdictionCode} is not loaded`);
      const departmentIds = new Map<string, number>();
      for (const dept of roster.departments) {
        const [existing] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.jurisdictionId, jurisdiction.id), eq(organisations.name, dept.name)));
        const id =
          existing?.id ??
          (
            await tx
              .insert(organisations)
              .values({
                kind: 'member_department',
                department: dept.department,
                name: dept.name,
                jurisdictionId: jurisdiction.id,
              })
              .returning({ id: organisations.id })
          )[0]?.id;
        if (id !== undefined) departmentIds.set(dept.department, id);
      }
      const [any] = await tx
        .select({ id: rosterMembers.id })
        .from(rosterMembers)
        .where(eq(rosterMembers.jurisdictionId, jurisdiction.id))
        .limit(1);
      if (any) return;
      await tx.insert(rosterMembers).values(
        roster.entries.map((entry, index) => ({
          jurisdictionId: jurisdiction.id,
          role: entry.role,
          officeRole: entry.officeRole ?? null,
          personName: entry.person,
          title: entry.title,
          unitName: entry.unit,
          organisationId: departmentIds.get(entry.department) ?? null,
          sortOrder: index,
          effectiveFrom: roster.effectiveFrom,
          changeReason: roster.source,
        })),
      );
      loaded += roster.entries.length;
    });
  }
  return loaded;
}
