import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, between, gt, gte, isNotNull, lt, min } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';
import { auditArchives, auditLog } from './audit.tables.js';

export interface ArchiveResult {
  /** Records moved to the file (0: nothing old enough, or nothing verified). */
  archived: number;
  firstId?: number;
  lastId?: number;
  file?: string;
  /** When the chain is broken, archiving stops before the broken record (never archives unverified ones). */
  stoppedAt?: number;
}

/** Subtracts whole calendar months (retention is set in months). */
export function monthsBefore(instant: Date, months: number): Date {
  const cutoff = new Date(instant);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Retention by archiving (decision 0019): moves the chained records older than `cutoff` — only
 * those the chain verifies — into a JSON Lines file under `dir` (first line: the range, the chain's
 * prevHash before it and head hash after it), records the archive in audit_archives, and removes
 * them from audit_log in the same transaction. Runs as the owner role: the app role may not delete,
 * and the trigger lets the owner delete only ids an archive row covers.
 */
export async function archiveAuditRecords(
  db: Db,
  options: { cutoff: Date; dir: string; by: string },
): Promise<ArchiveResult> {
  const report = await verifyAuditChain(db);
  const after = report.archivedThrough ?? 0;
  // The contiguous run of chained records older than the cutoff, stopping at the first broken one.
  const [boundary] = await db
    .select({ id: min(auditLog.id) })
    .from(auditLog)
    .where(and(gt(auditLog.id, after), isNotNull(auditLog.hash), gte(auditLog.at, options.cutoff)));
  const limits = [boundary?.id, report.firstBroken?.id].filter((v): v is number => typeof v === 'number');
  const below = limits.length > 0 ? Math.min(...limits) : Number.MAX_SAFE_INTEGER;
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, after), lt(auditLog.id, below), isNotNull(auditLog.hash)))
    .orderBy(asc(auditLog.id));
  const stoppedAt = report.firstBroken?.id;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last?.hash) return { archived: 0, stoppedAt };
  await fs.mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, `audit-${first.id}-${last.id}.jsonl`);
  const header = {
    firstId: first.id,
    lastId: last.id,
    count: rows.length,
    prevHash: first.prevHash,
    headHash: last.hash,
    cutoff: options.cutoff.toISOString(),
  };
  const text = `${[header, ...rows].map((r) => JSON.stringify(r)).join('\n')}\n`;
  await fs.writeFile(file, text, { flag: 'wx' });
  const fileSha256 = createHash('sha256').update(text).digest('hex');
  await db.transaction(async (tx) => {
    await tx.insert(auditArchives).values({
      firstId: first.id,
      lastId: last.id,
      recordCount: rows.length,
      headHash: last.hash as string,
      cutoff: options.cutoff,
      file,
      fileSha256,
    });
    await tx.delete(auditLog).where(between(auditLog.id, first.id, last.id));
    await recordAudit(
      tx,
      { username: options.by, ip: 'cli' },
      {
        action: 'audit.archive',
        targetType: 'audit_archive',
        details: { firstId: first.id, lastId: last.id, count: rows.length, file, fileSha256 },
        jurisdictionPath: null,
      },
    );
  });
  return { archived: rows.length, firstId: first.id, lastId: last.id, file, stoppedAt };
}
