import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { now } from '../../platform/time.js';
import { ZRectificationDetail } from '../joint-meeting/workflow.schema.js';
import { ZMyEmployer, ZProjectsToJoin, ZRectificationAnswer } from './my-employer.schema.js';
import { answerOwnRectification, describeOwnEmployer, listProjectsToJoin } from './my-employer.service.js';

const tags = ['my-employer'];

/** 本单位 (issue 17 item 7): an employer account's own record and its answers to rectifications. */
export async function myEmployerRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/my-employer',
    {
      schema: {
        tags,
        summary:
          'The employer’s own record: headcount and injuries by year, injuries (masked, audited), rectification suggestions, key-post coverage, rate notices, projects',
        response: { 200: ZMyEmployer, ...errorResponses },
      },
      onRequest: requirePermission('employer:own'),
    },
    async (req) => describeOwnEmployer(db, actorOf(req), { lang: languageOf(req), now: now() }),
  );
  r.get(
    '/api/my-employer/projects',
    {
      schema: {
        tags,
        summary:
          'Funded training projects the employer may join: its jurisdiction and above, under way, of its industry, with the organiser’s contact',
        response: { 200: ZProjectsToJoin, ...errorResponses },
      },
      onRequest: requirePermission('employer:own'),
    },
    async (req) => listProjectsToJoin(db, actorOf(req)),
  );
  r.post(
    '/api/my-employer/rectifications/:id/answers',
    {
      schema: {
        tags,
        summary:
          'The employer answers a rectification suggestion addressed to it (整改情况反馈): issued → rectifying',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: ZRectificationAnswer,
        response: {
          201: z.object({ followUpId: z.number().int(), rectification: ZRectificationDetail }),
          ...errorResponses,
          409: ZError,
        },
      },
      onRequest: requirePermission('employer:own'),
    },
    async (req, reply) =>
      reply.code(201).send(await answerOwnRectification(db, actorOf(req), req.params.id, req.body, now())),
  );
}
