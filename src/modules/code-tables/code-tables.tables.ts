import { date, index, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';

/**
 * Versioned national code tables (GB/T 4754 industries now; GB 6441 and the occupational-disease
 * catalogue later). A code belongs to a table version with an effective date, never overwritten.
 */
export const codeTableEntries = pgTable(
  'code_table_entries',
  {
    /** e.g. gbt4754 */
    tableName: text('table_name').notNull(),
    /** e.g. 2017 */
    version: text('version').notNull(),
    code: varchar('code', { length: 16 }).notNull(),
    name: text('name').notNull(),
    parentCode: varchar('parent_code', { length: 16 }),
    /** section | division | … */
    level: text('level').notNull(),
    effectiveFrom: date('effective_from').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tableName, t.version, t.code] }),
    index('code_table_entries_parent_idx').on(t.tableName, t.version, t.parentCode),
  ],
);
