import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { type AuditSource, recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { OidcClient } from '../../platform/auth/oidc.client.js';
import type { OidcConfig } from '../../platform/auth/oidc.config.js';
import { getDummyHash, verifyPassword } from '../../platform/auth/password.js';
import { canGrantRole } from '../../platform/auth/permissions.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { resolveSetting } from '../settings/settings.service.js';
import { OIDC_SETTINGS } from './oidc.settings.js';
import { type Client, createSession, type SessionPolicy } from './session.service.js';
import { oidcSignInRequests, userIdentities, users } from './users.tables.js';

/** How long a sign-in at the identity service may take before its state is void. */
const REQUEST_MINUTES = 10;

const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

/** A local path to return to after sign-in; anything else (another host, `//x`) becomes `/`. */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return '/';
  return value.startsWith('/api/') ? '/' : value;
}

/**
 * Starts a sign-in at the unified identity service (ORG-5): keeps the PKCE verifier and nonce under
 * the hash of a fresh state, and returns the authorization URL and the state for the browser cookie.
 */
export async function startOidcSignIn(db: Db, oidc: OidcClient, options: { returnTo?: string }) {
  const authorization = await oidc.authorize();
  const now = new Date();
  await db.delete(oidcSignInRequests).where(lt(oidcSignInRequests.expiresAt, now));
  await db.insert(oidcSignInRequests).values({
    id: hashOf(authorization.state),
    codeVerifier: authorization.codeVerifier,
    nonce: authorization.nonce,
    returnTo: safeReturnPath(options.returnTo),
    expiresAt: new Date(now.getTime() + REQUEST_MINUTES * 60_000),
  });
  return { url: authorization.url, state: authorization.state };
}

/**
 * Completes a sign-in at the identity service: the state of the callback must equal the browser's
 * state cookie and name an unused, unexpired request; the code is redeemed once with its PKCE
 * verifier; the ID token is verified; the configured claim names a linked, active local user, whose
 * own role and jurisdiction the new session carries. Every outcome is audited.
 */
export async function finishOidcSignIn(
  db: Db,
  oidc: OidcClient,
  policy: SessionPolicy,
  client: Client,
  input: { callbackUrl: URL; stateCookie: string | undefined },
) {
  const source: AuditSource = { ip: client.ip, userAgent: client.userAgent };
  const refuse = async (
    error: AppError,
    reason: string,
    extra: Record<string, unknown> = {},
    userId?: number,
  ) => {
    await recordAudit(db, userId ? { ...source, userId } : source, {
      action: 'auth.login',
      outcome: error.statusCode === 403 ? 'denied' : 'failure',
      jurisdictionPath: null,
      ...(userId ? { targetType: 'user', targetId: userId } : {}),
      details: { method: 'oidc', reason, ...extra },
    });
    return error;
  };
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  if (!state || state !== input.stateCookie)
    throw await refuse(badRequest('oidc.state', 'state'), 'state_mismatch');
  // Deleting the request consumes it: a second callback with the same state finds nothing.
  const [request] = await db
    .delete(oidcSignInRequests)
    .where(eq(oidcSignInRequests.id, hashOf(state)))
    .returning();
  if (!request || request.expiresAt <= new Date())
    throw await refuse(badRequest('oidc.state', 'state'), request ? 'state_expired' : 'state_unknown');
  const errorParam = input.callbackUrl.searchParams.get('error');
  if (errorParam)
    throw await refuse(new AppError(401, 'oidc.denied'), 'provider_error', {
      error: errorParam.slice(0, 100),
    });

  let identity: Awaited<ReturnType<OidcClient['redeem']>>;
  try {
    identity = await oidc.redeem(input.callbackUrl, {
      state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
    });
  } catch (error) {
    throw await refuse(new AppError(401, 'oidc.failed'), 'token_rejected', describeFailure(error));
  }

  const { config } = oidc;
  const value = identity.claims[config.linkClaim];
  if (typeof value !== 'string' && typeof value !== 'number')
    throw await refuse(
      new AppError(401, 'oidc.claim_missing', { claim: config.linkClaim }),
      'claim_missing',
      {
        claim: config.linkClaim,
      },
    );
  const subject = String(value);
  const [linked] = await db
    .select({
      identityId: userIdentities.id,
      userId: users.id,
      username: users.username,
      isActive: users.isActive,
      jurisdictionPath: jurisdictions.path,
    })
    .from(userIdentities)
    .leftJoin(users, eq(users.id, userIdentities.userId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(and(eq(userIdentities.issuer, config.issuer), eq(userIdentities.subject, subject)));

  if (!linked?.userId) {
    if (config.unknownIdentity === 'queue') {
      const hint = identity.claims.name ?? identity.claims.preferred_username;
      await db
        .insert(userIdentities)
        .values({
          issuer: config.issuer,
          subject,
          displayHint: typeof hint === 'string' ? hint.slice(0, 100) : null,
        })
        .onConflictDoNothing();
      throw await refuse(new AppError(403, 'oidc.pending'), 'identity_queued', { subject });
    }
    throw await refuse(new AppError(403, 'oidc.unknown_identity'), 'unknown_identity', { subject });
  }
  const userSource = {
    ...source,
    userId: linked.userId,
    username: linked.username,
    jurisdictionPath: linked.jurisdictionPath ?? undefined,
  };
  if (!linked.isActive) {
    await recordAudit(db, userSource, {
      action: 'auth.login',
      outcome: 'denied',
      targetType: 'user',
      targetId: linked.userId,
      details: { method: 'oidc', reason: 'inactive' },
    });
    throw new AppError(401, 'auth.inactive');
  }
  const userId = linked.userId;
  const now = new Date();
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
    await tx
      .update(userIdentities)
      .set({ lastSignInAt: now })
      .where(eq(userIdentities.id, linked.identityId));
    const created = await createSession(tx, policy, client, userId);
    await recordAudit(tx, userSource, {
      action: 'auth.login',
      targetType: 'user',
      targetId: userId,
      details: { method: 'oidc', issuer: config.issuer },
    });
    return created;
  });
  return { ...session, userId, returnTo: request.returnTo };
}

/**
 * What failed, for the audit trail: the library's messages name the check (the `aud` claim, the JWS
 * signature, `invalid_grant`), never a token or a secret.
 */
function describeFailure(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { error: 'unknown' };
  const failure: Record<string, string> = { error: error.message.slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') failure.code = code.slice(0, 100);
  if (error.cause instanceof Error) failure.cause = error.cause.message.slice(0, 200);
  return failure;
}

/**
 * Refuses a local password sign-in of a user linked to a unified identity where the user's
 * jurisdiction turned off local passwords for linked users. Answers as a wrong password does (after
 * the same hashing work), so the refusal tells nothing about the account.
 */
export async function refuseLocalPasswordIfUnified(
  db: Db,
  config: OidcConfig | null,
  client: Client,
  credentials: { username: string; password: string },
) {
  if (!config) return;
  const username = credentials.username.trim().toLowerCase();
  const [row] = await db
    .select({ userId: users.id, jurisdictionPath: jurisdictions.path })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .innerJoin(
      userIdentities,
      and(eq(userIdentities.userId, users.id), eq(userIdentities.issuer, config.issuer)),
    )
    .where(eq(users.username, username));
  if (!row) return;
  const allowed = await resolveSetting(db, row.jurisdictionPath, OIDC_SETTINGS.localPasswordWhenLinked);
  if (allowed.value) return;
  await verifyPassword(await getDummyHash(), credentials.password);
  await recordAudit(
    db,
    {
      userId: row.userId,
      username,
      ip: client.ip,
      userAgent: client.userAgent,
      jurisdictionPath: row.jurisdictionPath,
    },
    {
      action: 'auth.login',
      outcome: 'denied',
      targetType: 'user',
      targetId: row.userId,
      details: { reason: 'local_password_disabled' },
    },
  );
  throw new AppError(401, 'auth.invalid_credentials');
}

const identityColumns = {
  id: userIdentities.id,
  issuer: userIdentities.issuer,
  subject: userIdentities.subject,
  userId: userIdentities.userId,
  displayHint: userIdentities.displayHint,
  createdAt: userIdentities.createdAt,
  linkedAt: userIdentities.linkedAt,
  lastSignInAt: userIdentities.lastSignInAt,
};

type IdentityRow = {
  id: number;
  issuer: string;
  subject: string;
  userId: number | null;
  displayHint: string | null;
  createdAt: Date;
  linkedAt: Date | null;
  lastSignInAt: Date | null;
};

function toIdentityDto(row: IdentityRow) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    linkedAt: row.linkedAt?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** A user of the actor's subtree whose sign-in the actor may manage (roles it may grant), or 404/403. */
async function findManagedUser(db: Db, actor: Actor, userId: number, { isChange }: { isChange: boolean }) {
  const [user] = await db
    .select({ id: users.id, role: users.role, jurisdictionPath: jurisdictions.path })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(and(eq(users.id, userId), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!user) throw notFound();
  if (isChange && !canGrantRole(actor.role, user.role)) throw new AppError(403, 'role.not_grantable');
  return user;
}

/** The unified identities linked to a user of the actor's scope. */
export async function listUserIdentities(db: Db, actor: Actor, userId: number) {
  await findManagedUser(db, actor, userId, { isChange: false });
  const rows = await db
    .select(identityColumns)
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.id));
  return { items: rows.map(toIdentityDto), total: rows.length };
}

/**
 * Links the identity whose linking claim is `subject` to a user of the actor's scope (audited). A
 * queued identity with that subject is linked in place. The user keeps its own role and scope.
 */
export async function linkUserIdentity(
  db: Db,
  config: OidcConfig | null,
  actor: Actor,
  userId: number,
  input: { subject: string },
) {
  if (!config) throw badRequest('oidc.not_configured');
  const user = await findManagedUser(db, actor, userId, { isChange: true });
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: userIdentities.id, userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, config.issuer), eq(userIdentities.subject, input.subject)));
    if (existing?.userId) throw new AppError(409, 'identity.linked_elsewhere', {}, 'subject');
    const [own] = await tx
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, config.issuer), eq(userIdentities.userId, userId)));
    if (own) throw new AppError(409, 'identity.user_has_one', {}, 'subject');
    const now = new Date();
    const values = { userId, linkedAt: now, linkedByUserId: actor.userId };
    const [row] = existing
      ? await tx
          .update(userIdentities)
          .set(values)
          .where(eq(userIdentities.id, existing.id))
          .returning(identityColumns)
      : await tx
          .insert(userIdentities)
          .values({ issuer: config.issuer, subject: input.subject, ...values })
          .returning(identityColumns);
    if (!row) throw new Error('identity write returned nothing');
    await recordAudit(tx, actor, {
      action: 'user.identity.link',
      targetType: 'user',
      targetId: userId,
      jurisdictionPath: user.jurisdictionPath,
      details: { identityId: row.id, issuer: config.issuer, subject: input.subject, wasQueued: !!existing },
    });
    return toIdentityDto(row);
  });
}

/** Removes a user's link to a unified identity (audited); the user can no longer sign in through it. */
export async function unlinkUserIdentity(db: Db, actor: Actor, userId: number, identityId: number) {
  const user = await findManagedUser(db, actor, userId, { isChange: true });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(userIdentities)
      .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)))
      .returning(identityColumns);
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: 'user.identity.unlink',
      targetType: 'user',
      targetId: userId,
      jurisdictionPath: user.jurisdictionPath,
      details: { identityId, issuer: row.issuer, subject: row.subject },
    });
  });
}

/**
 * Identities that signed in at the identity service but are linked to no user yet (queued when the
 * deployment queues unknown identities). They carry no jurisdiction until linked and the identity
 * service serves a whole province, so only user managers of a province (or the national level) see
 * the queue; linking still needs a user in the manager's own scope.
 */
export async function listPendingIdentities(db: Db, config: OidcConfig | null, actor: Actor) {
  const isProvinceOrAbove = actor.jurisdictionPath.split('/').length <= 2;
  if (!config || !isProvinceOrAbove) return { items: [], total: 0 };
  const rows = await db
    .select(identityColumns)
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, config.issuer), isNull(userIdentities.userId)))
    .orderBy(asc(userIdentities.createdAt))
    .limit(500);
  return { items: rows.map(toIdentityDto), total: rows.length };
}
