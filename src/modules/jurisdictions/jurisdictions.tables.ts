import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

/** 行政区划 / 管辖区: the tree every record and every user hangs from. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** GB/T 2260 code, or a documented code of our own for special zones (see docs/decisions/0003). */
    code: varchar('code', { length: 12 }).notNull().unique(),
    name: text('name').notNull(),
    /** national | province | prefecture | county */
    level: text('level').$type<'national' | 'province' | 'prefecture' | 'county'>().notNull(),
    /** gbt2260 | special_zone | functional_zone | national */
    kind: text('kind').$type<'national' | 'gbt2260' | 'special_zone' | 'functional_zone'>().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => jurisdictions.id),
    /** Materialized path of codes from the root, e.g. 100000/350000/350100/350102: a scope is a prefix. */
    path: text('path').notNull().unique(),
    /** Which GB/T 2260 release (package and version) the code came from. */
    source: text('source').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jurisdictions_parent_idx').on(t.parentId),
    index('jurisdictions_path_pattern_idx').using('btree', t.path.op('text_pattern_ops')),
    check('jurisdictions_level_check', sql`${t.level} in ('national','province','prefecture','county')`),
  ],
);
