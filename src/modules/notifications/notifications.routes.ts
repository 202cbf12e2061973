import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { actorOf, requirePermission } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, pageOf, ZPageQuery } from '../../platform/http/schemas.js';
import { now } from '../../platform/time.js';
import { ZNotification } from './notifications.schema.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export interface NotificationsDeps {
  db: Db;
  /** Generates due reminders for the actor before the inbox is read (wired in app.ts). */
  refresh?: (db: Db, actor: Actor, now: Date) => Promise<unknown>;
}

export async function notificationsRoutes(app: FastifyInstance, { db, refresh }: NotificationsDeps) {
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
      onRequest: requirePermission(null),
    },
    async (req) => {
      const actor = actorOf(req);
      await refresh?.(db, actor, now());
      return listNotifications(db, actor, req.query);
    },
  );
  r.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark my notifications read: the ids given, or all',
        body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
        response: { 200: z.object({ updated: z.number().int() }), ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async (req) => markNotificationsRead(db, actorOf(req), req.body, now()),
  );
}
