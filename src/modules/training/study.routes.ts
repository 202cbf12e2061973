import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { errorResponses, ZError, ZOk } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { createLearnerAccount } from './learners.service.js';
import {
  ZHeartbeatInput,
  ZHeartbeatResult,
  ZLearnerAccount,
  ZLearnerAccountInput,
  ZSegmentInput,
  ZSegmentList,
  ZStudyCourse,
  ZStudyCourses,
  ZStudySessionStarted,
  ZVideoUploaded,
  ZVideoUploadQuery,
} from './study.schema.js';
import {
  addSegment,
  endStudySession,
  findSegmentVideo,
  getStudyCourse,
  listSegments,
  listStudyCourses,
  recordHeartbeat,
  startStudySession,
  uploadSegmentVideo,
} from './study.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const writeResponses = { ...errorResponses, 409: ZError };
/** The route's own ceiling; the setting training.study.videoMaxMegabytes decides below it. */
const VIDEO_BODY_LIMIT = 4096 * 1024 * 1024;

/** Online study (TR-6): segments and videos, learner accounts, study sessions and heartbeats. */
export async function studyRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.post(
    '/api/training/courses/:id/segments',
    {
      schema: {
        tags: ['training'],
        summary: 'Add a segment (章节) at the end of a course’s online part',
        params: ZId,
        body: ZSegmentInput,
        response: { 201: z.object({ id: z.number(), seq: z.number() }), ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req, reply) => reply.code(201).send(await addSegment(db, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/training/courses/:id/segments',
    {
      schema: {
        tags: ['training'],
        summary: 'A course’s segments in order, with their videos',
        params: ZId,
        response: { 200: ZSegmentList, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listSegments(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/segments/:id/video',
    {
      bodyLimit: VIDEO_BODY_LIMIT,
      schema: {
        tags: ['training'],
        summary:
          'Upload a segment’s video (raw body, application/octet-stream; mp4, webm, ogv, mov; size limit a setting)',
        params: ZId,
        querystring: ZVideoUploadQuery,
        response: { 201: ZVideoUploaded, ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(
        await uploadSegmentVideo(
          db,
          actorOf(req),
          req.params.id,
          {
            fileName: req.query.fileName,
            body: req.body as AsyncIterable<Buffer>,
            uploadDir: config.uploadDir,
          },
          now(),
        ),
      ),
  );
  r.get(
    '/api/study/segments/:id/video',
    {
      schema: {
        tags: ['study'],
        summary: 'A segment’s video, with Range requests (206); a learner’s locked segments are refused',
        params: ZId,
        response: {
          200: z.any().describe('The video'),
          206: z.any().describe('Part of it'),
          ...writeResponses,
        },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req, reply) => {
      const file = await findSegmentVideo(db, actorOf(req), req.params.id);
      return sendStoredFile(req, reply, config.uploadDir, { ...file, inline: true });
    },
  );
  r.post(
    '/api/training/holders/:id/learner',
    {
      schema: {
        tags: ['training'],
        summary: 'Create the learner account of a key-post holder (the employer, or an officer in scope)',
        params: ZId,
        body: ZLearnerAccountInput,
        response: { 201: ZLearnerAccount, ...writeResponses },
      },
      onRequest: requirePermission('training:register'),
    },
    async (req, reply) =>
      reply.code(201).send(await createLearnerAccount(db, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/study/courses',
    {
      schema: {
        tags: ['study'],
        summary: 'The learner’s courses (serving the learner’s post), with where the learner stands',
        response: { 200: ZStudyCourses, ...errorResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => listStudyCourses(db, actorOf(req)),
  );
  r.get(
    '/api/study/courses/:id',
    {
      schema: {
        tags: ['study'],
        summary: 'A course for the study page: segments with progress (locked ahead), sessions, standing',
        params: ZId,
        response: { 200: ZStudyCourse, ...errorResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => getStudyCourse(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/study/courses/:id/sessions',
    {
      schema: {
        tags: ['study'],
        summary: 'Start a study session of a course; the learner’s other active session ends',
        params: ZId,
        response: { 201: ZStudySessionStarted, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req, reply) =>
      reply.code(201).send(await startStudySession(db, actorOf(req), req.params.id, now())),
  );
  r.post(
    '/api/study/sessions/:id/heartbeat',
    {
      schema: {
        tags: ['study'],
        summary:
          'A study heartbeat on a segment: the server credits the time elapsed since the last one (never more); skipping ahead, ended and idle sessions refused',
        params: ZId,
        body: ZHeartbeatInput,
        response: { 200: ZHeartbeatResult, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => recordHeartbeat(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/study/sessions/:id/end',
    {
      schema: {
        tags: ['study'],
        summary: 'End one’s own study session',
        params: ZId,
        response: { 200: ZOk, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => endStudySession(db, actorOf(req), req.params.id, now()),
  );
}
