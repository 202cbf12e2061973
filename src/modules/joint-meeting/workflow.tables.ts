import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

export type MeetingStatus = 'draft' | 'scheduled' | 'held' | 'minutes_approved';
export type MeetingKind = 'regular' | 'extraordinary';

/** 联席会议: one meeting of a jurisdiction's joint meeting, regular (例会) or extraordinary (临时会议). */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** regular (例会, at least one a year after the fund's final accounts) | extraordinary (临时会议) */
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title').notNull(),
    /** The year the standing reports cover (usually the year before the meeting). */
    reportYear: smallint('report_year').notNull(),
    plannedOn: date('planned_on').notNull(),
    location: text('location'),
    /** draft → scheduled → held → minutes_approved */
    status: text('status').$type<MeetingStatus>().notNull().default('draft'),
    heldOn: date('held_on'),
    /** 会议纪要: the minutes' text. */
    minutes: text('minutes'),
    /** Agreed matters (议定事项), one per line item. */
    decisions: jsonb('decisions').$type<string[]>().notNull().default([]),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_jurisdiction_idx').on(t.jurisdictionId, t.plannedOn),
    check('meetings_kind_check', sql`${t.kind} in ('regular','extraordinary')`),
    check('meetings_status_check', sql`${t.status} in ('draft','scheduled','held','minutes_approved')`),
    check('meetings_held_check', sql`${t.status} in ('draft','scheduled') or ${t.heldOn} is not null`),
  ],
);

/** A unit invited to a meeting (member departments by default, others as guests) and its attendance. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** member (成员单位) | guest (列席: another department invited) */
    role: text('role').$type<'member' | 'guest'>().notNull(),
    /** invited | present | absent */
    attendance: text('attendance').$type<'invited' | 'present' | 'absent'>().notNull().default('invited'),
    /** Who attended for the unit, as the sign-in sheet says. */
    attendeeName: text('attendee_name'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    check('meeting_participants_role_check', sql`${t.role} in ('member','guest')`),
    check('meeting_participants_attendance_check', sql`${t.attendance} in ('invited','present','absent')`),
  ],
);

export type AgendaKind = 'injury_report' | 'disease_report' | 'accident_report' | 'topic' | 'paper';

/**
 * A paper another module put on the agenda (e.g. a rate-floating simulation, FR-2): its figures as
 * labelled rows, frozen when attached, and a link back to where it came from. The meeting knows
 * nothing of the module: the rows are its whole content.
 */
export interface AgendaPaper {
  source: string;
  link: string;
  rows: { labelZh: string; labelEn: string; value: string }[];
}

/**
 * An agenda item. The three standing reports (J 附件1 二) are composed from the shared data; when the
 * meeting is held the composed document is stored here and never recomputed (frozen papers).
 */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sortOrder: integer('sort_order').notNull(),
    /** injury_report | disease_report | accident_report | topic | paper */
    kind: text('kind').$type<AgendaKind>().notNull(),
    title: text('title').notNull(),
    /** The standing report as frozen when the meeting was held (null before); a paper's content. */
    report: jsonb('report').$type<Record<string, unknown>>(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
  },
  (t) => [
    index('meeting_agenda_items_meeting_idx').on(t.meetingId, t.sortOrder),
    check(
      'meeting_agenda_items_kind_check',
      sql`${t.kind} in ('injury_report','disease_report','accident_report','topic','paper')`,
    ),
  ],
);

export type ActionItemStatus = 'open' | 'in_progress' | 'closed';

/** 督办事项: an action item of a meeting's minutes, assigned to one member unit with a deadline. */
export const actionItems = pgTable(
  'action_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description'),
    deadline: date('deadline').notNull(),
    /** open → in_progress → closed; overdue is derived from the deadline and today. */
    status: text('status').$type<ActionItemStatus>().notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('action_items_meeting_idx').on(t.meetingId),
    index('action_items_org_idx').on(t.organisationId, t.status),
    index('action_items_jurisdiction_idx').on(t.jurisdictionId, t.deadline),
    check('action_items_status_check', sql`${t.status} in ('open','in_progress','closed')`),
  ],
);

export type RectificationStatus = 'issued' | 'rectifying' | 'closed';

/**
 * 限期整改建议 (KI-4): a hazard or an over-limit occupational hazard factor found at an employer,
 * the rectification suggestion issued with a deadline, and the member unit answerable for follow-up.
 */
export const rectifications = pgTable(
  'rectifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    employerId: integer('employer_id')
      .notNull()
      .references(() => organisations.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    /** hazard (隐患) | over_limit_factor (职业病危害因素超标) */
    findingKind: text('finding_kind').$type<'hazard' | 'over_limit_factor'>().notNull(),
    finding: text('finding').notNull(),
    /** For an over-limit factor: the factor (e.g. 矽尘), the measured value and the limit, as reported. */
    factorName: text('factor_name'),
    measuredValue: text('measured_value'),
    limitValue: text('limit_value'),
    suggestion: text('suggestion').notNull(),
    deadline: date('deadline').notNull(),
    /** The member unit that follows it up and receives the escalation. */
    responsibleOrganisationId: integer('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** issued → rectifying → closed; overdue is derived from the deadline. */
    status: text('status').$type<RectificationStatus>().notNull().default('issued'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectifications_jurisdiction_idx').on(t.jurisdictionId, t.deadline),
    index('rectifications_employer_idx').on(t.employerId),
    check('rectifications_kind_check', sql`${t.findingKind} in ('hazard','over_limit_factor')`),
    check('rectifications_status_check', sql`${t.status} in ('issued','rectifying','closed')`),
  ],
);

/** A progress report, closure or escalation of an action item or a rectification: history, never edited. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** action_item | rectification */
    targetType: text('target_type').$type<'action_item' | 'rectification'>().notNull(),
    targetId: integer('target_id').notNull(),
    /** progress | close | escalate */
    kind: text('kind').$type<'progress' | 'close' | 'escalate'>().notNull(),
    note: text('note').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    organisationId: integer('organisation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_target_idx').on(t.targetType, t.targetId),
    check('follow_ups_target_check', sql`${t.targetType} in ('action_item','rectification')`),
    check('follow_ups_kind_check', sql`${t.kind} in ('progress','close','escalate')`),
  ],
);

/** Evidence attached to a follow-up: the file lies under the upload dir, named by its SHA-256. */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    followUpId: integer('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_follow_up_idx').on(t.followUpId)],
);

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

/** JM-5: a member unit's yearly report on the template of its department type (J 附件1 三). */
export const memberReports = pgTable(
  'member_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** The template (department type) the content follows. */
    template: text('template').notNull(),
    /** Field values keyed by the template's field keys. */
    content: jsonb('content').$type<Record<string, string | number | null>>().notNull(),
    /** draft → submitted → accepted, or returned → submitted again */
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_reports_key').on(t.organisationId, t.year),
    index('member_reports_jurisdiction_idx').on(t.jurisdictionId, t.year),
    check('member_reports_status_check', sql`${t.status} in ('draft','submitted','returned','accepted')`),
  ],
);

/** JM-6: a jurisdiction's yearly implementation report to its superior (prefecture → province → ministry). */
export const implementationReports = pgTable(
  'implementation_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: smallint('year').notNull(),
    /** The sections composed from the year's records (see implementation-reports.service.ts). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** The reporting office's own account (工作总结), free text. */
    narrative: text('narrative').notNull().default(''),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    composedAt: timestamp('composed_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('implementation_reports_key').on(t.jurisdictionId, t.year),
    check(
      'implementation_reports_status_check',
      sql`${t.status} in ('draft','submitted','returned','accepted')`,
    ),
  ],
);

/** Each submission, return and acceptance of a yearly report (JM-5, JM-6), with its comment. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** member_report | implementation_report */
    reportType: text('report_type').$type<'member_report' | 'implementation_report'>().notNull(),
    reportId: integer('report_id').notNull(),
    /** submit | return | accept */
    action: text('action').$type<'submit' | 'return' | 'accept'>().notNull(),
    comment: text('comment'),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_events_report_idx').on(t.reportType, t.reportId)],
);

// --- 催办 (workbench, decision 0041) ---
export type ReminderTarget = 'action_item' | 'rectification' | 'member_report';

/**
 * 催办: a reminder sent to the unit that owes an action item, a rectification or a yearly member
 * report. For a member report the target is the unit itself (`target_id` = organisation id) and
 * the report's year, since a report never started has no row. History, never edited.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** action_item | rectification | member_report */
    targetType: text('target_type').$type<ReminderTarget>().notNull(),
    targetId: integer('target_id').notNull(),
    /** The report's year (member_report only). */
    year: smallint('year'),
    /** The unit reminded. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The day it was sent, China time: the rate limit counts per target per day. */
    sentOn: date('sent_on').notNull(),
    userId: integer('user_id').notNull(),
    username: text('username').notNull(),
    /** How many users of the unit it reached. */
    recipients: integer('recipients').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reminders_target_idx').on(t.targetType, t.targetId, t.sentOn),
    check('reminders_target_check', sql`${t.targetType} in ('action_item','rectification','member_report')`),
  ],
);
