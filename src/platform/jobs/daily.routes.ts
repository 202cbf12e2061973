import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../auth/guard.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import { now } from '../time.js';
import { type DailyTask, listDailyRuns, msUntilNextRun } from './daily.js';

const ZRun = z
  .object({
    task: z.string(),
    day: z.string().describe('The China-time day the run was for (YYYY-MM-DD)'),
    status: z.enum(['running', 'done', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    outcome: z.string().nullable().describe('What the run did, or why it failed'),
  })
  .meta({ id: 'DailyTaskRun' });

const ZDailyTasks = z
  .object({
    nextRunAt: z.string().describe('When the next daily run starts (00:10 China time)'),
    tasks: z.array(
      z.object({
        name: z.string(),
        description: z.object({ zh: z.string(), en: z.string() }),
        lastRun: ZRun.nullable(),
      }),
    ),
    runs: z.array(ZRun).describe('The latest runs, newest day first'),
  })
  .meta({ id: 'DailyTasks' });

/** The daily tasks of the deployment and their runs (定时任务), read-only. */
export async function dailyRoutes(
  app: FastifyInstance,
  { db, tasks }: { db: Db; tasks: readonly DailyTask[] },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/operations/daily-tasks',
    {
      schema: {
        tags: ['operations'],
        summary:
          'The daily tasks (cross-check escalation, training coverage of the new day…) and their latest runs; the national system administrator only',
        response: { 200: ZDailyTasks, ...errorResponses },
      },
      onRequest: requirePermission('operations:read'),
    },
    async (req) => {
      // The runs are the whole deployment's: a province's administrator does not see them.
      if (actorOf(req).jurisdictionPath.includes('/')) throw forbidden();
      const runs = (await listDailyRuns(db)).map((r) => ({
        task: r.task,
        day: r.day,
        status: r.status,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        durationMs: r.durationMs,
        outcome: r.outcome,
      }));
      const at = now();
      return {
        nextRunAt: new Date(at.getTime() + msUntilNextRun(at)).toISOString(),
        tasks: tasks.map((t) => ({
          name: t.name,
          description: t.description,
          lastRun: runs.find((r) => r.task === t.name) ?? null,
        })),
        runs,
      };
    },
  );
}
