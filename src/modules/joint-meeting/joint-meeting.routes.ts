import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  ZAddMemberInput,
  ZReplaceMemberInput,
  ZRoster,
  ZRosterMember,
  ZRosterParams,
} from './joint-meeting.schema.js';
import { addRosterMember, getRoster, replaceRosterMember } from './joint-meeting.service.js';
import { rosterChangeRoutes } from './roster-changes.routes.js';

export async function jointMeetingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/joint-meetings/:code/roster',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Roster of a jurisdiction’s joint meeting, current and history (JM-1)',
        params: ZRosterParams,
        response: { 200: ZRoster, ...errorResponses },
      },
      onRequest: requirePermission('roster:read'),
    },
    async (req) => getRoster(db, actorOf(req), req.params.code),
  );
  r.post(
    '/api/joint-meetings/:code/roster',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Add a roster position',
        params: ZRosterParams,
        body: ZAddMemberInput,
        response: { 201: ZRosterMember, ...errorResponses },
      },
      onRequest: requirePermission('roster:write'),
    },
    async (req, reply) =>
      reply.code(201).send(await addRosterMember(db, actorOf(req), req.params.code, req.body)),
  );
  r.post(
    '/api/roster-members/:id/replace',
    {
      schema: {
        tags: ['joint-meeting'],
        summary: 'Replace a roster member, with a reason and an effective date',
        params: z.object({ id: z.coerce.number().int().positive().describe('Roster member id') }),
        body: ZReplaceMemberInput,
        response: { 201: ZRosterMember, ...errorResponses },
      },
      onRequest: requirePermission('roster:write'),
    },
    async (req, reply) =>
      reply.code(201).send(await replaceRosterMember(db, actorOf(req), req.params.id, req.body)),
  );
  await rosterChangeRoutes(app, { db });
}
