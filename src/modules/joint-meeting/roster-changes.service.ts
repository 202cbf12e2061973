import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit, recordPersonalDataView } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { now } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit, notifyUsers } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from '../users/users.tables.js';
import {
  applyRosterReplacement,
  checkReplacementDate,
  getRosterMemberInScope,
} from './joint-meeting.service.js';
import { rosterMembers } from './joint-meeting.tables.js';
import type { RosterChangeInput } from './roster-changes.schema.js';
import { rosterChangeEvents, rosterChangeRequests } from './roster-changes.tables.js';

/** The places a member unit changes itself (成员, 联络员); the convener and directors are the meeting's. */
const CHANGEABLE_ROLES = new Set(['member', 'liaison']);

const LINK = '/joint-meeting/roster';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

/** The office of a roster: HRSS officers of the roster's own jurisdiction, who run its meeting. */
function isOfficeOf(actor: Actor, jurisdictionId: number): boolean {
  return actor.permissions.has('roster:write') && actor.jurisdictionId === jurisdictionId;
}

/** What the actor may list: the office (and HRSS above) every unit's requests, a member unit its own. */
function visibility(actor: Actor): SQL {
  const scope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (actor.permissions.has('roster:write')) return scope;
  return and(scope, eq(rosterChangeRequests.organisationId, actor.organisationId ?? -1)) as SQL;
}

function selectRequests(db: Db) {
  return db
    .select({
      request: rosterChangeRequests,
      path: jurisdictions.path,
      role: rosterMembers.role,
      currentPersonName: rosterMembers.personName,
      currentTitle: rosterMembers.title,
      organisationName: organisations.name,
      proposedBy: proposer.username,
      decidedBy: decider.username,
    })
    .from(rosterChangeRequests)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rosterChangeRequests.jurisdictionId))
    .innerJoin(rosterMembers, eq(rosterMembers.id, rosterChangeRequests.rosterMemberId))
    .innerJoin(organisations, eq(organisations.id, rosterChangeRequests.organisationId))
    .innerJoin(proposer, eq(proposer.id, rosterChangeRequests.proposedByUserId))
    .leftJoin(decider, eq(decider.id, rosterChangeRequests.decidedByUserId))
    .$dynamic();
}

type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];

/** Phones are shown to whoever may see personal data and to the unit that gave them; the rest masked. */
function canSeePhoneOf(actor: Actor, organisationId: number) {
  return actor.permissions.has('personal-data:view') || actor.organisationId === organisationId;
}

async function toDtos(db: Db, actor: Actor, rows: RequestRow[]) {
  const ids = rows.map((r) => r.request.id);
  const events =
    ids.length === 0
      ? []
      : await db
          .select({ event: rosterChangeEvents, by: users.username })
          .from(rosterChangeEvents)
          .innerJoin(users, eq(users.id, rosterChangeEvents.userId))
          .where(inArray(rosterChangeEvents.requestId, ids))
          .orderBy(asc(rosterChangeEvents.id));
  const unmasked = rows
    .filter((r) => canSeePhoneOf(actor, r.request.organisationId))
    .map((r) => r.request.id);
  await recordPersonalDataView(db, actor, {
    targetType: 'roster_change_request',
    ids: unmasked,
    fields: ['phone'],
  });
  const crypto = piiCrypto();
  return rows.map(({ request: r, ...row }) => {
    // Stored as SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042): decrypted, then masked.
    const phoneOf = (stored: string) => {
      const phone = crypto.decrypt(stored) ?? '';
      return unmasked.includes(r.id) ? phone : (maskPhone(phone) ?? '');
    };
    return {
      id: r.id,
      status: r.status,
      rosterMemberId: r.rosterMemberId,
      role: row.role,
      currentPersonName: row.currentPersonName,
      currentTitle: row.currentTitle,
      organisationId: r.organisationId,
      organisationName: row.organisationName,
      personName: r.personName,
      title: r.title,
      phone: phoneOf(r.phone),
      reason: r.reason,
      effectiveDate: r.effectiveDate,
      proposedBy: row.proposedBy,
      proposedAt: r.proposedAt.toISOString(),
      decidedBy: row.decidedBy,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      returnReason: r.returnReason,
      resultMemberId: r.resultMemberId,
      events: events
        .filter((e) => e.event.requestId === r.id)
        .map(({ event: e, by }) => ({
          action: e.action,
          proposal: { ...e.proposal, phone: phoneOf(e.phone) },
          comment: e.comment,
          by,
          at: e.at.toISOString(),
        })),
    };
  });
}

/** Change requests of a jurisdiction's roster (JM-1): the office sees all, a member unit its own. */
export async function listRosterChanges(db: Db, actor: Actor, jurisdictionCode: string) {
  const jurisdiction = await getJurisdictionInScope(db, actor, jurisdictionCode);
  const rows = await selectRequests(db)
    .where(and(eq(rosterChangeRequests.jurisdictionId, jurisdiction.id), visibility(actor)))
    .orderBy(
      sql`case ${rosterChangeRequests.status} when 'proposed' then 0 when 'returned' then 1 else 2 end`,
      desc(rosterChangeRequests.proposedAt),
      desc(rosterChangeRequests.id),
    );
  return { items: await toDtos(db, actor, rows), canConfirm: isOfficeOf(actor, jurisdiction.id) };
}

async function getRequestInScope(db: Db, actor: Actor, id: number) {
  const [row] = await selectRequests(db).where(and(eq(rosterChangeRequests.id, id), visibility(actor)));
  if (!row) throw notFound();
  return row;
}

async function requestDto(db: Db, actor: Actor, id: number) {
  const [dto] = await toDtos(db, actor, [await getRequestInScope(db, actor, id)]);
  if (!dto) throw notFound();
  return dto;
}

/** Tells the office (HRSS officers of the roster's jurisdiction) that a proposal awaits it. */
async function notifyOffice(
  tx: Db,
  jurisdictionId: number,
  requestId: number,
  params: Record<string, string>,
) {
  const office = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.jurisdictionId, jurisdictionId), eq(users.role, 'hrss_officer'), eq(users.isActive, true)),
    );
  await notifyUsers(
    tx,
    office.map((u) => u.id),
    {
      kind: 'roster_change.proposed',
      params,
      link: LINK,
      dedupeKey: `roster_change:${requestId}:proposed:${now().getTime()}`,
    },
  );
}

function proposalOf(input: RosterChangeInput) {
  return {
    personName: input.personName,
    title: input.title,
    phone: input.phone,
    reason: input.reason,
    effectiveDate: input.effectiveDate,
  };
}

function withoutPhone({ phone: _phone, ...rest }: ReturnType<typeof proposalOf>) {
  return rest;
}

/** A stored request's proposal with its phone readable (stored as SM4 ciphertext under sm4). */
function storedProposalOf(r: typeof rosterChangeRequests.$inferSelect) {
  return proposalOf({ ...r, phone: piiCrypto().decrypt(r.phone) ?? '' });
}

/** A proposal as a request row stores it: the phone encrypted on write (decision 0042). */
function requestValuesOf(input: RosterChangeInput) {
  return { ...proposalOf(input), phone: piiCrypto().encrypt(input.phone) ?? '' };
}

/**
 * A history step's proposal as stored: the phone in the event's own encrypted column, the rest in
 * the `proposal` jsonb (decision 0042).
 */
function eventValuesOf(input: RosterChangeInput) {
  const { phone, ...proposal } = proposalOf(input);
  return { proposal, phone: piiCrypto().encrypt(phone) ?? '' };
}

/**
 * A member unit proposes who replaces its own member or liaison. Refused: a row outside scope
 * (404), another unit's row (403), a convener's or director's place (400), a row already ended or
 * with an open request (409), a date in the future or before the member's start (400).
 */
export async function proposeRosterChange(db: Db, actor: Actor, memberId: number, input: RosterChangeInput) {
  const found = await getRosterMemberInScope(db, actor, memberId);
  const member = found.member;
  if (member.organisationId === null || member.organisationId !== actor.organisationId)
    throw new AppError(403, 'roster_change.own_unit_only', {}, 'id');
  if (!CHANGEABLE_ROLES.has(member.role))
    throw new AppError(400, 'roster_change.role_not_changeable', {}, 'id');
  if (member.effectiveTo !== null) throw new AppError(409, 'roster.member_ended', {}, 'id');
  checkReplacementDate(member, input.effectiveDate);
  const at = now();
  const id = await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: rosterChangeRequests.id })
      .from(rosterChangeRequests)
      .where(
        and(
          eq(rosterChangeRequests.rosterMemberId, member.id),
          inArray(rosterChangeRequests.status, ['proposed', 'returned']),
        ),
      );
    if (open) throw new AppError(409, 'roster_change.open_exists', { id: open.id }, 'id');
    const [created] = await tx
      .insert(rosterChangeRequests)
      .values({
        jurisdictionId: member.jurisdictionId,
        rosterMemberId: member.id,
        organisationId: member.organisationId as number,
        status: 'proposed',
        ...requestValuesOf(input),
        proposedByUserId: actor.userId,
        proposedAt: at,
      })
      .returning({ id: rosterChangeRequests.id });
    if (!created) throw new Error('insert returned no row');
    await tx.insert(rosterChangeEvents).values({
      requestId: created.id,
      action: 'proposed',
      ...eventValuesOf(input),
      userId: actor.userId,
      at,
    });
    await recordAudit(tx, actor, {
      action: 'roster_change.propose',
      targetType: 'roster_change_request',
      targetId: created.id,
      jurisdictionPath: found.path,
      details: { rosterMemberId: member.id, replaced: member.personName, by: input.personName },
    });
    await notifyOffice(tx, member.jurisdictionId, created.id, {
      from: member.personName,
      to: input.personName,
      unit: member.unitName,
    });
    return created.id;
  });
  return requestDto(db, actor, id);
}

/** The proposing unit revises a returned request and proposes it again. */
export async function reviseRosterChange(db: Db, actor: Actor, id: number, input: RosterChangeInput) {
  const row = await getRequestInScope(db, actor, id);
  const r = row.request;
  if (r.organisationId !== actor.organisationId)
    throw new AppError(403, 'roster_change.own_unit_only', {}, 'id');
  if (r.status !== 'returned')
    throw new AppError(409, 'roster_change.not_returned', { status: r.status }, 'status');
  const { member } = await getRosterMemberInScope(db, actor, r.rosterMemberId);
  checkReplacementDate(member, input.effectiveDate);
  const at = now();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(rosterChangeRequests)
      .set({ ...requestValuesOf(input), status: 'proposed', proposedByUserId: actor.userId, proposedAt: at })
      .where(and(eq(rosterChangeRequests.id, id), eq(rosterChangeRequests.status, 'returned')))
      .returning({ id: rosterChangeRequests.id });
    if (updated.length === 0)
      throw new AppError(409, 'roster_change.not_returned', { status: 'proposed' }, 'status');
    await tx
      .insert(rosterChangeEvents)
      .values({ requestId: id, action: 'revised', ...eventValuesOf(input), userId: actor.userId, at });
    await recordAudit(tx, actor, {
      action: 'roster_change.revise',
      targetType: 'roster_change_request',
      targetId: id,
      jurisdictionPath: row.path,
      // The phones stay out of the audit log (it is not encrypted): whether it changed is enough.
      details: {
        before: withoutPhone(storedProposalOf(r)),
        after: withoutPhone(proposalOf(input)),
        phoneChanged: piiCrypto().decrypt(r.phone) !== input.phone,
      },
    });
    await notifyOffice(tx, r.jurisdictionId, id, {
      from: row.currentPersonName,
      to: input.personName,
      unit: member.unitName,
    });
  });
  return requestDto(db, actor, id);
}

/** The office's decision must be on an open proposal of its own roster. */
async function getProposalForOffice(db: Db, actor: Actor, id: number) {
  const row = await getRequestInScope(db, actor, id);
  if (!isOfficeOf(actor, row.request.jurisdictionId)) throw new AppError(403, 'roster_change.not_office');
  if (row.request.status !== 'proposed')
    throw new AppError(409, 'roster_change.not_proposed', { status: row.request.status }, 'status');
  return row;
}

/**
 * The office confirms a proposal: in one transaction the roster row ends and the proposed person's
 * row begins (replacesId pointing back), the request is marked confirmed, and the unit is told.
 */
export async function confirmRosterChange(db: Db, actor: Actor, id: number) {
  const row = await getProposalForOffice(db, actor, id);
  const r = row.request;
  const found = await getRosterMemberInScope(db, actor, r.rosterMemberId);
  if (found.member.effectiveTo !== null) throw new AppError(409, 'roster.member_ended', {}, 'id');
  const at = now();
  await db.transaction(async (tx) => {
    // The status condition makes a second confirmation (or a race with a return) fail.
    const claimed = await tx
      .update(rosterChangeRequests)
      .set({ status: 'confirmed', decidedByUserId: actor.userId, decidedAt: at, returnReason: null })
      .where(and(eq(rosterChangeRequests.id, id), eq(rosterChangeRequests.status, 'proposed')))
      .returning({ id: rosterChangeRequests.id });
    if (claimed.length === 0)
      throw new AppError(409, 'roster_change.not_proposed', { status: 'confirmed' }, 'status');
    const resultMemberId = await applyRosterReplacement(
      tx,
      actor,
      found,
      storedProposalOf(r),
      { organisationId: found.member.organisationId, unitName: found.member.unitName },
      { changeRequestId: id },
    );
    await tx.update(rosterChangeRequests).set({ resultMemberId }).where(eq(rosterChangeRequests.id, id));
    await tx.insert(rosterChangeEvents).values({
      requestId: id,
      action: 'confirmed',
      ...eventValuesOf(storedProposalOf(r)),
      userId: actor.userId,
      at,
    });
    await recordAudit(tx, actor, {
      action: 'roster_change.confirm',
      targetType: 'roster_change_request',
      targetId: id,
      jurisdictionPath: row.path,
      details: { rosterMemberId: r.rosterMemberId, resultMemberId },
    });
    await notifyUnit(tx, r.organisationId, {
      kind: 'roster_change.confirmed',
      params: { from: row.currentPersonName, to: r.personName },
      link: LINK,
      dedupeKey: `roster_change:${id}:confirmed`,
    });
  });
  return requestDto(db, actor, id);
}

/** The office returns a proposal with a reason; the unit may revise it and propose again. */
export async function returnRosterChange(db: Db, actor: Actor, id: number, input: { reason: string }) {
  const row = await getProposalForOffice(db, actor, id);
  const r = row.request;
  const at = now();
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(rosterChangeRequests)
      .set({ status: 'returned', decidedByUserId: actor.userId, decidedAt: at, returnReason: input.reason })
      .where(and(eq(rosterChangeRequests.id, id), eq(rosterChangeRequests.status, 'proposed')))
      .returning({ id: rosterChangeRequests.id });
    if (claimed.length === 0)
      throw new AppError(409, 'roster_change.not_proposed', { status: 'returned' }, 'status');
    await tx.insert(rosterChangeEvents).values({
      requestId: id,
      action: 'returned',
      ...eventValuesOf(storedProposalOf(r)),
      comment: input.reason,
      userId: actor.userId,
      at,
    });
    await recordAudit(tx, actor, {
      action: 'roster_change.return',
      targetType: 'roster_change_request',
      targetId: id,
      jurisdictionPath: row.path,
      details: { reason: input.reason },
    });
    await notifyUnit(tx, r.organisationId, {
      kind: 'roster_change.returned',
      params: { to: r.personName, reason: input.reason },
      link: LINK,
      dedupeKey: `roster_change:${id}:returned:${at.getTime()}`,
    });
  });
  return requestDto(db, actor, id);
}
