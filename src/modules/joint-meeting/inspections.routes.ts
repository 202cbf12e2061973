import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  ZFindingRectificationInput,
  ZInspection,
  ZInspectionFinding,
  ZInspectionListQuery,
  ZInspectionReport,
  ZInspectionReportParams,
  ZInspectionSummary,
  ZPhoto,
  ZPhotoQuery,
  ZPlanInspectionInput,
  ZRecordFindingInput,
} from './inspections.schema.js';
import * as inspections from './inspections.service.js';
import { ZIdParams, ZRectificationDetail } from './workflow.schema.js';

const tags = ['joint-meeting'];
const writeResponses = { ...errorResponses, 409: ZError } as const;

/** 联合检查: plan, findings with photos, finding → rectification, the year's report. */
export async function inspectionsRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Joint inspections (联合检查) of a jurisdiction subtree',
        querystring: ZInspectionListQuery,
        response: {
          200: z.object({ items: z.array(ZInspectionSummary), total: z.number().int() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => inspections.listInspections(db, actorOf(req), req.query),
  );
  r.post(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Plan a joint inspection: member units, employers from the ledger or monitoring list, dates',
        body: ZPlanInspectionInput,
        response: { 201: ZInspection, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(await inspections.planInspection(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary: 'One inspection with its units’ checklists, employers and findings',
        params: ZIdParams,
        response: { 200: ZInspection, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => inspections.getInspection(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/inspections/:id/findings',
    {
      schema: {
        tags,
        summary: 'Record a finding at one employer of the inspection (the department’s checklist)',
        params: ZIdParams,
        body: ZRecordFindingInput,
        response: { 201: ZInspectionFinding, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req, reply) =>
      reply.code(201).send(await inspections.recordFinding(db, actorOf(req), req.params.id, req.body, now())),
  );
  // Photos come as raw bodies (this plugin's own parser: plugins are encapsulated).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.post(
    '/api/inspection-findings/:id/photos',
    {
      bodyLimit: inspections.PHOTO_MAX_BYTES + 1,
      schema: {
        tags,
        summary: `Attach a photo to a finding (raw body, application/octet-stream, at most ${inspections.PHOTO_MAX_BYTES / 1024 / 1024} MB)`,
        params: ZIdParams,
        querystring: ZPhotoQuery,
        response: { 201: ZPhoto, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req, reply) =>
      reply.code(201).send(
        await inspections.attachFindingPhoto(db, actorOf(req), req.params.id, {
          fileName: req.query.fileName,
          contentType: /\.png$/i.test(req.query.fileName)
            ? 'image/png'
            : /\.jpe?g$/i.test(req.query.fileName)
              ? 'image/jpeg'
              : 'application/octet-stream',
          body: req.body as NodeJS.ReadableStream as never,
          uploadDir: config.uploadDir,
        }),
      ),
  );
  r.get(
    '/api/inspection-photos/:id',
    {
      schema: {
        tags,
        summary: 'A finding’s photo (scoped like its inspection; audited)',
        params: ZIdParams,
        response: { 200: z.any().describe('The photo'), ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) =>
      sendStoredFile(
        req,
        reply,
        config.uploadDir,
        await inspections.openFindingPhoto(db, actorOf(req), req.params.id),
      ),
  );
  r.post(
    '/api/inspection-findings/:id/rectification',
    {
      schema: {
        tags,
        summary: 'Turn a finding into a rectification suggestion with its deadline (KI-4)',
        params: ZIdParams,
        body: ZFindingRectificationInput,
        response: { 201: ZRectificationDetail, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await inspections.issueRectificationFromFinding(db, actorOf(req), req.params.id, req.body, now()),
        ),
  );
  r.get(
    '/api/inspection-reports/:code/:year',
    {
      schema: {
        tags,
        summary: 'The year’s joint inspections in figures (for the yearly report)',
        params: ZInspectionReportParams,
        response: { 200: ZInspectionReport, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => inspections.getInspectionReport(db, actorOf(req), req.params.code, req.params.year),
  );
}
