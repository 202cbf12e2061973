import type { SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { MergedBatch, MergeListener } from './exchange.service.js';

/**
 * Several modules derived from the facts (analytics' figures, cross-checks) listening to one merge:
 * each gets back exactly what it captured, in its own slot, and runs after the commit in turn.
 */
export function combineMergeListeners(...listeners: MergeListener[]): MergeListener {
  return {
    // In turn, not at once: they share the merge's transaction (one connection).
    beforeRows: async (tx: Db, batch: MergedBatch, rows: SQL) => {
      const out: unknown[] = [];
      for (const l of listeners) out.push(await l.beforeRows(tx, batch, rows));
      return out;
    },
    beforeSupersede: async (tx: Db, batch: MergedBatch) => {
      const out: unknown[] = [];
      for (const l of listeners) out.push(await l.beforeSupersede(tx, batch));
      return out;
    },
    afterMerge: async (tx: Db, batch: MergedBatch, captured: unknown[]) => {
      for (const [i, l] of listeners.entries())
        await l.afterMerge(
          tx,
          batch,
          captured.map((c) => (c as unknown[])[i]),
        );
    },
    /** Each listener runs even when one before it fails; the first failure is then thrown. */
    afterCommit: async (db: Db) => {
      const failures: unknown[] = [];
      for (const l of listeners) await l.afterCommit(db).catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw failures[0];
    },
  };
}
