import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import {
  ZBulletin,
  ZBulletinCandidates,
  ZBulletinEdit,
  ZBulletinInput,
  ZBulletinList,
  ZBulletinListQuery,
  ZCandidatesQuery,
} from './bulletins.schema.js';
import {
  approveBulletin,
  draftBulletin,
  editBulletin,
  getBulletin,
  listBulletinCandidates,
  listBulletins,
  publishBulletin,
} from './bulletins.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });

export async function bulletinsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        summary:
          'Typical-accident bulletins you may see: your scope’s, and those published by the jurisdictions above yours (AN-4)',
        querystring: ZBulletinListQuery,
        response: { 200: ZBulletinList, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:read'),
    },
    async (req) => listBulletins(db, actorOf(req), req.query),
  );
  r.get(
    '/api/bulletins/candidates',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Accidents and serious or fatal injuries of a year to draft a bulletin from (names masked)',
        querystring: ZCandidatesQuery,
        response: { 200: ZBulletinCandidates, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:draft'),
    },
    async (req) => listBulletinCandidates(db, actorOf(req), req.query),
  );
  r.get(
    '/api/bulletins/:id',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'One bulletin with its text and the facts it was drafted from',
        params: ZId,
        response: { 200: ZBulletin, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:read'),
    },
    async (req) => getBulletin(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Draft a 典型事故通报 from chosen accident and injury records, the facts filled in',
        body: ZBulletinInput,
        response: { 201: ZBulletin, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:draft'),
    },
    async (req, reply) => reply.code(201).send(await draftBulletin(db, actorOf(req), req.body)),
  );
  r.put(
    '/api/bulletins/:id',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Edit a draft’s title and text (409 once approved)',
        params: ZId,
        body: ZBulletinEdit,
        response: { 200: ZBulletin, 409: ZError, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:draft'),
    },
    async (req) => editBulletin(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/bulletins/:id/approve',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'draft → approved, by an officer other than the drafter (409 otherwise)',
        params: ZId,
        response: { 200: ZBulletin, 409: ZError, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:approve'),
    },
    async (req) => approveBulletin(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/bulletins/:id/publish',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'approved → published to the jurisdiction and every one below it (409 otherwise)',
        params: ZId,
        response: { 200: ZBulletin, 409: ZError, ...errorResponses },
      },
      onRequest: requirePermission('bulletins:approve'),
    },
    async (req) => publishBulletin(db, actorOf(req), req.params.id),
  );
}
