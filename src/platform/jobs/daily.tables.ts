import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per daily task and China-time day it ran for. The row is the claim: it is inserted
 * before the task runs, so two server instances (or a restart) never run a task twice for a day.
 */
export const dailyTaskRuns = pgTable(
  'daily_task_runs',
  {
    task: text('task').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    /** What the task did, in a line ("42 hits escalated"), or why it failed. */
    outcome: text('outcome'),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.task, t.day] })],
);
