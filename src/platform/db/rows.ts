import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from './client.js';

/** A row of a raw read before it is typed: column name → value as the driver returned it. */
export type Row = Record<string, unknown>;

/**
 * The rows of a raw `db.execute(sql…)` result. PGlite and node-postgres both answer `{ rows }`;
 * drizzle's common type does not say so, hence this one cast, here and nowhere else.
 * `T` names the columns the query selects; it is the caller's promise, not a check (use `parseRows`
 * where a value's shape must be verified, e.g. numeric columns that PostgreSQL returns as strings).
 */
export function rowsOf<T extends object = Row>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Runs a raw read and returns its rows typed as `T` (see `rowsOf`). */
export async function selectRows<T extends object = Row>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Runs a raw read and parses each row with `schema`: a row that does not match throws, naming the column. */
export async function parseRows<S extends z.ZodType>(
  db: Pick<Db, 'execute'>,
  query: SQL,
  schema: S,
): Promise<z.infer<S>[]> {
  return rowsOf(await db.execute(query)).map((row) => schema.parse(row));
}
