import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import {
  ZAwardInput,
  ZBidInput,
  ZDocumentQuery,
  ZEvaluateInput,
  ZFailInput,
  ZOpenProcurementInput,
  ZPaymentStandards,
  ZProcurements,
  ZSetStandardInput,
  ZStandardParams,
} from './procure.schema.js';
import * as procurement from './procurement.service.js';
import { ZBudgetParams, ZIdParams } from './projects.schema.js';
import * as standards from './standards.service.js';

const tags = ['projects'];
const errors = { ...errorResponses, 409: ZError };

/** Service payment standards (PP-11) and the procurement of service organisations (PP-4). */
export async function procureRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  // Procurement documents arrive as a raw body (the plugin's scope keeps the parser to these routes).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/payment-standards/:code/:year',
    {
      schema: {
        tags,
        summary:
          'The service payment standards in force at a jurisdiction for a year, nearest ancestor first (PP-11)',
        params: ZBudgetParams,
        response: { 200: ZPaymentStandards, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => standards.listStandards(db, actorOf(req), req.params.code, req.params.year),
  );
  r.put(
    '/api/payment-standards/:code/:year/:kind',
    {
      schema: {
        tags,
        summary: 'Sets the jurisdiction’s own unit price of a kind of service for a year (PP-11)',
        params: ZStandardParams,
        body: ZSetStandardInput,
        response: { 200: ZPaymentStandards, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) =>
      standards.setStandard(db, actorOf(req), req.params.code, req.params.year, req.params.kind, req.body),
  );

  const base = '/api/projects/:id/procurement';
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The project’s procurements of its service organisation, newest first (PP-4)',
        params: ZIdParams,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => procurement.getProcurements(db, actorOf(req), req.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Opens a procurement with its method and notice (采购公告) (PP-4)',
        params: ZIdParams,
        body: ZOpenProcurementInput,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => procurement.openProcurement(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/bids`,
    {
      schema: {
        tags,
        summary: 'Records a bid received within the notice window (PP-4)',
        params: ZIdParams,
        body: ZBidInput,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => procurement.recordBid(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/evaluation`,
    {
      schema: {
        tags,
        summary: 'The evaluation committee’s scores: every bid scored and ranked (PP-4)',
        params: ZIdParams,
        body: ZEvaluateInput,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => procurement.evaluateBids(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/award`,
    {
      schema: {
        tags,
        summary: 'Awards the procurement to a bid; a barred organisation is refused (PP-4, PP-8)',
        params: ZIdParams,
        body: ZAwardInput,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => procurement.awardProcurement(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/failure`,
    {
      schema: {
        tags,
        summary: 'Declares the procurement failed (流标); a new one may be opened (PP-4)',
        params: ZIdParams,
        body: ZFailInput,
        response: { 200: ZProcurements, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => procurement.failProcurement(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/documents`,
    {
      bodyLimit: procurement.PROCUREMENT_FILE_MAX_BYTES + 1,
      schema: {
        tags,
        summary: `Attaches a document to the current procurement (raw body, application/octet-stream, at most ${procurement.PROCUREMENT_FILE_MAX_BYTES / 1024 / 1024} MB)`,
        params: ZIdParams,
        querystring: ZDocumentQuery,
        response: {
          201: z.object({ id: z.number(), fileName: z.string(), sizeBytes: z.number() }),
          ...errors,
        },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(
        await procurement.attachProcurementDocument(db, actorOf(req), req.params.id, {
          kind: req.query.kind,
          fileName: req.query.fileName,
          body: req.body as AsyncIterable<Buffer>,
          uploadDir: config.uploadDir,
        }),
      ),
  );
  r.get(
    '/api/procurement-documents/:id',
    {
      schema: {
        tags,
        summary: 'Downloads a procurement document (officers of the project’s area)',
        params: ZIdParams,
        response: { 200: z.any().describe('The file'), ...errorResponses },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req, reply) => {
      const doc = await procurement.openProcurementDocument(db, actorOf(req), req.params.id);
      return sendStoredFile(req, reply, config.uploadDir, doc);
    },
  );
}
