import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * SQL condition: `pathColumn` lies within `scopePath` (itself or below). A prefix match on the
 * materialized path, served by the text_pattern_ops index.
 */
export function withinScope(pathColumn: AnyColumn | SQL, scopePath: string): SQL {
  const escaped = scopePath.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`(${pathColumn} = ${scopePath} or ${pathColumn} like ${`${escaped}/%`})`;
}
