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
import { sessions, users } from './users.tables.js';

export type SessionPolicy = Pick<
  AppConfig,
  'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'lockoutThreshold' | 'lockoutMinutes'
>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Client {
  ip: string;
  userAgent: string | null;
}

/**
 * Signs a user in (ORG-3): argon2id verification, lockout after repeated failures, a new server-side
 * session. Every attempt is audited. Returns the cookie token and the CSRF token.
 */
export async function signIn(
  db: Db,
  policy: SessionPolicy,
  client: Client,
  credentials: { username: string; password: string },
) {
  const username = credentials.username.trim().toLowerCase();
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      failedLoginCount: users.failedLoginCount,
      lockedUntil: users.lockedUntil,
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
  if (!user) {
    await verifyPassword(await getDummyHash(), credentials.password);
    await recordAudit(db, source, {
      action: 'auth.login',
      outcome: 'failure',
      jurisdictionPath: null,
      details: { reason: 'unknown_user' },
    });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, source, {
      action: 'auth.login',
      outcome: 'denied',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'locked' },
    });
    throw new AppError(423, 'auth.locked', {
      minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
    });
  }
  if (!(await verifyPassword(user.passwordHash, credentials.password))) {
    const failures = user.failedLoginCount + 1;
    const isLocking = failures >= policy.lockoutThreshold;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(
          isLocking
            ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) }
            : { failedLoginCount: failures },
        )
        .where(eq(users.id, user.id));
      await recordAudit(tx, source, {
        action: 'auth.login',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'wrong_password', failures, locked: isLocking },
      });
    });
    if (isLocking) throw new AppError(423, 'auth.locked', { minutes: policy.lockoutMinutes });
    throw new AppError(401, 'auth.invalid_credentials');
  }
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
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, policy, client, user.id);
    await recordAudit(tx, source, { action: 'auth.login', targetType: 'user', targetId: user.id });
    return created;
  });
  return { ...session, userId: user.id };
}

/**
 * Opens a new server-side session for a user who has just proved who they are (a password, or the
 * unified identity service). Call it in the transaction that records the sign-in.
 */
export async function createSession(db: Db, policy: SessionPolicy, client: Client, userId: number) {
  const now = new Date();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // Sweep this user's dead sessions so the table does not grow without bound.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + policy.sessionAbsoluteHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { token, csrfToken };
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

/** Who the actor is, for the UI: identity, jurisdiction, organisation, permissions. */
export async function describeActor(db: Db, actor: Actor) {
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
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
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

/** Changes the actor's own password; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
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
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
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
