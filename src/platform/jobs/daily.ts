/**
 * Date-driven work that no request triggers (issue 18: rules with time limits; issue 14: the
 * training cells of the new day): tasks run once per China-time day, shortly after midnight, and
 * once at start-up when today's run is missing. Each run is claimed by a row of daily_task_runs
 * before it starts, so several server instances, or a cron job calling `tsx src/cli.ts daily`
 * beside them, never run a task twice for a day. A failed run is recorded and tried again the
 * next day (or by `daily --again`); the others still run.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { addDays, now, startOfDay, today } from '../time.js';
import { dailyTaskRuns } from './daily.tables.js';

export interface DailyTask {
  /** Stable name, e.g. `training.coverage-cells`. */
  name: string;
  /** What it does, for the administrator's page. */
  description: { zh: string; en: string };
  /** Does the day's work; the returned line is recorded ("3 hits escalated"). */
  run(db: Db, at: Date): Promise<string>;
}

export interface DailyRun {
  task: string;
  day: string;
  status: 'running' | 'done' | 'failed' | 'skipped';
  outcome: string | null;
  durationMs: number | null;
}

/** Minutes after midnight (China time) the daily run starts: past the day's turn, before work. */
export const DAILY_RUN_MINUTE = 10;

/**
 * Runs each task not yet claimed for `at`'s day, one after another. With `again`, a failed run of
 * the day is claimed again (an operator's retry); a finished one never is.
 */
export async function runDailyTasks(
  db: Db,
  tasks: readonly DailyTask[],
  at: Date = now(),
  options: { again?: boolean } = {},
): Promise<DailyRun[]> {
  const day = today(at);
  const runs: DailyRun[] = [];
  for (const task of tasks) {
    // An operator's retry: a failed run, or one a stop cut off (left 'running'), is claimed again.
    if (options.again)
      await db
        .delete(dailyTaskRuns)
        .where(
          and(
            eq(dailyTaskRuns.task, task.name),
            eq(dailyTaskRuns.day, day),
            ne(dailyTaskRuns.status, 'done'),
          ),
        );
    const claimed = await db
      .insert(dailyTaskRuns)
      .values({ task: task.name, day, startedAt: now(), status: 'running' })
      .onConflictDoNothing()
      .returning({ task: dailyTaskRuns.task });
    if (claimed.length === 0) {
      runs.push({ task: task.name, day, status: 'skipped', outcome: null, durationMs: null });
      continue;
    }
    const started = performance.now();
    let status: 'done' | 'failed' = 'done';
    let outcome: string;
    try {
      outcome = await task.run(db, at);
    } catch (error) {
      status = 'failed';
      outcome = error instanceof Error ? error.message : String(error);
    }
    const durationMs = Math.round(performance.now() - started);
    await db
      .update(dailyTaskRuns)
      .set({ status, outcome: outcome.slice(0, 500), durationMs, finishedAt: now() })
      .where(and(eq(dailyTaskRuns.task, task.name), eq(dailyTaskRuns.day, day)));
    runs.push({ task: task.name, day, status, outcome, durationMs });
  }
  return runs;
}

/** Milliseconds from `at` to the next daily run (today's, if it is not yet 00:10 in China). */
export function msUntilNextRun(at: Date): number {
  const todays = startOfDay(today(at)).getTime() + DAILY_RUN_MINUTE * 60_000;
  const next =
    todays > at.getTime() ? todays : startOfDay(addDays(today(at), 1)).getTime() + DAILY_RUN_MINUTE * 60_000;
  return next - at.getTime();
}

/**
 * Runs the tasks now (what today's run missed) and then every day at 00:10 China time, off the
 * requests, until `stop()`. The timer does not keep the process alive.
 */
export function scheduleDailyTasks(
  db: Db,
  tasks: readonly DailyTask[],
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): { stop(): void; running: () => Promise<unknown> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    current = runDailyTasks(db, tasks)
      .then((runs) => {
        const ran = runs.filter((r) => r.status !== 'skipped');
        if (ran.length > 0) log.info({ runs: ran }, 'daily tasks ran');
      })
      .catch((error) => log.error({ err: error }, 'daily tasks not run'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, msUntilNextRun(now()));
          timer.unref();
        }
      });
  };
  tick();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    running: () => current,
  };
}

/** Each task's latest runs, newest first (the administrator's page). */
export async function listDailyRuns(db: Db, limit = 60) {
  return db
    .select()
    .from(dailyTaskRuns)
    .orderBy(desc(dailyTaskRuns.day), asc(dailyTaskRuns.task))
    .limit(limit);
}
