import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 联席会议成员名单: one row per person holding a roster position for a period. Replacing a member
 * closes the row (effective_to) and opens a new one pointing back at it; rows are never deleted.
 */
export const rosterMembers = pgTable(
  'roster_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** convener (召集人) | director (主任) | deputy_director (副主任) | member (成员) | liaison (联络员) */
    role: text('role').$type<'convener' | 'director' | 'deputy_director' | 'member' | 'liaison'>().notNull(),
    /** office_director (办公室主任) | office_member (办公室成员): the office sits in HRSS's 工伤保险处. */
    officeRole: text('office_role').$type<'office_director' | 'office_member'>(),
    personName: text('person_name').notNull(),
    /** Post and rank as the document prints it, e.g. 党组成员、副厅长，一级巡视员. */
    title: text('title').notNull(),
    /** Unit as the document prints it, e.g. 省人社厅. */
    unitName: text('unit_name').notNull(),
    /**
     * Office phone given with a confirmed change request (personal data: masked for most viewers;
     * SM4 ciphertext when PII_ENCRYPTION=sm4, decision 0042).
     */
    phone: text('phone'),
    organisationId: integer('organisation_id').references(() => organisations.id),
    sortOrder: integer('sort_order').notNull().default(0),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    /** The member this row replaced. */
    replacesId: integer('replaces_id').references((): AnyPgColumn => rosterMembers.id),
    /** Why this row began (for a replacement) — the source document for seeded rows. */
    changeReason: text('change_reason').notNull(),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why the row ended, e.g. the reason given for the replacement. */
    endReason: text('end_reason'),
    endedByUserId: integer('ended_by_user_id'),
  },
  (t) => [
    index('roster_members_jurisdiction_idx').on(t.jurisdictionId),
    check(
      'roster_members_role_check',
      sql`${t.role} in ('convener','director','deputy_director','member','liaison')`,
    ),
    check(
      'roster_members_dates_check',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);
