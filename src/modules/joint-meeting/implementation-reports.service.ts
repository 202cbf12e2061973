import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import {
  chineseNumber,
  type DocumentBlock,
  jointMeetingOfficeOf,
  type OfficialDocument,
} from '../../platform/documents/official-document.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import type { DueSettingKey } from './joint-meeting.settings.js';
import { getMemberReportBoard } from './member-reports.service.js';
import { composeStandingReport, STANDING_REPORTS } from './standing-reports.service.js';
import { assertState, resolveDueDates } from './workflow.shared.js';
import { implementationReports, type ReportStatus, reportEvents } from './workflow.tables.js';

/** One section of the yearly implementation report. */
export interface ReportPart {
  key: string;
  title: string;
  /** ok | no_data (the source exists, nothing was submitted) | not_available (no module records it yet) */
  status: 'ok' | 'no_data' | 'not_available';
  rows: { label: string; value: string | number }[];
}

/** The jurisdiction a report is composed for. */
export interface ReportScope {
  id: number;
  code: string;
  name: string;
  path: string;
  level: string;
}

/**
 * A section another module writes (JM-6): its key, title, and how to describe the jurisdiction
 * subtree's year as of a date (the year's end, or today for the running year). `app.ts` hands the
 * list in, so the report knows every programme module without importing one (modules sit above
 * the joint meeting in the module map, and a new module adds one entry there).
 */
export interface YearlyReportSource {
  key: string;
  title: string;
  describe(
    db: Db,
    actor: Actor,
    scope: ReportScope,
    year: number,
    asOf: string,
  ): Promise<{ status: 'ok' | 'no_data'; rows: ReportPart['rows'] }>;
}

/**
 * Sections of the plans' yearly report. One that no module writes yet says so, never a figure; a
 * source handed in with the same key replaces it.
 */
export const YEARLY_REPORT_SECTIONS: readonly { key: string; title: string }[] = [
  { key: 'projects', title: '工伤预防项目实施情况' },
  { key: 'experts', title: '专家库建设情况' },
  { key: 'training', title: '工伤预防培训情况' },
  { key: 'publicity', title: '工伤预防宣传情况' },
  { key: 'rateFloating', title: '工伤保险费率浮动情况' },
];

function dueKeyOf(level: string): DueSettingKey | null {
  if (level === 'prefecture') return 'jm.prefectureReportDue';
  if (level === 'province') return 'jm.provinceReportDue';
  return null;
}

/** The level that reports to `level`: provinces report to the ministry, prefectures to a province. */
function reportingLevelBelow(level: string): string | null {
  if (level === 'national') return 'province';
  if (level === 'province') return 'prefecture';
  return null;
}

async function dueDateOf(db: Db, path: string, level: string, year: number): Promise<string | null> {
  const key = dueKeyOf(level);
  if (!key) return null;
  return `${year}-${(await resolveDueDates(db, path))[key].value}`;
}

/** Composes every section from the year's records of the jurisdiction subtree. */
async function composeParts(
  db: Db,
  actor: Actor,
  j: { id: number; code: string; name: string; path: string; level: string },
  year: number,
  now: Date,
  sources: readonly YearlyReportSource[],
): Promise<ReportPart[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const todayDate = today(now);
  const inScope = withinScope(sql`j.path`, j.path);
  const [meetingRows, items, rect] = await Promise.all([
    db.execute(sql`select m.title, m.kind, m.held_on::text as held_on, j.name as jurisdiction from meetings m join jurisdictions j on j.id = m.jurisdiction_id
      where ${inScope} and m.status in ('held','minutes_approved') and m.held_on >= ${from} and m.held_on < ${to} order by m.held_on`),
    db.execute(sql`select count(*)::int as total, count(*) filter (where a.status = 'closed')::int as closed,
      count(*) filter (where a.status <> 'closed' and a.deadline < ${todayDate})::int as overdue
      from action_items a join jurisdictions j on j.id = a.jurisdiction_id join meetings m on m.id = a.meeting_id
      where ${inScope} and m.held_on >= ${from} and m.held_on < ${to}`),
    db.execute(sql`select count(*)::int as total, count(*) filter (where x.status = 'closed')::int as closed,
      count(*) filter (where x.status <> 'closed' and x.deadline < ${todayDate})::int as overdue,
      count(*) filter (where x.escalated_at is not null)::int as escalated
      from rectifications x join jurisdictions j on j.id = x.jurisdiction_id
      where ${inScope} and x.created_at >= ${from} and x.created_at < ${to}`),
  ]);
  const held = rowsOf(meetingRows);
  const parts: ReportPart[] = [
    {
      key: 'meetings',
      title: '联席会议召开情况',
      status: 'ok',
      rows: [
        { label: '召开会议（次）', value: held.length },
        ...held.map((m) => ({
          label: `${m.held_on} ${m.jurisdiction}`,
          value: `${m.kind === 'regular' ? '例会' : '临时会议'}：${m.title}`,
        })),
      ],
    },
  ];
  for (const r of STANDING_REPORTS) {
    const report = await composeStandingReport(db, j, r.kind, year, now);
    for (const s of report.sections)
      parts.push({
        key: `data.${s.source}`,
        title: s.label,
        status: s.status,
        rows:
          s.status === 'ok'
            ? s.figures.map((f) => ({ label: `${f.label}（${f.unit}）`, value: f.value }))
            : [],
      });
  }
  const it = rowsOf(items)[0] ?? {};
  parts.push({
    key: 'actionItems',
    title: '会议议定事项落实情况',
    status: 'ok',
    rows: [
      { label: '督办事项（项）', value: Number(it.total ?? 0) },
      { label: '已办结（项）', value: Number(it.closed ?? 0) },
      { label: '逾期未办结（项）', value: Number(it.overdue ?? 0) },
    ],
  });
  const board = await getMemberReportBoard(db, actor, { jurisdiction: j.code, year }, now);
  parts.push({
    key: 'memberReports',
    title: '成员单位年度报告',
    status: 'ok',
    rows: board.items.map((u) => ({ label: u.organisationName, value: STATUS_ZH[u.status ?? 'none'] ?? '' })),
  });
  const rx = rowsOf(rect)[0] ?? {};
  parts.push({
    key: 'rectifications',
    title: '隐患和职业病危害因素超标整改情况',
    status: 'ok',
    rows: [
      { label: '发出限期整改建议（份）', value: Number(rx.total ?? 0) },
      { label: '已整改（份）', value: Number(rx.closed ?? 0) },
      { label: '逾期未整改（份）', value: Number(rx.overdue ?? 0) },
      { label: '移交成员单位督办（份）', value: Number(rx.escalated ?? 0) },
    ],
  });
  const below = reportingLevelBelow(j.level);
  if (below) {
    const subs = await listSubordinateReports(db, j, below, year, now);
    parts.push({
      key: 'subordinates',
      title: '下级年度报告报送情况',
      status: 'ok',
      rows: subs.map((s) => ({
        label: s.name,
        value: `${STATUS_ZH[s.status ?? 'none']}${s.isOverdue ? '（逾期）' : ''}`,
      })),
    });
  }
  const yearEnd = `${year}-12-31`;
  const asOf = yearEnd < todayDate ? yearEnd : todayDate;
  const described = await Promise.all(
    sources.map(async (source) => ({ source, part: await source.describe(db, actor, j, year, asOf) })),
  );
  for (const { source, part } of described)
    parts.push({ key: source.key, title: source.title, status: part.status, rows: part.rows });
  for (const n of YEARLY_REPORT_SECTIONS)
    if (!sources.some((s) => s.key === n.key))
      parts.push({ key: n.key, title: n.title, status: 'not_available', rows: [] });
  return parts;
}

const STATUS_ZH: Record<string, string> = {
  none: '未报送',
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回修改',
  accepted: '已通过',
};

async function listSubordinateReports(
  db: Db,
  parent: { id: number; path: string },
  level: string,
  year: number,
  now: Date,
) {
  const subs = await db
    .select({
      id: jurisdictions.id,
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      level: jurisdictions.level,
    })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.parentId, parent.id), eq(jurisdictions.level, level as 'province')))
    .orderBy(asc(jurisdictions.sortOrder), asc(jurisdictions.code));
  const reports = subs.length
    ? await db
        .select()
        .from(implementationReports)
        .where(
          and(
            inArray(
              implementationReports.jurisdictionId,
              subs.map((s) => s.id),
            ),
            eq(implementationReports.year, year),
          ),
        )
    : [];
  return Promise.all(
    subs.map(async (s) => {
      const r = reports.find((x) => x.jurisdictionId === s.id);
      const dueDate = await dueDateOf(db, s.path, s.level, year);
      const status = r?.status ?? null;
      return {
        code: s.code,
        name: s.name,
        reportId: r?.id ?? null,
        status,
        dueDate,
        submittedAt: r?.submittedAt?.toISOString() ?? null,
        isOverdue:
          dueDate !== null && status !== 'submitted' && status !== 'accepted' && today(now) > dueDate,
      };
    }),
  );
}

/**
 * The reports owed to a jurisdiction for a year (JM-6): its own and its direct subordinates', with
 * due dates and the overdue ones flagged.
 */
export async function listImplementationReports(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year: number },
  now: Date,
) {
  const j = await getJurisdictionInScope(db, actor, options.jurisdiction ?? actor.jurisdictionCode);
  const below = reportingLevelBelow(j.level);
  const subordinates = below ? await listSubordinateReports(db, j, below, options.year, now) : [];
  const [own] = await db
    .select()
    .from(implementationReports)
    .where(and(eq(implementationReports.jurisdictionId, j.id), eq(implementationReports.year, options.year)));
  const ownDue = await dueDateOf(db, j.path, j.level, options.year);
  return {
    jurisdiction: { code: j.code, name: j.name, level: j.level },
    year: options.year,
    own: {
      reportId: own?.id ?? null,
      status: own?.status ?? null,
      dueDate: ownDue,
      isOverdue:
        ownDue !== null && own?.status !== 'submitted' && own?.status !== 'accepted' && today(now) > ownDue,
    },
    subordinates,
  };
}

async function getReportInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ report: implementationReports, j: jurisdictions })
    .from(implementationReports)
    .innerJoin(jurisdictions, eq(jurisdictions.id, implementationReports.jurisdictionId))
    .where(and(eq(implementationReports.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!row) throw notFound();
  return row;
}

export async function getImplementationReport(db: Db, actor: Actor, id: number, now: Date) {
  const { report, j } = await getReportInScope(db, actor, id);
  const events = await db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportType, 'implementation_report'), eq(reportEvents.reportId, id)))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
  const dueDate = await dueDateOf(db, j.path, j.level, report.year);
  return {
    id: report.id,
    jurisdiction: { code: j.code, name: j.name, level: j.level },
    year: report.year,
    status: report.status,
    dueDate,
    isOverdue:
      dueDate !== null &&
      report.status !== 'submitted' &&
      report.status !== 'accepted' &&
      today(now) > dueDate,
    narrative: report.narrative,
    parts: (report.content.parts ?? []) as ReportPart[],
    composedAt: report.composedAt.toISOString(),
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviewComment: report.reviewComment,
    /** The actor may review it: a superior (the jurisdiction lies strictly below the actor's). */
    canReview: j.path !== actor.jurisdictionPath,
    events: events.map((e) => ({
      action: e.action,
      comment: e.comment,
      username: e.username,
      at: e.at.toISOString(),
    })),
  };
}

function assertOwn(actor: Actor, path: string) {
  if (path !== actor.jurisdictionPath) throw new AppError(403, 'report.own_only');
}

/**
 * Composes (or recomposes, while draft or returned) the actor's own jurisdiction's report for a
 * year from the records; the narrative is kept.
 */
export async function composeImplementationReport(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; year: number; narrative?: string },
  now: Date,
  sources: readonly YearlyReportSource[] = [],
) {
  const j = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  assertOwn(actor, j.path);
  if (!dueKeyOf(j.level)) throw badRequest('report.level', 'jurisdictionCode');
  const [existing] = await db
    .select()
    .from(implementationReports)
    .where(and(eq(implementationReports.jurisdictionId, j.id), eq(implementationReports.year, input.year)));
  if (existing) assertState(existing.status, ['draft', 'returned'] as ReportStatus[], 'compose');
  const parts = await composeParts(db, actor, j, input.year, now, sources);
  const id = await db.transaction(async (tx) => {
    const [row] = existing
      ? await tx
          .update(implementationReports)
          .set({
            content: { parts },
            composedAt: now,
            ...(input.narrative !== undefined ? { narrative: input.narrative } : {}),
          })
          .where(eq(implementationReports.id, existing.id))
          .returning({ id: implementationReports.id })
      : await tx
          .insert(implementationReports)
          .values({
            jurisdictionId: j.id,
            year: input.year,
            content: { parts },
            narrative: input.narrative ?? '',
            composedAt: now,
          })
          .returning({ id: implementationReports.id });
    if (!row) throw new Error('write returned no row');
    await recordAudit(tx, actor, {
      action: 'implementation-report.compose',
      targetType: 'implementation_report',
      targetId: row.id,
      jurisdictionPath: j.path,
      details: { year: input.year, recomposed: Boolean(existing) },
    });
    return row.id;
  });
  return getImplementationReport(db, actor, id, now);
}

/** draft/returned → submitted to the superior, by the jurisdiction itself. */
export async function submitImplementationReport(
  db: Db,
  actor: Actor,
  id: number,
  input: { comment?: string },
  now: Date,
) {
  const { report, j } = await getReportInScope(db, actor, id);
  assertOwn(actor, j.path);
  assertState(report.status, ['draft', 'returned'] as ReportStatus[], 'submit');
  await db.transaction(async (tx) => {
    await tx
      .update(implementationReports)
      .set({ status: 'submitted', submittedAt: now })
      .where(eq(implementationReports.id, id));
    await tx.insert(reportEvents).values({
      reportType: 'implementation_report',
      reportId: id,
      action: 'submit',
      comment: input.comment ?? null,
      username: actor.username,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'implementation-report.submit',
      targetType: 'implementation_report',
      targetId: id,
      jurisdictionPath: j.path,
      details: { from: report.status, comment: input.comment ?? null },
    });
  });
  return getImplementationReport(db, actor, id, now);
}

/** submitted → accepted, or → returned with comments, by the superior jurisdiction. */
export async function reviewImplementationReport(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'accept' | 'return'; comment?: string },
  now: Date,
) {
  const { report, j } = await getReportInScope(db, actor, id);
  if (j.path === actor.jurisdictionPath) throw new AppError(403, 'report.superior_only');
  assertState(report.status, ['submitted'] as ReportStatus[], input.decision);
  if (input.decision === 'return' && !input.comment?.trim()) throw badRequest('validation.failed', 'comment');
  const to: ReportStatus = input.decision === 'accept' ? 'accepted' : 'returned';
  await db.transaction(async (tx) => {
    await tx
      .update(implementationReports)
      .set({ status: to, reviewComment: input.comment ?? null, reviewedAt: now })
      .where(eq(implementationReports.id, id));
    await tx.insert(reportEvents).values({
      reportType: 'implementation_report',
      reportId: id,
      action: input.decision,
      comment: input.comment ?? null,
      username: actor.username,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: `implementation-report.${input.decision}`,
      targetType: 'implementation_report',
      targetId: id,
      jurisdictionPath: j.path,
      details: { from: report.status, to, comment: input.comment ?? null },
    });
  });
  return getImplementationReport(db, actor, id, now);
}

const PART_STATUS_ZH = {
  ok: '',
  no_data: '本年度无相关记录',
  not_available: '暂无（平台尚未建设该模块）',
} as const;

/**
 * The report as an official document (GB/T 9704 layout: platform/documents): issued by the
 * jurisdiction's joint-meeting office to its superior's (the ministry for a province), dated the
 * day it was composed, the summary first and then every section, a table where there are figures.
 */
export async function describeImplementationReportDocument(
  db: Db,
  report: Awaited<ReturnType<typeof getImplementationReport>>,
): Promise<OfficialDocument> {
  // The superior jurisdiction's name, in one query (the report carries only its own code).
  const [parent] = await db
    .select({ name: jurisdictions.name })
    .from(jurisdictions)
    .where(
      sql`${jurisdictions.id} = (select parent_id from jurisdictions where code = ${report.jurisdiction.code})`,
    );
  const addressee =
    report.jurisdiction.level === 'province' || !parent
      ? '人力资源社会保障部'
      : jointMeetingOfficeOf(parent.name);
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: '一、工作总结' },
    { kind: 'paragraph', text: report.narrative.trim() || '（未填写）' },
  ];
  report.parts.forEach((part, i) => {
    blocks.push({ kind: 'heading', text: `${chineseNumber(i + 2)}、${part.title}` });
    if (part.status === 'ok' && part.rows.length > 0)
      blocks.push({
        kind: 'table',
        header: ['项目', '情况'],
        rows: part.rows.map((r) => [r.label, r.value]),
      });
    else blocks.push({ kind: 'paragraph', text: PART_STATUS_ZH[part.status] || '本年度无相关记录' });
  });
  const office = jointMeetingOfficeOf(report.jurisdiction.name);
  return {
    issuer: office,
    title: `${report.jurisdiction.name}${report.year}年度工伤预防工作实施情况报告`,
    addressee,
    blocks,
    signature: office,
    date: today(new Date(report.composedAt)),
  };
}

export { PART_STATUS_ZH, STATUS_ZH };
