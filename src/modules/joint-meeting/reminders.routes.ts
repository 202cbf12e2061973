import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, ZError } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { chaseUnit, listReminders } from './reminders.service.js';

// 催办 (decision 0041): send a reminder to the unit owing an item, and list the reminders sent.

const ZReminderTarget = z
  .object({
    targetType: z
      .enum(['action_item', 'rectification', 'member_report'])
      .describe('action_item 督办事项 | rectification 限期整改 | member_report 成员单位年度报告'),
    targetId: z.coerce
      .number()
      .int()
      .positive()
      .describe('The item’s id; for a member report, the member unit’s organisation id'),
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('The report’s year (member_report only)'),
  })
  .refine((v) => v.targetType !== 'member_report' || v.year !== undefined, {
    message: 'required',
    path: ['year'],
  });

export const ZReminder = z
  .object({
    id: z.number().int(),
    targetType: z.enum(['action_item', 'rectification', 'member_report']),
    targetId: z.number().int(),
    year: z.number().int().nullable(),
    organisationId: z.number().int().describe('The unit reminded'),
    sentOn: z.string().describe('Day sent (China time), YYYY-MM-DD'),
    username: z.string().describe('Who sent it'),
    recipients: z.number().int().describe('Users of the unit whose inbox it reached'),
    createdAt: z.string(),
  })
  .meta({ id: 'Reminder' });

const tags = ['joint-meeting'];

export async function remindersRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/reminders',
    {
      schema: {
        tags,
        summary:
          '催办: remind the unit that owes an action item, rectification or yearly report (rate-limited per day)',
        body: ZReminderTarget,
        response: { 201: ZReminder, ...errorResponses, 409: ZError, 429: ZError },
      },
      onRequest: requirePermission('meetings:manage'),
    },
    async (req, reply) => {
      const created = await chaseUnit(db, actorOf(req), req.body, now());
      return reply.code(201).send(created);
    },
  );
  r.get(
    '/api/reminders',
    {
      schema: {
        tags,
        summary: 'The reminders (催办) sent for one item, oldest first',
        querystring: ZReminderTarget,
        response: { 200: z.object({ items: z.array(ZReminder) }), ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => ({ items: await listReminders(db, actorOf(req), req.query, now()) }),
  );
}
