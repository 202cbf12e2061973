import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { exchangeBatches } from './exchange.tables.js';
import { CELL_PARAMS, openParams } from './rejected-cells.js';
import { describeReason } from './row-messages.js';

/** A batch as the API shows it, and who may see what its cells hold. */

function batchSelection() {
  return {
    batch: exchangeBatches,
    organisationName: organisations.name,
    jurisdictionCode: jurisdictions.code,
    jurisdictionName: jurisdictions.name,
    jurisdictionPath: jurisdictions.path,
  };
}

export function selectBatches(db: Db) {
  return db
    .select(batchSelection())
    .from(exchangeBatches)
    .innerJoin(organisations, eq(organisations.id, exchangeBatches.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, exchangeBatches.jurisdictionId))
    .$dynamic();
}

export type BatchRow = Awaited<ReturnType<typeof selectBatches>>[number];

/**
 * Whether the actor may see what a batch's cells hold (in a batch error, a rejected row's reason
 * or the rejected-rows file): the submitting unit, and the HRSS side cleared for personal data
 * (personal-data:view: HRSS officers and the social-insurance agency). Other officers of the area
 * (the member departments) see every reason, without the text of the cell.
 */
export function canSeeCells(actor: Actor, batch: { organisationId: number }): boolean {
  return actor.organisationId === batch.organisationId || actor.permissions.has('personal-data:view');
}

/** A reason's parameters for a viewer: the cell's text replaced by a note when they may not see it. */
export function paramsFor(
  params: Record<string, unknown> | null | undefined,
  showCells: boolean,
  language: 'zh' | 'en',
): Record<string, unknown> {
  // Cells are stored encrypted with PII_ENCRYPTION=sm4 (issue 13): opened for who may see them.
  if (!params || showCells) return openParams(params, piiCrypto()) ?? {};
  const hidden = language === 'zh' ? '（内容不予显示）' : '(not shown)';
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, (CELL_PARAMS as readonly string[]).includes(k) ? hidden : v]),
  );
}

export function toBatchDto(row: BatchRow, language: 'zh' | 'en' = 'zh', showCells = true) {
  const b = row.batch;
  return {
    id: b.id,
    domain: b.domain,
    organisationId: b.organisationId,
    organisationName: row.organisationName,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    submittedBy: b.submittedBy,
    channel: b.channel,
    fileName: b.fileName,
    format: b.format,
    encoding: b.encoding,
    fileBytes: b.fileBytes,
    sha256: b.sha256,
    status: b.status,
    expectedRows: b.expectedRows,
    rowsDone: b.rowsDone,
    rowsPerSecond: b.rowsPerSecond,
    totalRows: b.totalRows,
    validRows: b.validRows,
    rejectedRows: b.rejectedRows,
    warningRows: b.warningRows,
    pendingEmployers: b.pendingEmployers,
    supersedesBatchId: b.supersedesBatchId,
    supersedeReason: b.supersedeReason,
    removalConfirmed: b.removalConfirmed,
    supersededByBatchId: b.supersededByBatchId,
    error: b.error,
    errorMessage: b.error
      ? describeReason(b.error, language, paramsFor(b.errorParams, showCells, language))
      : null,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

export type BatchDto = ReturnType<typeof toBatchDto>;

/**
 * The batches an actor may see: its jurisdiction's subtree; an API token (decision 0020) only its
 * own unit's, so a unit's token cannot read other units' batches or their issues.
 */
export function batchScope(actor: Actor): SQL {
  const inScope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (!actor.isToken) return inScope;
  return and(inScope, eq(exchangeBatches.organisationId, actor.organisationId ?? -1)) as SQL;
}

export async function findBatchInScope(db: Db, actor: Actor, id: number): Promise<BatchRow> {
  const [row] = await selectBatches(db).where(and(eq(exchangeBatches.id, id), batchScope(actor)));
  if (!row) throw notFound();
  return row;
}
