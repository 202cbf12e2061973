import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSettings, updateSettings } from '../settings/settings.service.js';
import { DUE_SETTING_KEYS, DUE_SETTINGS, type DueSettingKey } from './joint-meeting.settings.js';

/** Overdue: not closed and the deadline has passed (the deadline day itself is still in time). */
export function isOverdue(deadline: string, isClosed: boolean, now: Date): boolean {
  return !isClosed && deadline < today(now);
}

/** 409 naming the current state: the transition is not allowed and nothing changed. */
export function illegalTransition(state: string, action: string): AppError {
  return new AppError(409, 'workflow.illegal_transition', { state, action });
}

export function assertState<S extends string>(state: S, allowed: readonly S[], action: string): void {
  if (!allowed.includes(state)) throw illegalTransition(state, action);
}

/** The due dates that apply at a jurisdiction: its own, else the nearest ancestor's, else the default. */
export function resolveDueDates(db: Db, path: string) {
  return resolveSettings(db, path, DUE_SETTINGS);
}

/** A member department of the jurisdiction (成员单位), or 400 on `field`. */
export async function requireMemberUnit(
  db: Db,
  jurisdictionId: number,
  organisationId: number,
  field: string,
) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, department: organisations.department })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, organisationId),
        eq(organisations.jurisdictionId, jurisdictionId),
        eq(organisations.kind, 'member_department'),
      ),
    );
  if (!org) throw badRequest('workflow.not_member_unit', field);
  return org;
}

/** Convener or superior: sees every unit's items; a member unit sees only its own. */
export function seesAllUnits(actor: Actor): boolean {
  return actor.permissions.has('meetings:manage');
}

/** The due dates that apply at a jurisdiction of the actor's scope. */
export async function getDueDates(db: Db, actor: Actor, jurisdictionCode: string | undefined) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  const resolved = await resolveDueDates(db, j.path);
  return {
    jurisdiction: { code: j.code, name: j.name },
    settings: DUE_SETTING_KEYS.map((key) => ({
      key,
      value: resolved[key].value,
      definedAt: resolved[key].definedAt,
    })),
  };
}

/** Sets a jurisdiction's own due date (it applies below it unless a subordinate sets its own). */
export async function updateDueDate(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; key: DueSettingKey; value: string; reason?: string },
) {
  const j = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  await updateSettings(db, actor, {
    jurisdiction: j,
    changes: [{ setting: DUE_SETTINGS[input.key], value: input.value }],
    reason: input.reason ?? null,
  });
  return getDueDates(db, actor, j.code);
}
