import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

export const ZSettingKey = z
  .string()
  .min(1)
  .max(200)
  .describe('A declared setting’s key, e.g. monitoring.injuryThreshold or targets:2021-2025');

export const ZSettingParams = z.object({ jurisdiction: ZJurisdictionCode, key: ZSettingKey });

const ZSource = z
  .enum(['own', 'inherited', 'default'])
  .describe('own: set by this jurisdiction; inherited: by an ancestor (definedAt); default: nobody sets it');

export const ZSettingChangeRecord = z
  .object({
    oldValue: z.unknown().describe('The jurisdiction’s own value before; null: it inherited'),
    newValue: z.unknown().describe('Its own value after; null: removed, it inherits again'),
    changedBy: z.string().describe('Username of who changed it'),
    changedAt: z.string().describe('When (ISO 8601)'),
    reason: z.string().nullable().describe('Why, as given'),
  })
  .meta({ id: 'SettingChange' });

export const ZSettingItem = z
  .object({
    key: ZSettingKey,
    module: z.string().describe('The module that declares and uses the setting'),
    description: z.object({ zh: z.string(), en: z.string() }).describe('What the setting means'),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the value: the form picks its input'),
    default: z.unknown().describe('The value when no jurisdiction up the tree sets one'),
    value: z.unknown().describe('The value that applies at the jurisdiction'),
    source: ZSource,
    definedAt: z
      .object({ code: z.string(), name: z.string() })
      .nullable()
      .describe('The jurisdiction whose value applies; null: the default'),
    ownValue: z.unknown().describe('This jurisdiction’s own value; null: it has none'),
    updatedBy: z.string().nullable().describe('Who last set the own value'),
    updatedAt: z.string().nullable().describe('When the own value was last set (ISO 8601)'),
    history: z.array(ZSettingChangeRecord).describe('The latest changes of the own value, newest first'),
    historyTotal: z.number().int().describe('How many changes there are in all'),
  })
  .meta({ id: 'SettingItem' });

export const ZSettingList = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string() }),
    items: z.array(ZSettingItem),
  })
  .meta({ id: 'SettingList' });

export const ZSettingValueInput = z.object({
  value: z.unknown().describe('The new value; it must satisfy the setting’s schema'),
  reason: z.string().trim().min(2).max(500).describe('Why (kept in the history and the audit trail)'),
});

export const ZSettingResetInput = z.object({
  reason: z.string().trim().min(2).max(500).describe('Why (kept in the history and the audit trail)'),
});

export const ZResolvedSetting = z
  .object({
    key: ZSettingKey,
    value: z.unknown().describe('The value that applies now'),
    source: ZSource,
    definedAt: z
      .string()
      .nullable()
      .describe('Code of the jurisdiction whose value applies; null: the default'),
  })
  .meta({ id: 'ResolvedSetting' });

export const ZSettingHistory = z
  .object({
    jurisdiction: z.string(),
    key: ZSettingKey,
    items: z.array(ZSettingChangeRecord).describe('Newest first'),
  })
  .meta({ id: 'SettingHistory' });
