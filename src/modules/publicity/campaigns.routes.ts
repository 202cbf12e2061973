import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE } from '../../platform/export/xlsx.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses, ZError, ZOk } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  acceptCampaign,
  createCampaign,
  describeQuotaBoard,
  exportQuotaBoard,
  getCampaign,
  listCampaigns,
  listPublicityTopics,
  recordCampaign,
} from './campaigns.service.js';
import { PUBLICITY_FILE_MAX_BYTES } from './files.service.js';
import {
  ZBoardQuery,
  ZCampaign,
  ZCampaignInput,
  ZCampaignQuery,
  ZCampaignRecordInput,
  ZCampaignSaved,
  ZFileQuery,
  ZPublicityFile,
  ZQuotaBoard,
  ZTopics,
} from './publicity.schema.js';
import { attachPublicityFile } from './publicity.service.js';

export const ZId = z.object({ id: z.coerce.number().int().positive() });
export const writeResponses = { ...errorResponses, 409: ZError } as const;
const tags = ['publicity'];

/** Campaigns (PU-1) and the quota board. */
export async function campaignsRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/publicity/topics',
    {
      schema: {
        tags,
        summary: 'The campaign topics (the publicity.topics setting) and channels that apply',
        querystring: z.object({ jurisdiction: z.string().optional() }),
        response: { 200: ZTopics, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => listPublicityTopics(db, actorOf(req), req.query.jurisdiction),
  );
  r.get(
    '/api/publicity/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns of a jurisdiction subtree (PU-1)',
        querystring: ZCampaignQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(ZCampaign) }), ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => listCampaigns(db, actorOf(req), req.query),
  );
  r.post(
    '/api/publicity/campaigns',
    {
      schema: {
        tags,
        summary:
          'Plan a campaign: key industries, topics, organisers, channels, dates; an industry outside the period’s key list is a warning and does not count',
        body: ZCampaignInput,
        response: { 201: ZCampaignSaved, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req, reply) => reply.code(201).send(await createCampaign(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/publicity/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'One campaign with its record and files',
        params: ZId,
        response: { 200: ZCampaign, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => getCampaign(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/publicity/campaigns/:id/record',
    {
      schema: {
        tags,
        summary:
          'Record what a campaign achieved: events, reach (non-negative integers) with their source, summary',
        params: ZId,
        body: ZCampaignRecordInput,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:report'),
    },
    async (req) => recordCampaign(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/publicity/campaigns/:id/accept',
    {
      schema: {
        tags,
        summary: 'HRSS accepts a campaign’s record',
        params: ZId,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => acceptCampaign(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/publicity/campaigns/:id/files',
    {
      bodyLimit: PUBLICITY_FILE_MAX_BYTES + 1,
      schema: {
        tags,
        summary: `Add a material or photo to a campaign (raw body, Content-Type application/octet-stream, at most ${PUBLICITY_FILE_MAX_BYTES / 1024 / 1024} MB)`,
        params: ZId,
        querystring: ZFileQuery,
        response: { 201: ZPublicityFile, ...writeResponses },
      },
      onRequest: requirePermission('publicity:report'),
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await attachPublicityFile(
            db,
            actorOf(req),
            'campaign',
            req.params.id,
            { ...req.query, body: req.body as AsyncIterable<Buffer>, uploadDir: config.uploadDir },
            now(),
          ),
        ),
  );
  r.get(
    '/api/publicity/quota-board',
    {
      schema: {
        tags,
        summary:
          'The quota board: each key industry × the jurisdiction and each area below, held (green), planned (amber) or none (red), with reach',
        querystring: ZBoardQuery,
        response: { 200: ZQuotaBoard, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => describeQuotaBoard(db, actorOf(req), req.query),
  );
  r.get(
    '/api/publicity/quota-board/export',
    {
      schema: {
        tags,
        summary: 'The quota board as an XLSX file',
        querystring: ZBoardQuery,
        response: { 200: z.any().describe('XLSX file'), ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req, reply) => {
      const { board, rows } = await exportQuotaBoard(db, actorOf(req), req.query);
      const name = `重点行业集中宣传-${board.jurisdictionName}-${board.year}`;
      return sendDownload(reply, {
        fileName: `${name}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        body: streamXlsx('宣传覆盖', rows),
      });
    },
  );
}
