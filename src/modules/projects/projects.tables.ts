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
  /** The kind of service under a payment standard (PP-11); absent for lines no standard covers. */
  serviceKind?: string;
  /** How many units of the kind (persons × days, sessions, copies). */
  quantity?: number;
  /** The standard's unit price at declaration and the amount it allows (quantity × price), fen. */
  unitPriceFen?: number;
  standardFen?: number;
  /** Where the standard was set (the pooling jurisdiction or its nearest ancestor). */
  standardDefinedAt?: string;
  /** Why the line is priced above the standard (required then); shown to the reviewers. */
  overStandardReason?: string;
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

// --- Service payment standards (PP-11) -------------------------------------------------------

/**
 * 服务支付标准 (PP-11): the unit price of a kind of service (a training day per person, a lecture, a
 * printed leaflet …) set by a jurisdiction for a year. A project's pooling jurisdiction uses its own
 * standard of a kind, else its nearest ancestor's (like settings). A budget line priced above the
 * standard needs a stated reason, which the reviewers see.
 */
export const paymentStandards = pgTable(
  'payment_standards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    /** Code of the kind of service, e.g. training_person_day. */
    kind: text('kind').notNull(),
    /** Chinese name of the kind, e.g. 培训（人·天）. */
    name: text('name').notNull(),
    /** Unit the price is per, e.g. 人·天, 场, 份. */
    unit: text('unit').notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_standards_key').on(t.jurisdictionId, t.year, t.kind),
    check('payment_standards_price_check', sql`${t.unitPriceFen} > 0`),
  ],
);

// --- Procurement of a project's service organisation (PP-4) ----------------------------------

/** 采购方式 (政府采购法 and 政府采购非招标采购方式管理办法). */
export const PROCUREMENT_METHODS = [
  'open_tender', // 公开招标
  'invited_tender', // 邀请招标
  'competitive_consultation', // 竞争性磋商
  'competitive_negotiation', // 竞争性谈判
  'single_source', // 单一来源
  'inquiry', // 询价
  'framework', // 框架协议采购
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];
export type ProcurementStatus = 'noticed' | 'evaluated' | 'awarded' | 'failed';

/**
 * 采购: how a project's service organisation was chosen — method, notice, bids, evaluation, award
 * (PP-4). One per project; a failed procurement (流标) is kept and a new one may follow.
 */
export const procurements = pgTable(
  'procurements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => preventionProjects.id),
    method: text('method').$type<ProcurementMethod>().notNull(),
    status: text('status').$type<ProcurementStatus>().notNull().default('noticed'),
    /** 采购公告 number, date and text (or the single-source 公示). */
    noticeNo: text('notice_no').notNull(),
    noticeOn: date('notice_on').notNull(),
    bidDeadline: date('bid_deadline').notNull(),
    noticeText: text('notice_text').notNull(),
    /** The evaluation committee's account (评审报告摘要). */
    evaluationNote: text('evaluation_note'),
    awardedBidId: integer('awarded_bid_id'),
    awardedOn: date('awarded_on'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('procurements_project_idx').on(t.projectId),
    check(
      'procurements_method_check',
      sql`${t.method} in ('open_tender','invited_tender','competitive_consultation','competitive_negotiation','single_source','inquiry','framework')`,
    ),
    check('procurements_status_check', sql`${t.status} in ('noticed','evaluated','awarded','failed')`),
    check('procurements_dates_check', sql`${t.bidDeadline} >= ${t.noticeOn}`),
  ],
);

/** A bid (投标/响应文件) of a procurement, its evaluation score and rank. */
export const procurementBids = pgTable(
  'procurement_bids',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    procurementId: integer('procurement_id')
      .notNull()
      .references(() => procurements.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    submittedOn: date('submitted_on').notNull(),
    /** Evaluation score out of 100, two decimals. */
    score: numeric('score', { precision: 5, scale: 2 }),
    rank: smallint('rank'),
  },
  (t) => [
    uniqueIndex('procurement_bids_once_key').on(t.procurementId, t.organisationId),
    check('procurement_bids_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/** A document of a procurement (公告, 投标文件, 评审报告, 中标通知书, 合同), kept as a stored file. */
export const procurementDocuments = pgTable(
  'procurement_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    procurementId: integer('procurement_id')
      .notNull()
      .references(() => procurements.id),
    /** notice | bid | evaluation | award | contract | other */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('procurement_documents_procurement_idx').on(t.procurementId),
    check(
      'procurement_documents_kind_check',
      sql`${t.kind} in ('notice','bid','evaluation','award','contract','other')`,
    ),
  ],
);
