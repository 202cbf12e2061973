import { and, desc, eq, gt, gte, ilike, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { escapeLike, withinScope } from '../db/scope.js';
import { auditArchives, auditLog } from './audit.tables.js';
import {
  GENESIS_HASH,
  HASH_ALGORITHMS,
  type HashAlgorithm,
  hashAlgorithmOf,
  hashRecord,
} from './audit-chain.js';

export interface AuditEntry {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string | number;
  /** Path of the jurisdiction the target belongs to; defaults to the actor's. */
  jurisdictionPath?: string | null;
  details?: Record<string, unknown>;
}

/** Who acted and from where, when there may be no signed-in actor (a failed sign-in). */
export interface AuditSource {
  userId?: number | null;
  username?: string | null;
  ip: string;
  userAgent?: string | null;
  jurisdictionPath?: string;
}

export function sourceOf(actor: Actor): AuditSource {
  return {
    userId: actor.userId,
    username: actor.username,
    ip: actor.ip,
    userAgent: actor.userAgent,
    jurisdictionPath: actor.jurisdictionPath,
  };
}

/** Advisory lock that orders the chain: one writer appends at a time, until its transaction ends. */
const AUDIT_CHAIN_LOCK = 7_019_001;

let chainAlgorithm: HashAlgorithm = hashAlgorithmOf(process.env.AUDIT_HASH);

/** The algorithm new records are chained with (AUDIT_HASH: sha256, the default, or sm3). */
export function setAuditHashAlgorithm(algorithm: HashAlgorithm): void {
  chainAlgorithm = algorithm;
}

/** Hash of the newest chained record, else of the last archive's head, else the genesis hash. */
async function readChainHead(db: Db): Promise<string> {
  const [last] = await db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.hash))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (last?.hash) return last.hash;
  const [archive] = await db
    .select({ headHash: auditArchives.headHash })
    .from(auditArchives)
    .orderBy(desc(auditArchives.lastId))
    .limit(1);
  return archive?.headHash ?? GENESIS_HASH;
}

/**
 * Appends one audit record, hash-chained to the one before (decision 0019). Call it with the
 * transaction of the write it records, as that transaction's last statement: the write and its
 * audit commit or fail together, and the chain's lock is held from here to the commit.
 */
export async function recordAudit(db: Db, source: AuditSource | Actor, entry: AuditEntry): Promise<void> {
  const from = 'permissions' in source ? sourceOf(source) : source;
  const algorithm = chainAlgorithm;
  // A savepoint inside the caller's transaction, or a transaction of its own.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const prevHash = await readChainHead(tx);
    const content = {
      at: new Date(),
      actorUserId: from.userId ?? null,
      actorUsername: from.username ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'success',
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      jurisdictionPath:
        entry.jurisdictionPath === undefined ? (from.jurisdictionPath ?? null) : entry.jurisdictionPath,
      ip: from.ip,
      userAgent: from.userAgent ?? null,
      details: entry.details ?? null,
    };
    await tx.insert(auditLog).values({
      ...content,
      prevHash,
      hash: hashRecord(algorithm, content, prevHash),
      hashAlgorithm: algorithm,
    });
  });
}

/** Why a link failed: its prevHash is not the previous hash, its content does not give its hash, or it carries none. */
export type BrokenReason = 'link' | 'content' | 'unchained';

export interface ChainReport {
  /** Chained records checked. */
  checked: number;
  /** Records older than the chain (no hash), before its first record: reported, not judged. */
  legacy: number;
  /** The first record whose link fails, or null when the whole chain holds. */
  firstBroken: { id: number; reason: BrokenReason } | null;
  /** The newest record checked and its hash (keep it elsewhere to detect a truncated tail). */
  head: { id: number; hash: string } | null;
  /** Records up to this id were archived; the chain here continues from the archive's head. */
  archivedThrough: number | null;
}

const VERIFY_PAGE = 2000;

/**
 * Walks the chain in id order from the last archive's head (or the genesis hash) and reports the
 * first broken link (decision 0019). Reads everything; the audit administrator's check, not a
 * per-request one.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const [archive] = await db.select().from(auditArchives).orderBy(desc(auditArchives.lastId)).limit(1);
  let prev = archive?.headHash ?? GENESIS_HASH;
  let after = archive?.lastId ?? 0;
  let checked = 0;
  let legacy = 0;
  let head: ChainReport['head'] = null;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(auditLog.id)
      .limit(VERIFY_PAGE);
    for (const row of rows) {
      const broken = (reason: BrokenReason): ChainReport => ({
        checked,
        legacy,
        firstBroken: { id: row.id, reason },
        head,
        archivedThrough: archive?.lastId ?? null,
      });
      if (row.hash === null || row.hashAlgorithm === null) {
        // Records written before the chain existed come first; an unchained one after it is forged.
        if (head === null && !archive) {
          legacy++;
          continue;
        }
        return broken('unchained');
      }
      if (row.prevHash !== prev) return broken('link');
      const algorithm = (HASH_ALGORITHMS as readonly string[]).includes(row.hashAlgorithm)
        ? (row.hashAlgorithm as HashAlgorithm)
        : undefined;
      if (!algorithm || hashRecord(algorithm, row, prev) !== row.hash) return broken('content');
      prev = row.hash;
      head = { id: row.id, hash: row.hash };
      checked++;
    }
    if (rows.length < VERIFY_PAGE) break;
    after = rows[rows.length - 1]?.id ?? after;
  }
  return { checked, legacy, firstBroken: null, head, archivedThrough: archive?.lastId ?? null };
}

/** The national audit administrator also sees records of no jurisdiction (failed sign-ins of unknown names). */
function isNationalAuditor(actor: Actor): boolean {
  return actor.role === 'audit_admin' && !actor.jurisdictionPath.includes('/');
}

export interface ListAuditOptions {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/**
 * Lists audit records within the actor's scope, newest first. The national audit administrator
 * also sees records with no jurisdiction, such as failed sign-ins for unknown names.
 */
export async function listAuditRecords(db: Db, actor: Actor, options: ListAuditOptions) {
  const conditions: SQL[] = [];
  const scope = withinScope(auditLog.jurisdictionPath, actor.jurisdictionPath);
  conditions.push(isNationalAuditor(actor) ? (or(scope, isNull(auditLog.jurisdictionPath)) as SQL) : scope);
  if (options.action) conditions.push(ilike(auditLog.action, `${escapeLike(options.action)}%`));
  if (options.actor) conditions.push(eq(auditLog.actorUsername, options.actor));
  if (options.targetType) conditions.push(eq(auditLog.targetType, options.targetType));
  if (options.targetId) conditions.push(eq(auditLog.targetId, options.targetId));
  if (options.outcome) conditions.push(eq(auditLog.outcome, options.outcome));
  if (options.from) conditions.push(gte(auditLog.at, options.from));
  if (options.to) conditions.push(lt(auditLog.at, options.to));
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.$count(auditLog, where),
  ]);
  return { items: rows, total };
}

/**
 * Records that the actor was shown these records' personal data unmasked (ORG-4, DX-3). Nothing
 * is written when no record was shown.
 */
export async function recordPersonalDataView(
  db: Db,
  actor: Actor,
  view: { targetType: string; ids: number[]; fields: string[]; what?: string },
): Promise<void> {
  if (view.ids.length === 0) return;
  await recordAudit(db, actor, {
    action: 'personal-data.view',
    targetType: view.targetType,
    targetId: view.ids.length === 1 ? view.ids[0] : undefined,
    details: { ids: view.ids, fields: view.fields, ...(view.what ? { what: view.what } : {}) },
  });
}
