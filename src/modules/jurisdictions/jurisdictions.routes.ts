import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  ZJurisdiction,
  ZJurisdictionCode,
  ZJurisdictionDetail,
  ZJurisdictionListQuery,
} from './jurisdictions.schema.js';
import { describeJurisdiction, listJurisdictions } from './jurisdictions.service.js';

export async function jurisdictionsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jurisdictions',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: 'Jurisdictions in your scope (ORG-1)',
        querystring: ZJurisdictionListQuery,
        response: { 200: z.object({ items: z.array(ZJurisdiction) }), ...errorResponses },
      },
      onRequest: requirePermission('jurisdictions:read'),
    },
    async (req) => ({ items: await listJurisdictions(db, actorOf(req), req.query) }),
  );
  r.get(
    '/api/jurisdictions/:code',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: 'One jurisdiction with its ancestors and children',
        params: z.object({ code: ZJurisdictionCode }),
        response: { 200: ZJurisdictionDetail, ...errorResponses },
      },
      onRequest: requirePermission('jurisdictions:read'),
    },
    async (req) => describeJurisdiction(db, actorOf(req), req.params.code),
  );
}
