import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';

/**
 * A jurisdiction's own value of a setting (参数设置). A jurisdiction without its own value inherits
 * its nearest ancestor's, else the setting's default (settings.service.ts). The keys are declared
 * by the modules that use them (`<module>.settings.ts`).
 */
export const jurisdictionSettings = pgTable(
  'jurisdiction_settings',
  {
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jurisdiction_settings_key').on(t.jurisdictionId, t.key)],
);

/**
 * Every change of a jurisdiction's own value, appended in the transaction of the change: who, when,
 * why, from what to what. A null old value: the jurisdiction inherited before; a null new value: its
 * own value was removed (it inherits again).
 */
export const jurisdictionSettingHistory = pgTable(
  'jurisdiction_setting_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    key: text('key').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    /** Kept as text so the record survives renames, as in the audit log. */
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('jurisdiction_setting_history_key_idx').on(t.jurisdictionId, t.key, t.changedAt)],
);
