import { desc, eq, sql } from 'drizzle-orm';
import { verifyPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/client.js';
import { passwordHistory, users } from './users.tables.js';

/**
 * True when `password` matches the user's current password or one of the `keep - 1` before it
 * (argon2 verification of each: the history holds hashes only).
 */
export async function isRecentPassword(db: Db, userId: number, password: string, keep: number) {
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const earlier = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(Math.max(keep - 1, 0));
  for (const { hash } of [...(current ? [current] : []), ...earlier])
    if (await verifyPassword(hash, password)) return true;
  return false;
}

/** Hashes kept per user: PASSWORD_HISTORY (how many are checked) may be set up to this. */
export const PASSWORD_HISTORY_KEPT = 24;

/** Moves the user's current hash into the history (before it is replaced), keeping the newest few. */
export async function archivePasswordHash(db: Db, userId: number) {
  const keep = PASSWORD_HISTORY_KEPT;
  await db.execute(
    sql`insert into password_history (user_id, password_hash) select id, password_hash from users where id = ${userId}`,
  );
  await db.execute(
    sql`delete from password_history where user_id = ${userId} and id not in (
      select id from password_history where user_id = ${userId} order by id desc limit ${keep})`,
  );
}
