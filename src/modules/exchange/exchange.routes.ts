import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import { streamXlsx, XLSX_CONTENT_TYPE } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, pageOf, ZError } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { canSeeCells, paramsFor } from './batch-view.js';
import { getBatch, listBatches, listBatchIssues, openRejectedRows } from './batches.service.js';
import { toCsvLine, toImportCsvLine } from './csv.js';
import {
  ZBatch,
  ZBatchIssues,
  ZBatchListQuery,
  ZDomain,
  ZEmployerProfile,
  ZFormats,
  ZInjuryCase,
  ZInjuryExportQuery,
  ZInjuryQuery,
  ZJsonSubmit,
  ZPerson,
  ZSubmitQuery,
  ZSubmitted,
} from './exchange.schema.js';
import { type ExchangeRuntime, listSubmittableDomains, submitBatch } from './exchange.service.js';
import { formatBytes, JSON_SUBMIT_MAX_BYTES, UPLOAD_MAX_BYTES } from './exchange.settings.js';
import { DOMAINS, FORMATS } from './formats.js';
import { describeEmployer, describePerson, exportInjuryCases, listInjuryCases } from './records.service.js';
import { INJURY_EXPORT_COLUMNS } from './records-export.js';
import { buildRejectedFile } from './rejected-file.js';
import { describeReason } from './row-messages.js';

const ZId = z.object({ id: z.coerce.number().int().positive().describe('Batch id') });
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export async function exchangeRoutes(app: FastifyInstance, { runtime }: { runtime: ExchangeRuntime }) {
  const { db } = runtime.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Uploads stream straight to disk: the body parser hands the stream through untouched.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  r.get(
    '/api/exchange/formats',
    {
      schema: {
        tags: ['exchange'],
        summary: 'The exchange formats of every data domain, and the domains your unit may submit (DX-1)',
        response: { 200: ZFormats, ...errorResponses },
      },
      onRequest: requirePermission(null),
      config: { allowsToken: true },
    },
    async (req) => ({
      submittable: await listSubmittableDomains(db, actorOf(req)),
      domains: DOMAINS.map((d) => ({
        ...FORMATS[d],
        submitters: [...FORMATS[d].submitters],
        naturalKey: [...FORMATS[d].naturalKey],
        columns: FORMATS[d].columns.map((c) => ({
          key: c.key,
          zh: c.zh,
          en: c.en,
          type: c.type,
          required: c.required,
          codeTable: c.codeTable ?? null,
          description: c.description,
          example: c.example,
        })),
      })),
    }),
  );

  r.post(
    '/api/exchange/batches',
    {
      bodyLimit: UPLOAD_MAX_BYTES,
      schema: {
        tags: ['exchange'],
        summary: `Submit a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX file as the raw request body (Content-Type application/octet-stream), at most ${formatBytes(UPLOAD_MAX_BYTES)} (413 beyond); the import runs in the background (DX-2)`,
        querystring: ZSubmitQuery,
        response: { 200: ZSubmitted, 202: ZSubmitted, 413: ZError, ...errorResponses },
      },
      onRequest: requirePermission('exchange:submit'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new AppError(400, 'exchange.empty_file', {}, 'file');
      // The body streams to disk past Fastify's own limit check: a declared length over the limit
      // is refused before a byte is stored, an undeclared one while it is stored (submitBatch).
      if (Number(req.headers['content-length'] ?? 0) > UPLOAD_MAX_BYTES)
        throw new AppError(413, 'exchange.file_too_large', { limit: formatBytes(UPLOAD_MAX_BYTES) }, 'file');
      const result = await submitBatch(runtime, actorOf(req), {
        domain: req.query.domain,
        fileName: req.query.fileName,
        body: req.body,
        channel: actorOf(req).isToken ? 'api' : 'web',
        supersedesBatchId: req.query.supersedes,
        reason: req.query.reason,
        confirmRemoval: req.query.confirmRemoval,
      });
      return reply.code(result.isDuplicate ? 200 : 202).send(result);
    },
  );

  r.post(
    '/api/exchange/batches/json',
    {
      bodyLimit: JSON_SUBMIT_MAX_BYTES,
      schema: {
        tags: ['exchange'],
        summary: 'Submit rows as JSON (at most 10,000 per call); validated and imported like a file',
        body: ZJsonSubmit,
        response: { 200: ZSubmitted, 202: ZSubmitted, 413: ZError, ...errorResponses },
      },
      onRequest: requirePermission('exchange:submit'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req, reply) => {
      const { domain, rows, supersedes, reason, confirmRemoval } = req.body;
      // Rows become a UTF-8 CSV with the format's English headers, then take the same path as a file.
      const columns = FORMATS[domain].columns;
      const pick = (row: Record<string, unknown>, c: (typeof columns)[number]) =>
        row[c.key] ?? row[c.en] ?? row[c.zh] ?? '';
      const text = [
        toImportCsvLine(columns.map((c) => c.en)),
        ...rows.map((row) => toImportCsvLine(columns.map((c) => pick(row, c)))),
      ].join('\n');
      const result = await submitBatch(runtime, actorOf(req), {
        domain,
        fileName: `api-${domain}.json`,
        body: Readable.from([Buffer.from(`${text}\n`, 'utf8')]),
        channel: 'api',
        format: 'json',
        supersedesBatchId: supersedes,
        reason,
        confirmRemoval,
      });
      return reply.code(result.isDuplicate ? 200 : 202).send(result);
    },
  );

  r.get(
    '/api/exchange/batches',
    {
      schema: {
        tags: ['exchange'],
        summary: 'Batches submitted in your scope, newest first',
        querystring: ZBatchListQuery,
        response: { 200: pageOf(ZBatch), ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req) => listBatches(db, actorOf(req), { ...req.query, language: languageOf(req) }),
  );

  r.get(
    '/api/exchange/batches/:id',
    {
      schema: {
        tags: ['exchange'],
        summary: 'One batch with its progress (rows done of total, rows per second) and counts',
        params: ZId,
        response: { 200: ZBatch, ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req) => getBatch(db, actorOf(req), req.params.id, languageOf(req)),
  );

  r.get(
    '/api/exchange/batches/:id/issues',
    {
      schema: {
        tags: ['exchange'],
        summary: 'Rejected rows (line, column, reason) and warnings of a batch',
        params: ZId,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: ZBatchIssues, ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req) => {
      const language = languageOf(req);
      const batch = await getBatch(db, actorOf(req), req.params.id);
      const showCells = canSeeCells(actorOf(req), batch);
      const columns = FORMATS[batch.domain].columns;
      const name = (key: string) => {
        const c = columns.find((col) => col.key === key);
        return c ? (language === 'zh' ? c.zh : c.en) : '';
      };
      const render = (i: { column: string; code: string; params?: unknown }) => ({
        column: i.column,
        columnName: name(i.column),
        code: i.code,
        message: describeReason(
          i.code,
          language,
          paramsFor(i.params as Record<string, unknown> | undefined, showCells, language),
        ),
      });
      const result = await listBatchIssues(db, actorOf(req), req.params.id, req.query);
      return {
        total: result.total,
        rejected: result.rejected.map((row) => ({ line: row.line, issues: row.issues.map(render) })),
        warnings: result.warnings.map((w) => ({ line: w.line, ...render(w) })),
      };
    },
  );

  r.get(
    '/api/exchange/batches/:id/rejected',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'Download the rejected rows in the file’s own format (CSV in its encoding, or XLSX) with line numbers and reasons; holds personal data, so the download is audited',
        params: ZId,
        response: errorResponses,
      },
      onRequest: requirePermission('exchange:read'),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const batch = await openRejectedRows(db, actor, req.params.id);
      const file = buildRejectedFile(db, batch, languageOf(req));
      return sendDownload(reply, file);
    },
  );

  r.get(
    '/api/injuries',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'Injury determinations of a jurisdiction and below; 身份证号 and names masked unless permitted (DX-3)',
        querystring: ZInjuryQuery,
        response: { 200: pageOf(ZInjuryCase), ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
    },
    async (req) => listInjuryCases(db, actorOf(req), req.query),
  );
  r.get(
    '/api/injuries/export',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'The injury determinations of a filter as CSV or XLSX, masked as the list is (at most 20,000 rows; every export recorded)',
        querystring: ZInjuryExportQuery,
        response: errorResponses,
      },
      onRequest: requirePermission('exchange:read'),
    },
    async (req, reply) => {
      const rows = await exportInjuryCases(db, actorOf(req), req.query);
      const zh = languageOf(req) === 'zh';
      const columns = INJURY_EXPORT_COLUMNS.map((c) => (zh ? c.zh : c.en));
      const cells = rows.map((row) => INJURY_EXPORT_COLUMNS.map((c) => c.value(row)));
      const name = zh ? '工伤认定记录' : 'injury-determinations';
      if (req.query.format === 'xlsx') {
        const body = streamXlsx(name, [columns, ...cells]);
        return sendDownload(reply, { fileName: `${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, body });
      }
      const body = `\uFEFF${[columns, ...cells].map((line) => toCsvLine(line)).join('\r\n')}\r\n`;
      return sendDownload(reply, { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body });
    },
  );
  r.get(
    '/api/persons/:idNumber',
    {
      schema: {
        tags: ['exchange'],
        summary: 'One person’s injuries and diagnoses linked by 身份证号 (needs personal-data:view; audited)',
        params: z.object({
          idNumber: z
            .string()
            .trim()
            .regex(/^(\d{15}|\d{17}[\dXx])$/, 'id number: 15 or 18 characters'),
        }),
        response: { 200: ZPerson, ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
    },
    async (req) => describePerson(db, actorOf(req), req.params.idNumber),
  );
  r.get(
    '/api/employers/:creditCode/profile',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'An employer across domains, linked by 统一社会信用代码: headcount, injuries, accidents, diagnoses by year',
        params: z.object({ creditCode: z.string().trim().length(18) }),
        response: { 200: ZEmployerProfile, ...errorResponses },
      },
      onRequest: requirePermission('exchange:read'),
    },
    async (req) => describeEmployer(db, actorOf(req), req.params.creditCode),
  );

  r.get(
    '/api/exchange/formats/:domain/template',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'A template of a domain’s format: the header and one example row (CSV in UTF-8 with BOM, or XLSX)',
        params: z.object({ domain: ZDomain }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: errorResponses,
      },
      onRequest: requirePermission(null),
      // An API token may call it (decision 0020): its unit's own batches only.
      config: { allowsToken: true },
    },
    async (req, reply) => {
      const format = FORMATS[req.params.domain];
      const header = format.columns.map((c) => c.zh);
      const example = format.columns.map((c) => c.example);
      const name = `${format.zh}-模板`;
      if (req.query.format === 'xlsx') {
        // Every column as text, so codes like 0601 and long numbers keep their digits.
        const body = streamXlsx(format.zh, [header, example], {
          textColumns: { count: header.length, width: 18 },
        });
        return sendDownload(reply, { fileName: `${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, body });
      }
      // UTF-8 with BOM: spreadsheet software in Chinese offices opens it without garbling.
      const body = `\uFEFF${toCsvLine(header)}\r\n${toCsvLine(example)}\r\n`;
      return sendDownload(reply, { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body });
    },
  );
}
