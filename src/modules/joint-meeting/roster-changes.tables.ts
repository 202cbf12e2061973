import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { rosterMembers } from './joint-meeting.tables.js';

export type RosterChangeStatus = 'proposed' | 'returned' | 'confirmed';

/**
 * 成员/联络员变更申请 (JM-1): a member unit proposes who replaces its own member or liaison; the joint
 * meeting's office (HRSS of the roster's jurisdiction) confirms it — the roster row is replaced in
 * the same transaction — or returns it with a reason, and the unit may revise and propose again.
 */
export const rosterChangeRequests = pgTable(
  'roster_change_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The roster row to be replaced. */
    rosterMemberId: integer('roster_member_id')
      .notNull()
      .references(() => rosterMembers.id),
    /** The proposing member unit: the unit the roster row represents. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** proposed | returned | confirmed */
    status: text('status').$type<RosterChangeStatus>().notNull(),
    personName: text('person_name').notNull(),
    title: text('title').notNull(),
    /** SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042), else as given. */
    phone: text('phone').notNull(),
    reason: text('reason').notNull(),
    effectiveDate: date('effective_date').notNull(),
    proposedByUserId: integer('proposed_by_user_id').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    /** The office's last decision: who, when, and the reason of a return. */
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    /** The roster row the confirmation opened. */
    resultMemberId: integer('result_member_id').references(() => rosterMembers.id),
  },
  (t) => [
    index('roster_change_requests_jurisdiction_idx').on(t.jurisdictionId),
    // One open request per roster row: a second proposal is refused until the first is decided.
    uniqueIndex('roster_change_requests_open_idx')
      .on(t.rosterMemberId)
      .where(sql`${t.status} in ('proposed','returned')`),
    check('roster_change_requests_status_check', sql`${t.status} in ('proposed','returned','confirmed')`),
  ],
);

/** Every step of a change request, with what was proposed at that step: the history is kept. */
export const rosterChangeEvents = pgTable(
  'roster_change_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => rosterChangeRequests.id),
    /** proposed | revised | returned | confirmed */
    action: text('action').$type<'proposed' | 'revised' | 'returned' | 'confirmed'>().notNull(),
    /**
     * The proposal as it stood at this step (name, post, reason, effective date); its phone is in
     * `phone`, a column of its own so that it is encrypted like every other (decision 0042).
     */
    proposal: jsonb('proposal')
      .$type<{ personName: string; title: string; reason: string; effectiveDate: string }>()
      .notNull(),
    /** The proposed phone at this step: SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042). */
    phone: text('phone').notNull(),
    /** The office's reason for a return. */
    comment: text('comment'),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('roster_change_events_request_idx').on(t.requestId)],
);
