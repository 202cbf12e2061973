import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { ZDecideBudgetInput, ZFinanceChain, ZSubmitBudgetInput } from './finance.schema.js';
import * as finance from './finance.service.js';
import { ZBudgetParams } from './projects.schema.js';

const tags = ['projects'];
const errors = { ...errorResponses, 409: ZError };

/** The finance step of the prevention-fee budget (PP-1). */
export async function financeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/prevention-budgets/:code/:year/finance',
    {
      schema: {
        tags,
        summary:
          'The budget’s finance chain: status, last year beside it, approvals, payments by project (PP-1)',
        params: ZBudgetParams,
        response: { 200: ZFinanceChain, ...errors },
      },
      onRequest: requirePermission('projects:read'),
    },
    async (req) => finance.getFinanceChain(db, actorOf(req), req.params.code, req.params.year),
  );
  r.post(
    '/api/prevention-budgets/:code/:year/submission',
    {
      schema: {
        tags,
        summary: 'HRSS submits the year’s budget to the finance unit with last year’s account (PP-1)',
        params: ZBudgetParams,
        body: ZSubmitBudgetInput,
        response: { 200: ZFinanceChain, ...errors },
      },
      onRequest: requirePermission('projects:manage'),
    },
    async (req) => finance.submitBudget(db, actorOf(req), req.params.code, req.params.year, req.body),
  );
  r.post(
    '/api/prevention-budgets/:code/:year/finance-decision',
    {
      schema: {
        tags,
        summary: 'The finance unit (财政) approves (≤ the cap) or returns the submitted budget (PP-1)',
        params: ZBudgetParams,
        body: ZDecideBudgetInput,
        response: { 200: ZFinanceChain, ...errors },
      },
      onRequest: requirePermission('finance:approve'),
    },
    async (req) => finance.decideBudget(db, actorOf(req), req.params.code, req.params.year, req.body),
  );
}
