import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  ZRecomputeInput,
  ZRecomputeResult,
  ZRiskAlertList,
  ZRiskAlertQuery,
  ZRiskDetail,
  ZRiskDetailQuery,
  ZRiskFormula,
  ZRiskList,
  ZRiskListQuery,
} from './risk.schema.js';
import {
  describeRiskFormula,
  getRiskScore,
  listRiskAlerts,
  listRiskScores,
  recomputeAllRiskScores,
} from './risk.service.js';

/** The enterprise risk index (AN-5, decision 0035). */
export async function riskRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/risk/scores',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Enterprise risk indexes of a year in one’s scope, worst first, with the count of each grade (AN-5)',
        querystring: ZRiskListQuery,
        response: { 200: ZRiskList, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => listRiskScores(db, actorOf(req), req.query),
  );
  r.get(
    '/api/risk/scores/:employerId',
    {
      schema: {
        tags: ['risk'],
        summary:
          'One employer’s risk index: components, the records behind them, the formula and settings (AN-5)',
        params: z.object({ employerId: z.coerce.number().int().positive() }),
        querystring: ZRiskDetailQuery,
        response: { 200: ZRiskDetail, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => getRiskScore(db, actorOf(req), req.params.employerId, req.query.year),
  );
  r.get(
    '/api/risk/alerts',
    {
      schema: {
        tags: ['risk'],
        summary:
          'The risk alerts ledger: grades worsened and rates above the industry’s by the margin (AN-5)',
        querystring: ZRiskAlertQuery,
        response: { 200: ZRiskAlertList, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => listRiskAlerts(db, actorOf(req), req.query),
  );
  r.get(
    '/api/risk/formula',
    {
      schema: {
        tags: ['risk'],
        summary:
          'The risk index formula, its scales and the weights, grade bounds and alert margin that apply',
        querystring: z.object({ jurisdiction: ZRiskListQuery.shape.jurisdiction }),
        response: { 200: ZRiskFormula, ...errorResponses },
      },
      onRequest: requirePermission('analytics:read'),
    },
    async (req) => describeRiskFormula(db, actorOf(req), req.query.jurisdiction),
  );
  r.post(
    '/api/risk/recompute',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Recomputes every risk index of a year in a jurisdiction (at the root, refitting the credibility first)',
        body: ZRecomputeInput,
        response: { 200: ZRecomputeResult, ...errorResponses },
      },
      onRequest: requirePermission('analytics:configure'),
    },
    async (req) => recomputeAllRiskScores(db, actorOf(req), req.body, now()),
  );
}
