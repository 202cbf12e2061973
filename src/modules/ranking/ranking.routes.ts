import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  ZAdoption,
  ZAdoptionInput,
  ZAdoptionList,
  ZEnterpriseRanking,
  ZEnterpriseRankingQuery,
  ZIndustryRanking,
  ZIndustryRankingQuery,
} from './ranking.schema.js';
import { adoptRanking, listAdoptions, rankEnterprises, rankIndustries } from './ranking.service.js';

export async function rankingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/ranking/industries',
    {
      schema: {
        tags: ['ranking'],
        summary:
          'Yearly ranking of industries (GB/T 4754 divisions or key industries) by injury rate or count (AN-3)',
        querystring: ZIndustryRankingQuery,
        response: { 200: ZIndustryRanking, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => rankIndustries(db, actorOf(req), req.query),
  );
  r.get(
    '/api/ranking/enterprises',
    {
      schema: {
        tags: ['ranking'],
        summary:
          'Yearly ranking of employers by injury rate with credibility: raw rate, credibility weight and the rate shrunk toward the industry (AN-3)',
        querystring: ZEnterpriseRankingQuery,
        response: { 200: ZEnterpriseRanking, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => rankEnterprises(db, actorOf(req), req.query),
  );
  r.get(
    '/api/ranking/adoptions',
    {
      schema: {
        tags: ['ranking'],
        summary: 'Adoptions of rankings into the key-enterprise ledger, standing and superseded (history)',
        querystring: z.object({
          jurisdiction: ZJurisdictionCode.optional(),
          year: z.coerce.number().int().min(1990).max(2100).optional(),
        }),
        response: { 200: ZAdoptionList, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => listAdoptions(db, actorOf(req), req.query),
  );
  r.post(
    '/api/ranking/adoptions',
    {
      schema: {
        tags: ['ranking'],
        summary:
          'The joint meeting adopts the top N (or a selection) of a year’s ranking into the key-enterprise ledger; a standing adoption of the same year is superseded and kept',
        body: ZAdoptionInput,
        response: { 201: ZAdoption, ...errorResponses },
      },
      onRequest: requirePermission('analytics:adopt'),
    },
    async (req, reply) => reply.code(201).send(await adoptRanking(db, actorOf(req), req.body)),
  );
}
