import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../auth/guard.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../http/errors.js';
import { errorResponses, pageOf, ZPageQuery } from '../http/schemas.js';
import { listAuditRecords, verifyAuditChain } from './audit.service.js';

const ZAuditRecord = z
  .object({
    id: z.number().int(),
    at: z.string().describe('When (ISO 8601)'),
    actorUserId: z.number().int().nullable(),
    actorUsername: z.string().nullable(),
    action: z.string().describe('e.g. auth.login, organisation.update, personal-data.view'),
    outcome: z.string().describe('success | failure | denied'),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    jurisdictionPath: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.unknown().nullable(),
  })
  .meta({ id: 'AuditRecord' });

const ZAuditQuery = ZPageQuery.extend({
  action: z.string().trim().max(64).optional().describe('Action, or its prefix (e.g. auth.)'),
  actor: z.string().trim().max(64).optional().describe('Username of the actor'),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('From this instant (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Before this instant'),
});

const ZChainReport = z
  .object({
    checked: z.number().int().describe('Chained records verified'),
    legacy: z.number().int().describe('Records older than the chain (no hash), not judged'),
    firstBroken: z
      .object({
        id: z.number().int().describe('Id of the first record whose link fails'),
        reason: z
          .enum(['link', 'content', 'unchained'])
          .describe(
            'link: its prevHash is not the previous hash (a record removed or reordered); content: altered; unchained: inserted without a hash',
          ),
      })
      .nullable()
      .describe('null when the whole chain holds'),
    head: z
      .object({ id: z.number().int(), hash: z.string() })
      .nullable()
      .describe('The newest verified record and its hash'),
    archivedThrough: z.number().int().nullable().describe('Records up to this id are archived'),
  })
  .meta({ id: 'AuditChainReport' });

/** Read-only: the application offers no way to alter or delete an audit record. */
export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log of your jurisdiction and below (ORG-4)',
        querystring: ZAuditQuery,
        response: { 200: pageOf(ZAuditRecord), ...errorResponses },
      },
      onRequest: requirePermission('audit:read'),
    },
    async (req) => {
      const { from, to, ...rest } = req.query;
      const page = await listAuditRecords(db, actorOf(req), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return { total: page.total, items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Verify the audit log’s hash chain and name the first broken record (decision 0019); the national audit administrator only',
        response: { 200: ZChainReport, ...errorResponses },
      },
      onRequest: requirePermission('audit:read'),
    },
    async (req) => {
      // The chain is one for the whole deployment: its check is the top audit administrator's.
      if (actorOf(req).jurisdictionPath.includes('/')) throw forbidden();
      return verifyAuditChain(db);
    },
  );
}
