import { and, asc, count, desc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { batchScope, canSeeCells, findBatchInScope, selectBatches, toBatchDto } from './batch-view.js';
import {
  type BatchStatus,
  exchangeBatches,
  exchangeRejectedRows,
  exchangeRowWarnings,
} from './exchange.tables.js';
import type { Domain } from './formats.js';
import { openCells, openIssues } from './rejected-cells.js';

/** Reading batches: the list, one batch, its issues and its rejected rows (with their cells). */

export interface ListBatchesOptions {
  domain?: Domain;
  status?: BatchStatus;
  /** Only batches some of whose rows were rejected (the workbench's count, decision 0041). */
  hasRejectedRows?: boolean;
  jurisdiction?: string;
  page: number;
  pageSize: number;
  language?: 'zh' | 'en';
}

/** Batches submitted in the actor's scope, newest first. */
export async function listBatches(db: Db, actor: Actor, options: ListBatchesOptions) {
  const conditions: SQL[] = [batchScope(actor)];
  if (options.jurisdiction) {
    const within = await getJurisdictionInScope(db, actor, options.jurisdiction);
    conditions.push(withinScope(jurisdictions.path, within.path));
  }
  if (options.domain) conditions.push(eq(exchangeBatches.domain, options.domain));
  if (options.status) conditions.push(eq(exchangeBatches.status, options.status));
  if (options.hasRejectedRows) conditions.push(gt(exchangeBatches.rejectedRows, 0));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectBatches(db)
      .where(where)
      .orderBy(desc(exchangeBatches.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: count() })
      .from(exchangeBatches)
      .innerJoin(jurisdictions, eq(jurisdictions.id, exchangeBatches.jurisdictionId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => toBatchDto(r, options.language, canSeeCells(actor, r.batch))),
    total: Number(total?.n ?? 0),
  };
}

export async function getBatch(db: Db, actor: Actor, id: number, language: 'zh' | 'en' = 'zh') {
  const row = await findBatchInScope(db, actor, id);
  return toBatchDto(row, language, canSeeCells(actor, row.batch));
}

/** The rejected rows and warnings of a batch, without the cells (which hold personal data). */
export async function listBatchIssues(
  db: Db,
  actor: Actor,
  id: number,
  options: { page: number; pageSize: number },
) {
  await findBatchInScope(db, actor, id);
  const [rejected, [total], warnings] = await Promise.all([
    db
      .select({ line: exchangeRejectedRows.line, issues: exchangeRejectedRows.issues })
      .from(exchangeRejectedRows)
      .where(eq(exchangeRejectedRows.batchId, id))
      .orderBy(asc(exchangeRejectedRows.line))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(exchangeRejectedRows).where(eq(exchangeRejectedRows.batchId, id)),
    db
      .select({
        line: exchangeRowWarnings.line,
        column: exchangeRowWarnings.column,
        code: exchangeRowWarnings.code,
        params: exchangeRowWarnings.params,
      })
      .from(exchangeRowWarnings)
      .where(eq(exchangeRowWarnings.batchId, id))
      .orderBy(asc(exchangeRowWarnings.line))
      .limit(200),
  ]);
  return { rejected, total: Number(total?.n ?? 0), warnings };
}

/** Everything the rejected-rows file needs, read page by page so a large batch streams. */
export async function* readRejectedRows(db: Db, batchId: number) {
  const pageSize = 5_000;
  const crypto = piiCrypto();
  for (let after = -1; ; ) {
    const page = await db
      .select({
        line: exchangeRejectedRows.line,
        raw: exchangeRejectedRows.raw,
        issues: exchangeRejectedRows.issues,
      })
      .from(exchangeRejectedRows)
      .where(and(eq(exchangeRejectedRows.batchId, batchId), sql`${exchangeRejectedRows.line} > ${after}`))
      .orderBy(asc(exchangeRejectedRows.line))
      .limit(pageSize);
    // The file's cells, decrypted here only (the caller is openRejectedRows' audited download).
    for (const row of page)
      yield { ...row, raw: openCells(row.raw, crypto), issues: openIssues(row.issues, crypto) };
    if (page.length < pageSize) return;
    after = (page[page.length - 1] as { line: number }).line;
  }
}

/** The batch for a rejected-rows download, checked for scope; the download is audited (it holds personal data). */
export async function openRejectedRows(db: Db, actor: Actor, id: number) {
  const row = await findBatchInScope(db, actor, id);
  // The cells are what the unit sent: its own officers, or HRSS cleared for personal data (canSeeCells).
  if (!canSeeCells(actor, row.batch)) {
    throw new AppError(403, 'auth.forbidden');
  }
  await recordAudit(db, actor, {
    action: 'personal-data.view',
    targetType: 'exchange_batch',
    targetId: id,
    jurisdictionPath: row.jurisdictionPath,
    details: { what: 'rejected-rows file' },
  });
  return row.batch;
}
