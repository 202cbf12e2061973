import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (ORG-4): every write, every sign-in, every view of personal data.
 * A trigger (migration 0001) refuses UPDATE and DELETE; no route offers either. The app role may
 * only INSERT and SELECT (decision 0019), and each record is hash-chained to the one before.
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
    /** Hash of the previous record in id order (decision 0019): the chain's link. */
    prevHash: text('prev_hash'),
    /** Hash of this record's content and prevHash (hex); null only on records older than the chain. */
    hash: text('hash'),
    /** sha256 | sm3 */
    hashAlgorithm: text('hash_algorithm'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/**
 * Records moved out of audit_log by `audit archive` (decision 0019): which ids, the chain's head
 * (hash of the last record archived, where the remaining chain continues), and the file that holds
 * them with its SHA-256. Written by the owner role only; the app role may read it.
 */
export const auditArchives = pgTable('audit_archives', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  firstId: bigint('first_id', { mode: 'number' }).notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  recordCount: integer('record_count').notNull(),
  /** Hash of the record lastId: the prevHash of the first record left in audit_log. */
  headHash: text('head_hash').notNull(),
  /** Records older than this instant were archived. */
  cutoff: timestamp('cutoff', { withTimezone: true }).notNull(),
  file: text('file').notNull(),
  fileSha256: text('file_sha256').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
});
