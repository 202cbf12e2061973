import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ZRosterParams } from './joint-meeting.schema.js';
import {
  ZRosterChange,
  ZRosterChangeId,
  ZRosterChangeInput,
  ZRosterChangeList,
  ZRosterChangeReturn,
} from './roster-changes.schema.js';
import {
  confirmRosterChange,
  listRosterChanges,
  proposeRosterChange,
  returnRosterChange,
  reviseRosterChange,
} from './roster-changes.service.js';

/** Roster changes proposed by a member unit and confirmed or returned by the meeting's office (JM-1). */
export async function rosterChangeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/joint-meetings/:code/roster-changes',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Roster change requests of a jurisdiction: the office sees all, a member unit its own',
        params: ZRosterParams,
        response: { 200: ZRosterChangeList, ...errorResponses },
      },
      onRequest: requirePermission('roster:read'),
    },
    async (req) => listRosterChanges(db, actorOf(req), req.params.code),
  );
  r.post(
    '/api/roster-members/:id/change-requests',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Propose who replaces one’s own unit’s member or liaison',
        params: z.object({ id: z.coerce.number().int().positive().describe('Roster member id') }),
        body: ZRosterChangeInput,
        response: { 201: ZRosterChange, ...errorResponses },
      },
      onRequest: requirePermission('roster:propose'),
    },
    async (req, reply) =>
      reply.code(201).send(await proposeRosterChange(db, actorOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/roster-change-requests/:id',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Revise a returned change request and propose it again',
        params: ZRosterChangeId,
        body: ZRosterChangeInput,
        response: { 200: ZRosterChange, ...errorResponses },
      },
      onRequest: requirePermission('roster:propose'),
    },
    async (req) => reviseRosterChange(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/roster-change-requests/:id/confirm',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'The office confirms a change request: the roster changes',
        params: ZRosterChangeId,
        response: { 200: ZRosterChange, ...errorResponses },
      },
      onRequest: requirePermission('roster:write'),
    },
    async (req) => confirmRosterChange(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/roster-change-requests/:id/return',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'The office returns a change request with a reason',
        params: ZRosterChangeId,
        body: ZRosterChangeReturn,
        response: { 200: ZRosterChange, ...errorResponses },
      },
      onRequest: requirePermission('roster:write'),
    },
    async (req) => returnRosterChange(db, actorOf(req), req.params.id, req.body),
  );
}
