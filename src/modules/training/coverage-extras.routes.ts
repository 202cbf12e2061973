import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { badRequest } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  describeCoverageTrend,
  describeEmployerRateChange,
  describeInjuryGroups,
  describeProjectTrained,
  linkProjectTrainees,
} from './coverage-extras.service.js';
import { importKeyPostHolders } from './holders-import.service.js';
import { describeTrainingCoverage, listCoverageGaps } from './training.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['training'];
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const ZQuarter = z.object({
  quarter: z.string(),
  asOf: z.string(),
  planPeriod: z.string(),
  posts: z.number(),
  due: z.number(),
  inGrace: z.number(),
  trained: z.number(),
  untrained: z.number(),
  coveragePct: z.number().nullable(),
});
const ZRate = z
  .object({
    from: z.number(),
    to: z.number(),
    injuries: z.number(),
    insuredPersonYears: z.number(),
    ratePer1000: z.number().nullable(),
  })
  .nullable();
const ZIssue = z.object({
  column: z.string(),
  columnName: z.string(),
  code: z.string(),
  message: z.string(),
});

/**
 * Training beyond the first slice: key-post holders by file (TR-1), the quarterly trend, XLSX
 * exports and frequent-injury groups (TR-2), and the follow-through into projects and injury rates.
 */
export async function coverageExtrasRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', XLSX_CONTENT_TYPE],
    (_request, payload, done) => done(null, payload),
  );
  r.post(
    '/api/training/holders/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import key-post holders from a CSV (UTF-8, BOM or GBK) or XLSX file, raw body; valid rows kept, the others answered with line and reason (TR-1)',
        querystring: z.object({
          fileName: z.string().trim().min(1).max(200),
          /** The jurisdiction the file is for (default: one's own); its employers must lie within it. */
          jurisdiction: ZJurisdictionCode.optional(),
        }),
        response: {
          200: z.object({
            rows: z.number(),
            added: z.number(),
            ended: z.number(),
            unchanged: z.number(),
            rejected: z.array(z.object({ line: z.number(), issues: z.array(ZIssue) })),
          }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('training:register'),
    },
    async (req) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yufang-holders-'));
      const file = path.join(dir, `${randomUUID()}.upload`);
      try {
        if (!req.body || typeof (req.body as Readable).pipe !== 'function')
          throw badRequest('validation.failed', 'body');
        await pipeline(req.body as Readable, createWriteStream(file));
        if ((await fs.stat(file)).size === 0) throw badRequest('validation.failed', 'body');
        return await importKeyPostHolders(db, actorOf(req), {
          path: file,
          fileName: req.query.fileName,
          jurisdiction: req.query.jurisdiction,
          language: languageOf(req),
        });
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  );
  r.get(
    '/api/training/coverage/trend',
    {
      schema: {
        tags,
        summary: 'Coverage by quarter: totals as of each quarter’s last day, oldest first (TR-2)',
        querystring: z.object({
          jurisdiction: ZJurisdictionCode.optional(),
          quarters: z.coerce.number().int().min(1).max(20).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZQuarter) }), ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => describeCoverageTrend(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/coverage/export',
    {
      schema: {
        tags,
        summary: 'Coverage (by area × key post) or the gaps (enterprises below target) as an XLSX file',
        querystring: z.object({
          jurisdiction: ZJurisdictionCode.optional(),
          what: z.enum(['coverage', 'gaps']).default('coverage'),
        }),
      },
      onRequest: requirePermission('training:read'),
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const zh = languageOf(req) === 'zh';
      if (req.query.what === 'gaps') {
        const gaps = await listCoverageGaps(db, actor, {
          jurisdiction: req.query.jurisdiction,
          pageSize: 100_000,
        });
        const rows: XlsxCell[][] = [
          zh
            ? [
                '单位',
                '统一社会信用代码',
                '地区',
                '应培训',
                '已培训',
                '覆盖率%',
                '未登记重点岗位',
                '未培训（按岗位）',
              ]
            : [
                'Employer',
                'Credit code',
                'Area',
                'Due',
                'Trained',
                'Coverage %',
                'None registered',
                'Untrained by post',
              ],
          ...gaps.items.map((g) => [
            g.employerName,
            g.creditCode,
            g.jurisdictionName,
            g.due,
            g.trained,
            g.coveragePct,
            g.noneRegistered ? (zh ? '是' : 'yes') : '',
            Object.entries(g.untrainedByRole)
              .map(([k, v]) => `${k}:${v}`)
              .join('; '),
          ]),
        ];
        const name = zh ? '培训覆盖缺口' : 'training-gaps';
        return sendDownload(reply, {
          fileName: `${name}.xlsx`,
          contentType: XLSX_CONTENT_TYPE,
          body: streamXlsx(name, rows),
        });
      }
      const c = await describeTrainingCoverage(db, actor, { jurisdiction: req.query.jurisdiction });
      const head = zh
        ? ['分组', '名称', '在岗', '应培训', '宽限期内', '已培训', '未培训', '覆盖率%']
        : ['Group', 'Name', 'Posts', 'Due', 'In grace', 'Trained', 'Untrained', 'Coverage %'];
      type Sum = {
        posts: number;
        due: number;
        inGrace: number;
        trained: number;
        untrained: number;
        coveragePct: number | null;
      };
      const line = (group: string, name: string, s: Sum): XlsxCell[] => [
        group,
        name,
        s.posts,
        s.due,
        s.inGrace,
        s.trained,
        s.untrained,
        s.coveragePct,
      ];
      const rows: XlsxCell[][] = [
        [
          `${c.jurisdiction.name} ${c.asOf} ${c.planPeriod}`,
          zh
            ? `目标 ${c.target?.coveragePct ?? '—'}% ${c.target?.dueDate ?? ''}`
            : `Target ${c.target?.coveragePct ?? '—'}% ${c.target?.dueDate ?? ''}`,
        ],
        head,
        ...c.byArea.map((a) => line(zh ? '地区' : 'Area', a.name, a)),
        ...c.byRole.map((a) => line(zh ? '岗位' : 'Post', zh ? a.nameZh : a.nameEn, a)),
        ...c.byIndustry.map((a) => line(zh ? '行业' : 'Industry', a.industry, a)),
        line(zh ? '合计' : 'Total', c.jurisdiction.name, c.totals),
      ];
      const name = zh ? '培训覆盖率' : 'training-coverage';
      return sendDownload(reply, {
        fileName: `${name}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx(name, rows),
      });
    },
  );
  r.get(
    '/api/training/coverage/injury-groups',
    {
      schema: {
        tags,
        summary:
          'Groups with frequent injuries in key industries (posts, age bands; via the facts) flagged for more training, with the training they got',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: {
          200: z.object({
            from: z.number(),
            to: z.number(),
            ageBands: z.array(
              z.object({
                band: z.string(),
                injuries: z.number(),
                insured: z.number(),
                ratePer1000: z.number(),
                isFlagged: z.boolean(),
                holders: z.number().describe('Key-post holders of the band today'),
                trainedHolders: z.number().describe('Of them with a valid completion today'),
              }),
            ),
            posts: z.array(
              z.object({
                post: z.string(),
                injuries: z.number(),
                sharePct: z.number(),
                isFlagged: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => describeInjuryGroups(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/employers/:id/rate-change',
    {
      schema: {
        tags,
        summary:
          'An employer’s injury rate before (three-year baseline) and after its key posts were trained (via the facts)',
        params: ZId,
        response: {
          200: z.object({
            employerId: z.number(),
            employerName: z.string(),
            trainedOn: z.string().nullable().describe('The day its last current key post was trained'),
            untrainedPosts: z.number(),
            before: ZRate,
            after: ZRate,
            changePct: z.number().nullable(),
          }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => describeEmployerRateChange(db, actorOf(req), req.params.id),
  );
  const ZTrained = z.object({
    projectId: z.number(),
    title: z.string(),
    trained: z.number(),
    keyPostHolders: z.number(),
  });
  r.get(
    '/api/training/projects/:id/trainees',
    {
      schema: {
        tags,
        summary:
          'A training project’s counted “trained” figure: persons linked, of them key-post holders (PP-10)',
        params: ZId,
        response: { 200: ZTrained, ...errorResponses },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => describeProjectTrained(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/projects/:id/trainees',
    {
      schema: {
        tags,
        summary: 'Link trainees to a training-type prevention project (PP-10)',
        params: ZId,
        body: z.object({
          trainees: z
            .array(
              z.object({
                personName: z.string().trim().min(1).max(50),
                idNumber: z.string().trim().min(15).max(18),
                trainedOn: z.iso.date(),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: {
          200: z.object({ added: z.number(), trained: z.number(), keyPostHolders: z.number() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => linkProjectTrainees(db, actorOf(req), req.params.id, req.body),
  );
}
