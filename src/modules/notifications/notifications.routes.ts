import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, pageOf, ZOk, ZPageQuery } from '../../platform/http/schemas.js';
import { ZNotification } from '../joint-meeting/workflow.schema.js';
import { listNotifications, markNotificationRead } from './notifications.service.js';

export interface NotificationsDeps {
  db: Db;
  config: AppConfig;
  /** Generates due reminders for the actor before the inbox is read (wired in app.ts). */
  refresh?: (db: Db, actor: Actor, now: Date) => Promise<unknown>;
}

export async function notificationsRoutes(app: FastifyInstance, { db, config, refresh }: NotificationsDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My inbox: assignments, deadlines approaching, overdue items, newest first',
        querystring: ZPageQuery.extend({ unreadOnly: z.stringbool().optional() }),
        response: { 200: pageOf(ZNotification), ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => {
      const actor = actorOf(req);
      await refresh?.(db, actor, config.clock());
      return listNotifications(db, actor, req.query);
    },
  );
  r.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission('meetings:read'),
    },
    async (req) => markNotificationRead(db, actorOf(req), req.params.id, config.clock()),
  );
}
