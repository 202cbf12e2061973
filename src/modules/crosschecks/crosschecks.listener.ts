import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { now, today } from '../../platform/time.js';
import type { MergedBatch, MergeListener } from '../exchange/exchange.service.js';
import { batchAreaPath, listEmployersOfBatch } from '../facts/crosscheck-facts.js';
import { escalateOverdueHits, runCrosschecks } from './crosschecks.service.js';
import { crosscheckQueue } from './crosschecks.tables.js';

/**
 * Incremental cross-checks (AN-6): a batch's transaction queues the employers whose rows it wrote
 * or whose rows its superseding removes; right after the commit the rules look at those employers
 * again (as the analytics refresh does), raising new hits and resolving hits whose cause is gone.
 */
export const crosscheckMergeListener: MergeListener = {
  beforeRows: async () => undefined,
  /** The rows the superseded batch still owns are about to go: their employers must be looked at. */
  beforeSupersede: async (tx: Db, batch: MergedBatch) =>
    batch.supersedesBatchId === null ? [] : listEmployersOfBatch(tx, batch.domain, batch.supersedesBatchId),
  afterMerge: async (tx: Db, batch: MergedBatch, captured: unknown[]) => {
    const written = await listEmployersOfBatch(tx, batch.domain, batch.batchId);
    const removed = captured.filter((c) => c !== undefined) as (number[] | null)[];
    // A domain whose rows name no employer (employers, fund): the batch's whole area is re-checked.
    const ids =
      written === null || removed.some((r) => r === null)
        ? null
        : [...new Set([...written, ...removed.flatMap((r) => r ?? [])])].sort((a, b) => a - b);
    await tx
      .insert(crosscheckQueue)
      .values({ batchId: batch.batchId, domain: batch.domain, employerIds: ids ?? [], isArea: ids === null })
      .onConflictDoNothing();
  },
  afterCommit: async (db: Db) => {
    await processCrosscheckQueue(db);
  },
};

/**
 * Works off the queued batches, oldest first. A crash between a run and the removal of its queue row
 * runs it again on the next import: a run is idempotent (a standing hit is not raised twice).
 */
export async function processCrosscheckQueue(db: Db, at: Date = now()): Promise<number> {
  const queued = await db.select().from(crosscheckQueue).orderBy(asc(crosscheckQueue.batchId));
  for (const q of queued) {
    const path = await batchAreaPath(db, q.batchId);
    if (path !== null)
      await runCrosschecks(db, {
        path,
        employerIds: q.isArea ? null : q.employerIds,
        asOf: today(at),
        batchId: q.batchId,
      });
    await db.delete(crosscheckQueue).where(eq(crosscheckQueue.batchId, q.batchId));
  }
  if (queued.length > 0) await escalateOverdueHits(db, at);
  return queued.length;
}
