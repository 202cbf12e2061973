import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

/**
 * The in-app inbox: one row per recipient. `dedupeKey` makes generated reminders (deadline
 * approaching, overdue) idempotent: generating them again adds nothing.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** e.g. action_item.assigned, action_item.due_soon, action_item.overdue, rectification.escalated */
    kind: text('kind').notNull(),
    /** Values the UI renders the message from (title, deadline…). */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull(),
    /** Where the UI links to, e.g. /joint-meeting/meetings/12. */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);
