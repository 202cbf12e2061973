import { and, desc, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { escapeLike, withinScope } from '../db/scope.js';
import { auditLog } from './audit.tables.js';

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

/**
 * Appends one audit record. Call it with the transaction of the write it records, so the write and
 * its audit commit or fail together.
 */
export async function recordAudit(db: Db, source: AuditSource | Actor, entry: AuditEntry): Promise<void> {
  const from = 'permissions' in source ? sourceOf(source) : source;
  await db.insert(auditLog).values({
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
  });
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
 * Lists audit records within the actor's scope, newest first. A system administrator (national
 * scope) also sees records with no jurisdiction, such as failed sign-ins for unknown names.
 */
export async function listAuditRecords(db: Db, actor: Actor, options: ListAuditOptions) {
  const conditions: SQL[] = [];
  const scope = withinScope(auditLog.jurisdictionPath, actor.jurisdictionPath);
  conditions.push(
    actor.role === 'system_admin' ? (or(scope, isNull(auditLog.jurisdictionPath)) as SQL) : scope,
  );
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
