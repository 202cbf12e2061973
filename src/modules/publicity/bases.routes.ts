import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZOk } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  applyForBase,
  describeBaseCoverage,
  getBase,
  listBaseExpertCandidates,
  listBases,
  listFavouredProjects,
  raiseBaseToProvincial,
  recordBaseVisit,
  reviewBase,
  withdrawBase,
} from './bases.service.js';
import { writeResponses, ZId } from './campaigns.routes.js';
import { PUBLICITY_FILE_MAX_BYTES } from './files.service.js';
import {
  ZBase,
  ZBaseApplication,
  ZBaseCoverage,
  ZBaseDetail,
  ZBaseQuery,
  ZBaseReviewInput,
  ZFavouredProjects,
  ZFileQuery,
  ZPublicityFile,
  ZReasonInput,
  ZVisitInput,
} from './publicity.schema.js';
import { attachPublicityFile } from './publicity.service.js';

const tags = ['publicity'];
const ZCreated = z.object({ id: z.number() });
const ZBaseList = z.object({ total: z.number(), items: z.array(ZBase) });

/** Warning-education bases (PU-2) and their coverage. */
export async function basesRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/publicity/bases',
    {
      schema: {
        tags,
        summary:
          'Warning-education bases of a jurisdiction subtree; filed=true: the designations filed with the province',
        querystring: ZBaseQuery,
        response: { 200: ZBaseList, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => listBases(db, actorOf(req), req.query, now()),
  );
  r.get(
    '/api/own-publicity/bases',
    {
      schema: {
        tags,
        summary: 'An employer’s own base applications and bases (the employer account)',
        response: { 200: ZBaseList, ...errorResponses },
      },
      onRequest: requirePermission('publicity:apply'),
    },
    async (req) => listBases(db, actorOf(req), { ownOnly: true }, now()),
  );
  r.post(
    '/api/publicity/bases',
    {
      schema: {
        tags,
        summary:
          'Apply to a joint meeting for a warning-education base (an employer for itself, or HRSS on its behalf); an employer outside the meeting’s jurisdiction is refused',
        body: ZBaseApplication,
        response: { 201: ZCreated, ...writeResponses },
      },
      onRequest: requirePermission('publicity:apply'),
    },
    async (req, reply) => reply.code(201).send(await applyForBase(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/publicity/bases/:id',
    {
      schema: {
        tags,
        summary: 'One base: reviews, visits, files and the projects its employer declared (favoured)',
        params: ZId,
        response: { 200: ZBaseDetail, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => getBase(db, actorOf(req), req.params.id, now()),
  );
  r.get(
    '/api/publicity/bases/:id/expert-candidates',
    {
      schema: {
        tags,
        summary: 'Experts of the pool serving the base’s meeting, minus those of the applicant',
        params: ZId,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number(), name: z.string(), fields: z.array(z.string()) })),
          }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => listBaseExpertCandidates(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/publicity/bases/:id/review',
    {
      schema: {
        tags,
        summary:
          'The meeting reviews a base: site visit and experts’ opinion; designate (filed with the province) or reject an application, keep or withdraw a designated base',
        params: ZId,
        body: ZBaseReviewInput,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => reviewBase(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/publicity/bases/:id/provincial',
    {
      schema: {
        tags,
        summary: 'The provincial meeting raises a filed base to a provincial base',
        params: ZId,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => raiseBaseToProvincial(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/publicity/bases/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a designated base, with a reason',
        params: ZId,
        body: ZReasonInput,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => withdrawBase(db, actorOf(req), req.params.id, req.body.reason, now()),
  );
  r.post(
    '/api/publicity/bases/:id/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit to a base: groups, visitors, enterprises (non-negative integers)',
        params: ZId,
        body: ZVisitInput,
        response: { 201: ZCreated, ...writeResponses },
      },
      onRequest: requirePermission('publicity:apply'),
    },
    async (req, reply) =>
      reply.code(201).send(await recordBaseVisit(db, actorOf(req), req.params.id, req.body, now())),
  );
  r.post(
    '/api/publicity/bases/:id/files',
    {
      bodyLimit: PUBLICITY_FILE_MAX_BYTES + 1,
      schema: {
        tags,
        summary:
          'Add a photo or material to a base (raw body, application/octet-stream): its employer or HRSS',
        params: ZId,
        querystring: ZFileQuery,
        response: { 201: ZPublicityFile, ...writeResponses },
      },
      onRequest: requirePermission('publicity:apply'),
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await attachPublicityFile(
            db,
            actorOf(req),
            'base',
            req.params.id,
            { ...req.query, body: req.body as AsyncIterable<Buffer>, uploadDir: config.uploadDir },
            now(),
          ),
        ),
  );
  r.get(
    '/api/publicity/base-coverage',
    {
      schema: {
        tags,
        summary:
          'Base coverage: every prefecture and county with or without a designated base (red where none)',
        querystring: z.object({ jurisdiction: z.string().optional() }),
        response: { 200: ZBaseCoverage, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => describeBaseCoverage(db, actorOf(req), req.query),
  );
  r.get(
    '/api/publicity/favoured-projects',
    {
      schema: {
        tags,
        summary:
          'Prevention projects declared by employers holding a designated base: the meeting favours them',
        querystring: z.object({ jurisdiction: z.string().optional() }),
        response: { 200: ZFavouredProjects, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => listFavouredProjects(db, actorOf(req), req.query),
  );
}
