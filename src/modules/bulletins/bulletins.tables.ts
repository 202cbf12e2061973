import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';

export type BulletinStatus = 'draft' | 'approved' | 'published';

/** The facts a bulletin was drafted from, masked (names as 张*, never a 身份证号). */
export interface BulletinFacts {
  accidents: {
    id: number;
    accidentNo: string;
    employerName: string;
    jurisdictionName: string;
    occurredOn: string;
    category: string;
    categoryName: string | null;
    grade: string;
    gradeName: string | null;
    deaths: number;
    seriousInjuries: number;
    directLossFen: number;
  }[];
  injuries: {
    id: number;
    caseNo: string;
    employerName: string;
    jurisdictionName: string;
    occurredOn: string;
    personName: string | null;
    sex: string;
    age: number;
    post: string | null;
    accidentCategory: string | null;
    categoryName: string | null;
    severity: string;
    isDeath: boolean;
  }[];
}

/**
 * 典型事故通报 (AN-4): drafted from chosen accident and injury records, edited, approved by someone
 * other than the drafter, then published to its jurisdiction and every one below it.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The publishing jurisdiction: officers there and below see it once published. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** draft | approved | published */
    status: text('status').$type<BulletinStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Ids of the safety_accidents and injury_cases it was drafted from. */
    accidentIds: jsonb('accident_ids').$type<number[]>().notNull(),
    injuryIds: jsonb('injury_ids').$type<number[]>().notNull(),
    facts: jsonb('facts').$type<BulletinFacts>().notNull(),
    draftedByUserId: integer('drafted_by_user_id').notNull(),
    draftedBy: text('drafted_by').notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    approvedByUserId: integer('approved_by_user_id'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('bulletins_jurisdiction_idx').on(t.jurisdictionId, t.status),
    check('bulletins_status_check', sql`${t.status} in ('draft','approved','published')`),
  ],
);
