import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyChange, findProjectInScope, SERVICE_KINDS } from './projects.shared.js';
import {
  barredOrganisations,
  type ProcurementMethod,
  type ProjectStatus,
  procurementBids,
  procurementDocuments,
  procurements,
} from './projects.tables.js';

// Procurement of a project's service organisation (采购, PP-4): method, notice, bids, evaluation,
// award, with documents. Each step is a project timeline event and an audit record; a project is
// procured after its approval and before the agreement.

const PROCURABLE: ProjectStatus[] = ['approved', 'listed'];
export const PROCUREMENT_FILE_MAX_BYTES = 20 * 1024 * 1024;

async function currentProcurement(db: Db, projectId: number) {
  const [row] = await db
    .select()
    .from(procurements)
    .where(eq(procurements.projectId, projectId))
    .orderBy(desc(procurements.id))
    .limit(1);
  return row ?? null;
}

async function lockCurrent(tx: Db, projectId: number) {
  const row = await currentProcurement(tx, projectId);
  if (!row) throw new AppError(409, 'procurement.missing');
  const [locked] = await tx.select().from(procurements).where(eq(procurements.id, row.id)).for('update');
  return locked as NonNullable<typeof locked>;
}

function wrongState(status: string) {
  return new AppError(409, 'procurement.illegal_state', { status });
}

/** The project's procurements, newest first, with bids (ranked) and documents. */
export async function getProcurements(db: Db, actor: Actor, projectId: number) {
  await findProjectInScope(db, actor, projectId);
  const rows = await db
    .select()
    .from(procurements)
    .where(eq(procurements.projectId, projectId))
    .orderBy(desc(procurements.id));
  const result = [];
  for (const p of rows) {
    const bids = await db
      .select({ bid: procurementBids, name: organisations.name, barredReason: barredOrganisations.reason })
      .from(procurementBids)
      .innerJoin(organisations, eq(organisations.id, procurementBids.organisationId))
      .leftJoin(barredOrganisations, eq(barredOrganisations.organisationId, procurementBids.organisationId))
      .where(eq(procurementBids.procurementId, p.id))
      .orderBy(asc(procurementBids.id));
    const documents = await db
      .select()
      .from(procurementDocuments)
      .where(eq(procurementDocuments.procurementId, p.id))
      .orderBy(asc(procurementDocuments.id));
    result.push({
      id: p.id,
      method: p.method,
      status: p.status,
      noticeNo: p.noticeNo,
      noticeOn: p.noticeOn,
      bidDeadline: p.bidDeadline,
      noticeText: p.noticeText,
      evaluationNote: p.evaluationNote,
      awardedBidId: p.awardedBidId,
      awardedOn: p.awardedOn,
      bids: bids.map(({ bid, name, barredReason }) => ({
        id: bid.id,
        organisation: { id: bid.organisationId, name },
        isBarred: barredReason !== null,
        amountFen: bid.amountFen,
        submittedOn: bid.submittedOn,
        score: bid.score === null ? null : Number(bid.score),
        rank: bid.rank,
      })),
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        fileName: d.fileName,
        sizeBytes: d.sizeBytes,
        uploadedAt: d.uploadedAt.toISOString(),
      })),
    });
  }
  return { items: result };
}

/** Opens a procurement with its notice (采购公告, or the single-source 公示). */
export async function openProcurement(
  db: Db,
  actor: Actor,
  projectId: number,
  input: {
    method: ProcurementMethod;
    noticeNo: string;
    noticeOn: string;
    bidDeadline: string;
    noticeText: string;
    reason: string;
  },
) {
  const project = await findProjectInScope(db, actor, projectId);
  if (input.bidDeadline < input.noticeOn)
    throw badRequest('procurement.deadline_before_notice', 'bidDeadline');
  await db.transaction(async (tx) => {
    const open = await currentProcurement(tx, projectId);
    if (open && open.status !== 'failed') throw wrongState(open.status);
    const [row] = await tx
      .insert(procurements)
      .values({
        projectId,
        method: input.method,
        noticeNo: input.noticeNo,
        noticeOn: input.noticeOn,
        bidDeadline: input.bidDeadline,
        noticeText: input.noticeText,
        createdBy: actor.username,
      })
      .returning({ id: procurements.id });
    await applyChange(tx, actor, project, {
      action: 'procurement.notice',
      from: PROCURABLE,
      reason: input.reason,
      details: { procurementId: row?.id, method: input.method, noticeNo: input.noticeNo },
    });
  });
  return getProcurements(db, actor, projectId);
}

/** Records a bid (投标/响应) received by the deadline from a service organisation. */
export async function recordBid(
  db: Db,
  actor: Actor,
  projectId: number,
  input: { organisationId: number; amountFen: number; submittedOn: string },
) {
  const project = await findProjectInScope(db, actor, projectId);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org || !(SERVICE_KINDS as readonly string[]).includes(org.kind))
    throw badRequest('organisation.not_service', 'organisationId');
  await db.transaction(async (tx) => {
    const p = await lockCurrent(tx, projectId);
    if (p.status !== 'noticed') throw wrongState(p.status);
    if (input.submittedOn > p.bidDeadline || input.submittedOn < p.noticeOn)
      throw badRequest('procurement.bid_outside_window', 'submittedOn', {
        from: p.noticeOn,
        to: p.bidDeadline,
      });
    const [dup] = await tx
      .select()
      .from(procurementBids)
      .where(and(eq(procurementBids.procurementId, p.id), eq(procurementBids.organisationId, org.id)));
    if (dup) throw badRequest('procurement.bid_twice', 'organisationId');
    const [bid] = await tx
      .insert(procurementBids)
      .values({ procurementId: p.id, ...input })
      .returning({ id: procurementBids.id });
    await applyChange(tx, actor, project, {
      action: 'procurement.bid',
      from: PROCURABLE,
      details: { procurementId: p.id, bidId: bid?.id, organisation: org.name, amountFen: input.amountFen },
    });
  });
  return getProcurements(db, actor, projectId);
}

/**
 * The evaluation committee's scores (评审): every bid scored, ranked by score (higher first; equal
 * scores, the lower price first). A procurement with no bid fails instead (流标).
 */
export async function evaluateBids(
  db: Db,
  actor: Actor,
  projectId: number,
  input: { scores: { bidId: number; score: number }[]; evaluationNote: string; reason: string },
) {
  const project = await findProjectInScope(db, actor, projectId);
  await db.transaction(async (tx) => {
    const p = await lockCurrent(tx, projectId);
    if (p.status !== 'noticed') throw wrongState(p.status);
    const bids = await tx
      .select()
      .from(procurementBids)
      .where(eq(procurementBids.procurementId, p.id))
      .orderBy(asc(procurementBids.id));
    if (bids.length === 0) throw new AppError(409, 'procurement.no_bids');
    const scoreOf = new Map<number, number>();
    input.scores.forEach((s, i) => {
      if (!bids.some((b) => b.id === s.bidId))
        throw badRequest('procurement.unknown_bid', `scores.${i}.bidId`, { id: s.bidId });
      if (scoreOf.has(s.bidId)) throw badRequest('procurement.bid_scored_twice', `scores.${i}.bidId`);
      scoreOf.set(s.bidId, s.score);
    });
    const unscored = bids.findIndex((b) => !scoreOf.has(b.id));
    if (unscored >= 0)
      throw badRequest('procurement.bid_unscored', 'scores', { id: (bids[unscored] as { id: number }).id });
    const ranked = [...bids].sort(
      (a, b) => (scoreOf.get(b.id) as number) - (scoreOf.get(a.id) as number) || a.amountFen - b.amountFen,
    );
    for (const [i, bid] of ranked.entries())
      await tx
        .update(procurementBids)
        .set({ score: (scoreOf.get(bid.id) as number).toFixed(2), rank: i + 1 })
        .where(eq(procurementBids.id, bid.id));
    await tx
      .update(procurements)
      .set({ status: 'evaluated', evaluationNote: input.evaluationNote })
      .where(eq(procurements.id, p.id));
    await applyChange(tx, actor, project, {
      action: 'procurement.evaluate',
      from: PROCURABLE,
      reason: input.reason,
      details: {
        procurementId: p.id,
        ranking: ranked.map((b, i) => ({ rank: i + 1, bidId: b.id, score: scoreOf.get(b.id) })),
      },
    });
  });
  return getProcurements(db, actor, projectId);
}

/**
 * Awards the procurement to an evaluated bid (中标/成交): the project's service organisation becomes
 * the bidder. A barred organisation (PP-8) is refused, naming `bidId`; so is a bid of another
 * procurement.
 */
export async function awardProcurement(
  db: Db,
  actor: Actor,
  projectId: number,
  input: { bidId: number; awardedOn: string; reason: string },
) {
  const project = await findProjectInScope(db, actor, projectId);
  await db.transaction(async (tx) => {
    const p = await lockCurrent(tx, projectId);
    if (p.status !== 'evaluated') throw wrongState(p.status);
    const [bid] = await tx
      .select({ bid: procurementBids, name: organisations.name, barredReason: barredOrganisations.reason })
      .from(procurementBids)
      .innerJoin(organisations, eq(organisations.id, procurementBids.organisationId))
      .leftJoin(barredOrganisations, eq(barredOrganisations.organisationId, procurementBids.organisationId))
      .where(and(eq(procurementBids.id, input.bidId), eq(procurementBids.procurementId, p.id)));
    if (!bid) throw badRequest('procurement.unknown_bid', 'bidId', { id: input.bidId });
    if (bid.barredReason !== null)
      throw badRequest('organisation.barred', 'bidId', { name: bid.name, reason: bid.barredReason });
    if (input.awardedOn < p.bidDeadline)
      throw badRequest('procurement.award_before_deadline', 'awardedOn', { deadline: p.bidDeadline });
    await tx
      .update(procurements)
      .set({ status: 'awarded', awardedBidId: bid.bid.id, awardedOn: input.awardedOn })
      .where(eq(procurements.id, p.id));
    await applyChange(tx, actor, project, {
      action: 'procurement.award',
      from: PROCURABLE,
      reason: input.reason,
      set: { serviceOrganisationId: bid.bid.organisationId },
      details: {
        procurementId: p.id,
        bidId: bid.bid.id,
        organisation: bid.name,
        amountFen: bid.bid.amountFen,
        rank: bid.bid.rank,
      },
    });
  });
  return getProcurements(db, actor, projectId);
}

/**
 * The agreement's organisation against the project's procurement (PP-4): with an award, only the
 * awarded organisation may sign (400 naming `field`); while a procurement is open (noticed or
 * evaluated), nobody may (409). No procurement, or only failed ones: the agreement is free. Called
 * inside the agreement's transaction, after the project row is locked (procurement steps lock it
 * too, so an award cannot slip in between).
 */
export async function assertAgreementOrganisation(
  tx: Db,
  projectId: number,
  organisationId: number,
  field: string,
) {
  const current = await currentProcurement(tx, projectId);
  if (!current || current.status === 'failed') return;
  if (current.status !== 'awarded')
    throw new AppError(409, 'agreement.procurement_open', { status: current.status });
  const [awarded] = await tx
    .select({ organisationId: procurementBids.organisationId, name: organisations.name })
    .from(procurementBids)
    .innerJoin(organisations, eq(organisations.id, procurementBids.organisationId))
    .where(eq(procurementBids.id, current.awardedBidId ?? -1));
  if (!awarded) throw new Error(`procurement ${current.id} awarded without its bid`);
  if (awarded.organisationId !== organisationId)
    throw badRequest('agreement.not_awarded', field, { name: awarded.name });
}

/** Declares the current procurement failed (流标/废标): a new one may be opened. */
export async function failProcurement(db: Db, actor: Actor, projectId: number, input: { reason: string }) {
  const project = await findProjectInScope(db, actor, projectId);
  await db.transaction(async (tx) => {
    const p = await lockCurrent(tx, projectId);
    if (p.status === 'awarded' || p.status === 'failed') throw wrongState(p.status);
    await tx.update(procurements).set({ status: 'failed' }).where(eq(procurements.id, p.id));
    await applyChange(tx, actor, project, {
      action: 'procurement.fail',
      from: PROCURABLE,
      reason: input.reason,
      details: { procurementId: p.id },
    });
  });
  return getProcurements(db, actor, projectId);
}

/** Attaches a document to the project's current procurement: stored once per SHA-256, audited. */
export async function attachProcurementDocument(
  db: Db,
  actor: Actor,
  projectId: number,
  input: { kind: string; fileName: string; body: AsyncIterable<Buffer>; uploadDir: string },
) {
  const project = await findProjectInScope(db, actor, projectId);
  const current = await currentProcurement(db, projectId);
  if (!current) throw new AppError(409, 'procurement.missing');
  const { sha256, sizeBytes } = await saveStoredFile(input.uploadDir, input.body, {
    maxBytes: PROCUREMENT_FILE_MAX_BYTES,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procurementDocuments)
      .values({
        procurementId: current.id,
        kind: input.kind,
        fileName: input.fileName,
        contentType: 'application/octet-stream',
        sizeBytes,
        sha256,
        uploadedByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error('document row not inserted');
    await recordAudit(tx, actor, {
      action: 'procurement.document',
      targetType: 'procurement_document',
      targetId: row.id,
      jurisdictionPath: project.jurisdictionPath,
      details: { projectId, procurementId: current.id, kind: input.kind, fileName: input.fileName, sha256 },
    });
    return { id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes };
  });
}

/** A procurement document, for an officer whose scope holds the project (404 otherwise). */
export async function openProcurementDocument(db: Db, actor: Actor, id: number) {
  const [doc] = await db
    .select({ doc: procurementDocuments, projectId: procurements.projectId })
    .from(procurementDocuments)
    .innerJoin(procurements, eq(procurements.id, procurementDocuments.procurementId))
    .where(eq(procurementDocuments.id, id));
  if (!doc) throw notFound();
  await findProjectInScope(db, actor, doc.projectId);
  return doc.doc;
}
