import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { selectRows } from '../../platform/db/rows.js';
import { loginAttempts } from './users.tables.js';

export interface LockoutPolicy {
  /** Failed sign-ins in a row, from one address for one username, before that pair locks. */
  lockoutThreshold: number;
  lockoutMinutes: number;
}

/** One sign-in attempt's reservation: the attempt number it drew and whether it may check the password. */
export interface AttemptTicket {
  username: string;
  address: string;
  /** The failure count including this attempt (the attempt counts as failed until proven right). */
  attempt: number;
  /** False when the pair is locked: the password is not even checked. */
  mayVerify: boolean;
}

/**
 * Counts an attempt before its password is checked, in one atomic UPSERT … RETURNING (no
 * read-then-write), so N parallel attempts draw the numbers 1…N and only the first `threshold` of
 * them get a password check (decision 0020). The count starts over once a lock or the window
 * (`lockoutMinutes` since the first failure) has passed.
 */
export async function reserveAttempt(
  db: Db,
  policy: LockoutPolicy,
  username: string,
  address: string,
): Promise<AttemptTicket> {
  const lockout = sql`make_interval(mins => ${policy.lockoutMinutes})`;
  const t = policy.lockoutThreshold;
  // Whether the stored count is stale: a lock that has ended, or an unlocked window that has passed.
  const isStale = sql`(login_attempts.locked_until is not null and login_attempts.locked_until <= now())
    or (login_attempts.locked_until is null and login_attempts.window_started_at < now() - ${lockout})`;
  const next = sql`case when ${isStale} then 1 else login_attempts.failures + 1 end`;
  const [row] = await selectRows<{ failures: number; locked: boolean }>(
    db,
    sql`insert into login_attempts (username, address, failures, window_started_at, locked_until)
      values (${username}, ${address}, 1, now(), case when 1 >= ${t}::int then now() + ${lockout} end)
      on conflict (username, address) do update set
        failures = ${next},
        window_started_at = case when ${isStale} then now() else login_attempts.window_started_at end,
        locked_until = case
          when ${next} >= ${t}::int then coalesce(case when ${isStale} then null else login_attempts.locked_until end, now() + ${lockout})
          else null end
      returning failures, (failures > ${t}::int) as locked`,
  );
  if (!row) throw new Error('login_attempts upsert returned no row');
  return { username, address, attempt: Number(row.failures), mayVerify: !row.locked };
}

/**
 * After a right password: clears the count only when no other attempt has been counted since this
 * one drew its number (compare-and-set), otherwise takes back only this attempt's own count, so a
 * right password among parallel wrong ones cannot wipe failures it did not see.
 */
export async function settleSuccessfulAttempt(db: Db, ticket: AttemptTicket): Promise<void> {
  await db.execute(
    sql`update login_attempts set
        failures = case when failures = ${ticket.attempt}::int then 0 else greatest(failures - 1, 0) end,
        locked_until = case when failures = ${ticket.attempt}::int then null else locked_until end,
        last_success_at = now()
      where username = ${ticket.username} and address = ${ticket.address}`,
  );
}

/** True when this username has signed in successfully from this address before (skips the per-account limit). */
export async function isKnownAddress(db: Db, username: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ username: loginAttempts.username })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.address, address),
        isNotNull(loginAttempts.lastSuccessAt),
      ),
    );
  return row !== undefined;
}

/** Lifts every lock of a username (an administrator's password reset). */
export async function clearLoginAttempts(db: Db, username: string): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ failures: 0, lockedUntil: null })
    .where(eq(loginAttempts.username, username));
}
