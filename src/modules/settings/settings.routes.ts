import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import type { SettingsRegistry } from './settings.registry.js';
import {
  ZResolvedSetting,
  ZSettingHistory,
  ZSettingList,
  ZSettingParams,
  ZSettingResetInput,
  ZSettingValueInput,
} from './settings.schema.js';
import { listSettingHistory, listSettings, resetSetting, updateSetting } from './settings.service.js';

const tags = ['settings'];

export async function settingsRoutes(
  app: FastifyInstance,
  { db, settings }: { db: Db; settings: SettingsRegistry },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** A declared setting by key; an undeclared key answers 404 like an unknown record. */
  const settingOf = async (key: string) => {
    const setting = await settings.find(db, key);
    if (!setting) throw notFound();
    return setting;
  };

  r.get(
    '/api/settings',
    {
      schema: {
        tags,
        summary:
          'Every setting at a jurisdiction: the value that applies, where it comes from (own, inherited, default), its history',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZSettingList, ...errorResponses },
      },
      onRequest: requirePermission('settings:read'),
    },
    async (req) => listSettings(db, actorOf(req), settings, { jurisdictionCode: req.query.jurisdiction }),
  );
  r.put(
    '/api/settings/:jurisdiction/:key',
    {
      schema: {
        tags,
        summary: 'Set a jurisdiction’s own value of a setting (it applies below unless overridden)',
        params: ZSettingParams,
        body: ZSettingValueInput,
        response: { 200: ZResolvedSetting, ...errorResponses },
      },
      onRequest: requirePermission('settings:write'),
    },
    async (req) => {
      const setting = await settingOf(req.params.key);
      const resolved = await updateSetting(db, actorOf(req), {
        jurisdictionCode: req.params.jurisdiction,
        setting,
        value: req.body.value,
        reason: req.body.reason,
      });
      return { key: setting.key, ...resolved };
    },
  );
  r.delete(
    '/api/settings/:jurisdiction/:key',
    {
      schema: {
        tags,
        summary: 'Remove a jurisdiction’s own value: it inherits from above (or the default) again',
        params: ZSettingParams,
        body: ZSettingResetInput,
        response: { 200: ZResolvedSetting, ...errorResponses },
      },
      onRequest: requirePermission('settings:write'),
    },
    async (req) => {
      const setting = await settingOf(req.params.key);
      const resolved = await resetSetting(db, actorOf(req), {
        jurisdictionCode: req.params.jurisdiction,
        setting,
        reason: req.body.reason,
      });
      return { key: setting.key, ...resolved };
    },
  );
  r.get(
    '/api/settings/:jurisdiction/:key/history',
    {
      schema: {
        tags,
        summary: 'Every change of a jurisdiction’s own value of a setting: who, when, why, from and to',
        params: ZSettingParams,
        response: { 200: ZSettingHistory, ...errorResponses },
      },
      onRequest: requirePermission('settings:read'),
    },
    async (req) =>
      listSettingHistory(db, actorOf(req), {
        jurisdictionCode: req.params.jurisdiction,
        setting: await settingOf(req.params.key),
      }),
  );
}
