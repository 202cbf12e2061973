import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Escapes LIKE's wildcards so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `text` anywhere, wildcards in it taken literally. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * SQL condition: `pathColumn` lies within `scopePath` (itself or below). A prefix match on the
 * materialized path, served by the text_pattern_ops index.
 */
export function withinScope(pathColumn: AnyColumn | SQL, scopePath: string): SQL {
  return sql`(${pathColumn} = ${scopePath} or ${pathColumn} like ${`${escapeLike(scopePath)}/%`})`;
}
