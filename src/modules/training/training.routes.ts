import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError, ZOk } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  ZCertificateCheck,
  ZCompletionInput,
  ZCompletionResult,
  ZCourse,
  ZCourseInput,
  ZCoverage,
  ZCoverageGaps,
  ZCoverageQuery,
  ZHolderEnd,
  ZHolderInput,
  ZHolderList,
  ZHolderListQuery,
  ZTarget,
  ZTargetInput,
  ZTrainingRoles,
  ZTrainingRolesInput,
  ZTrainingRolesQuery,
} from './training.schema.js';
import {
  addKeyPostHolder,
  createCourse,
  describeTrainingCoverage,
  endKeyPostHolder,
  listCourses,
  listCoverageGaps,
  listKeyPostHolders,
  listTrainingRoles,
  recordCompletion,
  setTrainingRoles,
  setTrainingTarget,
  verifyCertificate,
} from './training.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZCreated = z.object({ id: z.number() });

export async function trainingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/training/roles',
    {
      schema: {
        tags: ['training'],
        summary: 'The key posts a plan period requires trained (TR-1); default: the current period',
        querystring: ZTrainingRolesQuery,
        response: { 200: ZTrainingRoles, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async (req) => listTrainingRoles(db, req.query.planPeriod),
  );
  r.put(
    '/api/training/roles',
    {
      schema: {
        tags: ['training'],
        summary:
          'Set the key posts of a plan period as a whole (province HRSS); a post still held or taught cannot be removed',
        body: ZTrainingRolesInput,
        response: { 200: ZTrainingRoles, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => setTrainingRoles(db, actorOf(req), req.body),
  );
  r.get(
    '/api/training/coverage',
    {
      schema: {
        tags: ['training'],
        summary:
          'Training coverage of key posts in key enterprises (TR-1, TR-2): by role, child area and key industry, against the target',
        querystring: ZCoverageQuery,
        response: { 200: ZCoverage, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => describeTrainingCoverage(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/coverage/gaps',
    {
      schema: {
        tags: ['training'],
        summary: 'Key enterprises below the coverage target, with their untrained posts by role',
        querystring: ZCoverageQuery,
        response: { 200: ZCoverageGaps, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listCoverageGaps(db, actorOf(req), req.query),
  );
  r.put(
    '/api/training/targets',
    {
      schema: {
        tags: ['training'],
        summary: 'Set a jurisdiction’s own coverage target and due date for a plan period',
        body: ZTargetInput,
        response: { 200: ZTarget, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => setTrainingTarget(db, actorOf(req), req.body),
  );
  r.get(
    '/api/training/holders',
    {
      schema: {
        tags: ['training'],
        summary:
          'Key-post holders of key enterprises in scope, trained or not (names and 身份证号 masked unless allowed)',
        querystring: ZHolderListQuery,
        response: { 200: ZHolderList, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listKeyPostHolders(db, actorOf(req), req.query),
  );
  r.get(
    '/api/own-training/holders',
    {
      schema: {
        tags: ['training'],
        summary: 'An employer’s own key-post holders (the employer account)',
        querystring: ZHolderListQuery,
        response: { 200: ZHolderList, ...errorResponses },
      },
      onRequest: requirePermission('training:register'),
    },
    async (req) => listKeyPostHolders(db, actorOf(req), { ...req.query, ownOnly: true }),
  );
  r.post(
    '/api/training/holders',
    {
      schema: {
        tags: ['training'],
        summary: 'Register a person in a key post (the employer for itself, or an HRSS officer)',
        body: ZHolderInput,
        response: { 201: ZCreated, ...errorResponses },
      },
      onRequest: requirePermission('training:register'),
    },
    async (req, reply) => reply.code(201).send(await addKeyPostHolder(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/training/holders/:id/end',
    {
      schema: {
        tags: ['training'],
        summary: 'A person left the post: the duty to be trained ends that day',
        params: ZId,
        body: ZHolderEnd,
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission('training:register'),
    },
    async (req) => endKeyPostHolder(db, actorOf(req), req.params.id, req.body.endedOn),
  );
  r.get(
    '/api/training/courses',
    {
      schema: {
        tags: ['training'],
        summary: 'Courses that apply at a jurisdiction: set up there, above it or below it (TR-1, TR-4)',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: z.object({ total: z.number(), items: z.array(ZCourse) }), ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => listCourses(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training/courses',
    {
      schema: {
        tags: ['training'],
        summary: 'Set up a course: form, key posts and industries served, content, hours, provider',
        body: ZCourseInput,
        response: { 201: ZCreated, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req, reply) => reply.code(201).send(await createCourse(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/training/completions',
    {
      schema: {
        tags: ['training'],
        summary: 'Record a completed course for a person and issue its certificate number (TR-4)',
        body: ZCompletionInput,
        response: { 201: ZCompletionResult, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req, reply) => reply.code(201).send(await recordCompletion(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/public/certificates/:number',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: check a training certificate by its number (name masked); no sign-in',
        security: [],
        params: z.object({ number: z.string().trim().min(4).max(40) }),
        response: { 200: ZCertificateCheck, 404: ZError },
      },
    },
    async (req) => verifyCertificate(db, req.params.number),
  );
}
