import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (ORG-4): every write, every sign-in, every view of personal data.
 * A trigger (migration 0001) refuses UPDATE and DELETE; no route offers either.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    /** Kept as text so the record survives renames. */
    actorUsername: text('actor_username'),
    /** e.g. auth.login, organisation.create, personal-data.view */
    action: text('action').notNull(),
    /** success | failure | denied */
    outcome: text('outcome').notNull().default('success'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Path of the jurisdiction the record belongs to, so an officer sees only its subtree's audit. */
    jurisdictionPath: text('jurisdiction_path'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
