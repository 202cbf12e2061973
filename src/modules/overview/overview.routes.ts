import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { ZOverview, ZOverviewQuery, ZOverviewVersion, ZOverviewVersionQuery } from './overview.schema.js';
import { describeOverview, describeOverviewVersion, type OverviewSource } from './overview.service.js';

/** The overview screen (AN-7, 数据大屏): its data in one request, and the version it polls. */
export async function overviewRoutes(
  app: FastifyInstance,
  { db, sources = [] }: { db: Db; sources?: readonly OverviewSource[] },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/overview',
    {
      schema: {
        tags: ['overview'],
        summary:
          'The overview screen in one request: headline figures against target, trend, the children on a map, key-industry shares, overdue work, extra panels (AN-7)',
        querystring: ZOverviewQuery,
        response: { 200: ZOverview, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) =>
      describeOverview(db, actorOf(req), req.query, {
        lang: languageOf(req),
        sources,
        log: (err, key) => req.log.error({ err, panel: key }, 'overview panel failed'),
      }),
  );
  r.get(
    '/api/overview/version',
    {
      schema: {
        tags: ['overview'],
        summary: 'The version of the overview’s figures: poll it, and fetch /api/overview when it changes',
        querystring: ZOverviewVersionQuery,
        response: { 200: ZOverviewVersion, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => describeOverviewVersion(db, actorOf(req), req.query, sources),
  );
}
