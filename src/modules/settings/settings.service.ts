import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { isMessageKey } from '../../platform/i18n/messages.js';
import { getJurisdictionInScope, type JurisdictionRow } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import {
  type AnySettingHandle,
  jsonSchemaOf,
  type SettingHandle,
  type SettingsRegistry,
  type SettingValue,
} from './settings.registry.js';
import { jurisdictionSettingHistory, jurisdictionSettings } from './settings.tables.js';

/** Where a jurisdiction's value of a setting comes from. */
export type SettingSource = 'own' | 'inherited' | 'default';

export interface ResolvedSetting<T> {
  value: T;
  source: SettingSource;
  /** Code of the jurisdiction whose value applies (itself or an ancestor); null: the default. */
  definedAt: string | null;
}

/** Codes of a jurisdiction and its ancestors, from the root down. */
const codesOf = (path: string) => path.split('/');

/**
 * The values of several settings at a jurisdiction, each its own value, else its nearest
 * ancestor's, else the default (nearest ancestor wins). One query for all of them.
 */
export async function resolveSettings<H extends Record<string, AnySettingHandle>>(
  db: Db,
  jurisdictionPath: string,
  handles: H,
): Promise<{ [K in keyof H]: ResolvedSetting<SettingValue<H[K]>> }> {
  const codes = codesOf(jurisdictionPath);
  const entries = Object.entries(handles);
  // Guard against running an invalid query when no setting is asked for.
  const rows = entries.length
    ? await db
        .select({
          code: jurisdictions.code,
          key: jurisdictionSettings.key,
          value: jurisdictionSettings.value,
        })
        .from(jurisdictionSettings)
        .innerJoin(jurisdictions, eq(jurisdictions.id, jurisdictionSettings.jurisdictionId))
        .where(
          and(
            inArray(
              jurisdictionSettings.key,
              entries.map(([, h]) => h.key),
            ),
            inArray(jurisdictions.code, codes),
          ),
        )
    : [];
  const own = codes[codes.length - 1];
  const result: Record<string, ResolvedSetting<unknown>> = {};
  for (const [name, handle] of entries) {
    // Nearest first; a stored value the schema no longer accepts is passed over, not served.
    const nearest = rows
      .filter((r) => r.key === handle.key && handle.schema.safeParse(r.value).success)
      .sort((a, b) => codes.indexOf(b.code) - codes.indexOf(a.code))[0];
    result[name] = nearest
      ? {
          value: handle.schema.parse(nearest.value),
          source: nearest.code === own ? 'own' : 'inherited',
          definedAt: nearest.code,
        }
      : { value: handle.default, source: 'default', definedAt: null };
  }
  return result as { [K in keyof H]: ResolvedSetting<SettingValue<H[K]>> };
}

/** The value of one setting at a jurisdiction (see resolveSettings). */
export async function resolveSetting<T>(
  db: Db,
  jurisdictionPath: string,
  handle: SettingHandle<T>,
): Promise<ResolvedSetting<T>> {
  return (await resolveSettings(db, jurisdictionPath, { handle })).handle as ResolvedSetting<T>;
}

/** 400 naming the offending field of a value the setting's schema refuses (`value`, `value.x`). */
function invalidValue(error: z.ZodError, field: string): AppError {
  const issue = error.issues[0] as z.core.$ZodIssue;
  const at = [field, ...issue.path.map(String)].join('.');
  switch (issue.code) {
    case 'too_small':
      return new AppError(400, 'setting.too_small', { minimum: String(issue.minimum) }, at);
    case 'too_big':
      return new AppError(400, 'setting.too_big', { maximum: String(issue.maximum) }, at);
    case 'invalid_value':
      return new AppError(400, 'setting.invalid_value', { values: issue.values.join(', ') }, at);
    case 'invalid_type':
      return new AppError(400, 'setting.invalid_type', { expected: issue.expected }, at);
    case 'custom':
      if (isMessageKey(issue.message)) return new AppError(400, issue.message, {}, at);
      return new AppError(400, 'setting.invalid', {}, at);
    default:
      return new AppError(400, 'setting.invalid', {}, at);
  }
}

/** Checks a value against its setting's schema: the parsed value, or 400 naming `field`. */
export function parseSettingValue<T>(handle: SettingHandle<T>, value: unknown, field = 'value'): T {
  const parsed = handle.schema.safeParse(value);
  if (!parsed.success) throw invalidValue(parsed.error, field);
  return parsed.data;
}

/**
 * One change of a jurisdiction's own value: a new value (checked against the setting's schema; a
 * failure names `field`, default `value`), or `reset` to remove it (the jurisdiction inherits again).
 */
export type SettingChange =
  | { setting: AnySettingHandle; value: unknown; field?: string }
  | { setting: AnySettingHandle; reset: true };

/**
 * Writes a jurisdiction's own values of one or more settings in one transaction, with a history row
 * and an audit record per changed setting. Unchanged values are not rewritten. Values are checked
 * against their schemas first (400 naming the field, `value` or `<field>` given per change).
 */
export async function updateSettings(
  db: Db,
  actor: Actor,
  input: {
    /** The jurisdiction, already checked to be in the actor's scope. */
    jurisdiction: Pick<JurisdictionRow, 'id' | 'code' | 'path'>;
    changes: SettingChange[];
    reason: string | null;
  },
): Promise<void> {
  const { jurisdiction, reason } = input;
  // null below: no own value (the jurisdiction inherits).
  const changes = input.changes.map((c) => ({
    setting: c.setting,
    value: 'reset' in c ? null : parseSettingValue(c.setting, c.value, c.field),
  }));
  if (!changes.length) return;
  await db.transaction(async (tx) => {
    const current = await tx
      .select({ key: jurisdictionSettings.key, value: jurisdictionSettings.value })
      .from(jurisdictionSettings)
      .where(
        and(
          eq(jurisdictionSettings.jurisdictionId, jurisdiction.id),
          inArray(
            jurisdictionSettings.key,
            changes.map((c) => c.setting.key),
          ),
        ),
      );
    for (const { setting, value } of changes) {
      const before = current.find((r) => r.key === setting.key);
      const oldValue = before ? before.value : null;
      if (JSON.stringify(oldValue) === JSON.stringify(value)) continue;
      if (value === null) {
        await tx
          .delete(jurisdictionSettings)
          .where(
            and(
              eq(jurisdictionSettings.jurisdictionId, jurisdiction.id),
              eq(jurisdictionSettings.key, setting.key),
            ),
          );
      } else {
        await tx
          .insert(jurisdictionSettings)
          .values({ jurisdictionId: jurisdiction.id, key: setting.key, value, updatedBy: actor.username })
          .onConflictDoUpdate({
            target: [jurisdictionSettings.jurisdictionId, jurisdictionSettings.key],
            set: { value, updatedBy: actor.username, updatedAt: sql`now()` },
          });
      }
      await tx.insert(jurisdictionSettingHistory).values({
        jurisdictionId: jurisdiction.id,
        key: setting.key,
        oldValue,
        newValue: value,
        changedBy: actor.username,
        reason,
      });
      await recordAudit(tx, actor, {
        action: value === null ? 'setting.reset' : 'setting.update',
        targetType: 'jurisdiction_setting',
        targetId: `${jurisdiction.code}:${setting.key}`,
        jurisdictionPath: jurisdiction.path,
        details: { key: setting.key, oldValue, value, reason },
      });
    }
  });
}

/**
 * Sets a jurisdiction's own value of a setting (it applies to it and below unless a lower
 * jurisdiction sets its own). 404 for a jurisdiction outside the actor's scope.
 */
export async function updateSetting<T>(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; setting: SettingHandle<T>; value: unknown; reason: string | null },
): Promise<ResolvedSetting<T>> {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdictionCode);
  await updateSettings(db, actor, {
    jurisdiction,
    changes: [{ setting: input.setting, value: input.value }],
    reason: input.reason,
  });
  return resolveSetting(db, jurisdiction.path, input.setting);
}

/** Removes a jurisdiction's own value: it inherits its nearest ancestor's (or the default) again. */
export async function resetSetting<T>(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; setting: SettingHandle<T>; reason: string | null },
): Promise<ResolvedSetting<T>> {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdictionCode);
  await updateSettings(db, actor, {
    jurisdiction,
    changes: [{ setting: input.setting, reset: true }],
    reason: input.reason,
  });
  return resolveSetting(db, jurisdiction.path, input.setting);
}

const historyColumns = {
  key: jurisdictionSettingHistory.key,
  oldValue: jurisdictionSettingHistory.oldValue,
  newValue: jurisdictionSettingHistory.newValue,
  changedBy: jurisdictionSettingHistory.changedBy,
  changedAt: jurisdictionSettingHistory.changedAt,
  reason: jurisdictionSettingHistory.reason,
};

type HistoryRow = { key: string; changedAt: Date } & Omit<
  { [K in keyof typeof historyColumns]: unknown },
  'key' | 'changedAt'
>;

const toHistoryDto = (r: HistoryRow) => ({
  oldValue: r.oldValue ?? null,
  newValue: r.newValue ?? null,
  changedBy: r.changedBy as string,
  changedAt: r.changedAt.toISOString(),
  reason: (r.reason as string | null) ?? null,
});

/** The changes of a jurisdiction's own value of one setting, newest first. */
export async function listSettingHistory(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; setting: AnySettingHandle },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdictionCode);
  const rows = await db
    .select(historyColumns)
    .from(jurisdictionSettingHistory)
    .where(
      and(
        eq(jurisdictionSettingHistory.jurisdictionId, jurisdiction.id),
        eq(jurisdictionSettingHistory.key, input.setting.key),
      ),
    )
    .orderBy(desc(jurisdictionSettingHistory.changedAt), desc(jurisdictionSettingHistory.id));
  return { jurisdiction: jurisdiction.code, key: input.setting.key, items: rows.map(toHistoryDto) };
}

/** How many changes of each setting the settings page shows inline (the history route has all). */
const RECENT_CHANGES = 5;

/**
 * Every declared setting at a jurisdiction of the actor's scope: the value that applies, where it
 * comes from (own, inherited from which ancestor, default), the jurisdiction's own value, the
 * schema and description, and its latest changes there.
 */
export async function listSettings(
  db: Db,
  actor: Actor,
  registry: SettingsRegistry,
  input: { jurisdictionCode?: string },
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    input.jurisdictionCode ?? actor.jurisdictionCode,
  );
  const handles = await registry.list(db);
  const resolved = await resolveSettings(
    db,
    jurisdiction.path,
    Object.fromEntries(handles.map((h) => [h.key, h])),
  );
  const [names, ownRows, history] = await Promise.all([
    db
      .select({ code: jurisdictions.code, name: jurisdictions.name })
      .from(jurisdictions)
      .where(inArray(jurisdictions.code, codesOf(jurisdiction.path))),
    db
      .select({
        key: jurisdictionSettings.key,
        value: jurisdictionSettings.value,
        updatedBy: jurisdictionSettings.updatedBy,
        updatedAt: jurisdictionSettings.updatedAt,
      })
      .from(jurisdictionSettings)
      .where(eq(jurisdictionSettings.jurisdictionId, jurisdiction.id)),
    db
      .select(historyColumns)
      .from(jurisdictionSettingHistory)
      .where(eq(jurisdictionSettingHistory.jurisdictionId, jurisdiction.id))
      .orderBy(desc(jurisdictionSettingHistory.changedAt), desc(jurisdictionSettingHistory.id)),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    items: handles.map((h) => {
      const r = resolved[h.key] as ResolvedSetting<unknown>;
      const own = ownRows.find((o) => o.key === h.key);
      const changes = history.filter((c) => c.key === h.key);
      return {
        key: h.key,
        module: h.module,
        description: h.description,
        schema: jsonSchemaOf(h),
        default: h.default as unknown,
        value: r.value,
        source: r.source,
        definedAt: r.definedAt ? { code: r.definedAt, name: nameOf.get(r.definedAt) ?? r.definedAt } : null,
        ownValue: own ? own.value : null,
        updatedBy: own?.updatedBy ?? null,
        updatedAt: own?.updatedAt.toISOString() ?? null,
        history: changes.slice(0, RECENT_CHANGES).map(toHistoryDto),
        historyTotal: changes.length,
      };
    }),
  };
}
