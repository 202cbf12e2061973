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
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

export type FinanceStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/**
 * 工伤预防费年度预算 of a pooling jurisdiction (PP-1). Committed (contract sums not yet paid) plus
 * paid never exceed the budget, and the budget never exceeds the cap: the database checks both.
 */
export const preventionBudgets = pgTable(
  'prevention_budgets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    /** Previous year's contribution income (征缴收入) the cap was computed from, fen. */
    baseIncomeFen: bigint('base_income_fen', { mode: 'number' }).notNull(),
    /** The share applied, in basis points (300 = 3 %). */
    capBasisPoints: integer('cap_basis_points').notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    committedFen: bigint('committed_fen', { mode: 'number' }).notNull().default(0),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    /** The year's key fields (重点领域) declarations must fall within. */
    keyFields: jsonb('key_fields').$type<string[]>().notNull(),
    /** 公示 of the year's project list: when it was published and until when. */
    noticeFrom: date('notice_from'),
    noticeTo: date('notice_to'),
    /**
     * The finance step (财政审核): draft → submitted → approved | returned. A changed budget goes
     * back to draft; where the setting requires it, payments wait for approval.
     */
    financeStatus: text('finance_status').$type<FinanceStatus>().notNull().default('draft'),
    /** The amount the finance unit approved, fen: payments (拨付) never exceed it. */
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** HRSS's account of last year's execution and evaluation, sent with the proposal. */
    proposalNote: text('proposal_note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('prevention_budgets_key').on(t.jurisdictionId, t.year),
    check(
      'prevention_budgets_finance_status_check',
      sql`${t.financeStatus} in ('draft','submitted','approved','returned')`,
    ),
    check(
      'prevention_budgets_approved_check',
      sql`${t.approvedFen} is null or (${t.approvedFen} >= 0 and ${t.approvedFen} <= ${t.capFen})`,
    ),
    check(
      'prevention_budgets_amounts_check',
      sql`${t.committedFen} >= 0 and ${t.paidFen} >= 0 and ${t.budgetFen} >= 0 and ${t.committedFen} + ${t.paidFen} <= ${t.budgetFen} and ${t.budgetFen} <= ${t.capFen}`,
    ),
  ],
);

export const PROJECT_STATUSES = [
  'declared',
  'reviewing',
  'reviewed',
  'approved',
  'rejected',
  'listed',
  'contracted',
  'in_progress',
  'failed',
  'rectifying',
  'accepted',
  'deducted',
  'settled',
  'disclosed',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Performance figures (绩效目标 and outcomes, PP-10), percent. */
export interface PerformanceFigures {
  /** Participants' satisfaction. */
  satisfactionPct?: number;
  /** Knowledge test pass rate. */
  passRatePct?: number;
  /** Injury-rate change of the trained employers against their own three-year baseline (−10 = 10 % lower). */
  injuryRateChangePct?: number;
}

/** A budget line of a declaration. */
export interface BudgetLine {
  item: string;
  amountFen: number;
}

/** 工伤预防项目: a publicity or training project paid from the prevention fee (PP-2 … PP-9). */
export const preventionProjects = pgTable(
  'prevention_projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    /** The industry association or large/medium enterprise that declared it. */
    applicantOrganisationId: integer('applicant_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** publicity 宣传 | training 培训: the only two uses (13号 第四条). */
    type: text('type').$type<'publicity' | 'training'>().notNull(),
    title: text('title').notNull(),
    keyField: text('key_field').notNull(),
    summary: text('summary').notNull(),
    /** Industry (GB/T 4754 division) the project serves, for showcases. */
    industryCode: text('industry_code'),
    budgetLines: jsonb('budget_lines').$type<BudgetLine[]>().notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    status: text('status').$type<ProjectStatus>().notNull().default('declared'),
    /** Mean panel score, two decimals, once every member scored. */
    reviewScore: numeric('review_score', { precision: 5, scale: 2 }),
    /** The service organisation (proposed at declaration, fixed by the agreement). */
    serviceOrganisationId: integer('service_organisation_id').references(() => organisations.id),
    agreementNo: text('agreement_no'),
    agreementSignedOn: date('agreement_signed_on'),
    filedWithHrssOn: date('filed_with_hrss_on'),
    contractFen: bigint('contract_fen', { mode: 'number' }),
    prepayPercent: integer('prepay_percent'),
    deductionFen: bigint('deduction_fen', { mode: 'number' }).notNull().default(0),
    /** Targets declared (PP-10). */
    performanceTargets: jsonb('performance_targets').$type<PerformanceFigures>().notNull().default({}),
    /** Outcomes measured at acceptance (PP-10). */
    performanceResults: jsonb('performance_results').$type<PerformanceFigures>(),
    isShowcase: boolean('is_showcase').notNull().default(false),
    showcaseNote: text('showcase_note'),
    disclosureText: text('disclosure_text'),
    disclosedAt: timestamp('disclosed_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('prevention_projects_jurisdiction_idx').on(t.jurisdictionId, t.year),
    index('prevention_projects_applicant_idx').on(t.applicantOrganisationId),
    check('prevention_projects_type_check', sql`${t.type} in ('publicity','training')`),
    check(
      'prevention_projects_amounts_check',
      sql`${t.requestedFen} > 0 and (${t.contractFen} is null or ${t.contractFen} > 0) and ${t.deductionFen} >= 0 and (${t.contractFen} is null or ${t.deductionFen} <= ${t.contractFen})`,
    ),
  ],
);

/** Every state change, check, report and payment of a project: who, when, why (PP-6). */
export const projectEvents = pgTable(
  'project_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => preventionProjects.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_events_project_idx').on(t.projectId)],
);

/** A payment from the prevention fee: one prepayment and one balance per project at most. */
export const projectPayments = pgTable(
  'project_payments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => preventionProjects.id),
    budgetId: integer('budget_id')
      .notNull()
      .references(() => preventionBudgets.id),
    /** prepayment 预付 | balance 结算尾款 */
    kind: text('kind').$type<'prepayment' | 'balance'>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidBy: text('paid_by').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_payments_once_key').on(t.projectId, t.kind),
    check('project_payments_kind_check', sql`${t.kind} in ('prepayment','balance')`),
    check('project_payments_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/** A service organisation found defrauding the fund (PP-8): it cannot be chosen again. */
export const barredOrganisations = pgTable('barred_organisations', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  reason: text('reason').notNull(),
  barredBy: text('barred_by').notNull(),
  barredAt: timestamp('barred_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each step of the finance chain of a budget: HRSS submits, the finance unit approves or returns (PP-1). */
export const budgetDecisions = pgTable(
  'budget_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    budgetId: integer('budget_id')
      .notNull()
      .references(() => preventionBudgets.id),
    /** submit 报送 | approve 批复 | return 退回 */
    step: text('step').$type<'submit' | 'approve' | 'return'>().notNull(),
    /** The budget proposed (submit) or approved (approve), fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    reason: text('reason').notNull(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull(),
    /** The unit that took the step (the finance bureau for approve and return). */
    organisationId: integer('organisation_id').references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_decisions_budget_idx').on(t.budgetId),
    check('budget_decisions_step_check', sql`${t.step} in ('submit','approve','return')`),
  ],
);
