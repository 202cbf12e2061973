import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import type { OfficialDocument } from '../../platform/documents/official-document.js';
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

type Describe = (db: Db, actor: Actor, id: number, at: Date) => Promise<OfficialDocument>;

/** The joint meeting's printed documents (issue 19 item 5): HTML to print, PDF, DOCX; read like their pages. */
export async function meetingDocumentsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const documentRoute = (
    url: string,
    summary: string,
    describe: Describe,
    responses: Record<number, typeof ZError> = errorResponses,
  ) =>
    r.get(
      url,
      {
        schema: {
          tags,
          summary,
          params: ZIdParams,
          querystring: ZDocumentFormatQuery,
          response: { 200: ZDocumentResponse, ...responses },
        },
        onRequest: requirePermission('meetings:read'),
      },
      async (req, reply) =>
        sendOfficialDocument(reply, await describe(db, actorOf(req), req.params.id, now()), req.query.format),
    );
  documentRoute(
    '/api/meetings/:id/notice',
    '会议通知: the meeting’s notice as an official document (GB/T 9704 layout), units only',
    describeMeetingNotice,
  );
  documentRoute(
    '/api/meetings/:id/minutes',
    '会议纪要 of a held meeting as an official document; 409 before it is held',
    describeMeetingMinutes,
    { ...errorResponses, 409: ZError },
  );
  documentRoute(
    '/api/action-items/:id/chase-notice',
    '督办通知单 of an action item, to the unit that holds it, as an official document',
    describeChaseNotice,
  );
}
