import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import {
  ZProvider,
  ZProviderApplication,
  ZProviderList,
  ZProviderListQuery,
  ZProviderRemoval,
  ZProviderReview,
  ZPublicProviderList,
  ZPublicProviderQuery,
} from './providers.schema.js';
import {
  applyAsTrainingProvider,
  listOwnTrainingProviders,
  listRecommendedProviders,
  listTrainingProviders,
  removeTrainingProvider,
  reviewTrainingProvider,
} from './providers.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['training'];

/** Recommended training institutions and online platforms (TR-5). */
export async function providersRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/training-providers',
    {
      schema: {
        tags,
        summary: 'Apply for the recommended list: a training institution or online platform (TR-5)',
        body: ZProviderApplication,
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
      onRequest: requirePermission('training:apply'),
    },
    async (req, reply) => reply.code(201).send(await applyAsTrainingProvider(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/own-training-providers',
    {
      schema: {
        tags,
        summary: 'The applying organisation’s own applications and their outcome',
        response: { 200: ZProviderList, ...errorResponses },
      },
      onRequest: requirePermission('training:apply'),
    },
    async (req) => listOwnTrainingProviders(db, actorOf(req)),
  );
  r.get(
    '/api/training-providers',
    {
      schema: {
        tags,
        summary: 'Applications and listed providers of the jurisdictions in scope',
        querystring: ZProviderListQuery,
        response: { 200: ZProviderList, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listTrainingProviders(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training-providers/:id/review',
    {
      schema: {
        tags,
        summary: 'Review an application (qualification, reputation, service) and list or reject it',
        params: ZId,
        body: ZProviderReview,
        response: { 200: ZProvider, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => reviewTrainingProvider(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/training-providers/:id/remove',
    {
      schema: {
        tags,
        summary: 'Remove a provider from the recommended list, with the reason',
        params: ZId,
        body: ZProviderRemoval,
        response: { 200: ZProvider, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => removeTrainingProvider(db, actorOf(req), req.params.id, req.body.reason),
  );
  r.get(
    '/api/public/training-providers',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: the recommended training institutions and online platforms; no sign-in',
        security: [],
        querystring: ZPublicProviderQuery,
        response: { 200: ZPublicProviderList, 404: ZError },
      },
    },
    async (req) => listRecommendedProviders(db, req.query),
  );
}
