import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  ZCreateExpertInput,
  ZExpert,
  ZExpertDetail,
  ZExpertField,
  ZExpertFieldInput,
  ZExpertListQuery,
  ZExpertRecordInput,
  ZExpertRelationInput,
  ZExpertShareAnswer,
  ZExpertShareInput,
  ZExpertShareStatus,
  ZIdParams,
  ZIncomingExpertShare,
  ZReviewExpertInput,
} from './experts.schema.js';
import {
  addExpertField,
  addExpertRelation,
  answerExpertShare,
  createExpert,
  getExpert,
  listExperts,
  listIncomingExpertShares,
  recordExpertEntry,
  reviewExpert,
  shareExpert,
} from './experts.service.js';

const tags = ['experts'];
const errors = { ...errorResponses, 409: errorResponses[400] };

export async function expertsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/expert-fields',
    {
      schema: {
        tags,
        summary: 'Add a field a unit recommended (EX-1)',
        body: ZExpertFieldInput,
        response: { 201: ZExpertField, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req, reply) => reply.code(201).send(await addExpertField(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/experts',
    {
      schema: {
        tags,
        summary: 'The expert pool of one’s scope; phone and 身份证号 masked (EX-1)',
        querystring: ZExpertListQuery,
        response: {
          200: z.object({
            items: z.array(ZExpert),
            total: z.number().int(),
            fields: z.array(ZExpertField).describe('Fields that apply to the pool'),
          }),
          ...errors,
        },
      },
      onRequest: requirePermission('experts:read'),
    },
    async (req) => {
      const { items, fields } = await listExperts(db, actorOf(req), req.query);
      return { items, total: items.length, fields };
    },
  );
  r.post(
    '/api/experts',
    {
      schema: {
        tags,
        summary: 'Add an expert, pending qualification review (EX-1, EX-2)',
        body: ZCreateExpertInput,
        response: { 201: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req, reply) => reply.code(201).send(await createExpert(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/experts/:id',
    {
      schema: {
        tags,
        summary: 'An expert with relations, file and shares (EX-2)',
        params: ZIdParams,
        response: { 200: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:read'),
    },
    async (req) => getExpert(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/experts/:id/review',
    {
      schema: {
        tags,
        summary: 'Qualification review: approve for a term, or reject (EX-2)',
        params: ZIdParams,
        body: ZReviewExpertInput,
        response: { 200: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => reviewExpert(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/experts/:id/records',
    {
      schema: {
        tags,
        summary: 'Term evaluation, discipline, suspension, reinstatement or renewal (EX-2)',
        params: ZIdParams,
        body: ZExpertRecordInput,
        response: { 200: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => recordExpertEntry(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/experts/:id/relations',
    {
      schema: {
        tags,
        summary: 'A declared relation with an organisation (conflict of interest) (EX-3)',
        params: ZIdParams,
        body: ZExpertRelationInput,
        response: { 200: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => addExpertRelation(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/experts/:id/shares',
    {
      schema: {
        tags,
        summary: 'Share the expert with another jurisdiction by agreement (EX-4)',
        params: ZIdParams,
        body: ZExpertShareInput,
        response: { 200: ZExpertDetail, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => shareExpert(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/expert-shares',
    {
      schema: {
        tags,
        summary:
          'Experts other pools offered into your scope, to accept or decline (EX-4); only accepted ones are drawable',
        querystring: z.object({ status: ZExpertShareStatus.optional() }),
        response: { 200: z.object({ total: z.number(), items: z.array(ZIncomingExpertShare) }), ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => listIncomingExpertShares(db, actorOf(req), req.query),
  );
  r.post(
    '/api/expert-shares/:id/answer',
    {
      schema: {
        tags,
        summary: 'Accept or decline a pending share into your scope (the receiving side, EX-4); audited',
        params: ZIdParams,
        body: ZExpertShareAnswer,
        response: { 200: ZIncomingExpertShare, ...errors },
      },
      onRequest: requirePermission('experts:manage'),
    },
    async (req) => answerExpertShare(db, actorOf(req), req.params.id, req.body),
  );
}
