import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';

export type OrganisationKind =
  | 'member_department'
  | 'employer'
  | 'industry_association'
  | 'service_organisation'
  | 'training_institution'
  | 'technical_school';

export type Department =
  | 'hrss'
  | 'industry'
  | 'finance'
  | 'housing'
  | 'transport'
  | 'health'
  | 'emergency'
  | 'union'
  | 'social_insurance';

/** The member departments' short Chinese names (人社, 工信 …), as reports and documents print them. */
export const DEPARTMENT_NAMES_ZH: Record<Department, string> = {
  hrss: '人社',
  industry: '工信',
  finance: '财政',
  housing: '住建',
  transport: '交通运输',
  health: '卫健',
  emergency: '应急',
  union: '总工会',
  social_insurance: '社保经办',
};

/** Member departments, employers (用人单位), associations, service organisations, training bodies, schools. */
export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** member_department | employer | industry_association | service_organisation | training_institution | technical_school */
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** For member departments: hrss | industry | finance | housing | transport | health | emergency | union | social_insurance */
    department: text('department').$type<Department>(),
    name: text('name').notNull(),
    /** 统一社会信用代码 (GB 32100), required for employers. */
    creditCode: varchar('credit_code', { length: 18 }),
    /** valid | check_failed: a failed check character is recorded, not refused (early Fujian codes). */
    creditCodeStatus: text('credit_code_status').$type<'valid' | 'check_failed'>(),
    /** GB/T 4754-2017 code (division, group or class), e.g. 47 or 4790. */
    industryCode: varchar('industry_code', { length: 5 }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    address: text('address'),
    /** Personal data: masked unless the viewer holds personal-data:view. */
    contactName: text('contact_name'),
    /** Personal data: masked unless the viewer holds personal-data:view. */
    contactPhone: text('contact_phone'),
    /** Employers: 大型 | 中型 | 小型 | 微型 as large | medium | small | micro. */
    sizeBand: text('size_band').$type<'large' | 'medium' | 'small' | 'micro'>(),
    /** Employers: work-injury insurance status from the latest exchange batch. */
    insuranceStatus: text('insurance_status').$type<'insured' | 'uninsured' | 'suspended'>(),
    /** Created from an exchange row that named an unknown credit code: listed for review. */
    isPending: boolean('is_pending').notNull().default(false),
    /** The exchange batch that last wrote this employer, if any. */
    sourceBatchId: integer('source_batch_id'),
    /** The line of that batch's file that last wrote this employer. */
    sourceLine: integer('source_line'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_credit_code_key').on(t.creditCode),
    index('organisations_jurisdiction_idx').on(t.jurisdictionId),
    index('organisations_kind_idx').on(t.kind),
    check(
      'organisations_kind_check',
      sql`${t.kind} in ('member_department','employer','industry_association','service_organisation','training_institution','technical_school')`,
    ),
  ],
);
