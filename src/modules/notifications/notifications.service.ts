import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { users } from '../users/users.tables.js';
import { notifications } from './notifications.tables.js';

export interface NotificationInput {
  kind: string;
  params: Record<string, string | number | null>;
  link?: string;
  /** Same key for the same user: added once. */
  dedupeKey: string;
}

/** Puts a notification in the inbox of every active user of a unit (once per user and key). */
export async function notifyUnit(db: Db, organisationId: number, input: NotificationInput): Promise<number> {
  const recipients = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isActive, true)));
  return notifyUsers(
    db,
    recipients.map((r) => r.id),
    input,
  );
}

/** Puts a notification in these users' inboxes (once per user and key). */
export async function notifyUsers(db: Db, userIds: number[], input: NotificationInput): Promise<number> {
  // Guard against an insert of no rows.
  if (userIds.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: input.kind,
        params: input.params,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/** The actor's inbox, newest first. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  options: { unreadOnly?: boolean; page: number; pageSize: number },
) {
  const conditions: SQL[] = [eq(notifications.userId, actor.userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
  };
}

/** Marks the actor's notifications read: the ones named, or all; others' ids are ignored. */
export async function markNotificationsRead(db: Db, actor: Actor, input: { ids?: number[] }, now: Date) {
  const conditions: SQL[] = [eq(notifications.userId, actor.userId), isNull(notifications.readAt)];
  if (input.ids) conditions.push(inArray(notifications.id, input.ids.length ? input.ids : [-1]));
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(...conditions))
      .returning({ id: notifications.id });
    // Audited even when nothing was unread: the request is on record either way.
    await recordAudit(tx, actor, {
      action: 'notifications.read',
      targetType: 'notification',
      details: { ids: rows.map((r) => r.id), requested: input.ids ?? 'all' },
    });
    return { updated: rows.length };
  });
}
