import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { rateAppealFiles, rateAppeals, rateAssignments, rateRuleSets, rateRuns } from './rates.tables.js';
import { findAssignment, presentRun, runColumns } from './rating.service.js';

type Assignment = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/** The appeals of some assignments with their files (oldest first). */
export async function listAppealsOf(db: Db, assignmentIds: number[]) {
  if (assignmentIds.length === 0) return [];
  const rows = await db
    .select({ appeal: rateAppeals, employerName: organisations.name })
    .from(rateAppeals)
    .innerJoin(organisations, eq(organisations.id, rateAppeals.employerId))
    .where(inArray(rateAppeals.assignmentId, assignmentIds))
    .orderBy(asc(rateAppeals.submittedAt), asc(rateAppeals.id));
  const files =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(rateAppealFiles)
          .where(
            inArray(
              rateAppealFiles.appealId,
              rows.map((r) => r.appeal.id),
            ),
          )
          .orderBy(asc(rateAppealFiles.id));
  return rows.map(({ appeal: a, employerName }) => ({
    id: a.id,
    assignmentId: a.assignmentId,
    employerId: a.employerId,
    employerName,
    reason: a.reason,
    status: a.status,
    submittedAt: a.submittedAt.toISOString(),
    decisionNote: a.decisionNote,
    correctedMultiplierPct: a.correctedMultiplierPct,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    files: files
      .filter((f) => f.appealId === a.id)
      .map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
  }));
}

/** The rate notice (费率通知) of one employer: its rating, the run and its appeals. */
async function noticeOf(db: Db, assignment: Assignment) {
  const { path: _, ...rest } = assignment;
  const [runRow] = await db
    .select(runColumns)
    .from(rateRuns)
    .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuns.jurisdictionId))
    .where(eq(rateRuns.id, assignment.runId));
  if (!runRow) throw notFound();
  return { assignment: rest, run: presentRun(runRow), appeals: await listAppealsOf(db, [assignment.id]) };
}

/** An officer reads an employer's rate notice (within scope; 404 otherwise). */
export async function getRateNotice(db: Db, actor: Actor, id: number) {
  const a = await findAssignment(db, id);
  if (!a || !isInScope(actor, a.path)) throw notFound();
  return noticeOf(db, a);
}

/**
 * An employer's own rate notices (its account's 费率通知): its ratings of standing runs, newest
 * first, each with the run and its appeals. An account of no employer has none.
 */
export async function listOwnRateNotices(db: Db, actor: Actor) {
  if (actor.organisationId === null) return { total: 0, items: [] };
  const rows = rowsOf(
    await db.execute(sql`
      select a.id
      from rate_assignments a join rate_runs r on r.id = a.run_id
      where a.employer_id = ${actor.organisationId} and r.superseded_at is null
      order by r.rate_year desc, a.id desc`),
  );
  const items = [];
  for (const row of rows) {
    const a = await findAssignment(db, Number(row.id));
    if (a) items.push(await noticeOf(db, a));
  }
  return { total: items.length, items };
}

/**
 * An employer appeals its rate (工伤保险条例 第五十五条) with a reason; files follow by upload. One open
 * appeal per rating; a superseded run's rating cannot be appealed.
 */
export async function submitAppeal(
  db: Db,
  actor: Actor,
  assignmentId: number,
  input: { reason: string },
  now: Date,
) {
  const a = await findAssignment(db, assignmentId);
  if (!a || actor.organisationId === null || a.employerId !== actor.organisationId) throw notFound();
  const [run] = await db.select().from(rateRuns).where(eq(rateRuns.id, a.runId));
  if (!run || run.supersededAt !== null) throw notFound();
  const id = await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: rateAppeals.id })
      .from(rateAppeals)
      .where(and(eq(rateAppeals.assignmentId, assignmentId), eq(rateAppeals.status, 'submitted')));
    if (open) throw new AppError(409, 'rates.appeal_open');
    const [row] = await tx
      .insert(rateAppeals)
      .values({
        assignmentId,
        employerId: a.employerId,
        reason: input.reason,
        submittedByUserId: actor.userId,
        submittedAt: now,
      })
      .returning({ id: rateAppeals.id });
    if (!row) throw new Error('appeal not inserted');
    await recordAudit(tx, actor, {
      action: 'rates.appeal.submit',
      targetType: 'rate_appeal',
      targetId: row.id,
      details: { assignmentId },
    });
    return row.id;
  });
  const [appeal] = (await listAppealsOf(db, [assignmentId])).filter((x) => x.id === id);
  return appeal as NonNullable<typeof appeal>;
}

/** Appeals against ratings of employers in the actor's scope, open ones first. */
export async function listAppeals(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const area = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const ids = await db
    .select({ id: rateAppeals.assignmentId })
    .from(rateAppeals)
    .innerJoin(organisations, eq(organisations.id, rateAppeals.employerId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(withinScope(jurisdictions.path, area.path))
    .orderBy(desc(rateAppeals.submittedAt));
  const items = await listAppealsOf(db, [...new Set(ids.map((r) => r.id))]);
  items.sort((x, y) => Number(y.status === 'submitted') - Number(x.status === 'submitted') || y.id - x.id);
  return { items };
}

/** The appeal within the actor's scope, with its assignment (404 otherwise). */
export async function findAppealInScope(db: Db, actor: Actor, id: number) {
  const [appeal] = await db.select().from(rateAppeals).where(eq(rateAppeals.id, id));
  if (!appeal) throw notFound();
  const a = await findAssignment(db, appeal.assignmentId);
  if (!a || !isInScope(actor, a.path)) throw notFound();
  return { appeal, assignment: a };
}

/**
 * The agency decides an appeal: dismissed (the rate stands) or upheld with the corrected tier,
 * which must be one the employer's class may take under the rule set; the corrected rate is
 * recorded on the rating beside the original, both kept.
 */
export async function decideAppeal(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'upheld' | 'dismissed'; note: string; correctedMultiplierPct?: number },
  now: Date,
) {
  const { appeal, assignment } = await findAppealInScope(db, actor, id);
  if (appeal.status !== 'submitted') throw new AppError(409, 'rates.appeal_closed');
  let correctedRateMicro: number | null = null;
  if (input.decision === 'upheld') {
    if (input.correctedMultiplierPct === undefined)
      throw badRequest('validation.failed', 'correctedMultiplierPct');
    const [rs] = await db
      .select({ definition: rateRuleSets.definition })
      .from(rateRuns)
      .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
      .where(eq(rateRuns.id, assignment.runId));
    const cls = rs?.definition.classes.find((c) => c.riskClass === assignment.riskClass);
    if (!cls?.tiersPct.includes(input.correctedMultiplierPct))
      throw badRequest('rates.corrected_tier', 'correctedMultiplierPct', {
        tier: input.correctedMultiplierPct,
        riskClass: assignment.riskClass ?? '—',
      });
    correctedRateMicro = cls.baseRateBp * input.correctedMultiplierPct;
  }
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(rateAppeals)
      .set({
        status: input.decision,
        decisionNote: input.note,
        correctedMultiplierPct: input.decision === 'upheld' ? (input.correctedMultiplierPct ?? null) : null,
        decidedByUserId: actor.userId,
        decidedAt: now,
      })
      .where(and(eq(rateAppeals.id, id), eq(rateAppeals.status, 'submitted')))
      .returning({ id: rateAppeals.id });
    if (changed.length === 0) throw new AppError(409, 'rates.appeal_closed');
    if (input.decision === 'upheld')
      await tx
        .update(rateAssignments)
        .set({ correctedMultiplierPct: input.correctedMultiplierPct ?? null, correctedRateMicro })
        .where(eq(rateAssignments.id, assignment.id));
    await recordAudit(tx, actor, {
      action: 'rates.appeal.decide',
      targetType: 'rate_appeal',
      targetId: id,
      details: {
        decision: input.decision,
        correctedMultiplierPct: input.correctedMultiplierPct ?? null,
        previousMultiplierPct: assignment.multiplierPct,
      },
    });
  });
  const [decided] = (await listAppealsOf(db, [assignment.id])).filter((x) => x.id === id);
  return decided as NonNullable<typeof decided>;
}

/** The largest file an appeal may carry (a scanned letter, a payment record). */
export const APPEAL_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Attaches a file to the employer's own open appeal: stored once per SHA-256 under the upload
 * directory, its row (name, type, size, hash, who, when) here, the upload audited.
 */
export async function attachAppealFile(
  db: Db,
  actor: Actor,
  appealId: number,
  input: { fileName: string; contentType: string; body: AsyncIterable<Buffer>; uploadDir: string },
  now: Date,
) {
  const [appeal] = await db.select().from(rateAppeals).where(eq(rateAppeals.id, appealId));
  if (!appeal || actor.organisationId === null || appeal.employerId !== actor.organisationId)
    throw notFound();
  if (appeal.status !== 'submitted') throw new AppError(409, 'rates.appeal_closed');
  const { sha256, sizeBytes } = await saveStoredFile(input.uploadDir, input.body, {
    maxBytes: APPEAL_FILE_MAX_BYTES,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rateAppealFiles)
      .values({
        appealId,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes,
        sha256,
        uploadedByUserId: actor.userId,
        uploadedAt: now,
      })
      .returning();
    if (!row) throw new Error('file row not inserted');
    await recordAudit(tx, actor, {
      action: 'rates.appeal.file',
      targetType: 'rate_appeal_file',
      targetId: row.id,
      details: { appealId, fileName: input.fileName, sizeBytes, sha256 },
    });
    return { id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes };
  });
}

/** An appeal's file, for an officer whose scope holds the employer (404 otherwise). */
export async function openAppealFile(db: Db, actor: Actor, id: number) {
  const [file] = await db.select().from(rateAppealFiles).where(eq(rateAppealFiles.id, id));
  if (!file) throw notFound();
  await findAppealInScope(db, actor, file.appealId);
  return file;
}
