import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
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

/** Whether a stored count is stale: a lock that has ended, or an unlocked window that has passed. */
function isStaleCount(policy: Pick<LockoutPolicy, 'lockoutMinutes'>): SQL {
  const lockout = sql`make_interval(mins => ${policy.lockoutMinutes})`;
  return sql`((login_attempts.locked_until is not null and login_attempts.locked_until <= now())
    or (login_attempts.locked_until is null and login_attempts.window_started_at < now() - ${lockout}))`;
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
  const isStale = isStaleCount(policy);
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

export interface DelayPolicy extends Pick<LockoutPolicy, 'lockoutMinutes'> {
  /** The first delay, after one failure (0: no delay). */
  loginDelayBaseMs: number;
  loginDelayMaxMs: number;
}

/** base × 2^(n−1) ms after n failures, at most the cap; none before the first failure. */
export const delayAfter = (failures: number, policy: DelayPolicy): number =>
  failures <= 0 || policy.loginDelayBaseMs <= 0
    ? 0
    : Math.min(policy.loginDelayBaseMs * 2 ** Math.min(failures - 1, 30), policy.loginDelayMaxMs);

/**
 * The failures counted for an attempt's delay: of its address (any username), of its username (any
 * address), and whether the pair has signed in before. The primary key (username, address) finds
 * the username's rows, `login_attempts_address_idx` the address's (a bitmap OR of the two).
 */
export function countsForDelay(policy: Pick<DelayPolicy, 'lockoutMinutes'>, ticket: AttemptTicket): SQL {
  const { username, address } = ticket;
  return sql`select
        coalesce(sum(failures) filter (where address = ${address}), 0)::int as "byAddress",
        coalesce(sum(failures) filter (where username = ${username}), 0)::int as "byAccount",
        coalesce(bool_or(last_success_at is not null) filter (where username = ${username} and address = ${address}), false) as "isKnown"
      from login_attempts
      where (address = ${address} or username = ${username}) and not ${isStaleCount(policy)}`;
}

/**
 * The progressive delay of a reserved attempt (issue 13): n failures counted before it make its
 * answer wait `delayAfter(n)`, where n is the larger of the failures from this address (any
 * username: one address spraying many accounts) and of this username (any address: many addresses
 * on one account), and at least its own pair's. An address the user has signed in from before does
 * not pay for the account's failures from elsewhere, as with the per-account rate limit (decision
 * 0020). Unknown and existing usernames are counted alike, so the delay tells nothing either.
 * Counts include attempts still in flight (they count as failed until proven right).
 */
export async function delayOfAttempt(db: Db, policy: DelayPolicy, ticket: AttemptTicket): Promise<number> {
  if (policy.loginDelayBaseMs <= 0) return 0;
  const [row] = await selectRows<{ byAddress: number; byAccount: number; isKnown: boolean }>(
    db,
    countsForDelay(policy, ticket),
  );
  // The sums include this attempt's own count: the failures before it are one fewer.
  const counted = Math.max(
    ticket.attempt,
    Number(row?.byAddress ?? 0),
    row?.isKnown ? 0 : Number(row?.byAccount ?? 0),
  );
  return delayAfter(counted - 1, policy);
}

/** Waits at least `ms` by the monotonic clock (a timer may fire a fraction of a millisecond early). */
export async function waitAtLeast(ms: number): Promise<void> {
  const end = performance.now() + ms;
  for (let left = ms; left > 0; left = end - performance.now()) await sleep(Math.ceil(left));
}
