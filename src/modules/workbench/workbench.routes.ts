import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { ZWorkbench } from './workbench.schema.js';
import { describeWorkbench } from './workbench.service.js';

export async function workbenchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary: '工作台: counts of the work waiting for me, each with the link to the filtered page',
        response: { 200: ZWorkbench, ...errorResponses },
      },
      // Every signed-in user has a workbench; each card needs its own permission (the service checks).
      onRequest: requirePermission(null),
    },
    async (req) => describeWorkbench(db, actorOf(req), now()),
  );
}
