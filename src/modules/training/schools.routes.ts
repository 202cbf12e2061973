import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';
import {
  ZAssessmentInput,
  ZAssessmentResult,
  ZPlacementInput,
  ZSchoolClassInput,
  ZSchoolClassList,
  ZSchoolClassQuery,
  ZSchoolCourseList,
  ZSchoolCoverage,
  ZStudentInput,
  ZStudentList,
} from './schools.schema.js';
import {
  addSchoolStudent,
  createSchoolClass,
  describeSchoolCoverage,
  listSchoolClasses,
  listSchoolCourses,
  listSchoolStudents,
  placeIntern,
  recordSchoolAssessment,
} from './schools.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZCreated = z.object({ id: z.number() });
const tags = ['training'];

/** Technical schools (TR-3): classes, students, pre-internship assessments, placements, coverage. */
export async function schoolsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/training/schools/coverage',
    {
      schema: {
        tags,
        summary:
          'Coverage per technical school: students, passed pre-internship assessments, placements (TR-3)',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZSchoolCoverage, ...errorResponses },
      },
      onRequest: requirePermission('training:read'),
    },
    async (req) => describeSchoolCoverage(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/school-courses',
    {
      schema: {
        tags,
        summary:
          'Active courses a school may make the required course of a class: those that apply at the jurisdiction',
        querystring: z.object({ jurisdiction: ZJurisdictionCode.optional() }),
        response: { 200: ZSchoolCourseList, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req) => listSchoolCourses(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/school-classes',
    {
      schema: {
        tags,
        summary:
          'Classes of the technical schools in scope (a school account: its own) with their required course',
        querystring: ZSchoolClassQuery,
        response: { 200: ZSchoolClassList, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req) => listSchoolClasses(db, actorOf(req), req.query),
  );
  r.post(
    '/api/training/school-classes',
    {
      schema: {
        tags,
        summary: 'Record a class of a cohort and its required prevention course (TR-3)',
        body: ZSchoolClassInput,
        response: { 201: ZCreated, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req, reply) => reply.code(201).send(await createSchoolClass(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/training/school-classes/:id/students',
    {
      schema: {
        tags,
        summary: 'Students of a class with their best assessment and placement (masked unless allowed)',
        params: ZId,
        response: { 200: ZStudentList, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req) => listSchoolStudents(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/training/school-classes/:id/students',
    {
      schema: {
        tags,
        summary: 'Add a student to a class',
        params: ZId,
        body: ZStudentInput,
        response: { 201: ZCreated, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req, reply) =>
      reply.code(201).send(await addSchoolStudent(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/training/school-students/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Record a pre-internship assessment; it passes at the pass mark setting',
        params: ZId,
        body: ZAssessmentInput,
        response: { 201: ZAssessmentResult, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req, reply) =>
      reply.code(201).send(await recordSchoolAssessment(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/training/school-students/:id/placements',
    {
      schema: {
        tags,
        summary:
          'Place a student in an internship: refused (400 naming the student) without a passed assessment',
        params: ZId,
        body: ZPlacementInput,
        response: { 201: ZCreated, ...errorResponses },
      },
      onRequest: requirePermission('training:school'),
    },
    async (req, reply) => reply.code(201).send(await placeIntern(db, actorOf(req), req.params.id, req.body)),
  );
}
