import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  ZCounting,
  ZCountingInput,
  ZDashboard,
  ZDashboardQuery,
  ZElement,
  ZIndicator,
  ZIndicatorInput,
  ZQuery,
  ZQueryResult,
  ZTargets,
  ZTargetsInput,
  ZTargetsQuery,
  ZTargetsSetting,
} from './analytics.schema.js';
import { getCounting, listIndicators, saveIndicator, updateCounting } from './analytics.service.js';
import { describeDashboard } from './dashboard.service.js';
import { ELEMENTS } from './elements.js';
import { answerQuery, queryIndicator } from './query.service.js';
import { describeTargets, updateTargets } from './targets.service.js';

export async function analyticsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/analytics/indicators',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Indicator definitions: numerator ÷ denominator × factor over data elements (AN-1)',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: z.object({ items: z.array(ZIndicator) }), ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => ({ items: await listIndicators(db, actorOf(req), req.query.jurisdiction) }),
  );
  r.get(
    '/api/analytics/elements',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The data elements indicators are built from',
        response: { 200: z.object({ items: z.array(ZElement) }), ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async () => ({
      items: Object.entries(ELEMENTS).map(([code, e]) => ({ code, source: e.source, zh: e.zh, en: e.en })),
    }),
  );
  r.put(
    '/api/analytics/indicators/:code',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Add or change an indicator a jurisdiction defines for itself and those below it',
        params: z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{2,40}$/) }),
        body: ZIndicatorInput,
        response: { 200: ZIndicator, 409: errorResponses[400], ...errorResponses },
      },
      onRequest: requirePermission('analytics:configure'),
    },
    async (req) => saveIndicator(db, actorOf(req), { ...req.body, code: req.params.code }),
  );
  r.get(
    '/api/analytics/query',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'An indicator by one or two axes (jurisdiction, year, industry, accident category, post, age, sex)',
        querystring: ZQuery,
        response: { 200: ZQueryResult, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => answerQuery(db, actorOf(req), req.query, languageOf(req)),
  );
  r.get(
    '/api/analytics/query.xlsx',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The same table as /api/analytics/query, as XLSX',
        querystring: ZQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any(), ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req, reply) => {
      const lang = languageOf(req);
      const result = await queryIndicator(db, actorOf(req), req.query, lang);
      const zh = lang === 'zh';
      const name = zh ? result.indicator.nameZh : result.indicator.nameEn;
      const columns = result.columns?.items ?? [{ key: '', label: zh ? '数值' : 'Value' }];
      // Figures stay numbers, rounded to the indicator's decimals; an empty cell is —.
      const factor = 10 ** result.indicator.decimals;
      const rounded = (v: number | null | undefined) =>
        v === null || v === undefined ? '—' : Math.round(v * factor) / factor;
      const value = (row: string, column: string) =>
        rounded(result.cells.find((c) => c.row === row && c.column === column)?.value);
      function* rows(): Generator<XlsxCell[]> {
        yield [`${result.jurisdiction.name} · ${name}`];
        yield [`${zh ? '口径' : 'Definition'}: ${result.definition}`];
        if (result.partialYears.length)
          yield [`${zh ? '年度数据不完整' : 'Partial years'}: ${result.partialYears.join(', ')}`];
        for (const note of result.notes) yield [note];
        yield ['', ...columns.map((c) => c.label)];
        for (const row of result.rows.items) yield [row.label, ...columns.map((c) => value(row.key, c.key))];
        yield [zh ? '合计' : 'Total', rounded(result.total.value)];
      }
      return sendDownload(reply, {
        fileName: `${name}-${result.jurisdiction.code}-${result.years.join('_')}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx(zh ? '分析' : 'Analysis', rows()),
      });
    },
  );
  r.get(
    '/api/analytics/dashboard',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Every indicator this year against last year, and one by child jurisdiction and over six years',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => describeDashboard(db, actorOf(req), req.query, languageOf(req)),
  );
  r.get(
    '/api/analytics/targets',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Key-industry rate against the plan period’s target: baseline, latest, path, status, projection (AN-2)',
        querystring: ZTargetsQuery,
        response: { 200: ZTargets, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => describeTargets(db, actorOf(req), req.query, languageOf(req)),
  );
  r.get(
    '/api/analytics/counting',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The counting options that apply to a jurisdiction (its own or inherited)',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZCounting, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => getCounting(db, actorOf(req), req.query.jurisdiction),
  );
  r.put(
    '/api/analytics/counting/:jurisdiction',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Set a jurisdiction’s counting options (they apply below it unless overridden)',
        params: z.object({ jurisdiction: ZJurisdictionCode }),
        body: ZCountingInput,
        response: { 200: ZCounting, ...errorResponses },
      },
      onRequest: requirePermission('analytics:configure'),
    },
    async (req) => updateCounting(db, actorOf(req), req.params.jurisdiction, req.body),
  );
  r.put(
    '/api/analytics/targets/:jurisdiction',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Set a jurisdiction’s own targets for a plan period (they apply below it unless overridden)',
        params: z.object({ jurisdiction: ZJurisdictionCode }),
        body: ZTargetsInput,
        response: { 200: ZTargetsSetting, ...errorResponses },
      },
      onRequest: requirePermission('analytics:configure'),
    },
    async (req) => updateTargets(db, actorOf(req), req.params.jurisdiction, req.body),
  );
}
