import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZOk } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { writeResponses, ZId } from './campaigns.routes.js';
import { listExamples, nominateExample, reviewExample } from './examples.service.js';
import { PUBLICITY_FILE_MAX_BYTES } from './files.service.js';
import {
  ZExample,
  ZExampleInput,
  ZExampleQuery,
  ZExampleReviewInput,
  ZFileQuery,
  ZPublicityFile,
} from './publicity.schema.js';
import { attachPublicityFile } from './publicity.service.js';

const tags = ['publicity'];
const ZCreated = z.object({ id: z.number() });

/** Advanced examples (PU-3). */
export async function examplesRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/publicity/examples',
    {
      schema: {
        tags,
        summary: 'Advanced examples and demonstration enterprises of a jurisdiction subtree (PU-3)',
        querystring: ZExampleQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(ZExample) }), ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req) => listExamples(db, actorOf(req), req.query),
  );
  r.post(
    '/api/publicity/examples',
    {
      schema: {
        tags,
        summary: 'Nominate an employer, project or person as an advanced example, with story and figures',
        body: ZExampleInput,
        response: { 201: ZCreated, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req, reply) => reply.code(201).send(await nominateExample(db, actorOf(req), req.body, now())),
  );
  r.post(
    '/api/publicity/examples/:id/review',
    {
      schema: {
        tags,
        summary: 'Publish a nominated example on the public pages, or reject it with a note',
        params: ZId,
        body: ZExampleReviewInput,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req) => reviewExample(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/publicity/examples/:id/files',
    {
      bodyLimit: PUBLICITY_FILE_MAX_BYTES + 1,
      schema: {
        tags,
        summary: 'Add a photo or material to an example (raw body, application/octet-stream)',
        params: ZId,
        querystring: ZFileQuery,
        response: { 201: ZPublicityFile, ...writeResponses },
      },
      onRequest: requirePermission('publicity:manage'),
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await attachPublicityFile(
            db,
            actorOf(req),
            'example',
            req.params.id,
            { ...req.query, body: req.body as AsyncIterable<Buffer>, uploadDir: config.uploadDir },
            now(),
          ),
        ),
  );
}
