import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  ZAttendanceInput,
  ZAttendanceResult,
  ZCodeSignIn,
  ZRosterInput,
  ZTrainingSessionInput,
  ZTrainingSessionList,
  ZTrainingSessionRoster,
} from './sessions.schema.js';
import {
  addToRoster,
  createTrainingSession,
  getSessionRoster,
  listTrainingSessions,
  recordAttendance,
  signInWithCode,
} from './sessions.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const writeResponses = { ...errorResponses, 409: ZError };

/** Offline sessions: roster, attendance sign-in, hours (TR-4). */
export async function trainingSessionsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];
  r.post(
    '/api/training/courses/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Schedule an offline session of a course: date, place, hours, optional sign-in code',
        params: ZId,
        body: ZTrainingSessionInput,
        response: { 201: z.object({ id: z.number() }), ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(await createTrainingSession(db, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/training/courses/:id/sessions',
    {
      schema: {
        tags,
        summary: 'A course’s offline sessions with roster and attendance counts',
        params: ZId,
        response: { 200: ZTrainingSessionList, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listTrainingSessions(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/training/sessions/:id',
    {
      schema: {
        tags,
        summary: 'A session’s roster and attendance (names masked unless allowed; views recorded)',
        params: ZId,
        response: { 200: ZTrainingSessionRoster, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => getSessionRoster(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/sessions/:id/roster',
    {
      schema: {
        tags,
        summary: 'Put key-post holders in scope on a session’s roster',
        params: ZId,
        body: ZRosterInput,
        response: { 200: z.object({ added: z.number() }), ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => addToRoster(db, actorOf(req), req.params.id, req.body.holderIds),
  );
  r.post(
    '/api/training/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'The organiser records a rostered holder’s attendance (the completion follows when due)',
        params: ZId,
        body: ZAttendanceInput,
        response: { 200: ZAttendanceResult, ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => recordAttendance(db, actorOf(req), req.params.id, req.body.holderId, now()),
  );
  r.post(
    '/api/study/offline-sessions/:id/sign-in',
    {
      schema: {
        tags: ['study'],
        summary: 'A rostered learner signs in to an offline session with its code, on the day',
        params: ZId,
        body: ZCodeSignIn,
        response: { 200: ZAttendanceResult, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => signInWithCode(db, actorOf(req), req.params.id, req.body.code, now()),
  );
}
