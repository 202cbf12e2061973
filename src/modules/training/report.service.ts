import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { describeTrainingCoverage } from './training.service.js';

const STATUS_ZH = {
  met: '已达到',
  behind: '未达到（期限未到）',
  overdue: '未达到（已逾期）',
  no_target: '未设目标',
};

/**
 * 工伤预防培训情况 of a jurisdiction in a year, for the yearly implementation report (JM-6): the key
 * posts' coverage as of `asOf` (the year's end, or today for the running year) against the plan
 * period's target — the same figures as the coverage page for that date — and the completions
 * recorded in the year (where the learner's employer is, else where the course is). `no_data` when no key post is registered and nobody completed a course.
 */
export async function describeTrainingOfYear(
  db: Db,
  actor: Actor,
  scope: { code: string; path: string },
  year: number,
  asOf: string,
) {
  const [coverage, completionRows] = await Promise.all([
    describeTrainingCoverage(db, actor, { jurisdiction: scope.code, asOf }),
    db.execute(sql`select count(*)::int as completions, count(distinct c.id_number_index)::int as persons
      from training_completions c join training_courses k on k.id = c.course_id
      left join organisations o on o.id = c.employer_id
      join jurisdictions j on j.id = coalesce(o.jurisdiction_id, k.jurisdiction_id)
      where ${withinScope(sql`j.path`, scope.path)} and c.revoked_at is null
        and c.completed_on >= ${`${year}-01-01`} and c.completed_on <= ${`${year}-12-31`}`),
  ]);
  const done = rowsOf(completionRows)[0] ?? {};
  const { totals, target } = coverage;
  if (totals.posts === 0 && Number(done.completions ?? 0) === 0)
    return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      { label: `重点岗位（个，截至${asOf}）`, value: totals.posts },
      { label: '应培训岗位（个，宽限期外）', value: totals.due },
      { label: '已培训岗位（个）', value: totals.trained },
      { label: '培训覆盖率（%）', value: totals.coveragePct ?? '—' },
      {
        label: `${coverage.planPeriod}目标`,
        value: target ? `${target.coveragePct}%，${target.dueDate}前` : '未设目标',
      },
      { label: '目标完成情况', value: STATUS_ZH[coverage.status] },
      { label: '本年完成培训（人次）', value: Number(done.completions ?? 0) },
      { label: '本年完成培训（人）', value: Number(done.persons ?? 0) },
    ],
  };
}
