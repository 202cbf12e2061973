import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import {
  sendOfficialDocument,
  ZDocumentFormatQuery,
  ZDocumentResponse,
} from '../../platform/documents/send.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  describeChaseNotice,
  describeMeetingMinutes,
  describeMeetingNotice,
} from './meeting-documents.service.js';
import { ZIdParams } from './workflow.schema.js';

const tags = ['joint-meeting'];

/** The joint meeting's printed documents (issue 19 item 5): HTML to print, PDF, DOCX. */
export async function meetingDocumentsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/meetings/:id/notice',
    {
      schema: {
        tags,
        summary: '会议通知: the meeting’s notice as an official document (GB/T 9704 layout), units only',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) =>
      sendOfficialDocument(
        reply,
        await describeMeetingNotice(db, actorOf(req), req.params.id, now()),
        req.query.format,
      ),
  );
  r.get(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: '会议纪要 of a held meeting as an official document; 409 before it is held',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errorResponses, 409: ZError },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) =>
      sendOfficialDocument(
        reply,
        await describeMeetingMinutes(db, actorOf(req), req.params.id, now()),
        req.query.format,
      ),
  );
  r.get(
    '/api/action-items/:id/chase-notice',
    {
      schema: {
        tags,
        summary: '督办通知单 of an action item, to the unit that holds it, as an official document',
        params: ZIdParams,
        querystring: ZDocumentFormatQuery,
        response: { 200: ZDocumentResponse, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) =>
      sendOfficialDocument(
        reply,
        await describeChaseNotice(db, actorOf(req), req.params.id, now()),
        req.query.format,
      ),
  );
}
