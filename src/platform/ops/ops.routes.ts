import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { type GaugeSource, registerMetrics } from './metrics.js';
import { checkReadiness, readMigrationJournal } from './readiness.js';

export interface OperationsOptions {
  database: Database;
  version: string;
  /** METRICS_TOKEN (see metrics.ts). */
  metricsToken: string | undefined;
  /** Gauges of the modules (import queue, refresh lag), handed in by the composition root. */
  gauges: GaugeSource[];
}

/**
 * What an operator's tools read: liveness (/api/health, no database: a restart would not help a
 * database outage), readiness (/api/ready: the database answers and this build's migrations are
 * applied) and Prometheus metrics (/metrics, loopback or METRICS_TOKEN only). Registered before the
 * modules' routes, so the request metrics see every route.
 */
export async function registerOperations(app: FastifyInstance, options: OperationsOptions) {
  const { database } = options;
  const journal = readMigrationJournal();
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process answers (no database access); no sign-in needed',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, version: options.version }),
  );
  api.get(
    '/api/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database answers and no migration is pending; 503 with the reason otherwise',
        security: [],
        response: {
          200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({
            status: z.literal('not_ready'),
            database: z.enum(['pglite', 'postgres']),
            reason: z.enum(['database_unreachable', 'migrations_pending']),
            pending: z.array(z.string()).optional().describe('Migrations of this build not yet applied'),
          }),
        },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(database.db, journal);
      if (readiness.ready) return { status: 'ready' as const, database: database.kind };
      request.log.warn({ reason: readiness.reason, detail: readiness.detail }, 'not ready');
      return reply.code(503).send({
        status: 'not_ready' as const,
        database: database.kind,
        reason: readiness.reason,
        ...(readiness.pending ? { pending: readiness.pending } : {}),
      });
    },
  );
  const pool = database.poolStats;
  const gauges: GaugeSource[] = [
    ...options.gauges,
    ...(pool
      ? [
          {
            name: 'yufang_db_pool_connections',
            help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
            labelNames: ['state'],
            read: () => pool(),
          },
        ]
      : []),
  ];
  await registerMetrics(app, { token: options.metricsToken, gauges });
}
