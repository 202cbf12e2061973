import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type AuditSource, recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppConfig } from '../../platform/config.js';
import { type BulkSession, ConnectionLostError, type Database, type Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { startWorker } from '../../platform/jobs/worker.js';
import { safeErrorText } from '../../platform/ops/logging.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { today } from '../../platform/time.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { type BatchRow, findBatchInScope, selectBatches, toBatchDto } from './batch-view.js';
import {
  CORRECTION_SETTING,
  EMBEDDED_LIMIT_SETTING,
  formatBytes,
  PLAUSIBILITY_SETTING,
  UPLOAD_MAX_BYTES,
} from './exchange.settings.js';
import {
  type BatchStatus,
  exchangeBatches,
  exchangeRejectedRows,
  exchangeRowWarnings,
} from './exchange.tables.js';
import { type Domain, domainsOf, FORMATS } from './formats.js';
import type { WorkerInput, WorkerMessage } from './import.worker.js';
import {
  CHUNK_TABLE,
  countSupersededRows,
  dropStagedRows,
  type MergeContext,
  type MergeState,
  mergeChunk,
  removeSupersededRows,
  stagedChunk,
  timed,
} from './merge.js';
import {
  detectEncoding,
  detectFormat,
  type Encoding,
  type FileFormat,
  mapHeaders,
  readRows,
} from './read-file.js';
import { sealCells, sealParams } from './rejected-cells.js';
import { stagedColumnsOf } from './staging.js';

/** What the exchange needs beyond the Drizzle handle: bulk COPY, the job queue, the upload folder. */
export interface ExchangeRuntime {
  database: Database;
  config: Pick<AppConfig, 'uploadDir'>;
  queue: JobQueue;
  /** Largest upload (UPLOAD_MAX_BYTES unless a test sets a smaller one). */
  maxUploadBytes?: number;
  /** Told about every merge, inside its transaction and after its commit (analytics keeps its figures in step). */
  mergeListener?: MergeListener;
}

/**
 * What a module derived from the facts needs to stay exact: a look before the facts change and
 * one after, inside the batch's transaction, and a call once it has committed.
 */
export interface MergeListener {
  /** Before a chunk's rows are written; `rows` is a relation of them in the staging columns. */
  beforeRows(tx: Db, batch: MergedBatch, rows: SQL): Promise<unknown>;
  /** Before the rows the superseded batch still owns are removed. */
  beforeSupersede(tx: Db, batch: MergedBatch): Promise<unknown>;
  /** After the batch is written, with what the calls above returned (analytics queues its refresh). */
  afterMerge(tx: Db, batch: MergedBatch, captured: unknown[]): Promise<void>;
  /** After the commit, outside the batch's transaction (analytics recomputes what is queued). */
  afterCommit(db: Db): Promise<void>;
}
export interface MergedBatch {
  batchId: number;
  domain: Domain;
  supersedesBatchId: number | null;
}

const CHUNK_ROWS = 5_000;
/**
 * The import worker's heap (issue 13 item 9). Streaming keeps it near 60 MB for a CSV; an XLSX
 * holds its shared strings (at most XLSX_LIMITS) besides. A file that needs more fails its batch
 * instead of growing the server.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384 };
const REJECTED_COLUMNS = ['batch_id', 'line', 'raw', 'issues'];
const WARNING_COLUMNS = ['batch_id', 'line', 'column', 'code', 'params'];

/** The domains the actor's unit may submit (from its department). */
export async function listSubmittableDomains(db: Db, actor: Actor): Promise<Domain[]> {
  if (!actor.organisationId || !actor.permissions.has('exchange:submit')) return [];
  const [org] = await db
    .select({ kind: organisations.kind, department: organisations.department })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return org?.kind === 'member_department' ? domainsOf(org.department) : [];
}

export interface SubmitInput {
  domain: Domain;
  fileName: string;
  body: Readable;
  channel: 'web' | 'api';
  /** JSON rows arrive already written as UTF-8 CSV. */
  format?: 'json';
  supersedesBatchId?: number;
  reason?: string;
  /** The submitter confirms that the correction may remove more of the corrected batch than the jurisdiction's limit. */
  confirmRemoval?: boolean;
}

/**
 * Receives a file for a domain (DX-2): stores it while hashing, recognises identical content
 * already submitted, records the batch and queues its import. Returns at once; progress is on the batch.
 */
export async function submitBatch(runtime: ExchangeRuntime, actor: Actor, input: SubmitInput) {
  const { db } = runtime.database;
  const allowed = await listSubmittableDomains(db, actor);
  if (!allowed.includes(input.domain))
    throw new AppError(403, 'exchange.domain_not_allowed', { domain: FORMATS[input.domain].zh });
  let supersedes: BatchRow | null = null;
  if (input.supersedesBatchId !== undefined) {
    supersedes = await findBatchInScope(db, actor, input.supersedesBatchId).catch(() => null);
    const b = supersedes?.batch;
    if (
      !b ||
      b.domain !== input.domain ||
      b.organisationId !== actor.organisationId ||
      b.status !== 'committed'
    ) {
      throw badRequest('exchange.supersede_invalid', 'supersedes');
    }
    if (!input.reason || input.reason.trim().length < 2)
      throw badRequest('exchange.reason_required', 'reason');
  }

  await fs.mkdir(runtime.config.uploadDir, { recursive: true });
  const filePath = path.join(runtime.config.uploadDir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let bytes = 0;
  let firstBytes = Buffer.alloc(0);
  let lineBreaks = 0;
  const maxBytes = runtime.maxUploadBytes ?? UPLOAD_MAX_BYTES;
  await pipeline(
    input.body,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        if (bytes > maxBytes)
          throw new AppError(413, 'exchange.file_too_large', { limit: formatBytes(maxBytes) }, 'file');
        if (firstBytes.length < 8) firstBytes = Buffer.concat([firstBytes, chunk.subarray(0, 8)]);
        for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lineBreaks++;
        yield chunk;
      }
    },
    createWriteStream(filePath),
  ).catch(async (error: unknown) => {
    await fs.rm(filePath, { force: true });
    throw error;
  });
  if (bytes === 0) {
    await fs.rm(filePath, { force: true });
    throw badRequest('exchange.empty_file', 'file');
  }
  const sha256 = hash.digest('hex');

  // Identical content from the same unit for the same domain: recognised, nothing changes.
  const answerIdentical = async (same: BatchRow) => {
    await fs.rm(filePath, { force: true });
    await recordAudit(db, actor, {
      action: 'exchange.resubmit-identical',
      targetType: 'exchange_batch',
      targetId: same.batch.id,
      jurisdictionPath: same.jurisdictionPath,
      details: { fileName: input.fileName, sha256 },
    });
    return { batch: toBatchDto(same), isDuplicate: true };
  };
  const findIdentical = async () => {
    const [same] = await selectBatches(db).where(
      and(
        eq(exchangeBatches.organisationId, actor.organisationId as number),
        eq(exchangeBatches.domain, input.domain),
        eq(exchangeBatches.sha256, sha256),
        inArray(exchangeBatches.status, ['queued', 'processing', 'committed']),
      ),
    );
    return same;
  };
  const same = await findIdentical();
  if (same) return answerIdentical(same);

  const format: FileFormat | 'json' = input.format ?? detectFormat(input.fileName, firstBytes);
  if (runtime.database.kind === 'pglite' && format !== 'xlsx') {
    // One connection: a file whose merge would hold it for long is refused now (0016). An XLSX is
    // counted while it is read (runImport).
    const { value: limit } = await resolveSetting(db, actor.jurisdictionPath, EMBEDDED_LIMIT_SETTING);
    const rows = Math.max(lineBreaks - 1, 0);
    if (rows > limit.maxRows) {
      await fs.rm(filePath, { force: true });
      throw new AppError(
        413,
        'exchange.embedded_limit',
        { rows: rows.toLocaleString('en'), limit: limit.maxRows.toLocaleString('en') },
        'file',
      );
    }
  }
  const encoding: Encoding | null =
    format === 'xlsx' ? null : format === 'json' ? 'utf-8' : await detectEncoding(filePath);
  // Uploads of the same file at the same moment all pass the check above: the unique index
  // (exchange_batches_content_key) lets one insert through, and the others answer with its batch.
  const id = await db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(exchangeBatches)
        .values({
          domain: input.domain,
          organisationId: actor.organisationId as number,
          jurisdictionId: actor.jurisdictionId,
          userId: actor.userId,
          submittedBy: actor.username,
          channel: input.channel,
          fileName: input.fileName,
          format,
          encoding,
          fileBytes: bytes,
          sha256,
          status: 'queued',
          supersedesBatchId: supersedes?.batch.id ?? null,
          supersedeReason: supersedes ? (input.reason?.trim() ?? null) : null,
          removalConfirmed: supersedes ? input.confirmRemoval === true : false,
        })
        .returning({ id: exchangeBatches.id });
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, actor, {
        action: 'exchange.submit',
        targetType: 'exchange_batch',
        targetId: created.id,
        details: {
          domain: input.domain,
          fileName: input.fileName,
          bytes,
          sha256,
          supersedes: supersedes?.batch.id,
          confirmRemoval: supersedes ? input.confirmRemoval === true : undefined,
        },
      });
      return created.id;
    })
    .catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      const winner = await findIdentical();
      if (!winner) throw error;
      return answerIdentical(winner);
    });
  if (typeof id !== 'number') return id;
  // One lane per submitting unit: a unit's backlog does not hold up another unit's file (0016).
  void runtime.queue.enqueue(
    `import ${id}`,
    () => runImport(runtime, id, filePath),
    `unit ${actor.organisationId}`,
  );
  return { batch: toBatchDto(await findBatchInScope(db, actor, id)), isDuplicate: false };
}

/**
 * Imports one queued batch: a worker thread parses and validates, this thread stages chunks with
 * COPY and then merges the batch in one transaction. Any failure leaves no fact row of the batch.
 */
export async function runImport(runtime: ExchangeRuntime, batchId: number, filePath: string): Promise<void> {
  const { db } = runtime.database;
  const [row] = await db
    .select({ batch: exchangeBatches, path: jurisdictions.path })
    .from(exchangeBatches)
    .innerJoin(jurisdictions, eq(jurisdictions.id, exchangeBatches.jurisdictionId))
    .where(eq(exchangeBatches.id, batchId));
  if (!row) return;
  const batch = row.batch;
  const source: AuditSource = {
    userId: batch.userId,
    username: batch.submittedBy,
    ip: 'import-job',
    jurisdictionPath: row.path,
  };
  const started = Date.now();
  await db
    .update(exchangeBatches)
    .set({ status: 'processing', startedAt: new Date(started) })
    .where(eq(exchangeBatches.id, batchId));
  try {
    const codes = await db
      .select({ id: jurisdictions.id, code: jurisdictions.code })
      .from(jurisdictions)
      .where(withinScope(jurisdictions.path, row.path));
    const workerInput: WorkerInput = {
      batchId,
      path: filePath,
      format: batch.format === 'xlsx' ? 'xlsx' : 'csv',
      encoding: (batch.encoding as Encoding | null) ?? 'utf-8',
      domain: batch.domain,
      jurisdictionCodes: codes.map((c) => c.code),
      // The worker has a clock of its own: it validates against this process's today.
      today: today(),
      chunkSize: CHUNK_ROWS,
      plausibility: (await resolveSetting(db, row.path, PLAUSIBILITY_SETTING)).value,
    };
    const ctx: MergeContext = {
      batchId,
      domain: batch.domain,
      scopeJurisdictionId: batch.jurisdictionId,
      scopeJurisdictionIds: codes.map((c) => c.id),
      supersedesBatchId: batch.supersedesBatchId,
    };
    const readFile = (store: (chunk: Chunk) => Promise<void>) =>
      streamChunks(runtime, batchId, workerInput, started, store);
    const listener = runtime.mergeListener;
    const captured: unknown[] = [];
    const state: MergeState = { times: {}, tryPlainInsert: true };
    const { times } = state;
    let pendingEmployers = 0;
    const mergeRows = async (tx: Db, rows: SQL) => {
      const capture = listener
        ? async (these: SQL) => {
            captured.push(await listener.beforeRows(tx, ctx, these));
          }
        : undefined;
      pendingEmployers += await mergeChunk(tx, ctx, rows, state, capture);
    };
    /** The end of the batch's transaction: the superseded rows, the derived figures, the batch row. */
    const commit = async (tx: Db, totalRows: number, stagedAt: number) => {
      if (listener) captured.push(await listener.beforeSupersede(tx, ctx));
      if (batch.supersedesBatchId !== null && !batch.removalConfirmed)
        await timed(times, 'supersede', () => refuseLargeRemoval(tx, ctx, row.path));
      await timed(times, 'supersede', () => removeSupersededRows(tx, ctx));
      await timed(times, 'queue', async () => listener?.afterMerge(tx, ctx, captured));
      const [rejected] = await tx
        .select({ n: count() })
        .from(exchangeRejectedRows)
        .where(eq(exchangeRejectedRows.batchId, batchId));
      const [warned] = await tx
        .select({ n: sql<number>`count(distinct ${exchangeRowWarnings.line})` })
        .from(exchangeRowWarnings)
        .where(eq(exchangeRowWarnings.batchId, batchId));
      const rejectedRows = Number(rejected?.n ?? 0);
      if (batch.supersedesBatchId !== null) {
        await tx
          .update(exchangeBatches)
          .set({ status: 'superseded', supersededByBatchId: batchId })
          .where(eq(exchangeBatches.id, batch.supersedesBatchId));
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      await tx
        .update(exchangeBatches)
        .set({
          status: 'committed',
          totalRows,
          validRows: totalRows - rejectedRows,
          rejectedRows,
          warningRows: Number(warned?.n ?? 0),
          pendingEmployers,
          rowsDone: totalRows,
          rowsPerSecond: totalRows / seconds,
          finishedAt: new Date(),
        })
        .where(eq(exchangeBatches.id, batchId));
      // Rows refused reach the submitting unit's inbox: someone must correct and resubmit them.
      if (rejectedRows > 0)
        await notifyUnit(tx, batch.organisationId, {
          kind: 'exchange.batch_rejected_rows',
          params: { file: batch.fileName, domain: batch.domain, rejected: rejectedRows, total: totalRows },
          link: '/exchange?hasRejectedRows=true',
          dedupeKey: `exchange_batch:${batchId}:rejected_rows`,
        });
      await recordAudit(tx, source, {
        action: 'exchange.commit',
        targetType: 'exchange_batch',
        targetId: batchId,
        details: {
          domain: batch.domain,
          totalRows,
          rejectedRows,
          pendingEmployers,
          supersedes: batch.supersedesBatchId,
          // Where the time went: reading the file (parsing, validating, staging — and on PostgreSQL
          // merging each chunk as it comes); then the rest of the batch's transaction.
          stageMs: stagedAt - started,
          mergeMs: Date.now() - stagedAt,
          mergeStepMs: times,
        },
      });
    };
    if (runtime.database.ownTransaction) {
      // PostgreSQL: one transaction on a connection of its own for the whole import; each chunk
      // goes into a temporary table and straight on into the facts, while the worker validates
      // the next one. Nothing is written twice to a logged table, and the pool serves everyone else.
      await runtime.database.ownTransaction(async (session) => {
        // Each chunk's statement is planned afresh; on a fact table with millions of rows its cost
        // estimate can pass jit_above_cost, and compiling it took ~240 ms against ~40 ms to run.
        await session.db.execute(sql`set local jit = off`);
        // Named in pg_stat_activity, so an operator can tell the import's long transaction apart.
        await session.db.execute(sql.raw(`set local application_name = 'yufang import ${batchId}'`));
        await session.db.execute(
          // Only the columns this domain fills: the chunk is written and read a thousand times over.
          sql.raw(
            `create temporary table ${CHUNK_TABLE} (${stagedColumnsOf(batch.domain)
              .map((name) => `${name} ${name === 'batch_id' || name === 'line' ? 'integer' : 'text'}`)
              .join(', ')}) on commit drop`,
          ),
        );
        const { totalRows, headerSeen } = await readFile(async (chunk) => {
          await timed(times, 'copy', () => copyChunk(session.copyCsv, CHUNK_TABLE, batch.domain, chunk));
          await mergeRows(session.db, sql.raw(CHUNK_TABLE));
          await session.db.execute(sql`truncate ${sql.raw(CHUNK_TABLE)}`);
        });
        if (!headerSeen) throw new ImportFailure('file.no_header');
        await commit(session.db, totalRows, Date.now());
      });
    } else {
      // PGlite (one connection): stage in short statements so other requests run between chunks,
      // then merge the staged chunks in one transaction.
      const { database } = runtime;
      const chunkEnds: number[] = [];
      const { value: limit } = await resolveSetting(db, row.path, EMBEDDED_LIMIT_SETTING);
      const { totalRows, headerSeen } = await readFile(async (chunk) => {
        // An XLSX (not counted at the upload) that turns out too large fails before its merge.
        if (chunk.rowsDone > limit.maxRows)
          throw new ImportFailure('file.embedded_limit', { limit: limit.maxRows.toLocaleString('en') });
        await copyChunk(database.copyCsv, 'exchange_staging', batch.domain, chunk);
        chunkEnds.push(chunk.lastLine);
      });
      if (!headerSeen) throw new ImportFailure('file.no_header');
      const stagedAt = Date.now();
      await db.transaction(async (tx) => {
        let afterLine = 0;
        for (const lastLine of chunkEnds) {
          await mergeRows(tx, stagedChunk(batchId, afterLine, lastLine));
          afterLine = lastLine;
        }
        await timed(times, 'cleanup', () =>
          tx.execute(sql`delete from exchange_staging where batch_id = ${batchId}`),
        );
        await commit(tx, totalRows, stagedAt);
      });
    }
    await fillRejectedCells(db, batchId, filePath, workerInput).catch((error: unknown) =>
      // The batch is committed; a row of the rejected-rows file then lacks its cells, not its reason.
      console.error(`batch ${batchId}: could not read back rejected cells:`, safeErrorText(error)),
    );
    await listener?.afterCommit(db).catch((error: unknown) =>
      // The batch is committed and what derives from it stays queued: the next start picks it up.
      console.error(`batch ${batchId}: derived figures not brought up to date yet:`, safeErrorText(error)),
    );
  } catch (caught) {
    // The own transaction's connection broke: the server rolled it back, the worker is stopped.
    const error =
      caught instanceof ConnectionLostError ? new ImportFailure('import.connection_lost') : caught;
    if (caught instanceof ConnectionLostError) console.error(`batch ${batchId}: ${caught.message}`);
    const message =
      // A failed query's message lists its parameters (the file's 身份证号): never stored or shown.
      error instanceof ImportFailure ? error.code : safeErrorText(error);
    // A parser's message may quote a cell: encrypted like the cells when PII_ENCRYPTION=sm4.
    const params = error instanceof ImportFailure ? sealParams(error.params, piiCrypto()) : undefined;
    await dropStagedRows(db, [batchId]);
    await db
      .update(exchangeBatches)
      .set({
        status: 'failed',
        error: message,
        errorParams: params ?? null,
        finishedAt: new Date(),
      })
      .where(eq(exchangeBatches.id, batchId));
    await notifyUnit(db, batch.organisationId, {
      kind: 'exchange.batch_failed',
      params: { file: batch.fileName, domain: batch.domain },
      link: '/exchange',
      dedupeKey: `exchange_batch:${batchId}:failed`,
    });
    await recordAudit(db, source, {
      action: 'exchange.fail',
      outcome: 'failure',
      targetType: 'exchange_batch',
      targetId: batchId,
      details: { error: message, params },
    });
  } finally {
    await fs.rm(filePath, { force: true });
  }
}

/**
 * Staging does not keep each row's cells (that would double what is copied), so the cells of the
 * rows the merge rejected (duplicates, employers out of scope) are read back from the file.
 */
async function fillRejectedCells(db: Db, batchId: number, filePath: string, input: WorkerInput) {
  const missing = await db
    .select({ line: exchangeRejectedRows.line })
    .from(exchangeRejectedRows)
    .where(and(eq(exchangeRejectedRows.batchId, batchId), isNull(exchangeRejectedRows.raw)));
  const wanted = new Set(missing.map((m) => m.line));
  if (wanted.size === 0) return;
  const crypto = piiCrypto();
  for await (const row of readRows(filePath, input.format, input.encoding, (headers) =>
    mapHeaders(input.domain, headers),
  )) {
    if (!wanted.delete(row.line)) continue;
    await db
      .update(exchangeRejectedRows)
      .set({ raw: sealCells(row.raw, crypto) })
      .where(and(eq(exchangeRejectedRows.batchId, batchId), eq(exchangeRejectedRows.line, row.line)));
    if (wanted.size === 0) return;
  }
}

/**
 * A correction that would remove more of the corrected batch's rows than the jurisdiction allows
 * (exchange.correction, 50 % by default) fails, inside the batch's transaction, unless the
 * submitter confirmed the removal: a header-only file must not silently delete a whole batch.
 */
async function refuseLargeRemoval(tx: Db, ctx: MergeContext, path: string) {
  const counts = await countSupersededRows(tx, ctx);
  if (!counts || counts.total === 0) return;
  const { value } = await resolveSetting(tx, path, CORRECTION_SETTING);
  const share = (counts.removed / counts.total) * 100;
  if (share > value.maxRemovedShare)
    throw new ImportFailure('file.removal_unconfirmed', {
      removed: counts.removed,
      total: counts.total,
      share: Math.round(share * 10) / 10,
      threshold: value.maxRemovedShare,
    });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '23505') return true;
  return false;
}

/** A whole-file problem (missing columns, no header): the batch fails with a stable code. */
class ImportFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

type Chunk = Extract<WorkerMessage, { type: 'chunk' }>;

/** COPYs a chunk's valid rows into `table`, and its rejected rows and warnings where they belong. */
async function copyChunk(copy: BulkSession['copyCsv'], table: string, domain: Domain, chunk: Chunk) {
  await copy(table, stagedColumnsOf(domain), chunk.staged);
  await copy('exchange_rejected_rows', REJECTED_COLUMNS, chunk.rejected);
  await copy('exchange_row_warnings', WARNING_COLUMNS, chunk.warnings);
}

/**
 * Runs the worker over the file and hands each chunk of COPY input to `store`, one at a time
 * (the worker validates the next chunk meanwhile), keeping the batch's progress up to date.
 */
async function streamChunks(
  runtime: ExchangeRuntime,
  batchId: number,
  input: WorkerInput,
  started: number,
  store: (chunk: Chunk) => Promise<void>,
) {
  const { db } = runtime.database;
  const worker = startWorker(
    new URL('./import.worker.ts', import.meta.url),
    { ...input },
    { resourceLimits: WORKER_LIMITS },
  );
  // (input is updated when the worker reports the file's real encoding: fillRejectedCells reads it again.)
  let headerSeen = false;
  try {
    return await new Promise<{ totalRows: number; headerSeen: boolean }>((resolve, reject) => {
      let chain = Promise.resolve();
      const handle = async (message: WorkerMessage) => {
        switch (message.type) {
          case 'header':
            headerSeen = true;
            await db
              .update(exchangeBatches)
              .set({ headers: message.headers })
              .where(eq(exchangeBatches.id, batchId));
            if (message.missing.length > 0)
              throw new ImportFailure('file.missing_columns', { columns: message.missing.join('、') });
            return;
          case 'total':
            await db
              .update(exchangeBatches)
              .set({ expectedRows: message.expectedRows })
              .where(eq(exchangeBatches.id, batchId));
            return;
          case 'chunk': {
            await store(message);
            // The worker may hand over its next chunk while the progress is written.
            worker.postMessage('ack');
            const seconds = Math.max((Date.now() - started) / 1000, 0.001);
            await db
              .update(exchangeBatches)
              .set({ rowsDone: message.rowsDone, rowsPerSecond: message.rowsDone / seconds })
              .where(eq(exchangeBatches.id, batchId));
            return;
          }
          case 'done':
            resolve({ totalRows: message.totalRows, headerSeen });
            return;
          case 'encoding':
            // Later reads of the file (the rejected rows' cells) and the rejected-rows file follow it.
            input.encoding = message.encoding;
            await db
              .update(exchangeBatches)
              .set({ encoding: message.encoding })
              .where(eq(exchangeBatches.id, batchId));
            return;
          case 'error':
            throw message.code
              ? new ImportFailure(message.code, message.params)
              : new ImportFailure('file.unreadable', { reason: message.message });
        }
      };
      worker.on('message', (message: WorkerMessage) => {
        chain = chain.then(() => handle(message)).catch(reject);
      });
      worker.on('error', (error) =>
        reject(
          (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportFailure('file.worker_memory', {
                limit: `${WORKER_LIMITS.maxOldGenerationSizeMb} MiB`,
              })
            : new ImportFailure('file.unreadable', { reason: error.message }),
        ),
      );
      worker.on('exit', (code) => {
        if (code !== 0)
          reject(new ImportFailure('file.unreadable', { reason: `worker exited with ${code}` }));
      });
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * After a restart: batches that were queued or importing when the process stopped are marked
 * failed ("interrupted"), their staged rows dropped and their uploaded files deleted, so no partial
 * batch remains and the same file can be submitted again.
 */
export async function recoverInterruptedImports(db: Db, uploadDir?: string): Promise<number> {
  // No import runs at start-up: every upload left in the folder belongs to an interrupted one, and
  // holds personal data. Remove them.
  if (uploadDir) {
    const leftovers = await fs.readdir(uploadDir).catch(() => [] as string[]);
    await Promise.all(
      leftovers
        .filter((f) => f.endsWith('.upload'))
        .map((f) => fs.rm(path.join(uploadDir, f), { force: true })),
    );
  }
  const stuck = await db
    .select({ id: exchangeBatches.id })
    .from(exchangeBatches)
    .where(inArray(exchangeBatches.status, ['queued', 'processing'] satisfies BatchStatus[]));
  const ids = stuck.map((s) => s.id);
  if (ids.length === 0) return 0;
  await dropStagedRows(db, ids);
  await db
    .update(exchangeBatches)
    .set({ status: 'failed', error: 'interrupted', finishedAt: new Date() })
    .where(inArray(exchangeBatches.id, ids));
  return ids.length;
}
