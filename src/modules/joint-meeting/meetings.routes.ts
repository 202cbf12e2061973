import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { sendStoredFile } from '../../platform/files/stored-files.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import {
  createActionItem,
  getActionItem,
  listActionItems,
  reportActionItem,
} from './action-items.service.js';
import { ATTACHMENT_MAX_BYTES, attachFile, openAttachment } from './follow-ups.service.js';
import {
  approveMinutes,
  createMeeting,
  getMeeting,
  getMeetingsOverview,
  holdMeeting,
  listMeetings,
  saveMinutes,
  scheduleMeeting,
} from './meetings.service.js';
import {
  followUpRectification,
  getRectification,
  issueRectification,
  listRectifications,
} from './rectifications.service.js';
import {
  ZActionItem,
  ZActionItemDetail,
  ZActionItemQuery,
  ZAttachment,
  ZAttachmentQuery,
  ZCreateActionItemInput,
  ZCreateMeetingInput,
  ZFollowUpResult,
  ZHoldMeetingInput,
  ZIdParams,
  ZIssueRectificationInput,
  ZMeeting,
  ZMeetingListQuery,
  ZMeetingSummary,
  ZMinutesInput,
  ZOverview,
  ZRectification,
  ZRectificationDetail,
  ZRectificationFollowUpInput,
  ZRectificationQuery,
  ZRectificationsOnTime,
  ZReportActionItemInput,
  ZTransitionInput,
  ZYearQuery,
} from './workflow.schema.js';

const tags = ['joint-meeting'];
/** Writes with a state machine also answer 409 (illegal transition, nothing changed). */
const writeResponses = { ...errorResponses, 409: ZError } as const;

export async function meetingsRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Joint meetings of a jurisdiction subtree, newest first (JM-2)',
        querystring: ZMeetingListQuery,
        response: {
          200: z.object({ items: z.array(ZMeetingSummary), total: z.number().int() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => listMeetings(db, actorOf(req), req.query),
  );
  r.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary:
          'Draft a meeting: member units invited, the three standing reports on the agenda (JM-2, JM-3)',
        body: ZCreateMeetingInput,
        response: { 201: ZMeeting, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) => reply.code(201).send(await createMeeting(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/meetings/overview',
    {
      schema: {
        tags,
        summary:
          'Superior’s overview: meetings held per subordinate (flagged when none), overdue items (JM-2, JM-4)',
        querystring: ZYearQuery,
        response: { 200: ZOverview, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getMeetingsOverview(db, actorOf(req), req.query, now()),
  );
  r.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting: participants, agenda with standing reports (frozen once held), action items',
        params: ZIdParams,
        response: { 200: ZMeeting, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getMeeting(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/meetings/:id/schedule',
    {
      schema: {
        tags,
        summary: 'draft → scheduled; invited units are notified',
        params: ZIdParams,
        body: ZTransitionInput,
        response: { 200: ZMeeting, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => scheduleMeeting(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/meetings/:id/hold',
    {
      schema: {
        tags,
        summary: 'scheduled → held: attendance recorded, standing reports frozen',
        params: ZIdParams,
        body: ZHoldMeetingInput,
        response: { 200: ZMeeting, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => holdMeeting(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.put(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Write the minutes (会议纪要) and agreed matters of a held meeting (JM-4)',
        params: ZIdParams,
        body: ZMinutesInput,
        response: { 200: ZMeeting, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => saveMinutes(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/meetings/:id/approve-minutes',
    {
      schema: {
        tags,
        summary: 'held → minutes_approved',
        params: ZIdParams,
        body: ZTransitionInput,
        response: { 200: ZMeeting, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req) => approveMinutes(db, actorOf(req), req.params.id, req.body, now()),
  );
  r.post(
    '/api/meetings/:id/action-items',
    {
      schema: {
        tags,
        summary: 'Assign an action item of the minutes to a member unit with a deadline (JM-4)',
        params: ZIdParams,
        body: ZCreateActionItemInput,
        response: { 201: ZActionItemDetail, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(await createActionItem(db, actorOf(req), req.params.id, req.body, now())),
  );
  r.get(
    '/api/action-items',
    {
      schema: {
        tags,
        summary: 'Action items: my unit’s (mine=true), or all a convener may see; overdue computed today',
        querystring: ZActionItemQuery,
        response: {
          200: z.object({ items: z.array(ZActionItem), total: z.number().int() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => listActionItems(db, actorOf(req), { ...req.query, isOverdue: req.query.overdue }, now()),
  );
  r.get(
    '/api/action-items/:id',
    {
      schema: {
        tags,
        summary: 'One action item with its progress reports and evidence',
        params: ZIdParams,
        response: { 200: ZActionItemDetail, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getActionItem(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/action-items/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'The assigned unit reports progress or closes the item with evidence',
        params: ZIdParams,
        body: ZReportActionItemInput,
        response: { 201: ZFollowUpResult, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req, reply) =>
      reply.code(201).send(await reportActionItem(db, actorOf(req), req.params.id, req.body, now())),
  );
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  r.post(
    '/api/follow-ups/:id/attachments',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES + 1,
      schema: {
        tags,
        summary: `Attach an evidence file (raw body, Content-Type application/octet-stream, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)`,
        params: ZIdParams,
        querystring: ZAttachmentQuery,
        response: { 201: ZAttachment, ...writeResponses },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req, reply) =>
      reply.code(201).send(
        await attachFile(
          db,
          actorOf(req),
          req.params.id,
          {
            fileName: req.query.fileName,
            contentType: 'application/octet-stream',
            body: req.body as NodeJS.ReadableStream as never,
            uploadDir: config.uploadDir,
          },
          now(),
        ),
      ),
  );
  r.get(
    '/api/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (scoped like its item; audited)',
        params: ZIdParams,
        response: { 200: z.any().describe('The file'), ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req, reply) => {
      const file = await openAttachment(db, actorOf(req), req.params.id, now());
      return sendStoredFile(req, reply, config.uploadDir, file);
    },
  );
  r.get(
    '/api/rectifications',
    {
      schema: {
        tags,
        summary: 'Rectification suggestions (限期整改建议) of a jurisdiction subtree (KI-4)',
        querystring: ZRectificationQuery,
        response: {
          200: z.object({
            items: z.array(ZRectification),
            total: z.number().int(),
            onTime: ZRectificationsOnTime.optional().describe('With `year`: due and closed on time'),
          }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) =>
      listRectifications(db, actorOf(req), { ...req.query, isOverdue: req.query.overdue }, now()),
  );
  r.post(
    '/api/rectifications',
    {
      schema: {
        tags,
        summary: 'Record a hazard or over-limit factor at an employer and issue a suggestion with a deadline',
        body: ZIssueRectificationInput,
        response: { 201: ZRectificationDetail, ...writeResponses },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) => reply.code(201).send(await issueRectification(db, actorOf(req), req.body, now())),
  );
  r.get(
    '/api/rectifications/:id',
    {
      schema: {
        tags,
        summary: 'One rectification suggestion with its follow-up',
        params: ZIdParams,
        response: { 200: ZRectificationDetail, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => getRectification(db, actorOf(req), req.params.id, now()),
  );
  r.post(
    '/api/rectifications/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Progress, closure with evidence, or escalation of an overdue suggestion to its member unit',
        params: ZIdParams,
        body: ZRectificationFollowUpInput,
        response: {
          201: z.object({ followUpId: z.number().int(), rectification: ZRectificationDetail }),
          ...writeResponses,
        },
      },
      onRequest: requirePermission('meetings:report'),
    },
    async (req, reply) =>
      reply.code(201).send(await followUpRectification(db, actorOf(req), req.params.id, req.body, now())),
  );
}
