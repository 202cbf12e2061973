import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { recordAudit, recordPersonalDataView } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { canGrantRole, crossesAdministratorRoles, type Role } from '../../platform/auth/permissions.js';
import type { Db } from '../../platform/db/client.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { learnerDisplayName } from './learner-accounts.js';
import { clearLoginAttempts } from './lockout.service.js';
import { archivePasswordHash } from './passwords.service.js';
import { sessions, users } from './users.tables.js';

const selection = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  phone: users.phone,
  role: users.role,
  jurisdictionCode: jurisdictions.code,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

function selectUsers(db: Db) {
  return db
    .select(selection)
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .$dynamic();
}

type Row = Awaited<ReturnType<typeof selectUsers>>[number];

function toDto(row: Row, canSeePersonalData: boolean) {
  const { jurisdictionPath: _p, lockedUntil, ...rest } = row;
  // SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042): the mask needs the plaintext.
  const phone = piiCrypto().decrypt(row.phone);
  return {
    ...rest,
    displayName: canSeePersonalData ? row.displayName : (maskName(row.displayName) ?? ''),
    phone: canSeePersonalData ? phone : maskPhone(phone),
    isLocked: lockedUntil !== null && lockedUntil > new Date(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Lists the users of a jurisdiction and those below it, within the actor's scope. */
export async function listUsers(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; role?: Role; search?: string; page: number; pageSize: number },
) {
  const scopePath = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scopePath)];
  if (options.role) conditions.push(eq(users.role, options.role));
  if (options.search) {
    const pattern = containing(options.search);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectUsers(db)
      .where(where)
      .orderBy(asc(jurisdictions.code), asc(users.username))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
      .where(where),
  ]);
  const canSee = actor.permissions.has('personal-data:view');
  if (canSee)
    await recordPersonalDataView(db, actor, {
      targetType: 'user',
      ids: rows.map((r) => r.id),
      fields: ['displayName', 'phone'],
    });
  return { items: rows.map((r) => toDto(r, canSee)), total: Number(total?.n ?? 0) };
}

async function findUserInScope(db: Db, actor: Actor, id: number): Promise<Row> {
  const [row] = await selectUsers(db).where(
    and(eq(users.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)),
  );
  if (!row) throw notFound();
  return row;
}

export async function getUser(db: Db, actor: Actor, id: number) {
  const row = await findUserInScope(db, actor, id);
  const canSee = actor.permissions.has('personal-data:view');
  if (canSee)
    await recordPersonalDataView(db, actor, {
      targetType: 'user',
      ids: [row].map((r) => r.id),
      fields: ['displayName', 'phone'],
    });
  return toDto(row, canSee);
}

/** What is stored as a display name: a learner's is masked (decision 0047), an official's as given. */
const storedDisplayName = (input: { role: Role; displayName: string }) =>
  input.role === 'learner' ? learnerDisplayName(input.displayName) : input.displayName;

interface UserFields {
  displayName: string;
  phone: string | null;
  role: Role;
  jurisdictionCode: string;
  organisationId?: number | null;
  isActive: boolean;
}

async function validateUserFields(db: Db, actor: Actor, input: UserFields) {
  if (!canGrantRole(actor.role, input.role)) throw new AppError(403, 'role.not_grantable', {}, 'role');
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if (input.organisationId) {
    const [org] = await db
      .select({ path: jurisdictions.path })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(eq(organisations.id, input.organisationId));
    // The organisation must sit in the user's jurisdiction or below it.
    if (!org || !isInScope({ jurisdictionPath: jurisdiction.path }, org.path)) {
      throw badRequest('organisation.outside_jurisdiction', 'organisationId');
    }
  }
  return jurisdiction;
}

/** Creates a user in the actor's subtree (an HRSS officer manages its subtree's users). */
export async function createUser(
  db: Db,
  actor: Actor,
  input: UserFields & { username: string; password: string },
) {
  const jurisdiction = await validateUserFields(db, actor, input);
  const broken = checkPasswordPolicy(input.password, input.username);
  if (broken) throw badRequest(broken, 'password');
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  // Two creations at once pass this check; the unique index then answers 409 too (errors.ts).
  if (taken) throw new AppError(409, 'username.taken', {}, 'username');
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        displayName: storedDisplayName(input),
        phone: piiCrypto().encrypt(input.phone),
        role: input.role,
        jurisdictionId: jurisdiction.id,
        organisationId: input.organisationId ?? null,
        isActive: input.isActive,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: { username: input.username, role: input.role, jurisdictionCode: jurisdiction.code },
    });
    return created.id;
  });
  return toDto(await findUserInScope(db, actor, id), actor.permissions.has('personal-data:view'));
}

/** Edits a user of the actor's subtree: role, jurisdiction, organisation, enabled. */
export async function updateUser(db: Db, actor: Actor, id: number, input: UserFields) {
  const before = await findUserInScope(db, actor, id);
  if (!canGrantRole(actor.role, before.role)) throw new AppError(403, 'role.not_grantable', {}, 'role');
  if (id === actor.userId && !input.isActive) throw badRequest('user.self_deactivate', 'isActive');
  // 三员分立: a system, security or audit administrator's account never becomes another of the three.
  if (crossesAdministratorRoles(before.role, input.role))
    throw new AppError(409, 'role.separation_of_duties', {}, 'role');
  const jurisdiction = await validateUserFields(db, actor, input);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        displayName: storedDisplayName(input),
        phone: piiCrypto().encrypt(input.phone),
        role: input.role,
        jurisdictionId: jurisdiction.id,
        organisationId: input.organisationId ?? null,
        isActive: input.isActive,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    // A change of role, scope or status takes effect now: end the user's sessions.
    if (before.role !== input.role || before.jurisdictionCode !== jurisdiction.code || !input.isActive) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await recordAudit(tx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      jurisdictionPath: jurisdiction.path,
      details: {
        role: before.role === input.role ? undefined : { from: before.role, to: input.role },
        jurisdictionCode:
          before.jurisdictionCode === jurisdiction.code
            ? undefined
            : { from: before.jurisdictionCode, to: jurisdiction.code },
        isActive: before.isActive === input.isActive ? undefined : input.isActive,
      },
    });
  });
  return toDto(await findUserInScope(db, actor, id), actor.permissions.has('personal-data:view'));
}

/** Sets a temporary password (and unlocks): the user must change it at next sign-in. */
export async function resetUserPassword(db: Db, actor: Actor, id: number, newPassword: string) {
  const user = await findUserInScope(db, actor, id);
  if (!canGrantRole(actor.role, user.role)) throw new AppError(403, 'role.not_grantable', {}, 'role');
  const broken = checkPasswordPolicy(newPassword, user.username);
  if (broken) throw badRequest(broken, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await archivePasswordHash(tx, id);
    await clearLoginAttempts(tx, user.username);
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'user.password.reset',
      targetType: 'user',
      targetId: id,
      jurisdictionPath: user.jurisdictionPath,
    });
  });
}

/**
 * Creates a user from the server's console (`tsx src/cli.ts user create …`): how the first
 * administrator of a server-mode deployment comes to exist. The operator chose the password (read
 * from a prompt or YUFANG_USER_PASSWORD, never argv), so no change is forced; the policy applies.
 */
export async function createUserFromConsole(
  db: Db,
  input: { username: string; password: string; role: Role; jurisdictionCode: string; displayName: string },
) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username))
    throw badRequest('validation.failed', 'username', { detail: '3 to 32 of a-z, 0-9, . _ -' });
  const broken = checkPasswordPolicy(input.password, username);
  if (broken) throw badRequest(broken, 'password');
  const [jurisdiction] = await db
    .select({ id: jurisdictions.id, path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.jurisdictionCode));
  if (!jurisdiction) throw badRequest('not_found', 'jurisdiction');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username,
        passwordHash,
        displayName: storedDisplayName(input),
        role: input.role,
        jurisdictionId: jurisdiction.id,
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(
      tx,
      { userId: null, username: 'console', ip: 'local', userAgent: 'yufang cli' },
      {
        action: 'user.create',
        targetType: 'user',
        targetId: created.id,
        jurisdictionPath: jurisdiction.path,
        details: { username, role: input.role, jurisdictionCode: input.jurisdictionCode, via: 'console' },
      },
    );
    return { id: created.id, username };
  });
}

/**
 * Demo accounts still holding the published demo password must choose a new one at next sign-in:
 * run at start-up when a demo server is reachable from other hosts (HOST not loopback).
 */
export async function requireDemoPasswordChange(db: Db, usernames: readonly string[], demoPassword: string) {
  const rows = await db
    .select({ id: users.id, username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.username, [...usernames]));
  const flagged: string[] = [];
  for (const row of rows) {
    if (!(await verifyPassword(row.passwordHash, demoPassword))) continue;
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, row.id));
    flagged.push(row.username);
  }
  return flagged;
}
