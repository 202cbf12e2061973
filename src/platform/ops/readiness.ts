import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, migrationsFolder } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/** Why the server is not ready: the database does not answer, or migrations wait to be applied. */
export type NotReadyReason = 'database_unreachable' | 'migrations_pending';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: NotReadyReason; pending?: string[]; detail?: string };

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this build ships (migrations/meta/_journal.json), oldest first. */
export function readMigrationJournal(folder = migrationsFolder): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when })).sort((a, b) => a.when - b.when);
}

/**
 * Migrations of the journal that the database has not applied. drizzle's migrator records each
 * applied migration in drizzle.__drizzle_migrations with the journal's `when` as created_at and
 * applies every migration newer than the newest recorded: the same rule here.
 */
export async function listPendingMigrations(db: Db, journal: JournalEntry[]): Promise<string[]> {
  const [exists] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!exists?.present) return journal.map((e) => e.tag);
  const [row] = rowsOf<{ latest: string | number | null }>(
    await db.execute(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`),
  );
  const latest = row?.latest === null || row?.latest === undefined ? -1 : Number(row.latest);
  return journal.filter((e) => e.when > latest).map((e) => e.tag);
}

/** Rejects after `ms`: a database that hangs is as unready as one that refuses. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Readiness (not liveness): the database answers and no migration of this build is pending. A
 * load balancer sends traffic only to a ready instance; a process that is alive but not ready is
 * left running (it may be waiting for the database, or for the owner role's migration run).
 */
export async function checkReadiness(db: Db, journal: JournalEntry[], timeoutMs = 2_000): Promise<Readiness> {
  let pending: string[];
  try {
    pending = await within(timeoutMs, listPendingMigrations(db, journal));
  } catch (error) {
    // The reason only: a connection error's text may name the host, never a row's values.
    const detail = error instanceof Error ? error.message.split('\n')[0] : undefined;
    return { ready: false, reason: 'database_unreachable', ...(detail ? { detail } : {}) };
  }
  if (pending.length > 0) return { ready: false, reason: 'migrations_pending', pending };
  return { ready: true };
}
