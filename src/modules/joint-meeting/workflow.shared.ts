import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { jurisdictionSettings } from '../enterprises/enterprises.tables.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

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

/** Due dates that vary by jurisdiction (MM-DD), inherited from the nearest ancestor that sets one. */
export const DUE_SETTINGS = {
  /** 成员单位年度报告 (JM-5): when member units' yearly reports are due. */
  'jm.memberReportDue': '11-30',
  /** 地市年度实施情况报告 → 省 (J: 12月20日前). */
  'jm.prefectureReportDue': '12-20',
  /** 省年度实施情况报告 → 人社部 (12月31日前). */
  'jm.provinceReportDue': '12-31',
} as const;
export type DueSettingKey = keyof typeof DUE_SETTINGS;
export const DUE_SETTING_KEYS = Object.keys(DUE_SETTINGS) as DueSettingKey[];

const ancestorsOf = (path: string) => path.split('/');

/** The due dates that apply at a jurisdiction: its own, else the nearest ancestor's, else the default. */
export async function resolveDueDates(
  db: Db,
  path: string,
): Promise<Record<DueSettingKey, { value: string; definedAt: string | null }>> {
  const codes = ancestorsOf(path);
  const rows = await db
    .select({ code: jurisdictions.code, key: jurisdictionSettings.key, value: jurisdictionSettings.value })
    .from(jurisdictionSettings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionSettings.jurisdictionId))
    .where(and(inArray(jurisdictionSettings.key, DUE_SETTING_KEYS), inArray(jurisdictions.code, codes)));
  const result = {} as Record<DueSettingKey, { value: string; definedAt: string | null }>;
  for (const key of DUE_SETTING_KEYS) {
    const nearest = rows
      .filter((r) => r.key === key)
      .sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
    result[key] = nearest
      ? { value: String(nearest.value), definedAt: nearest.code }
      : { value: DUE_SETTINGS[key], definedAt: null };
  }
  return result;
}

export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(`2024-${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === value;
}

export function assertMonthDay(value: string, field: string): void {
  if (!isMonthDay(value)) throw badRequest('setting.month_day', field);
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
    settings: DUE_SETTING_KEYS.map((key) => ({ key, ...resolved[key] })),
  };
}

/** Sets a jurisdiction's own due date (it applies below it unless a subordinate sets its own). */
export async function updateDueDate(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; key: DueSettingKey; value: string; reason?: string },
) {
  const j = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  assertMonthDay(input.value, 'value');
  await db.transaction(async (tx) => {
    await tx
      .insert(jurisdictionSettings)
      .values({ jurisdictionId: j.id, key: input.key, value: input.value, updatedBy: actor.username })
      .onConflictDoUpdate({
        target: [jurisdictionSettings.jurisdictionId, jurisdictionSettings.key],
        set: { value: input.value, updatedBy: actor.username, updatedAt: sql`now()` },
      });
    await recordAudit(tx, actor, {
      action: 'setting.update',
      targetType: 'jurisdiction_setting',
      targetId: `${j.code}:${input.key}`,
      jurisdictionPath: j.path,
      details: { key: input.key, value: input.value, reason: input.reason ?? null },
    });
  });
  return getDueDates(db, actor, j.code);
}
