import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import type { Domain } from './formats.js';
import type { StoredCells } from './rejected-cells.js';

export type BatchStatus = 'queued' | 'processing' | 'committed' | 'failed' | 'superseded';

/**
 * One submission of one domain by one member unit (DX-2): provenance, counts and status. Batches
 * are never deleted: a superseded batch stays, pointing at the one that replaced it.
 */
export const exchangeBatches = pgTable(
  'exchange_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    domain: text('domain').$type<Domain>().notNull(),
    /** The submitting member unit. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The submitter's jurisdiction: rows may belong to it or below it. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    userId: integer('user_id'),
    /** Username or token name, kept as text for the record. */
    submittedBy: text('submitted_by').notNull(),
    /** web | api */
    channel: text('channel').notNull(),
    fileName: text('file_name').notNull(),
    /** csv | xlsx | json */
    format: text('format').notNull(),
    encoding: text('encoding'),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The file's own header cells, to write rejected rows back in the same shape. */
    headers: jsonb('headers').$type<string[]>(),
    status: text('status').$type<BatchStatus>().notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    warningRows: integer('warning_rows').notNull().default(0),
    /** Employers created as pending because a row named an unknown credit code. */
    pendingEmployers: integer('pending_employers').notNull().default(0),
    /** Data rows the file holds, counted before validation (CSV); null when not known up front (XLSX). */
    expectedRows: integer('expected_rows'),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsPerSecond: real('rows_per_second'),
    supersedesBatchId: integer('supersedes_batch_id'),
    supersedeReason: text('supersede_reason'),
    supersededByBatchId: integer('superseded_by_batch_id'),
    /** The submitter confirmed that this correction may remove more of the corrected batch than the setting allows. */
    removalConfirmed: boolean('removal_confirmed').notNull().default(false),
    /** Why a failed batch failed: a reason code (see row-messages.ts) and its parameters. */
    error: text('error'),
    errorParams: jsonb('error_params').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('exchange_batches_org_idx').on(t.organisationId, t.domain),
    index('exchange_batches_sha_idx').on(t.sha256),
    // One live batch per content, unit and domain: concurrent uploads of one file make one batch
    // (the "identical resubmission changes nothing" rule, enforced where a check-then-insert cannot).
    uniqueIndex('exchange_batches_content_key')
      .on(t.organisationId, t.domain, t.sha256)
      .where(sql`status in ('queued', 'processing', 'committed')`),
    index('exchange_batches_jurisdiction_idx').on(t.jurisdictionId),
  ],
);

/** A rejected row: its cells as in the file, and every reason it was refused. */
export const exchangeRejectedRows = pgTable(
  'exchange_rejected_rows',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => exchangeBatches.id),
    line: integer('line').notNull(),
    /**
     * Null only until the cells of a row the merge rejected are read back from the file. With
     * PII_ENCRYPTION=sm4 one SM4 ciphertext of the cells (a JSON string), else the cells (issue 13).
     */
    raw: jsonb('raw').$type<StoredCells>(),
    issues: jsonb('issues')
      .$type<{ column: string; code: string; params?: Record<string, unknown> }[]>()
      .notNull(),
  },
  (t) => [index('exchange_rejected_rows_batch_idx').on(t.batchId, t.line)],
);

/** An accepted row with something to check (e.g. a credit code whose check character fails). */
export const exchangeRowWarnings = pgTable(
  'exchange_row_warnings',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => exchangeBatches.id),
    line: integer('line').notNull(),
    column: text('column').notNull(),
    code: text('code').notNull(),
    params: jsonb('params'),
  },
  (t) => [index('exchange_row_warnings_batch_idx').on(t.batchId, t.line)],
);

/**
 * Valid rows of a batch being imported, as normalized text in the domain's column order (c01…).
 * Merged into the fact tables in one transaction, then deleted; rows of a batch that never
 * committed are removed at start-up.
 */
export const exchangeStaging = pgTable(
  'exchange_staging',
  {
    batchId: integer('batch_id').notNull(),
    line: integer('line').notNull(),
    /** Not staged (it would double the bytes copied): the merge's few rejections read it back from the file. */
    raw: jsonb('raw').$type<string[]>(),
    c01: text('c01'),
    c02: text('c02'),
    c03: text('c03'),
    c04: text('c04'),
    c05: text('c05'),
    c06: text('c06'),
    c07: text('c07'),
    c08: text('c08'),
    c09: text('c09'),
    c10: text('c10'),
    c11: text('c11'),
    c12: text('c12'),
    c13: text('c13'),
    c14: text('c14'),
    c15: text('c15'),
    c16: text('c16'),
    c17: text('c17'),
    c18: text('c18'),
  },
  (t) => [index('exchange_staging_batch_idx').on(t.batchId, t.line)],
);

/** Insured headcount per employer and year: the denominator of every rate. */
export const insuredHeadcounts = pgTable(
  'insured_headcounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    averageInsured: integer('average_insured').notNull(),
    averagePaying: integer('average_paying').notNull(),
    employees: integer('employees'),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('insured_headcounts_key').on(t.employerId, t.year),
    index('insured_headcounts_batch_idx').on(t.batchId),
  ],
);

/**
 * 参保人员名单: who an employer insures in a year, for the public display of dust-hazard employers'
 * insured lists (KI-2). Personal data: shown masked on the public list.
 */
export const insuredPersons = pgTable(
  'insured_persons',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** Personal data: SM4 ciphertext when PII_ENCRYPTION=sm4 (platform/privacy/crypto.ts), else plaintext. */
    idNumber: text('id_number').notNull(),
    /** The person's lookup key (PiiCrypto.index): keyed SM3 of the 身份证号 when encrypted, else the number itself. */
    idNumberIndex: text('id_number_index').notNull(),
    /** Personal data, encrypted like idNumber. */
    personName: text('person_name').notNull(),
    /** From the 身份证号 at import (its 17th digit), so counting never needs the number itself. */
    sex: text('sex').$type<'male' | 'female'>().notNull(),
    /** From the 身份证号 at import (digits 7–14). */
    birthDate: date('birth_date').notNull(),
    insuredFrom: date('insured_from').notNull(),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('insured_persons_key').on(t.employerId, t.year, t.idNumberIndex),
    index('insured_persons_batch_idx').on(t.batchId),
  ],
);

/** 工伤认定: one determination. */
export const injuryCases = pgTable(
  'injury_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseNo: text('case_no').notNull(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /**
     * Personal data: masked unless the viewer holds personal-data:view; SM4 ciphertext when
     * PII_ENCRYPTION=sm4 (platform/privacy/crypto.ts), else plaintext.
     */
    idNumber: text('id_number').notNull(),
    /** The person's lookup key (PiiCrypto.index): every lookup, linkage and person count uses it. */
    idNumberIndex: text('id_number_index').notNull(),
    /** Personal data, encrypted like idNumber. */
    personName: text('person_name').notNull(),
    sex: text('sex').$type<'male' | 'female'>().notNull(),
    birthDate: date('birth_date').notNull(),
    post: text('post'),
    occurredOn: date('occurred_on').notNull(),
    determinedOn: date('determined_on').notNull(),
    ground: text('ground').notNull(),
    accidentCategory: text('accident_category'),
    severity: text('severity').$type<'minor' | 'serious' | 'death'>().notNull(),
    disabilityGrade: smallint('disability_grade'),
    isDeath: boolean('is_death').notNull(),
    fundExpenditureFen: bigint('fund_expenditure_fen', { mode: 'number' }).notNull(),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('injury_cases_key').on(t.caseNo),
    index('injury_cases_employer_idx').on(t.employerId),
    index('injury_cases_jurisdiction_idx').on(t.jurisdictionId, t.occurredOn),
    index('injury_cases_id_number_index_idx').on(t.idNumberIndex),
    index('injury_cases_batch_idx').on(t.batchId),
  ],
);

/** 生产安全事故 (应急). */
export const safetyAccidents = pgTable(
  'safety_accidents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accidentNo: text('accident_no').notNull(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    occurredOn: date('occurred_on').notNull(),
    category: text('category').notNull(),
    grade: text('grade').notNull(),
    deaths: integer('deaths').notNull(),
    seriousInjuries: integer('serious_injuries').notNull(),
    directLossFen: bigint('direct_loss_fen', { mode: 'number' }).notNull(),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('safety_accidents_key').on(t.accidentNo),
    index('safety_accidents_jurisdiction_idx').on(t.jurisdictionId, t.occurredOn),
    index('safety_accidents_employer_idx').on(t.employerId),
    index('safety_accidents_batch_idx').on(t.batchId),
  ],
);

/** 职业病诊断 (卫健). */
export const diseaseCases = pgTable(
  'disease_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseNo: text('case_no').notNull(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** Personal data: SM4 ciphertext when PII_ENCRYPTION=sm4, else plaintext. */
    idNumber: text('id_number').notNull(),
    /** The person's lookup key (PiiCrypto.index). */
    idNumberIndex: text('id_number_index').notNull(),
    /** Personal data, encrypted like idNumber. */
    personName: text('person_name').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    diseaseClass: text('disease_class').notNull(),
    diseaseName: text('disease_name').notNull(),
    isPneumoconiosis: boolean('is_pneumoconiosis').notNull(),
    diagnosedOn: date('diagnosed_on').notNull(),
    exposureYears: numeric('exposure_years', { precision: 4, scale: 1 }).notNull(),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('disease_cases_key').on(t.caseNo),
    index('disease_cases_jurisdiction_idx').on(t.jurisdictionId, t.diagnosedOn),
    index('disease_cases_id_number_index_idx').on(t.idNumberIndex),
    index('disease_cases_employer_idx').on(t.employerId),
    index('disease_cases_batch_idx').on(t.batchId),
  ],
);

/** Fund revenue and expenditure per pooling jurisdiction and year, in fen. */
export const fundAccounts = pgTable(
  'fund_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    contributionIncomeFen: bigint('contribution_income_fen', { mode: 'number' }).notNull(),
    benefitExpenditureFen: bigint('benefit_expenditure_fen', { mode: 'number' }).notNull(),
    preventionFeeSpentFen: bigint('prevention_fee_spent_fen', { mode: 'number' }).notNull(),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance; finds the first of two duplicate lines). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('fund_accounts_key').on(t.jurisdictionId, t.year),
    check(
      'fund_accounts_amounts_check',
      sql`${t.contributionIncomeFen} >= 0 and ${t.benefitExpenditureFen} >= 0 and ${t.preventionFeeSpentFen} >= 0`,
    ),
  ],
);

/**
 * 单位缴费与待遇: per employer and year, the wage bill, the premiums it paid and the benefits the fund
 * paid for its workers, in fen — the inputs of premium-rate floating (支缴率 = benefits ÷ premiums).
 */
export const employerContributions = pgTable(
  'employer_contributions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** The date the employer was first insured. */
    insuredFrom: date('insured_from').notNull(),
    wageBillFen: bigint('wage_bill_fen', { mode: 'number' }).notNull(),
    premiumsPaidFen: bigint('premiums_paid_fen', { mode: 'number' }).notNull(),
    benefitsPaidFen: bigint('benefits_paid_fen', { mode: 'number' }).notNull(),
    arrearsFen: bigint('arrears_fen', { mode: 'number' }).notNull().default(0),
    batchId: integer('batch_id').notNull(),
    /** The line of that batch's file that wrote this row (provenance). */
    batchLine: integer('batch_line'),
  },
  (t) => [
    uniqueIndex('employer_contributions_key').on(t.employerId, t.year),
    index('employer_contributions_batch_idx').on(t.batchId),
    check(
      'employer_contributions_amounts_check',
      sql`${t.wageBillFen} >= 0 and ${t.premiumsPaidFen} >= 0 and ${t.benefitsPaidFen} >= 0 and ${t.arrearsFen} >= 0`,
    ),
  ],
);
