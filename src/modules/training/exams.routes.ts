import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { languageOf } from '../../platform/i18n/messages.js';
import { now } from '../../platform/time.js';
import {
  ZExamAnswers,
  ZExamAttempt,
  ZExamAttemptList,
  ZExamResult,
  ZQuestionImportQuery,
  ZQuestionImportResult,
  ZQuestionList,
} from './exams.schema.js';
import {
  importQuestions,
  listExamAttempts,
  listQuestions,
  startExamAttempt,
  submitExamAnswers,
} from './exams.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const writeResponses = { ...errorResponses, 409: ZError };
/** A question workbook is small: a bank of thousands of questions is a few hundred KB. */
const QUESTION_FILE_MAX_BYTES = 10 * 1024 * 1024;

async function bufferOf(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw badRequest('training.file_too_large', 'file', { max: maxBytes / 1024 / 1024 });
    chunks.push(chunk);
  }
  if (size === 0) throw badRequest('attachment.empty', 'file');
  return Buffer.concat(chunks);
}

/** Question banks and exams (TR-4). */
export async function examsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.post(
    '/api/training/courses/:id/questions/import',
    {
      bodyLimit: QUESTION_FILE_MAX_BYTES + 1,
      schema: {
        tags: ['training'],
        summary:
          'Import a course’s question bank from an XLSX workbook (raw body, application/octet-stream): valid rows kept, bad rows named by line and column',
        params: ZId,
        querystring: ZQuestionImportQuery,
        response: { 200: ZQuestionImportResult, ...writeResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) =>
      importQuestions(db, actorOf(req), req.params.id, {
        fileName: req.query.fileName,
        body: await bufferOf(req.body as AsyncIterable<Buffer>, QUESTION_FILE_MAX_BYTES),
        language: languageOf(req),
      }),
  );
  r.get(
    '/api/training/courses/:id/questions',
    {
      schema: {
        tags: ['training'],
        summary: 'A course’s question bank, with the answers (officers)',
        params: ZId,
        response: { 200: ZQuestionList, ...errorResponses },
      },
      onRequest: requirePermission('training:manage'),
    },
    async (req) => listQuestions(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/study/courses/:id/exam-attempts',
    {
      schema: {
        tags: ['study'],
        summary: 'The learner’s own attempts at a course’s exam, with their results',
        params: ZId,
        response: { 200: ZExamAttemptList, ...errorResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => listExamAttempts(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/study/courses/:id/exam-attempts',
    {
      schema: {
        tags: ['study'],
        summary:
          'Start (or resume) an attempt at a course’s exam: a paper drawn at random and recorded, with a deadline',
        params: ZId,
        response: { 200: ZExamAttempt, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => startExamAttempt(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/study/exam-attempts/:id/answers',
    {
      schema: {
        tags: ['study'],
        summary:
          'Hand in a paper’s answers: scored by the server; refused for another learner’s paper or after the time limit',
        params: ZId,
        body: ZExamAnswers,
        response: { 200: ZExamResult, ...writeResponses },
      },
      onRequest: requirePermission('training:study'),
    },
    async (req) => submitExamAnswers(db, actorOf(req), req.params.id, req.body, now()),
  );
}
