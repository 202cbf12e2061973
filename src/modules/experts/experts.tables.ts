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
import { users } from '../users/users.tables.js';

export type ExpertStatus = 'pending' | 'active' | 'rejected' | 'suspended' | 'expired';

/** Expert fields (专业领域) as data: the six of the plans, plus those units recommend (EX-1). */
export const expertFields = pgTable(
  'expert_fields',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** Null: national (the six of the plans); otherwise applies in this jurisdiction and below. */
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id),
    /** Who added it: reference-data for the six of the plans, else the officer's username. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('expert_fields_name_key').on(t.name, t.jurisdictionId)],
);

/** 专家库: one expert of a jurisdiction's pool (EX-1, EX-2). */
export const experts = pgTable(
  'experts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The pool the expert belongs to. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The account the expert signs in with (role expert), if any. */
    userId: integer('user_id').references(() => users.id),
    /** Personal data: masked unless the viewer holds personal-data:view. */
    name: text('name').notNull(),
    /** 身份证号, personal data: SM4 ciphertext when PII_ENCRYPTION=sm4 (decision 0042). */
    idNumber: text('id_number'),
    /** The 身份证号's lookup key (`PiiCrypto.index`): what finds an expert by number, never id_number. */
    idNumberIndex: text('id_number_index'),
    /** Personal data: SM4 ciphertext when PII_ENCRYPTION=sm4. */
    phone: text('phone'),
    /** Employer, when it is an organisation of the platform (used for conflicts of interest). */
    employerOrganisationId: integer('employer_organisation_id').references(() => organisations.id),
    employerName: text('employer_name').notNull(),
    /** 职称, e.g. 高级工程师. */
    title: text('title').notNull(),
    /** 推荐单位. */
    recommendingUnit: text('recommending_unit').notNull(),
    /** Field names (expert_fields.name). */
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** 专业组, free text such as 建筑施工组. */
    specialistGroup: text('specialist_group'),
    /** pending | active | rejected | suspended | expired */
    status: text('status').$type<ExpertStatus>().notNull().default('pending'),
    termStart: date('term_start'),
    termEnd: date('term_end'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('experts_jurisdiction_idx').on(t.jurisdictionId),
    index('experts_id_number_index_idx').on(t.idNumberIndex),
    uniqueIndex('experts_user_key').on(t.userId),
    check('experts_status_check', sql`${t.status} in ('pending','active','rejected','suspended','expired')`),
    check('experts_term_check', sql`${t.termEnd} is null or ${t.termEnd} > ${t.termStart}`),
  ],
);

/** A relation the expert declared with an organisation (former employer, shareholding, family …). */
export const expertRelations = pgTable(
  'expert_relations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    relation: text('relation').notNull(),
    declaredBy: text('declared_by').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('expert_relations_key').on(t.expertId, t.organisationId)],
);

export type ExpertRecordKind =
  | 'qualification'
  | 'evaluation'
  | 'discipline'
  | 'suspension'
  | 'reinstatement'
  | 'renewal';

/** The expert's file: qualification review, term evaluations, discipline, suspension (EX-2). Append-only. */
export const expertRecords = pgTable(
  'expert_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    kind: text('kind').$type<ExpertRecordKind>().notNull(),
    /** e.g. approved / rejected, 优秀 / 合格 / 不合格, the sanction. */
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expert_records_expert_idx').on(t.expertId),
    check(
      'expert_records_kind_check',
      sql`${t.kind} in ('qualification','evaluation','discipline','suspension','reinstatement','renewal')`,
    ),
  ],
);

export const EXPERT_SHARE_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ExpertShareStatus = (typeof EXPERT_SHARE_STATUSES)[number];

/** Sharing an expert with another jurisdiction's pool by agreement (EX-4). */
export const expertShares = pgTable(
  'expert_shares',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The agreement, e.g. 闽吉工伤预防专家共享协议〔2026〕1号. */
    agreement: text('agreement').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * pending until an expert administrator of the receiving jurisdiction accepts or declines it;
     * only an accepted share makes the expert drawable there. A changed share is pending again.
     */
    status: text('status').$type<ExpertShareStatus>().notNull().default('pending'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerReason: text('answer_reason'),
  },
  (t) => [
    uniqueIndex('expert_shares_key').on(t.expertId, t.jurisdictionId),
    check('expert_shares_dates_check', sql`${t.validTo} >= ${t.validFrom}`),
    check('expert_shares_status_check', sql`${t.status} in ('pending','accepted','declined')`),
    index('expert_shares_pending').on(t.jurisdictionId).where(sql`${t.status} = 'pending'`),
  ],
);

/** One slot of a draw's result. */
export interface DrawPick {
  /** Order of the pick (0-based); declines add picks at the end. */
  step: number;
  /** The field the slot was drawn for, or null for an open slot. */
  field: string | null;
  expertId: number;
  /** The pick this one replaces (a declined expert's step). */
  replacesStep: number | null;
}

/**
 * 随机抽取: an auditable draw of a review panel (EX-3). The seed is fixed by a commitment made at
 * scheduling and a public value given at the draw (docs/decisions/0009-verifiable-expert-draw.md).
 */
export const expertDraws = pgTable(
  'expert_draws',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The prevention project reviewed (projects module; no FK to keep experts below projects). */
    projectId: integer('project_id').notNull(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    size: integer('size').notNull(),
    /** [{ field, count }] in drawing order. */
    fieldMix: jsonb('field_mix').$type<{ field: string; count: number }[]>().notNull(),
    /** SHA-256 (hex) of the server secret, published when the draw is scheduled. */
    commitment: text('commitment').notNull(),
    /** The secret, hidden until the draw; its hash must equal the commitment. */
    secret: text('secret').notNull(),
    /** Where the public value will come from, declared at scheduling. */
    beaconSource: text('beacon_source').notNull(),
    /** The public value, entered at the draw. */
    beaconValue: text('beacon_value'),
    /** SHA-256(secret ‖ '|' ‖ beaconValue), hex. */
    seed: text('seed'),
    algorithm: text('algorithm').notNull(),
    /** Eligible expert ids in ascending order with their fields. */
    candidates: jsonb('candidates').$type<{ id: number; fields: string[] }[]>(),
    /** Excluded experts with reasons. */
    exclusions: jsonb('exclusions').$type<{ id: number; reasons: string[] }[]>(),
    picks: jsonb('picks').$type<DrawPick[]>(),
    /** scheduled | drawn */
    status: text('status').$type<'scheduled' | 'drawn'>().notNull().default('scheduled'),
    scheduledBy: text('scheduled_by').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull().defaultNow(),
    drawnBy: text('drawn_by'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('expert_draws_project_key').on(t.projectId),
    check('expert_draws_size_check', sql`${t.size} >= 3 and ${t.size} % 2 = 1`),
  ],
);

/** A member of a drawn panel: invited, declined (with reason) or scoring. */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    drawId: integer('draw_id')
      .notNull()
      .references(() => expertDraws.id),
    projectId: integer('project_id').notNull(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    step: integer('step').notNull(),
    field: text('field'),
    /** invited | declined */
    status: text('status').$type<'invited' | 'declined'>().notNull().default('invited'),
    declineReason: text('decline_reason'),
    /** Score per criterion code. */
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: integer('total'),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('panel_members_key').on(t.drawId, t.expertId),
    index('panel_members_expert_idx').on(t.expertId),
    check('panel_members_status_check', sql`${t.status} in ('invited','declined')`),
    check('panel_members_total_check', sql`${t.total} is null or (${t.total} between 0 and 100)`),
  ],
);
