import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Permission } from '../../platform/auth/permissions.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { apiTokens, users } from './users.tables.js';

/** What a token may do: submit its unit's domains and read its batches, nothing else. */
export const TOKEN_PERMISSIONS: readonly Permission[] = ['exchange:submit', 'exchange:read'];
export const TOKEN_PREFIX = 'yf_';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The actor of a bearer token, or null when unknown, revoked or expired. Touches last_used_at hourly. */
export async function resolveApiToken(
  db: Db,
  token: string,
  client: { ip: string; userAgent: string | null },
): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdByUserId: apiTokens.createdByUserId,
      organisationId: organisations.id,
      jurisdictionId: jurisdictions.id,
      jurisdictionCode: jurisdictions.code,
      jurisdictionPath: jurisdictions.path,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 3_600_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return {
    userId: row.createdByUserId,
    username: `api-token:${row.name}`,
    displayName: row.name,
    role: 'member_officer',
    permissions: new Set(TOKEN_PERMISSIONS),
    jurisdictionId: row.jurisdictionId,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionPath: row.jurisdictionPath,
    organisationId: row.organisationId,
    sessionId: `token:${row.id}`,
    mustChangePassword: false,
    csrfToken: '',
    ip: client.ip,
    userAgent: client.userAgent,
    isToken: true,
  };
}

const selection = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  organisationId: apiTokens.organisationId,
  organisationName: organisations.name,
  jurisdictionCode: jurisdictions.code,
  createdBy: users.username,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

function selectTokens(db: Db) {
  return db
    .select(selection)
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .innerJoin(users, eq(users.id, apiTokens.createdByUserId))
    .$dynamic();
}

function toDto(row: Awaited<ReturnType<typeof selectTokens>>[number]) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Tokens of the member units in the actor's scope, newest first. */
export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await selectTokens(db)
    .where(withinScope(jurisdictions.path, actor.jurisdictionPath))
    .orderBy(desc(apiTokens.id));
  return { items: rows.map(toDto), total: rows.length };
}

/**
 * Issues a token to a member unit of the actor's scope; the secret is returned this once only (the
 * table keeps its SHA-256). It expires after `expiresInDays`, by default the configured lifetime.
 */
export async function issueApiToken(
  db: Db,
  actor: Actor,
  policy: Pick<AppConfig, 'apiTokenDefaultDays' | 'apiTokenMaxDays'>,
  input: { organisationId: number; name: string; expiresInDays?: number },
) {
  const days = input.expiresInDays ?? policy.apiTokenDefaultDays;
  if (days > policy.apiTokenMaxDays)
    throw badRequest('token.max_days', 'expiresInDays', { max: policy.apiTokenMaxDays });
  const [org] = await db
    .select({ id: organisations.id, kind: organisations.kind, path: jurisdictions.path })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        eq(organisations.id, input.organisationId),
        withinScope(jurisdictions.path, actor.jurisdictionPath),
      ),
    );
  // Out of scope answers like unknown (404); a known organisation of the wrong kind is a field error.
  if (!org) throw notFound();
  if (org.kind !== 'member_department') throw badRequest('token.member_unit_only', 'organisationId');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  // Every token expires (decision 0020): a forgotten one stops working on its own.
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        organisationId: org.id,
        createdByUserId: actor.userId,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'api-token.issue',
      targetType: 'api_token',
      targetId: created.id,
      jurisdictionPath: org.path,
      details: { name: input.name, organisationId: org.id, expiresAt: expiresAt.toISOString() },
    });
    return created.id;
  });
  const [row] = await selectTokens(db).where(eq(apiTokens.id, id));
  if (!row) throw notFound();
  return { ...toDto(row), token };
}

/** Revokes a token of the actor's scope at once. */
export async function revokeApiToken(db: Db, actor: Actor, id: number) {
  const [row] = await selectTokens(db).where(
    and(eq(apiTokens.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)),
  );
  if (!row) throw notFound();
  await db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await recordAudit(tx, actor, {
      action: 'api-token.revoke',
      targetType: 'api_token',
      targetId: id,
      details: { name: row.name },
    });
  });
  const [after] = await selectTokens(db).where(eq(apiTokens.id, id));
  return toDto(after ?? row);
}
