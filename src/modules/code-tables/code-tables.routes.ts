import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { listIndustries } from './code-tables.service.js';

const ZIndustryTable = z
  .object({
    version: z.string().describe('Edition of GB/T 4754, e.g. 2017'),
    effectiveFrom: z.string().describe('Date the edition took effect'),
    items: z.array(
      z.object({
        code: z.string().describe('Section letter or 2-digit division'),
        name: z.string(),
        parentCode: z.string().nullable().describe('Section of a division'),
        level: z.string().describe('section | division'),
      }),
    ),
  })
  .meta({ id: 'IndustryTable' });

export async function codeTablesRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/code-tables/industries',
    {
      schema: {
        tags: ['code-tables'],
        summary: 'GB/T 4754 industry classification (sections and divisions)',
        response: { 200: ZIndustryTable, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async () => listIndustries(db),
  );
}
