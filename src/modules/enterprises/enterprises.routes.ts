import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses, ZPageQuery } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { FORMATS } from '../exchange/formats.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  ZInsuredList,
  ZKeyIndustryInput,
  ZKeyIndustryList,
  ZLedger,
  ZLedgerQuery,
  ZMonitoring,
  ZPlanPeriod,
  ZSettingInput,
  ZSharedPicture,
} from './enterprises.schema.js';
import {
  addKeyIndustry,
  getMonitoringThreshold,
  listKeyIndustries,
  listPlanPeriods,
  removeKeyIndustry,
  updateMonitoringThreshold,
} from './enterprises.service.js';
import {
  describeSharedPicture,
  listInsuredPersonsForDisplay,
  listKeyEnterprises,
  listMonitoredEmployers,
} from './ledger.service.js';

const EXPORT_LIMIT = 200_000;

/** A figure of an export as a number (never text), rounded to the decimals it is shown with. */
function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The label of an insurance status code (参保 / 未参保 / 暂停), as the exchange format names it. */
function insuranceLabel(code: string | null, zh: boolean): string | null {
  if (code === null) return null;
  const values = FORMATS.employers.columns.find((c) => c.key === 'insuranceStatus')?.values ?? {};
  const label = Object.entries(values).find(
    ([name, value]) => value === code && /[\u4e00-\u9fa5]/.test(name),
  )?.[0];
  if (zh) return label ?? code;
  return { insured: 'Insured', uninsured: 'Not insured', suspended: 'Suspended' }[code] ?? code;
}

export async function enterprisesRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/plan-periods',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Plan periods with their baselines and targets',
        response: { 200: z.object({ items: z.array(ZPlanPeriod) }), ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async () => ({ items: await listPlanPeriods(db) }),
  );
  r.get(
    '/api/key-industries',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Key and dust-hazard industries that apply to a jurisdiction in a plan period (KI-1, KI-2)',
        querystring: z.object({
          planPeriod: z
            .string()
            .regex(/^\d{4}-\d{4}$/)
            .optional()
            .describe('Default: the current period'),
          jurisdiction: ZJurisdictionCode.optional(),
          category: z.enum(['key', 'dust']).optional(),
        }),
        response: { 200: ZKeyIndustryList, ...errorResponses },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => listKeyIndustries(db, actorOf(req), req.query),
  );
  r.post(
    '/api/key-industries',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Add an industry to a plan period’s list for a jurisdiction (data, not code)',
        body: ZKeyIndustryInput,
        response: { 201: z.object({ id: z.number().int() }), 409: errorResponses[400], ...errorResponses },
      },
      onRequest: requirePermission('enterprises:configure'),
    },
    async (req, reply) => reply.code(201).send(await addKeyIndustry(db, actorOf(req), req.body)),
  );
  r.delete(
    '/api/key-industries/:id',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Remove an industry a jurisdiction of your scope added',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
      onRequest: requirePermission('enterprises:configure'),
    },
    async (req) => {
      await removeKeyIndustry(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/enterprises/ledger',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Key-enterprise ledger (台账) of a jurisdiction and year: filter, sort, paginate (KI-1)',
        querystring: ZLedgerQuery.extend({ category: z.enum(['key', 'dust']).default('key') }),
        response: { 200: ZLedger, ...errorResponses },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => listKeyEnterprises(db, actorOf(req), req.query, languageOf(req)),
  );
  r.get(
    '/api/enterprises/ledger/export',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'The same ledger as an XLSX file (all matching rows, at most 200,000)',
        querystring: ZLedgerQuery.omit({ page: true, pageSize: true }).extend({
          category: z.enum(['key', 'dust']).default('key'),
        }),
        response: errorResponses,
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req, reply) => {
      const ledger = await listKeyEnterprises(db, actorOf(req), {
        ...req.query,
        page: 1,
        pageSize: EXPORT_LIMIT,
      });
      const zh = languageOf(req) === 'zh';
      const columns: [string, string, (row: (typeof ledger.items)[number]) => string | number | null][] = [
        ['单位名称', 'Name', (x) => x.name],
        ['统一社会信用代码', 'Credit code', (x) => x.creditCode],
        ['行业代码', 'Industry', (x) => x.industryCode],
        ['重点行业', 'Key industry', (x) => x.keyIndustries],
        ['所属辖区', 'Jurisdiction', (x) => x.jurisdictionName],
        ['参保状态', 'Insurance', (x) => insuranceLabel(x.insuranceStatus, zh)],
        ['年平均参保人数', 'Average insured', (x) => x.averageInsured],
        ['职工人数', 'Employees', (x) => x.employees],
        ['参保率（%）', 'Insured share (%)', (x) => roundTo(x.insuredShare, 1)],
        ['工伤认定（人次）', 'Injuries', (x) => x.injuries],
        ['千人工伤率（‰）', 'Rate per 1,000', (x) => roundTo(x.ratePer1000, 2)],
        ['死亡', 'Deaths', (x) => x.deaths],
        ['基金支出（元）', 'Fund expenditure (yuan)', (x) => roundTo(x.fundExpenditureFen / 100, 2)],
        ['生产安全事故', 'Accidents', (x) => x.accidents],
        ['职业病', 'Occupational disease', (x) => x.diseases],
        ['其中尘肺病', 'Pneumoconiosis', (x) => x.pneumoconiosis],
        [
          '联席会议确定',
          'Adopted by the joint meeting',
          (x) =>
            x.adoption ? `${x.adoption.adoptedIn} #${x.adoption.rank} ${x.adoption.adoptedByName}` : null,
        ],
      ];
      function* rows(): Generator<XlsxCell[]> {
        yield [`${zh ? '年度' : 'Year'} ${ledger.year} · ${ledger.planPeriod}`];
        yield columns.map(([c, e]) => (zh ? c : e));
        for (const row of ledger.items) yield columns.map(([, , value]) => value(row));
      }
      return sendDownload(reply, {
        fileName: `${zh ? '重点企业台账' : 'key-enterprises'}-${ledger.year}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx(zh ? '重点企业台账' : 'Key enterprises', rows()),
      });
    },
  );
  r.get(
    '/api/enterprises/:id/insured-persons',
    {
      schema: {
        tags: ['enterprises'],
        summary:
          'An employer’s insured persons of a year, masked for public display (公示参保人员名单, KI-2)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ZInsuredList, ...errorResponses },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => listInsuredPersonsForDisplay(db, actorOf(req), req.params.id, req.query.year),
  );
  r.get(
    '/api/enterprises/monitoring',
    {
      schema: {
        tags: ['enterprises'],
        summary:
          'Key monitoring (重点监控): uninsured employers and employers with frequent injuries, with reasons (KI-3)',
        querystring: ZPageQuery.extend({
          jurisdiction: ZJurisdictionCode.optional(),
          year: z.coerce.number().int().min(1990).max(2100).optional(),
        }),
        response: { 200: ZMonitoring, ...errorResponses },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => listMonitoredEmployers(db, actorOf(req), req.query, languageOf(req)),
  );
  r.get(
    '/api/settings/monitoring-threshold',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'The key-monitoring threshold that applies to a jurisdiction, and where it is set',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: {
          200: z.object({ value: z.number().int(), definedAt: z.string().nullable() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => getMonitoringThreshold(db, actorOf(req), req.query.jurisdiction),
  );
  r.put(
    '/api/settings/monitoring-threshold',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Set a jurisdiction’s key-monitoring threshold (applies below it unless overridden)',
        body: ZSettingInput,
        response: {
          200: z.object({ value: z.number().int(), definedAt: z.string().nullable() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('enterprises:configure'),
    },
    async (req) => updateMonitoringThreshold(db, actorOf(req), req.body.jurisdictionCode, req.body.value),
  );
  r.get(
    '/api/shared-picture',
    {
      schema: {
        tags: ['enterprises'],
        summary:
          'The shared picture of a jurisdiction’s year: injury types, high-incidence posts and groups, fund expenditure, accidents, occupational disease (DX-4)',
        querystring: z.object({
          jurisdiction: ZJurisdictionCode.optional(),
          year: z.coerce.number().int().min(1990).max(2100).optional(),
        }),
        response: { 200: ZSharedPicture, ...errorResponses },
      },
      onRequest: requirePermission('enterprises:read'),
    },
    async (req) => describeSharedPicture(db, actorOf(req), req.query, languageOf(req)),
  );
}
