import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { type AuditSource, recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import {
  checkPasswordPolicy,
  getDummyHash,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/password.js';
import { isRole, permissionsOf } from '../../platform/auth/permissions.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { delayOfAttempt, reserveAttempt, settleSuccessfulAttempt, waitAtLeast } from './lockout.service.js';
import { archivePasswordHash, isRecentPassword } from './passwords.service.js';
import { sessions, users } from './users.tables.js';

export type SessionPolicy = Pick<
  AppConfig,
  | 'sessionIdleMinutes'
  | 'sessionAbsoluteHours'
  | 'lockoutThreshold'
  | 'lockoutMinutes'
  | 'maxSessionsPerUser'
  | 'loginDelayBaseMs'
  | 'loginDelayMaxMs'
>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Client {
  ip: string;
  userAgent: string | null;
}

/**
 * Signs a user in (ORG-3), decision 0020: the attempt is counted atomically per (username, address)
 * before the password is checked; unknown users, wrong passwords, locked pairs all get the one
 * answer 401 auth.invalid_credentials. A right password ends the session the request came with
 * (fixation) and the user's sessions beyond `maxSessionsPerUser`. Every attempt is audited.
 */
export async function signIn(
  db: Db,
  policy: SessionPolicy,
  client: Client,
  credentials: { username: string; password: string },
  previousToken?: string,
) {
  const username = credentials.username.trim().toLowerCase();
  const ticket = await reserveAttempt(db, policy, username, client.ip);
  // The progressive delay comes before the password is checked, so no answer, right or wrong,
  // arrives sooner than it (an early success would tell a wrong password by its absence).
  const delayMs = await delayOfAttempt(db, policy, ticket);
  await waitAtLeast(delayMs);
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      jurisdictionPath: jurisdictions.path,
    })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(eq(users.username, username));
  const source: AuditSource = {
    userId: user?.id ?? null,
    username,
    ip: client.ip,
    userAgent: client.userAgent,
    jurisdictionPath: user?.jurisdictionPath,
  };
  const target = user ? { targetType: 'user', targetId: user.id } : { jurisdictionPath: null };
  if (!ticket.mayVerify) {
    await recordAudit(db, source, {
      action: 'auth.login',
      outcome: 'denied',
      ...target,
      details: { reason: 'locked', attempt: ticket.attempt, delayMs },
    });
    throw invalidCredentials(policy);
  }
  // An unknown user costs the same argon2 check as a known one (no timing oracle).
  const isRight = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), credentials.password);
  if (!user || !isRight) {
    const isLocking = ticket.attempt >= policy.lockoutThreshold;
    await db.transaction(async (tx) => {
      // Shown in the user list (isLocked); the lock itself is the (username, address) row.
      if (user && isLocking)
        await tx
          .update(users)
          .set({ lockedUntil: new Date(Date.now() + policy.lockoutMinutes * 60_000) })
          .where(eq(users.id, user.id));
      await recordAudit(tx, source, {
        action: 'auth.login',
        outcome: 'failure',
        ...target,
        details: {
          reason: user ? 'wrong_password' : 'unknown_user',
          failures: ticket.attempt,
          locked: isLocking,
          delayMs,
        },
      });
    });
    throw invalidCredentials(policy);
  }
  await settleSuccessfulAttempt(db, ticket);
  if (!user.isActive) {
    await recordAudit(db, source, {
      action: 'auth.login',
      outcome: 'denied',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'inactive' },
    });
    throw new AppError(401, 'auth.inactive');
  }
  const now = new Date();
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, policy, client, user.id, previousToken);
    await recordAudit(tx, source, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      details: { endedSessions: created.endedSessions, delayMs },
    });
    return created;
  });
  return { ...session, userId: user.id };
}

/**
 * Opens a new server-side session for a user who has just proved who they are (a password, or the
 * unified identity service). Call it in the transaction that records the sign-in.
 */
export async function createSession(
  db: Db,
  policy: SessionPolicy,
  client: Client,
  userId: number,
  previousToken?: string,
) {
  const now = new Date();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = hashToken(token);
  // Sweep this user's dead sessions so the table does not grow without bound, and the session the
  // browser came with (a planted or earlier cookie never becomes the signed-in one).
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  if (previousToken) await db.delete(sessions).where(eq(sessions.id, hashToken(previousToken)));
  await db.insert(sessions).values({
    id,
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + policy.sessionAbsoluteHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent,
  });
  // At most maxSessionsPerUser at once: the newest stay (等保 2.0: limit concurrent sessions).
  const ended = await db.execute(
    sql`delete from sessions where user_id = ${userId} and id not in (
      select id from sessions where user_id = ${userId}
      order by created_at desc, (id = ${id}) desc limit ${policy.maxSessionsPerUser})`,
  );
  return { token, csrfToken, endedSessions: affectedRows(ended) };
}

/** The one answer to an unknown user, a wrong password and a locked (username, address) pair. */
function invalidCredentials(policy: SessionPolicy) {
  return new AppError(401, 'auth.invalid_credentials', {
    threshold: policy.lockoutThreshold,
    minutes: policy.lockoutMinutes,
  });
}

function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.affectedRows ?? r.rowCount ?? 0;
}

/**
 * The actor of a session token, or null when the session is unknown, past its absolute end, idle
 * too long, or its user is disabled. Touches last_seen_at at most once a minute.
 */
export async function resolveSession(
  db: Db,
  policy: SessionPolicy,
  token: string,
  client: Client,
): Promise<Actor | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
      mustChangePassword: users.mustChangePassword,
      organisationId: users.organisationId,
      jurisdictionId: jurisdictions.id,
      jurisdictionCode: jurisdictions.code,
      jurisdictionPath: jurisdictions.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(eq(sessions.id, id));
  if (!row?.isActive || !isRole(row.role)) return null;
  const now = Date.now();
  const idleLimit = policy.sessionIdleMinutes * 60_000;
  if (row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > idleLimit) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    permissions: permissionsOf(row.role),
    jurisdictionId: row.jurisdictionId,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionPath: row.jurisdictionPath,
    organisationId: row.organisationId,
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword,
    csrfToken: row.csrfToken,
    ip: client.ip,
    userAgent: client.userAgent,
  };
}

/** Ends the actor's session. */
export async function signOut(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

/**
 * The signed-in person's own name where the account does not store it (a learner's is stored
 * masked, decision 0047): null when the account's display name is its name. Handed in by app.ts.
 */
export type OwnNameSource = (db: Db, actor: Actor) => Promise<string | null>;

/**
 * Who the actor is, for the UI: identity, jurisdiction, organisation, permissions. The name is the
 * person's own (from `ownName`, e.g. a learner's key-post holder, decrypted) when the account keeps
 * only a masked one: shown to that person alone, so it is not a view of someone else's data.
 */
export async function describeActor(db: Db, actor: Actor, ownName?: OwnNameSource) {
  const [row] = await db
    .select({
      mustChangePassword: users.mustChangePassword,
      jurisdictionName: jurisdictions.name,
      jurisdictionLevel: jurisdictions.level,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, actor.userId));
  const name = ownName ? await ownName(db, actor) : null;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: name ?? actor.displayName,
    role: actor.role,
    permissions: [...actor.permissions],
    jurisdiction: {
      code: actor.jurisdictionCode,
      name: row?.jurisdictionName ?? '',
      level: row?.jurisdictionLevel ?? '',
      path: actor.jurisdictionPath,
    },
    organisation: actor.organisationId
      ? { id: actor.organisationId, name: row?.organisationName ?? '' }
      : null,
    mustChangePassword: row?.mustChangePassword ?? false,
    csrfToken: actor.csrfToken,
  };
}

/**
 * Changes the actor's own password: the policy, none of the last `passwordHistory` passwords, and
 * every other session of the user ends (the current one stays signed in).
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  policy: Pick<AppConfig, 'passwordHistory'>,
  input: { currentPassword: string; newPassword: string },
) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, actor, {
      action: 'user.password.change',
      outcome: 'failure',
      targetType: 'user',
      targetId: actor.userId,
    });
    throw badRequest('auth.wrong_current_password', 'currentPassword');
  }
  if (input.currentPassword === input.newPassword) throw badRequest('password.reused', 'newPassword');
  const broken = checkPasswordPolicy(input.newPassword, actor.username);
  if (broken) throw badRequest(broken, 'newPassword');
  if (await isRecentPassword(db, actor.userId, input.newPassword, policy.passwordHistory))
    throw badRequest('password.in_history', 'newPassword', { count: policy.passwordHistory });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await archivePasswordHash(tx, actor.userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId)));
    await recordAudit(tx, actor, {
      action: 'user.password.change',
      targetType: 'user',
      targetId: actor.userId,
    });
  });
}

/** Deletes sessions past their end (run at start-up). */
export async function purgeExpiredSessions(db: Db, policy: SessionPolicy) {
  const idleCutoff = new Date(Date.now() - policy.sessionIdleMinutes * 60_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, idleCutoff)));
}
