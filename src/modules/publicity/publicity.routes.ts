import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { today } from '../../platform/time.js';
import { basesRoutes } from './bases.routes.js';
import { unsafeListPublicBases } from './bases.service.js';
import { campaignsRoutes, ZId } from './campaigns.routes.js';
import { unsafeListPublicCampaigns } from './campaigns.service.js';
import { examplesRoutes } from './examples.routes.js';
import { unsafeListPublicExamples } from './examples.service.js';
import { ZPublicBases, ZPublicCampaigns, ZPublicExamples, ZPublicQuery } from './publicity.schema.js';
import { openPublicityFile, unsafeOpenPublicImage } from './publicity.service.js';

const ZFileResponse = z.any().describe('The file');

/** Publicity (PU-1…3): campaigns, bases, examples, their files and the public pages' data. */
export async function publicityRoutes(app: FastifyInstance, deps: { db: Db; config: AppConfig }) {
  const { db, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  await campaignsRoutes(app, deps);
  await basesRoutes(app, deps);
  await examplesRoutes(app, deps);
  r.get(
    '/api/publicity/files/:id',
    {
      schema: {
        tags: ['publicity'],
        summary: 'Download a file of a campaign, base or example the user may see (audited)',
        params: ZId,
        response: { 200: ZFileResponse, ...errorResponses },
      },
      onRequest: requirePermission('publicity:read'),
    },
    async (req, reply) =>
      sendStoredFile(req, reply, config.uploadDir, await openPublicityFile(db, actorOf(req), req.params.id)),
  );
  r.get(
    '/api/public/publicity/campaigns',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: the campaign calendar of a year (default: this year); no sign-in',
        security: [],
        querystring: ZPublicQuery,
        response: { 200: ZPublicCampaigns, 400: ZError },
      },
    },
    async (req) =>
      unsafeListPublicCampaigns(db, {
        jurisdiction: req.query.jurisdiction,
        year: req.query.year ?? Number(today().slice(0, 4)),
      }),
  );
  r.get(
    '/api/public/publicity/bases',
    {
      schema: {
        tags: ['public'],
        summary:
          'Public: designated warning-education bases (address, opening times, how to book); no sign-in',
        security: [],
        querystring: ZPublicQuery,
        response: { 200: ZPublicBases, 400: ZError },
      },
    },
    async (req) => unsafeListPublicBases(db, req.query),
  );
  r.get(
    '/api/public/publicity/examples',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: published advanced examples with story and figures; no sign-in',
        security: [],
        querystring: ZPublicQuery,
        response: { 200: ZPublicExamples, 400: ZError },
      },
    },
    async (req) => unsafeListPublicExamples(db, req.query),
  );
  r.get(
    '/api/public/publicity/images/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: the resized JPEG of a photo of a public campaign, base or example; no sign-in',
        security: [],
        params: ZId,
        response: { 200: ZFileResponse, 404: ZError },
      },
    },
    async (req, reply) =>
      sendStoredFile(req, reply, config.uploadDir, await unsafeOpenPublicImage(db, req.params.id)),
  );
}
